import { type Db, postgresSchemaOf } from '../db/client.ts';
import {
  editDistance,
  ftsQuery,
  queryWords,
  stopWords,
  tsQuery,
  typosAllowed,
  wordsOf,
} from '../domain/article-search.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import type { ArticleAudience } from './articles.ts';

export const searchFirstDefault = 5;
export const searchFirstMax = 20;

/** The SQL condition for the articles an audience may find (published only, always). */
function visibleSql(audience: ArticleAudience, locale: string | null) {
  const conditions = [Prisma.sql`a."status" = 'PUBLISHED'`];
  if (locale) conditions.push(Prisma.sql`a."locale" = ${locale}`);
  if (!audience.staff) {
    conditions.push(
      audience.organizationId
        ? Prisma.sql`(a."visibility" = 'PUBLIC' OR (a."visibility" = 'ORGANIZATION' AND a."organizationId" = ${audience.organizationId}))`
        : Prisma.sql`a."visibility" = 'PUBLIC'`,
    );
  }
  return Prisma.join(conditions, ' AND ');
}

/** Title matches ranked at most (a prefix as common as "опл" may match thousands). */
const titleCandidates = 300;
/** Body matches looked at after the titles' when there are too few of those. */
const bodyCandidates = 200;

/**
 * Titles first, then, when they give fewer than asked, articles with the words anywhere; each
 * ranked among the first matches found (`titleCandidates`, `bodyCandidates`), so the work
 * stays bounded however common a typed prefix is.
 */
async function matching(
  db: Db,
  words: readonly string[],
  audience: ArticleAudience,
  locale: string | null,
  first: number,
): Promise<string[]> {
  if (words.length === 0) return [];
  const where = visibleSql(audience, locale);
  const schema = postgresSchemaOf(db);
  if (schema) return postgresMatching(db, schema, words, where, first);
  const titles = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM (
      SELECT a."id" AS "id", bm25("ArticleSearch", 0.0, 4.0, 1.0) AS "rank", a."publishedAt" AS "at"
      FROM "ArticleSearch" s JOIN "Article" a ON a."id" = s."articleId"
      WHERE "ArticleSearch" MATCH ${ftsQuery(words, true)} AND ${where} LIMIT ${titleCandidates}
    ) ORDER BY "rank", "at" DESC LIMIT ${first}`;
  const found = titles.map((row) => row.id);
  if (found.length >= first) return found;
  const seen = found.length > 0 ? Prisma.sql`a."id" NOT IN (${Prisma.join(found)})` : Prisma.sql`1 = 1`;
  const bodies = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM (
      SELECT a."id" AS "id", bm25("ArticleSearch", 0.0, 4.0, 1.0) AS "rank", a."publishedAt" AS "at"
      FROM "ArticleSearch" s JOIN "Article" a ON a."id" = s."articleId"
      WHERE "ArticleSearch" MATCH ${ftsQuery(words)} AND ${where} AND ${seen} LIMIT ${bodyCandidates}
    ) ORDER BY "rank", "at" DESC LIMIT ${first - found.length}`;
  return [...found, ...bodies.map((row) => row.id)];
}

/**
 * Both steps in one transaction that keeps PostgreSQL on the GIN indexes: with a LIMIT and a
 * prefix it cannot estimate, the planner would otherwise scan the table, which costs every
 * row's vector when few or none match.
 */
async function postgresMatching(
  db: Db,
  schema: string,
  words: readonly string[],
  where: Prisma.Sql,
  first: number,
): Promise<string[]> {
  const article = Prisma.raw(`"${schema.replaceAll('"', '""')}"."Article"`);
  const query = tsQuery(words);
  const [, titles, bodies] = await db.$transaction([
    db.$executeRaw`SET LOCAL enable_seqscan = off`,
    db.$queryRaw<{ id: string }[]>`
      SELECT c."id" AS "id" FROM (
        SELECT a."id", a."searchVectorTitle", a."publishedAt" FROM ${article} a
        WHERE a."searchVectorTitle" @@ to_tsquery('russian', ${query}) AND ${where} LIMIT ${titleCandidates}
      ) c ORDER BY ts_rank(c."searchVectorTitle", to_tsquery('russian', ${query})) DESC, c."publishedAt" DESC
      LIMIT ${first}`,
    db.$queryRaw<{ id: string }[]>`
      SELECT c."id" AS "id" FROM (
        SELECT a."id", a."searchVector", a."publishedAt" FROM ${article} a
        WHERE a."searchVector" @@ to_tsquery('russian', ${query}) AND ${where} LIMIT ${bodyCandidates}
      ) c ORDER BY ts_rank(c."searchVector", to_tsquery('russian', ${query})) DESC, c."publishedAt" DESC
      LIMIT ${first * 2}`,
  ]);
  const found = titles.map((row) => row.id);
  for (const { id } of bodies) if (found.length < first && !found.includes(id)) found.push(id);
  return found;
}

