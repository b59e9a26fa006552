import { GraphQLError } from 'graphql';
import type { StaffRole, TokenScope } from '../domain/staff-role.ts';
import type { GraphQLContext } from './context.ts';

/** The scopes the schema checks, computed once per request. */
export function authScopesFor(ctx: GraphQLContext) {
  const { viewer } = ctx;
  const staff = viewer.kind === 'staff';
  return {
    staff,
    staffRole: (roles: StaffRole[]) => staff && roles.includes(viewer.role),
    // A session may do what its role allows; a token only what its scopes say.
    tokenScope: (scope: TokenScope) =>
      staff && (viewer.scopes === null || viewer.scopes.has(scope) || viewer.scopes.has('admin')),
  };
}

/** Strangers get UNAUTHENTICATED, signed-in callers without the right get FORBIDDEN. */
export function unauthorizedError(_parent: unknown, ctx: GraphQLContext): GraphQLError {
  return ctx.viewer.kind === 'anonymous'
    ? new GraphQLError('Sign in first. / Сначала войдите.', { extensions: { code: 'UNAUTHENTICATED' } })
    : new GraphQLError('Not allowed. / Недостаточно прав.', { extensions: { code: 'FORBIDDEN' } });
}
