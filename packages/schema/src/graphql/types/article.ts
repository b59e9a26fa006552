import {
  type ArticleEvent,
  articleFromTicket,
  articleMarkers,
  articleTagLimit,
  audienceOf,
  canReadArticle,
  createArticle,
  deleteArticle,
  publishArticle,
  readableArticles,
  recordArticleEvent,
  unpublishArticle,
  updateArticle,
} from '../../services/articles.ts';
import { DomainError } from '../../services/domain-error.ts';
import { searchArticles, searchFirstDefault } from '../../services/search-articles.ts';
import { visibleTicketId } from '../actor.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { localIdOf } from '../global-id.ts';
import { atMost } from '../list-bounds.ts';
import { limitQuery } from '../rate-limited.ts';
import { OrganizationRef } from './organization.ts';
import { TicketRef } from './ticket.ts';

const workers = ['LINE1', 'LINE2', 'LINE3', 'HEAD', 'ADMIN'] as const;
/** Who writes articles: the roles that work tickets, through a session or a token that may write. */
const writeArticles = { $all: { staffRole: [...workers], tokenScope: 'tickets:write' as const } };
const staffOnly = { authScopes: { staff: true }, unauthorizedResolver: () => null } as const;

export const ArticleVisibilityEnum = builder.enumType('ArticleVisibility', {
  description: 'Who may read a published article.',
  values: {
    PUBLIC: { description: 'Everyone, visitors of every site included.' },
    ORGANIZATION: { description: 'The contacts of one client organization (and staff).' },
    STAFF: { description: 'Staff only.' },
  } as const,
});

export const ArticleStatusEnum = builder.enumType('ArticleStatus', {
  values: {
    DRAFT: { description: 'Being written, or taken back: staff only.' },
    PUBLISHED: { description: 'Its published version is shown and found.' },
    ARCHIVED: { description: 'Kept, not shown.' },
  } as const,
});

/** Where an article can be read by people: the address cited replies link to. */
export function articleUrl(ctx: GraphQLContext, article: { locale: string; slug: string }): string {
  return `${ctx.publicUrl}/kb/${article.locale}/${encodeURIComponent(article.slug)}`;
}

const plainText = (markdown: string) =>
  markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

builder.prismaObject('ArticleMonthStat', {
  description: 'One month (UTC, YYYY-MM) of an article’s counters.',
  fields: (t) => ({
    month: t.exposeString('month'),
    views: t.exposeInt('views'),
    helpfulYes: t.exposeInt('helpfulYes'),
    helpfulNo: t.exposeInt('helpfulNo'),
    deflections: t.exposeInt('deflections', {
      description: 'Times it was shown in the widget and the visitor left without filing a ticket.',
    }),
  }),
});

builder.prismaObject('ArticleVersion', {
  description: 'A published version of an article, as it was published.',
  fields: (t) => ({
    version: t.exposeInt('version'),
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    publishedAt: t.expose('publishedAt', { type: 'DateTime' }),
  }),
});

