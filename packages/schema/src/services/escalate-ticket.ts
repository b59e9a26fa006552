import type { Db } from '../db/client.ts';
import type { EventBus } from '../graphql/context.ts';
import type { ActorRef } from './actor.ts';
import { DomainError } from './domain-error.ts';
import { notifyTicket } from './notify.ts';
import { publishTicketChange } from './publish.ts';

const reasonLimit = 2000;

/** The head of support (and admins) answer a client's escalation: their public reply or move clears its flag. */
export function answersEscalations(actor: ActorRef): boolean {
  return actor.kind === 'STAFF' && (actor.role === 'HEAD' || actor.role === 'ADMIN');
}

/**
 * A client who thinks a ticket was closed too early asks the head of support to look again
 * (rule 7; reopening with a reply stays possible where the lifecycle allows it). The reason is
 * kept on the ticket and in its conversation, the heads of support are written to, and the ticket
 * is flagged in the queue until the head answers (a public reply or a move). Asking again while
 * flagged changes nothing.
 */
export async function escalateTicket(
  db: Db,
  events: EventBus,
  request: { ticketId: string; reason: string; actor: ActorRef; now: Date },
) {
  const { ticketId, actor, now } = request;
  if (actor.kind !== 'CONTACT' && actor.kind !== 'VISITOR') throw new DomainError('ACTOR_NOT_ALLOWED');
  const reason = request.reason.trim();
  if (!reason || reason.length > reasonLimit)
    throw new DomainError('INVALID_INPUT', 'reason', `reason: 1–${reasonLimit} characters`);
  const ticket = await db.ticket.findUnique({ where: { id: ticketId }, select: { escalatedAt: true } });
  if (!ticket) throw new DomainError('NOT_FOUND', 'ticketId');
  if (ticket.escalatedAt) return db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
  const heads = await db.staffMember.findMany({ where: { role: 'HEAD', active: true }, select: { id: true } });
  await db.$transaction(async (tx) => {
    const { count } = await tx.ticket.updateMany({
      where: { id: ticketId, escalatedAt: null },
      data: { escalatedAt: now, escalationReason: reason },
    });
    if (count === 0) return;
    await tx.message.create({
      data: {
        ticketId,
        body: `Прошу руководителя поддержки разобраться / I ask the head of support to look again:\n\n${reason}`,
        authorKind: actor.kind,
        authorContactId: actor.contactId ?? null,
        authorVisitorId: actor.visitorId ?? null,
        source: 'WIDGET',
        createdAt: now,
      },
    });
    await notifyTicket(
      tx,
      ticketId,
      [{ kind: 'CLIENT_ESCALATED', body: reason, staffIds: heads.map((h) => h.id) }],
      actor,
      now,
    );
  });
  publishTicketChange(events, ticketId);
  return db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
}
