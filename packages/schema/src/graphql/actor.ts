import { GraphQLError } from 'graphql';
import type { ActorRef } from '../services/actor.ts';
import type { GraphQLContext } from './context.ts';

/** The lifecycle's actor for the caller. Clients (visitors, contacts) arrive with the access issue. */
export function actorOf(ctx: GraphQLContext): ActorRef {
  const { viewer } = ctx;
  if (viewer.kind === 'staff') return { kind: 'STAFF', role: viewer.role, staffId: viewer.staffId };
  throw new GraphQLError('Sign in first. / Сначала войдите.', { extensions: { code: 'UNAUTHENTICATED' } });
}
