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
  const rows = !schema
    ? await db.$queryRaw<{ id: string }[]>`
        SELECT a."id" AS "id" FROM "ArticleSearch" s JOIN "Article" a ON a."id" = s."articleId"
        WHERE "ArticleSearch" MATCH ${ftsQuery(words)} AND ${where}
        ORDER BY bm25("ArticleSearch", 0.0, 4.0, 1.0), a."publishedAt" DESC LIMIT ${first}`
    : await db.$queryRaw<{ id: string }[]>`
        SELECT a."id" AS "id" FROM ${Prisma.raw(`"${schema.replaceAll('"', '""')}"."Article"`)} a, to_tsquery('russian', ${tsQuery(words)}) q
        WHERE a."searchVector" @@ q AND ${where}
        ORDER BY ts_rank(a."searchVector", q) DESC, a."publishedAt" DESC LIMIT ${first}`;
  return rows.map((row) => row.id);
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
