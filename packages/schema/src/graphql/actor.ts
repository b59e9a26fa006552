import { GraphQLError } from 'graphql';
import type { ActorRef } from '../services/actor.ts';
import { DomainError } from '../services/domain-error.ts';
import { visibleTickets } from '../services/visibility.ts';
import type { GraphQLContext } from './context.ts';

/** The lifecycle's actor for the caller. */
export function actorOf(ctx: GraphQLContext): ActorRef {
  const { viewer } = ctx;
  if (viewer.kind === 'staff') return { kind: 'STAFF', role: viewer.role, staffId: viewer.staffId };
  if (viewer.kind === 'contact') return { kind: 'CONTACT', authorized: viewer.authorized, contactId: viewer.contactId };
  if (viewer.kind === 'visitor')
    return { kind: 'VISITOR', ...(viewer.visitorId ? { visitorId: viewer.visitorId } : {}) };
  throw new GraphQLError('Sign in first. / Сначала войдите.', { extensions: { code: 'UNAUTHENTICATED' } });
}

/**
 * Loads a ticket the caller may see, or answers NOT_FOUND — also when it exists but is not
 * theirs, so that strangers learn nothing.
 */
export async function visibleTicketId(ctx: GraphQLContext, ticketId: string): Promise<string> {
  const ticket = await ctx.db.ticket.findFirst({
    where: { AND: [{ id: ticketId }, visibleTickets(ctx.viewer)] },
    select: { id: true },
  });
  if (!ticket) throw new DomainError('NOT_FOUND', 'ticketId');
  return ticket.id;
}
