import { type Db, postgresSchemaOf } from '../db/client.ts';
import { type ArticleLocale, articleLocales, indexedText, slugOf } from '../domain/article-search.ts';
import type { Prisma } from '../generated/sqlite/client.ts';
import type { Viewer } from '../graphql/context.ts';
import { DomainError } from './domain-error.ts';
import { forgetVocabulary } from './search-articles.ts';
import { isUniqueViolation } from './unique-violation.ts';

export const articleTitleLimit = 200;
export const articleBodyLimit = 100_000;
export const articleTagLimit = 20;
/** Most articles one reply cites. */
export const citedArticleLimit = 10;

export type ArticleVisibility = 'PUBLIC' | 'ORGANIZATION' | 'STAFF';

/** Who reads: staff see every article, a client contact also its organization's, others the public ones. */
export type ArticleAudience = { staff: true } | { staff: false; organizationId: string | null };

export function audienceOf(viewer: Viewer): ArticleAudience {
  if (viewer.kind === 'staff') return { staff: true };
  if (viewer.kind === 'contact') return { staff: false, organizationId: viewer.organizationId };
  return { staff: false, organizationId: null };
}

/** The published articles an audience may read (staff also see drafts through `articles`). */
export function readableArticles(audience: ArticleAudience): Prisma.ArticleWhereInput {
  if (audience.staff) return {};
  const organization = audience.organizationId
    ? [{ visibility: 'ORGANIZATION' as const, organizationId: audience.organizationId }]
    : [];
  return { status: 'PUBLISHED', OR: [{ visibility: 'PUBLIC' }, ...organization] };
}

export function canReadArticle(
  audience: ArticleAudience,
  article: { status: string; visibility: string; organizationId: string | null },
): boolean {
  if (audience.staff) return true;
  if (article.status !== 'PUBLISHED') return false;
  if (article.visibility === 'PUBLIC') return true;
  return (
    article.visibility === 'ORGANIZATION' &&
    audience.organizationId !== null &&
    article.organizationId === audience.organizationId
  );
}

export interface ArticleDraft {
  locale?: string | null;
  title?: string | null;
  body?: string | null;
  tags?: readonly string[] | null;
  visibility?: ArticleVisibility | null;
  organizationId?: string | null;
}