export const ArticleRef = builder.prismaNode('Article', {
  id: { field: 'id' },
  description:
    'A knowledge-base article in Markdown, in one language. Visitors and contacts see its published version; staff also its draft.',
  authScopes: (article, ctx) => canReadArticle(audienceOf(ctx.viewer), article),
  fields: (t) => ({
    slug: t.exposeString('slug'),
    locale: t.exposeString('locale', { description: 'ru or en.' }),
    title: t.string({
      description: 'The published title (the draft’s while never published).',
      select: { title: true, publishedTitle: true },
      resolve: (a) => a.publishedTitle ?? a.title,
    }),
    body: t.string({
      description: 'The published Markdown (the draft’s while never published).',
      select: { body: true, publishedBody: true },
      resolve: (a) => a.publishedBody ?? a.body,
    }),
    excerpt: t.string({
      description: 'The beginning of the body as plain text, for suggestions.',
      select: { body: true, publishedBody: true },
      resolve: (a) => {
        const text = plainText(a.publishedBody ?? a.body);
        return text.length > 160 ? `${text.slice(0, 159)}…` : text;
      },
    }),
    tags: t.stringList({
      select: { tags: true, publishedTags: true },
      resolve: (a) => {
        const tags = a.publishedTags ?? a.tags;
        return Array.isArray(tags) ? tags.map(String) : [];
      },
    }),
    url: t.string({
      description: 'Where people read it.',
      select: { locale: true, slug: true },
      resolve: (a, _args, ctx) => articleUrl(ctx, a),
    }),
    visibility: t.expose('visibility', { type: ArticleVisibilityEnum }),
    status: t.expose('status', { type: ArticleStatusEnum }),
    version: t.exposeInt('version', { description: 'The published version; 0 before the first.' }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    organization: t.relation('organization', {
      nullable: true,
      authScopes: { $any: { staff: true, contact: true } },
      unauthorizedResolver: () => null,
    }),
    draftTitle: t.string({ nullable: true, ...staffOnly, select: { title: true }, resolve: (a) => a.title }),
    draftBody: t.string({ nullable: true, ...staffOnly, select: { body: true }, resolve: (a) => a.body }),
    draftTags: t.stringList({
      nullable: true,
      ...staffOnly,
      select: { tags: true },
      resolve: (a) => (Array.isArray(a.tags) ? a.tags.map(String) : []),
    }),
    hasUnpublishedChanges: t.boolean({
      nullable: true,
      ...staffOnly,
      description: 'The draft differs from the published version.',
      select: { title: true, body: true, tags: true, publishedTitle: true, publishedBody: true, publishedTags: true },
      resolve: (a) =>
        a.publishedTitle !== a.title ||
        a.publishedBody !== a.body ||
        JSON.stringify(a.publishedTags) !== JSON.stringify(a.tags),
    }),
    sourceTicketId: t.string({
      nullable: true,
      ...staffOnly,
      description: 'The ticket it was made from (a global id).',
      select: { sourceTicketId: true },
      resolve: (a) => (a.sourceTicketId ? Buffer.from(`Ticket:${a.sourceTicketId}`).toString('base64') : null),
    }),
    views: t.exposeInt('views', { nullable: true, ...staffOnly }),
    helpfulYes: t.exposeInt('helpfulYes', { nullable: true, ...staffOnly }),
    helpfulNo: t.exposeInt('helpfulNo', { nullable: true, ...staffOnly }),
    deflections: t.exposeInt('deflections', { nullable: true, ...staffOnly }),
    monthStats: t.relation('monthStats', {
      nullable: true,
      ...staffOnly,
      description: 'Counters per month, newest first.',
      query: { orderBy: { month: 'desc' } },
    }),
    versions: t.relation('versions', {
      nullable: true,
      ...staffOnly,
      description: 'Published versions, newest first.',
      query: { orderBy: { version: 'desc' } },
    }),
  }),
});

interface ArticleLinkShape {
  id: string;
  title: string;
  url: string;
}

const ArticleLink = builder.objectRef<ArticleLinkShape>('ArticleLink').implement({
  description: 'An article cited in a message: its title and where people read it.',
  fields: (t) => ({
    articleId: t.id({ resolve: (a) => Buffer.from(`Article:${a.id}`).toString('base64') }),
    title: t.exposeString('title'),
    url: t.exposeString('url'),
  }),
});

builder.prismaObjectField('Message', 'citedArticles', (t) =>
  t.field({
    type: [ArticleLink],
    description:
      'Knowledge-base articles the message cites (articleIds of the reply, or [[article:ID]] in its text) that the reader may open.',
    select: { citedArticleIds: true, body: true },
    resolve: async (message, _args, ctx) => {
      const stored = Array.isArray(message.citedArticleIds) ? message.citedArticleIds.map(String) : [];
      const ids = [...new Set([...stored, ...articleMarkers(message.body)])];
      if (ids.length === 0) return [];
      const articles = await ctx.db.article.findMany({
        where: { AND: [{ id: { in: ids } }, readableArticles(audienceOf(ctx.viewer)), { status: 'PUBLISHED' }] },
        select: { id: true, locale: true, slug: true, title: true, publishedTitle: true },
      });
      const byId = new Map(articles.map((a) => [a.id, a]));
      return ids.flatMap((id) => {
        const a = byId.get(id);
        return a ? [{ id: a.id, title: a.publishedTitle ?? a.title, url: articleUrl(ctx, a) }] : [];
      });
    },
  }),
);

const ArticleInput = builder.inputType('ArticleInput', {
  fields: (t) => ({
    locale: t.string({ required: false, description: 'ru (default) or en.' }),
    title: t.string({ required: false }),
    body: t.string({ required: false, description: 'Markdown.' }),
    tags: t.stringList({ required: false, ...atMost(articleTagLimit) }),
    visibility: t.field({ type: ArticleVisibilityEnum, required: false }),
    organizationId: t.globalID({
      required: false,
      for: OrganizationRef,
      description: 'The organization of an ORGANIZATION article.',
    }),
  }),
});

const ArticleDeleted = builder.objectRef<{ deletedId: string }>('ArticleDeleted').implement({
  fields: (t) => ({ deletedId: t.exposeID('deletedId') }),
});

const ArticleEventRecorded = builder.objectRef<{ articleId: string }>('ArticleEventRecorded').implement({
  description: 'The event was counted.',
  fields: (t) => ({
    articleId: t.id({ resolve: (a) => Buffer.from(`Article:${a.articleId}`).toString('base64') }),
  }),
});

function draftOf(input: typeof ArticleInput.$inferInput) {
  return {
    locale: input.locale,
    title: input.title,
    body: input.body,
    tags: input.tags,
    visibility: input.visibility,
    ...(input.organizationId !== undefined ? { organizationId: input.organizationId?.id ?? null } : {}),
  };
}

const staffIdOf = (ctx: GraphQLContext) => (ctx.viewer.kind === 'staff' ? ctx.viewer.staffId : null);

builder.queryFields((t) => ({
  article: t.prismaField({
    type: 'Article',
    nullable: true,
    description: 'One article, or null when it does not exist or the caller may not read it (drafts: staff only).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) => {
      // A malformed id, or one of another type, is as good as an id of nothing.
      const articleId = localIdOf(id, 'Article');
      if (!articleId) return null;
      return ctx.db.article.findFirst({
        ...query,
        where: { AND: [{ id: articleId }, readableArticles(audienceOf(ctx.viewer))] },
      });
    },
  }),
  articles: t.prismaConnection(
    {
      type: 'Article',
      cursor: 'id',
      description: 'Every article, drafts included, last edited first (staff).',
      authScopes: { tokenScope: 'tickets:read' },
      args: {
        status: t.arg({ type: ArticleStatusEnum }),
        locale: t.arg.string(),
        visibility: t.arg({ type: ArticleVisibilityEnum }),
        tag: t.arg.string(),
      },
      resolve: async (query, _root, args, ctx) => {
        const rows = await ctx.db.article.findMany({
          ...query,
          where: {
            ...(args.status ? { status: args.status } : {}),
            ...(args.locale ? { locale: args.locale } : {}),
            ...(args.visibility ? { visibility: args.visibility } : {}),
          },
          orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
        });
        const tag = args.tag?.trim().toLowerCase();
        return tag ? rows.filter((a) => Array.isArray(a.tags) && a.tags.includes(tag)) : rows;
      },
    },
    { name: 'ArticleConnection' },
    { name: 'ArticleEdge' },
  ),
  searchArticles: t.prismaField({
    type: ['Article'],
    description:
      'Published articles matching what was typed, best first, for type-ahead: words match by stem and prefix, in Russian and English, a typo is forgiven when nothing else matches. Visitors find public articles, a contact also its organization’s, staff every published one.',
    args: {
      query: t.arg.string({ required: true }),
      locale: t.arg.string({ description: 'ru or en; every language when left out.' }),
      first: t.arg.int({ description: `At most 20; ${searchFirstDefault} when left out.` }),
    },
    resolve: async (query, _root, args, ctx) => {
      // Type-ahead from anyone: a search per keystroke pause is fine, a script's flood is not.
      await limitQuery(ctx, 'articleSearchPerIp', ctx.clientIp);
      const ids = await searchArticles(ctx.db, {
        query: args.query,
        locale: args.locale ?? null,
        first: args.first ?? searchFirstDefault,
        audience: audienceOf(ctx.viewer),
      });
      if (ids.length === 0) return [];
      const rows = await ctx.db.article.findMany({ ...query, where: { id: { in: ids } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  }),
}));

builder.mutationFields((t) => ({
  createArticle: t.prismaField({
    type: 'Article',
    description: 'A new draft article (staff who work tickets).',
    authScopes: writeArticles,
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: ArticleInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const article = await createArticle(ctx.db, draftOf(input), staffIdOf(ctx), ctx.now());
      return ctx.db.article.findUniqueOrThrow({ ...query, where: { id: article.id } });
    },
  }),
  updateArticle: t.prismaField({
    type: 'Article',
    description: 'Edits the draft; a published article shows the change once published again.',
    authScopes: writeArticles,
    errors: { types: [DomainError] },
    args: {
      id: t.arg.globalID({ required: true, for: ArticleRef }),
      input: t.arg({ type: ArticleInput, required: true }),
    },
    resolve: async (query, _root, { id, input }, ctx) => {
      await updateArticle(ctx.db, id.id, draftOf(input));
      return ctx.db.article.findUniqueOrThrow({ ...query, where: { id: id.id } });
    },
  }),
  publishArticle: t.prismaField({
    type: 'Article',
    description: 'Publishes the draft as the next version.',
    authScopes: writeArticles,
    errors: { types: [DomainError] },
    args: { id: t.arg.globalID({ required: true, for: ArticleRef }) },
    resolve: async (query, _root, { id }, ctx) => {
      await publishArticle(ctx.db, id.id, staffIdOf(ctx), ctx.now());
      return ctx.db.article.findUniqueOrThrow({ ...query, where: { id: id.id } });
    },
  }),
  unpublishArticle: t.prismaField({
    type: 'Article',
    description: 'Takes the article back to a draft: no longer shown or found.',
    authScopes: writeArticles,
    errors: { types: [DomainError] },
    args: { id: t.arg.globalID({ required: true, for: ArticleRef }) },
    resolve: async (query, _root, { id }, ctx) => {
      await unpublishArticle(ctx.db, id.id);
      return ctx.db.article.findUniqueOrThrow({ ...query, where: { id: id.id } });
    },
  }),
  deleteArticle: t.field({
    type: ArticleDeleted,
    description: 'Deletes an article with its versions and counters.',
    authScopes: writeArticles,
    errors: { types: [DomainError] },
    args: { id: t.arg.globalID({ required: true, for: ArticleRef }) },
    resolve: async (_root, { id }, ctx) => ({
      deletedId: Buffer.from(`Article:${await deleteArticle(ctx.db, id.id)}`).toString('base64'),
    }),
  }),
  createArticleFromTicket: t.prismaField({
    type: 'Article',
    description:
      'A draft from a resolved or accepted ticket: its question and the staff’s public answers, for the ticket’s organization.',
    authScopes: writeArticles,
    errors: { types: [DomainError] },
    args: { ticketId: t.arg.globalID({ required: true, for: TicketRef }) },
    resolve: async (query, _root, { ticketId }, ctx) => {
      const article = await articleFromTicket(
        ctx.db,
        await visibleTicketId(ctx, ticketId.id),
        staffIdOf(ctx),
        ctx.now(),
      );
      return ctx.db.article.findUniqueOrThrow({ ...query, where: { id: article.id } });
    },
  }),
  recordArticleView: countField(t, 'view', 'Counts that an article was opened (the widget calls it).'),
  recordArticleFeedback: t.field({
    type: ArticleEventRecorded,
    description: 'Answers "did this help?" for an article the caller may read.',
    errors: { types: [DomainError] },
    args: { id: t.arg.globalID({ required: true, for: ArticleRef }), helpful: t.arg.boolean({ required: true }) },
    resolve: (_root, { id, helpful }, ctx) => count(ctx, id.id, helpful ? 'helpful' : 'notHelpful'),
  }),
  recordArticleDeflection: countField(
    t,
    'deflection',
    'Counts that an article shown in the widget ended the visit without a ticket ("this solved it").',
  ),
}));

function countField(t: PothosMutationFieldBuilder, event: ArticleEvent, description: string) {
  return t.field({
    type: ArticleEventRecorded,
    description,
    errors: { types: [DomainError] },
    args: { id: t.arg.globalID({ required: true, for: ArticleRef }) },
    resolve: (_root, { id }, ctx) => count(ctx, id.id, event),
  });
}
type PothosMutationFieldBuilder = Parameters<Parameters<typeof builder.mutationFields>[0]>[0];

async function count(ctx: GraphQLContext, id: string, event: ArticleEvent) {
  // Counter events per address: generous for people, a wall for scripts inflating numbers.
  await ctx.rateLimit('articleEventsPerIp', ctx.clientIp);
  const article = await ctx.db.article.findFirst({
    where: { AND: [{ id }, readableArticles(audienceOf(ctx.viewer)), { status: 'PUBLISHED' }] },
    select: { id: true },
  });
  if (!article) throw new DomainError('NOT_FOUND', 'id');
  await recordArticleEvent(ctx.db, article.id, event, ctx.now());
  return { articleId: article.id };
}
