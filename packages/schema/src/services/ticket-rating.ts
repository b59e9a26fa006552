import type { Db } from '../db/client.ts';
import { ratingCommentLimit, ratingOpenDays, ratingRefusal } from '../domain/satisfaction.ts';
import { hashSecret, newSecret } from './access-tokens.ts';
import type { ActorRef } from './actor.ts';
import { DomainError } from './domain-error.ts';
import { type Notice, publicUrlPlaceholder } from './notify.ts';

const day = 86_400_000;

/** The path of a one-click rating link: `/rate/<secret>?score=<1–5>`. */
export const ratingLinkPath = (secret: string, score: number) => `/rate/${secret}?score=${score}`;

/**
 * Opens the rating of a ticket just accepted, inside the move's transaction, and returns the
 * letter asking for it: one link per score, each recording it without signing in. Accepting
 * again (it cannot happen twice) leaves the first invitation.
 */
export async function inviteRating(tx: Pick<Db, 'ticketRating'>, ticketId: string, now: Date): Promise<Notice | null> {
  const existing = await tx.ticketRating.findUnique({ where: { ticketId }, select: { ticketId: true } });
  if (existing) return null;
  const { secret, hash } = newSecret('rating');
  await tx.ticketRating.create({
    data: { ticketId, linkTokenHash: hash, openUntil: new Date(now.getTime() + ratingOpenDays * day), createdAt: now },
  });
  return {
    kind: 'RATE_REQUEST',
    ratingLinks: [1, 2, 3, 4, 5].map((score) => `${publicUrlPlaceholder}${ratingLinkPath(secret, score)}`),
  };
}

function refuse(reason: NonNullable<ReturnType<typeof ratingRefusal>>): never {
  if (reason === 'CLOSED') throw new DomainError('RATING_CLOSED', 'ticketId');
  if (reason === 'SCORE') throw new DomainError('INVALID_INPUT', 'score', 'a whole number from 1 to 5');
  throw new DomainError('INVALID_INPUT', 'comment', `at most ${ratingCommentLimit} characters`);
}

/**
 * Whether the caller is the one asked to rate a ticket: the visitor who filed it, or its
 * contact; a ticket without either, any authorized contact of its organization.
 */
export function isRatingRequester(ticket: { contactId: string | null; visitorId: string | null }, actor: ActorRef) {
  if (actor.kind === 'VISITOR') return true;
  if (actor.kind !== 'CONTACT') return false;
  return ticket.contactId ? ticket.contactId === actor.contactId : !ticket.visitorId && actor.authorized === true;
}

/**
 * The client rates accepted work (or changes the rating) within 7 days of acceptance. Only the
 * requester may: the visitor who filed it, or the contact; a ticket without one, any authorized
 * contact of its organization.
 */
export async function rateTicket(
  db: Db,
  request: { ticketId: string; score: number; comment?: string | null; actor: ActorRef; now: Date },
) {
  const { ticketId, actor, now } = request;
  const ticket = await db.ticket.findUnique({
    where: { id: ticketId },
    select: { contactId: true, visitorId: true, rating: { select: { openUntil: true } } },
  });
  if (!ticket) throw new DomainError('NOT_FOUND', 'ticketId');
  if (!isRatingRequester(ticket, actor)) throw new DomainError('ACTOR_NOT_ALLOWED');
  // Not accepted yet: nothing to rate.
  if (!ticket.rating) throw new DomainError('TRANSITION_NOT_ALLOWED');
  const comment = request.comment?.trim() || null;
  const refusal = ratingRefusal({ score: request.score, comment }, ticket.rating.openUntil, now);
  if (refusal) refuse(refusal);
  await db.ticketRating.update({ where: { ticketId }, data: { score: request.score, comment, ratedAt: now } });
  return db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
}

/** A score clicked in the rating letter: recorded without signing in, while the rating is open. */
export async function rateByLink(
  db: Db,
  secret: string,
  score: number,
  now: Date,
): Promise<'RATED' | 'CLOSED' | 'UNKNOWN'> {
  const rating = await db.ticketRating.findUnique({ where: { linkTokenHash: hashSecret(secret) } });
  if (!rating) return 'UNKNOWN';
  const refusal = ratingRefusal({ score }, rating.openUntil, now);
  if (refusal === 'CLOSED') return 'CLOSED';
  if (refusal) return 'UNKNOWN';
  await db.ticketRating.update({ where: { ticketId: rating.ticketId }, data: { score, ratedAt: now } });
  return 'RATED';
}
