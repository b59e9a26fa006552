import type { Db } from '../db/client.ts';
import type { EventBus } from '../graphql/context.ts';
import { systemActor } from './actor.ts';
import { DomainError } from './domain-error.ts';
import { moveTicket } from './move-ticket.ts';

/**
 * Accepts every ticket whose stored auto-acceptance time has come (7 days in RESOLVED or
 * FEEDBACK without a client answer). Works from the database, so a restart loses nothing;
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
    }
  }
  return accepted;
}