/**
 * Published articles matching what was typed, best first: every word's stem as a prefix (so
 * results come while typing), in the audience's sight only. When nothing matches, words that
 * are no known word's beginning are read as typos of the nearest word of an article title.
 */
export async function searchArticles(
  db: Db,
  request: { query: string; locale: string | null; first: number; audience: ArticleAudience },
): Promise<string[]> {
  const first = Math.max(1, Math.min(searchFirstMax, request.first));
  const all = queryWords(request.query);
  const meaningful = all.filter((word) => !stopWords.has(word));
  const words = meaningful.length > 0 ? meaningful : all;
  const found = await matching(db, words, request.audience, request.locale, first);
  if (found.length > 0 || words.length === 0) return found;
  const vocabulary = await vocabularyOf(db);
  let changed = false;
  const corrected = words.map((word) => {
    const allowed = typosAllowed(word);
    if (allowed === 0 || vocabulary.hasPrefix(word)) return word;
    const near = vocabulary.nearest(word, allowed);
    if (near) changed = true;
    return near ?? word;
  });
  return changed ? matching(db, corrected, request.audience, request.locale, first) : [];
}

interface Vocabulary {
  hasPrefix(word: string): boolean;
  nearest(word: string, maxDistance: number): string | null;
}

const vocabularies = new WeakMap<Db, { words: Promise<Vocabulary>; at: number }>();
const vocabularyMaxAgeMs = 60_000;

/** Drops the cached words of titles (after a publish, so typo fixes find new titles at once). */
export function forgetVocabulary(db: Db) {
  vocabularies.delete(db);
}

/** The words of published titles and tags, kept a minute (other instances publish too). */
function vocabularyOf(db: Db): Promise<Vocabulary> {
  const cached = vocabularies.get(db);
  if (cached && Date.now() - cached.at < vocabularyMaxAgeMs) return cached.words;
  const words = loadVocabulary(db);
  vocabularies.set(db, { words, at: Date.now() });
  words.catch(() => vocabularies.delete(db));
  return words;
}

async function loadVocabulary(db: Db): Promise<Vocabulary> {
  const articles = await db.article.findMany({
    where: { status: 'PUBLISHED' },
    select: { publishedTitle: true, publishedTags: true },
  });
  const counts = new Map<string, number>();
  for (const article of articles) {
    const tags = Array.isArray(article.publishedTags) ? article.publishedTags.join(' ') : '';
    for (const word of wordsOf(`${article.publishedTitle ?? ''} ${tags}`))
      if (word.length >= 3) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const sorted = [...counts.keys()].sort();
  return {
    hasPrefix(word) {
      let low = 0;
      let high = sorted.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if ((sorted[mid] as string) < word) low = mid + 1;
        else high = mid;
      }
      return sorted[low]?.startsWith(word) ?? false;
    },
    nearest(word, maxDistance) {
      let best: string | null = null;
      let bestScore = Number.POSITIVE_INFINITY;
      for (const candidate of sorted) {
        // A whole word, or the beginning of a longer one (the visitor is still typing).
        const whole = editDistance(word, candidate, maxDistance);
        const start =
          candidate.length > word.length ? editDistance(word, candidate.slice(0, word.length), maxDistance) : whole;
        const distance = Math.min(whole, start);
        if (distance > maxDistance) continue;
        const score = distance * 1_000_000 - (counts.get(candidate) ?? 0);
        if (score < bestScore) {
          bestScore = score;
          best = candidate;
        }
      }
      return best;
    },
  };
}
