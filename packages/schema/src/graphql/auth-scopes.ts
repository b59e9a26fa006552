import { GraphQLError } from 'graphql';
import type { StaffRole, TokenScope } from '../domain/staff-role.ts';
import type { GraphQLContext } from './context.ts';

/** The scopes the schema checks, computed once per request. */
export function authScopesFor(ctx: GraphQLContext) {
  const { viewer } = ctx;
  const staff = viewer.kind === 'staff';
  return {
    signedIn: viewer.kind !== 'anonymous',
    client: viewer.kind === 'contact' || viewer.kind === 'visitor',
    contact: viewer.kind === 'contact',
    staff,
    staffRole: (roles: StaffRole[]) => staff && roles.includes(viewer.role),
    // A session may do what its role allows; a token only what its scopes say.
    tokenScope: (scope: TokenScope) =>
      staff && (viewer.scopes === null || viewer.scopes.has(scope) || viewer.scopes.has('admin')),
  };
}

/** Strangers get UNAUTHENTICATED, signed-in callers without the right get FORBIDDEN. */
export function unauthorizedError(_parent: unknown, ctx: GraphQLContext): GraphQLError {
  return ctx.viewer.kind === 'anonymous' ? unauthenticated() : forbidden();
}

export function unauthenticated(): GraphQLError {
  return new GraphQLError('Sign in first. / Сначала войдите.', { extensions: { code: 'UNAUTHENTICATED' } });
}

export function forbidden(): GraphQLError {
  return new GraphQLError('Not allowed. / Недостаточно прав.', { extensions: { code: 'FORBIDDEN' } });
}

/** Whether a staff caller's token (or session) carries a scope. */
export function hasScope(ctx: GraphQLContext, scope: TokenScope): boolean {
  const { viewer } = ctx;
  return viewer.kind === 'staff' && (viewer.scopes === null || viewer.scopes.has(scope) || viewer.scopes.has('admin'));
}
