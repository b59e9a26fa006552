import { type TokenScope, tokenScopes } from '../../domain/staff-role.ts';
import { createApiToken, parseTokenScopes, revokeApiToken, tokenScopesOf } from '../../services/api-token-admin.ts';
import { DomainError } from '../../services/domain-error.ts';
import { signInStaff } from '../../services/staff-sign-in.ts';
import { forbidden, hasScope } from '../auth-scopes.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { atMost } from '../list-bounds.ts';

/** The staff caller, or FORBIDDEN (the fields' authScopes already let only staff through). */
function staffViewer(ctx: GraphQLContext) {
  const { viewer } = ctx;
  if (viewer.kind !== 'staff') throw forbidden();
  return viewer;
}

/**
 * An API token, as its owner (or an admin) may see it. The secret is shown once, when the
 * token is created; its hash is never exposed.
 */
export const ApiTokenRef = builder.prismaNode('ApiToken', {
  id: { field: 'id' },
  description: 'A long-lived credential of a staff member, limited by scopes; revocable.',
  // Own tokens, or anyone's for ADMIN; and only from a session or an admin-scoped token.
  authScopes: (token, ctx) =>
    ctx.viewer.kind === 'staff' && (ctx.viewer.role === 'ADMIN' || token.staffId === ctx.viewer.staffId)
      ? { tokenScope: 'admin' }
      : false,
  fields: (t) => ({
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters of the secret, to recognise it.' }),
    scopes: t.stringList({ resolve: (token) => tokenScopesOf(token.scopes) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Updated at most once a minute.',
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    staffName: t.string({
      nullable: true,
      description: 'The name of the staff member the token acts for.',
      select: { staff: { select: { name: true } } },
      resolve: (token) => token.staff?.name ?? null,
    }),
    staff: t.relation('staff', { nullable: true }),
  }),
});

const StaffSignInInput = builder.inputType('StaffSignInInput', {
  fields: (t) => ({ email: t.string({ required: true }), password: t.string({ required: true }) }),
});
const CreateApiTokenInput = builder.inputType('CreateApiTokenInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: '1–100 characters, to tell tokens apart.' }),
    scopes: t.stringList({
      required: true,
      ...atMost(tokenScopes.length, 'tickets:read, tickets:write, monitoring:report, admin (implies all).'),
    }),
    expiresAt: t.field({ type: 'DateTime', required: false, description: 'Unset: until revoked.' }),
  }),
});
const RevokeApiTokenInput = builder.inputType('RevokeApiTokenInput', {
  fields: (t) => ({ tokenId: t.globalID({ required: true, for: ApiTokenRef }) }),
});

const StaffSessionPayload = builder.objectRef<{ token: string; expiresAt: Date }>('StaffSessionPayload').implement({
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Send as "Authorization: Bearer <token>". Shown once.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});
const CreateApiTokenPayload = builder.objectRef<{ secret: string; id: string }>('CreateApiTokenPayload').implement({
  fields: (t) => ({
    secret: t.exposeString('secret', {
      description: 'Send as "Authorization: Bearer <secret>". Shown this once: it is stored only as a hash.',
    }),
    token: t.prismaField({
      type: 'ApiToken',
      resolve: (query, p, _args, ctx) => ctx.db.apiToken.findUniqueOrThrow({ ...query, where: { id: p.id } }),
    }),
  }),
});
const RevokeApiTokenPayload = builder.objectRef<{ revoked: boolean }>('RevokeApiTokenPayload').implement({
  fields: (t) => ({
    revoked: t.exposeBoolean('revoked', { description: 'False when the token was revoked already.' }),
  }),
});

// Token management: staff signed in with a password (a session), or holding an admin-scoped token.
const manageTokens = { tokenScope: 'admin' } as const;

builder.mutationFields((t) => ({
  signInStaff: t.field({
    type: StaffSessionPayload,
    description: 'Staff: trade e-mail and password for a session token.',
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: StaffSignInInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      await ctx.rateLimit('signInPerIp', ctx.clientIp);
      // Password attempts are counted per account and address inside (a wrong one: INVALID_CREDENTIALS).
      const { token, expiresAt } = await signInStaff(ctx.db, ctx.limiter, {
        email: input.email,
        password: input.password,
        now: ctx.now(),
        address: ctx.clientIp,
      });
      return { token, expiresAt };
    },
  }),
  createApiToken: t.field({
    type: CreateApiTokenPayload,
    description: 'Staff: a new API token of my own, with at most the scopes the caller itself has.',
    errors: { types: [DomainError] },
    authScopes: manageTokens,
    args: { input: t.arg({ type: CreateApiTokenInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const viewer = staffViewer(ctx);
      const scopes = parseTokenScopes(input.scopes);
      // A token may not hand out more than it holds (`admin` holds every scope; a session, too).
      if (scopes.some((scope: TokenScope) => !hasScope(ctx, scope))) throw forbidden();
      return createApiToken(ctx.db, {
        staffId: viewer.staffId,
        name: input.name,
        scopes,
        expiresAt: input.expiresAt ?? null,
        now: ctx.now(),
      });
    },
  }),
  revokeApiToken: t.field({
    type: RevokeApiTokenPayload,
    description: 'Staff: revoke one of my tokens (ADMIN: anyone’s). It stops working at once.',
    errors: { types: [DomainError] },
    authScopes: manageTokens,
    args: { input: t.arg({ type: RevokeApiTokenInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const viewer = staffViewer(ctx);
      const { revoked } = await revokeApiToken(
        ctx.db,
        { tokenId: input.tokenId.id, byStaffId: viewer.staffId, byRole: viewer.role, now: ctx.now() },
        ctx.events,
      );
      return { revoked };
    },
  }),
}));

builder.queryField('apiTokens', (t) =>
  t.prismaField({
    type: ['ApiToken'],
    description: 'Staff: my API tokens, newest first (ADMIN: everyone’s), revoked and expired ones included.',
    authScopes: manageTokens,
    resolve: (query, _root, _args, ctx) => {
      const viewer = staffViewer(ctx);
      return ctx.db.apiToken.findMany({
        ...query,
        where: viewer.role === 'ADMIN' ? {} : { staffId: viewer.staffId },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      });
    },
  }),
);
