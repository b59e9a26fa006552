import type { Db } from '../db/client.ts';
import { advanceSla } from '../domain/sla/ticket-sla.ts';
import type { EventBus } from '../graphql/context.ts';
import type { ActorRef } from './actor.ts';
import { DomainError } from './domain-error.ts';
import { answersEscalations } from './escalate-ticket.ts';
import { moveTicket } from './move-ticket.ts';
import { planTicketLetters, ticketPeopleOf, writeTicketLetters } from './notify.ts';
import { publishTicketChange } from './publish.ts';
import { recordSlaEvent, slaContextFor, slaData, slaFactsOf } from './sla.ts';
import { isUniqueViolation } from './unique-violation.ts';

export const messageLimit = 20_000;

/**
 * Adds to the conversation. A client reply goes through the lifecycle (FEEDBACK/RESOLVED →
 * NEW, end of the queue); a staff reply is public and counts as the first response; an
 * internal note is staff-only. A retried call with the same key adds nothing.
 */
export async function postMessage(
  db: Db,
  events: EventBus,
  request: {
    ticketId: string;
    body: string;
    internal: boolean;
    actor: ActorRef;
    idempotencyKey: string | null;
    /** Where a client's message came from (default: the widget). */
    source?: 'WIDGET' | 'EMAIL';
    now: Date;
  },
) {
  const { ticketId, actor, now } = request;
  const body = request.body.trim();
  if (!body || body.length > messageLimit)
    throw new DomainError('INVALID_INPUT', 'body', `body: 1–${messageLimit} characters`);
  if (request.idempotencyKey) {
    const earlier = await db.message.findUnique({
      where: { idempotencyKey: request.idempotencyKey },
      select: { ticketId: true },
    });
    if (earlier) return db.ticket.findUniqueOrThrow({ where: { id: earlier.ticketId } });
  }
  if (actor.kind !== 'STAFF' && request.internal) throw new DomainError('ACTOR_NOT_ALLOWED');
  const ticket = await db.ticket.findUnique({ where: { id: ticketId } });
  if (!ticket) throw new DomainError('NOT_FOUND', 'id');

  let lateReaction: Date | null = null;
  try {
    if (actor.kind === 'VISITOR' || actor.kind === 'CONTACT') {
      // The lifecycle decides (and refuses replies to ACCEPTED, PAID, REJECTED tickets).
      return await moveTicket(db, events, {
        ticketId,
        action: 'reply',
        actor,
        now,
        input: { message: body },
        idempotencyKey: request.idempotencyKey,
        source: request.source,
      });
    }
    // The head of support answers a client's escalation: in public, even on a closed ticket.
    const answersEscalation = ticket.escalatedAt !== null && answersEscalations(actor) && !request.internal;
    if (ticket.status === 'ACCEPTED' || ticket.status === 'PAID' || ticket.status === 'REJECTED') {
      if (!request.internal && !answersEscalation) throw new DomainError('TRANSITION_NOT_ALLOWED');
    }
    // A public answer is the specialist's reaction: it stops the reaction clock.
    const clocks = request.internal
      ? null
      : advanceSla(await slaContextFor(db, ticket.organizationId), slaFactsOf(ticket), ['staffReacted'], now);
    // Whom the answer is mailed to is read before the transaction, which then only writes.
    const people = request.internal ? null : await ticketPeopleOf(db, ticket);
    const letters = people && (await planTicketLetters(db, people, [{ kind: 'STAFF_REPLY', body }], actor, now));
    const updated = await db.$transaction(async (tx) => {
      await tx.message.create({
        data: {
          ticketId,
          body,
          internal: request.internal,
          authorKind: actor.kind,
          authorStaffId: actor.staffId ?? null,
          source: 'STAFF',
          idempotencyKey: request.idempotencyKey,
          createdAt: now,
        },
        select: { id: true },
      });
      if (request.internal) return tx.ticket.update({ where: { id: ticketId }, data: { updatedAt: now } });
      lateReaction = clocks?.reactionLate ? ticket.reactionDueAt : null;
      const answered = await tx.ticket.update({
        where: { id: ticketId },
        data: {
          ...(clocks ? slaData(clocks) : {}),
          ...(ticket.firstResponseAt ? { updatedAt: now } : { firstResponseAt: now }),
          ...(answersEscalation ? { escalatedAt: null } : {}),
        },
      });
      if (letters) await writeTicketLetters(tx, letters, { ...answered, site: people?.site ?? null }, now);
      return answered;
    });
    if (lateReaction) await recordSlaEvent(db, { ticketId, kind: 'REACTION_BREACHED', dueAt: lateReaction, now });
    publishTicketChange(events, ticketId);
    // The row the update returned: nothing changed the ticket since but this request.
    return updated;
  } catch (error) {
    // A concurrent retry of the same message won: the conversation already has it.
    if (!isUniqueViolation(error)) throw error;
    return db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
  }
}