function checkDraft(draft: ArticleDraft, creating: boolean) {
  const data: Prisma.ArticleUncheckedUpdateInput = {};
  if (draft.locale != null || creating) {
    const locale = draft.locale ?? 'ru';
    if (!articleLocales.includes(locale as ArticleLocale))
      throw new DomainError('INVALID_INPUT', 'locale', `locale: ${articleLocales.join(' or ')}`);
    data.locale = locale;
  }
  if (draft.title != null || creating) {
    const title = draft.title?.trim() ?? '';
    if (!title || title.length > articleTitleLimit)
      throw new DomainError('INVALID_INPUT', 'title', `title: 1–${articleTitleLimit} characters`);
    data.title = title;
  }
  if (draft.body != null || creating) {
    const body = draft.body ?? '';
    if (body.length > articleBodyLimit)
      throw new DomainError('INVALID_INPUT', 'body', `body: at most ${articleBodyLimit} characters`);
    data.body = body;
  }
  if (draft.tags != null) {
    const tags = [...new Set(draft.tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
    if (tags.length > articleTagLimit || tags.some((tag) => tag.length > 50))
      throw new DomainError('INVALID_INPUT', 'tags', `at most ${articleTagLimit} tags of 50 characters`);
    data.tags = tags;
  }
  if (draft.visibility != null) data.visibility = draft.visibility;
  if (draft.organizationId !== undefined) data.organizationId = draft.organizationId;
  return data;
}

function checkVisibility(article: { visibility: string; organizationId: string | null }) {
  if (article.visibility === 'ORGANIZATION' && !article.organizationId)
    throw new DomainError('INVALID_INPUT', 'organizationId', 'an organization article names its organization');
}

async function uniqueSlug(db: Db, title: string, locale: string): Promise<string> {
  const base = slugOf(title);
  const taken = await db.article.findMany({
    where: { locale, slug: { startsWith: base } },
    select: { slug: true },
  });
  const slugs = new Set(taken.map((a) => a.slug));
  if (!slugs.has(base)) return base;
  for (let n = 2; ; n++) if (!slugs.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A new draft; nobody but staff sees it until it is published. */
export async function createArticle(
  db: Db,
  draft: ArticleDraft & { sourceTicketId?: string | null },
  authorId: string | null,
  now: Date,
) {
  const data = checkDraft(draft, true);
  const visibility = (data.visibility as ArticleVisibility | undefined) ?? 'PUBLIC';
  const organizationId = (data.organizationId as string | null | undefined) ?? null;
  checkVisibility({ visibility, organizationId });
  if (organizationId && !(await db.organization.findUnique({ where: { id: organizationId }, select: { id: true } })))
    throw new DomainError('NOT_FOUND', 'organizationId');
  const title = data.title as string;
  const locale = data.locale as string;
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.article.create({
        data: {
          slug: await uniqueSlug(db, title, locale),
          locale,
          title,
          body: data.body as string,
          tags: (data.tags as string[] | undefined) ?? [],
          visibility,
          organizationId,
          authorId,
          sourceTicketId: draft.sourceTicketId ?? null,
          createdAt: now,
        },
      });
    } catch (error) {
      // Two drafts with the same title at once: the slug is taken again, with the next number.
      if (!isUniqueViolation(error) || attempt > 3) throw error;
    }
  }
}

/** Edits the draft; a published article keeps showing its published version until published again. */
export async function updateArticle(db: Db, id: string, draft: ArticleDraft) {
  const article = await db.article.findUnique({ where: { id } });
  if (!article) throw new DomainError('NOT_FOUND', 'id');
  const data = checkDraft(draft, false);
  const next = {
    visibility: (data.visibility as string | undefined) ?? article.visibility,
    organizationId: data.organizationId === undefined ? article.organizationId : (data.organizationId as string | null),
  };
  checkVisibility(next);
  if (next.visibility !== 'ORGANIZATION') data.organizationId = null;
  const updated = await db.article.update({ where: { id }, data });
  // Visibility and locale apply to the published version at once.
  if (updated.status === 'PUBLISHED') await indexArticle(db, updated);
  return updated;
}

/** Publishes the draft as the next version: what search finds and visitors read. */
export async function publishArticle(db: Db, id: string, staffId: string | null, now: Date) {
  const article = await db.article.findUnique({ where: { id } });
  if (!article) throw new DomainError('NOT_FOUND', 'id');
  if (!article.body.trim()) throw new DomainError('INVALID_INPUT', 'body', 'an empty article cannot be published');
  const version = article.version + 1;
  const published = await db.$transaction(async (tx) => {
    await tx.articleVersion.create({
      data: {
        articleId: id,
        version,
        title: article.title,
        body: article.body,
        tags: article.tags ?? [],
        publishedById: staffId,
        publishedAt: now,
      },
    });
    return tx.article.update({
      where: { id },
      data: {
        status: 'PUBLISHED',
        version,
        publishedAt: now,
        publishedTitle: article.title,
        publishedBody: article.body,
        publishedTags: article.tags ?? [],
      },
    });
  });
  await indexArticle(db, published);
  return published;
}

/** Takes an article back to a draft: out of search and out of the visitors' sight. */
export async function unpublishArticle(db: Db, id: string) {
  const article = await db.article.findUnique({ where: { id }, select: { id: true } });
  if (!article) throw new DomainError('NOT_FOUND', 'id');
  const updated = await db.article.update({ where: { id }, data: { status: 'DRAFT' } });
  await indexArticle(db, updated);
  return updated;
}

export async function deleteArticle(db: Db, id: string) {
  const article = await db.article.findUnique({ where: { id }, select: { id: true } });
  if (!article) throw new DomainError('NOT_FOUND', 'id');
  await db.article.delete({ where: { id } });
  await indexArticle(db, { id, status: 'DELETED', publishedTitle: null, publishedBody: null, publishedTags: null });
  return id;
}

/**
 * A draft from a resolved ticket: its question (title and description) and the staff's public
 * answers. Visible to the ticket's organization by default (staff only when it has none).
 */
export async function articleFromTicket(db: Db, ticketId: string, staffId: string | null, now: Date) {
  const ticket = await db.ticket.findUnique({
    where: { id: ticketId },
    include: {
      messages: { where: { internal: false, authorKind: 'STAFF' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      organization: { select: { locale: true } },
      visitor: { select: { locale: true } },
    },
  });
  if (!ticket) throw new DomainError('NOT_FOUND', 'ticketId');
  if (!['RESOLVED', 'ACCEPTED', 'PAID'].includes(ticket.status))
    throw new DomainError('INVALID_INPUT', 'ticketId', 'only a resolved or accepted ticket makes an article');
  const answers = ticket.messages.map((m) => m.body.trim()).filter(Boolean);
  if (answers.length === 0) throw new DomainError('INVALID_INPUT', 'ticketId', 'the ticket has no staff answer');
  const locale = [ticket.visitor?.locale, ticket.organization?.locale].find(
    (l): l is ArticleLocale => !!l && articleLocales.includes(l as ArticleLocale),
  );
  const en = locale === 'en';
  const body = [
    en ? '## Question' : '## Вопрос',
    '',
    ticket.description.trim(),
    '',
    en ? '## Answer' : '## Ответ',
    '',
    answers.join('\n\n'),
    '',
  ].join('\n');
  return createArticle(
    db,
    {
      locale: locale ?? 'ru',
      title: ticket.title.slice(0, articleTitleLimit),
      body,
      visibility: ticket.organizationId ? 'ORGANIZATION' : 'STAFF',
      organizationId: ticket.organizationId,
      sourceTicketId: ticket.id,
    },
    staffId,
    now,
  );
}

export type ArticleEvent = 'view' | 'helpful' | 'notHelpful' | 'deflection';

const counterOf = { view: 'views', helpful: 'helpfulYes', notHelpful: 'helpfulNo', deflection: 'deflections' } as const;

/** Counts a view, an answer to "did this help?" or a deflection, in the total and in the month (UTC). */
export async function recordArticleEvent(db: Db, articleId: string, event: ArticleEvent, now: Date) {
  const counter = counterOf[event];
  const month = now.toISOString().slice(0, 7);
  await db.$transaction(async (tx) => {
    await tx.article.update({ where: { id: articleId }, data: { [counter]: { increment: 1 } } });
    await tx.articleMonthStat.upsert({
      where: { articleId_month: { articleId, month } },
      create: { articleId, month, [counter]: 1 },
      update: { [counter]: { increment: 1 } },
    });
  });
}

/**
 * Keeps SQLite's FTS5 table in step with an article: its stemmed published title and body
 * while it is published, nothing otherwise. PostgreSQL computes its tsvector column itself.
 */
export async function indexArticle(
  db: Db,
  article: {
    id: string;
    status: string;
    publishedTitle: string | null;
    publishedBody: string | null;
    publishedTags: unknown;
  },
) {
  forgetVocabulary(db);
  if (postgresSchemaOf(db) !== null) return;
  await db.$executeRaw`DELETE FROM "ArticleSearch" WHERE "articleId" = ${article.id}`;
  if (article.status !== 'PUBLISHED') return;
  const tags = Array.isArray(article.publishedTags) ? article.publishedTags.map(String).join(' ') : '';
  await db.$executeRaw`INSERT INTO "ArticleSearch" ("articleId", "title", "body") VALUES (${article.id}, ${indexedText(
    `${article.publishedTitle ?? ''} ${tags}`,
  )}, ${indexedText(article.publishedBody ?? '')})`;
}

/** The ids of the articles a reply may cite: published ones, each once; NOT_FOUND names the field. */
export async function citableArticles(db: Db, ids: readonly string[] | null | undefined): Promise<string[]> {
  const unique = [...new Set(ids ?? [])];
  if (unique.length === 0) return [];
  if (unique.length > citedArticleLimit)
    throw new DomainError('INVALID_INPUT', 'articleIds', `at most ${citedArticleLimit} articles`);
  const found = await db.article.count({ where: { id: { in: unique }, status: 'PUBLISHED' } });
  if (found !== unique.length) throw new DomainError('NOT_FOUND', 'articleIds');
  return unique;
}

/** Records the articles a just-posted message cites (found by its idempotency key). */
export async function citeArticles(db: Db, messageKey: string, articleIds: readonly string[]) {
  await db.message.updateMany({ where: { idempotencyKey: messageKey }, data: { citedArticleIds: [...articleIds] } });
}

/** `[[article:ID]]` in a message's text: an article cited by hand (a raw or a global id). */
export function articleMarkers(text: string): string[] {
  return [...text.matchAll(/\[\[article:([A-Za-z0-9=+/_-]{1,100})\]\]/g)].map((m) => {
    const raw = m[1] as string;
    const decoded = Buffer.from(raw, 'base64').toString();
    return decoded.startsWith('Article:') ? decoded.slice('Article:'.length) : raw;
  });
}
