import type { Db } from '../db/client.ts';
import type { EventBus } from '../graphql/context.ts';
import { systemActor } from './actor.ts';
import { DomainError } from './domain-error.ts';
import { moveTicket } from './move-ticket.ts';
import { publishTicketChange } from './publish.ts';

/**
 * Paid work whose estimate the client never confirmed is not accepted automatically (that would
 * invoice work nobody agreed to pay for), nor turned free: it is left to staff, with a note, and
 * the job stops looking at it.
 */
async function leaveToStaff(db: Db, events: EventBus, ticketId: string, now: Date): Promise<void> {
  const left = await db.$transaction(async (tx) => {
    const { count } = await tx.ticket.updateMany({
      where: { id: ticketId, autoAcceptAt: { lte: now } },
      data: { autoAcceptAt: null },
    });
    if (count === 0) return false;
    await tx.message.create({
      data: {
        ticketId,
        body:
          'Клиент не подтвердил оценку платной работы: заявка не принята автоматически, решение за сотрудником. / ' +
          'The client never confirmed the estimate of this paid work: it was not accepted automatically; staff decide.',
        authorKind: 'SYSTEM',
        source: 'STAFF',
        internal: true,
        idempotencyKey: `auto-accept:unconfirmed:${ticketId}:${now.toISOString()}`,
        createdAt: now,
      },
    });
    return true;
  });
  if (left) publishTicketChange(events, ticketId);
}

/**
 * Accepts every ticket whose stored auto-acceptance time has come (7 days in RESOLVED or
 * FEEDBACK without a client answer), except paid work without a confirmed estimate. Works from the database, so a restart loses nothing;
 * a ticket another instance accepted first is skipped. Returns how many it accepted.
 */
export async function acceptDueTickets(db: Db, events: EventBus, now: Date, batch = 100): Promise<number> {
  const due = await db.ticket.findMany({
    where: { autoAcceptAt: { lte: now }, status: { in: ['RESOLVED', 'FEEDBACK'] } },
    select: { id: true },
    orderBy: { autoAcceptAt: 'asc' },
    take: batch,
  });
  let accepted = 0;
  for (const { id } of due) {
    try {
      await moveTicket(db, events, {
        ticketId: id,
        action: 'autoAccept',
        actor: systemActor,
        now,
        input: { message: null },
      });
      accepted++;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'ESTIMATE_NOT_CONFIRMED') await leaveToStaff(db, events, id, now);
    }
  }
  return accepted;
}
