import type { Db } from '../db/client.ts';
import { dueSlaEvents, nextSlaCheck } from '../domain/sla/ticket-sla.ts';
import type { EventBus } from '../graphql/context.ts';
import type { Notice } from './notify.ts';
import { publishTicketChange } from './publish.ts';
import { recordSlaEvent, slaFactsOf } from './sla.ts';

export interface SlaJobResult {
  warnings: number;
  breaches: number;
  escalations: number;
}

/**
 * Fires the warnings (80 %) and breaches whose time has come, from the stored check times,
 * so a restart loses nothing. Each event is recorded once even when several instances run
 * this at the same moment (unique per ticket, kind and due time). A breach escalates to the
 * head of support: an unassigned ticket is assigned to them, an assigned one is flagged.
 */
export async function fireDueSlaEvents(db: Db, events: EventBus, now: Date, batch = 200): Promise<SlaJobResult> {
  const result: SlaJobResult = { warnings: 0, breaches: 0, escalations: 0 };
  const due = await db.ticket.findMany({
    where: { slaCheckAt: { lte: now } },
    orderBy: { slaCheckAt: 'asc' },
    take: batch,
  });
  let head: { id: string } | null | undefined;
  for (const ticket of due) {
    let changed = false;
    for (const event of dueSlaEvents(slaFactsOf(ticket), now)) {
      const clock = event.kind.startsWith('REACTION') ? 'REACTION' : 'RESOLUTION';
      const letter = event.kind.endsWith('WARNING') ? 'SLA_WARNING' : 'SLA_BREACH';
      const notices: Notice[] = [{ kind: letter, clock, dueAt: event.dueAt }];
      if (!(await recordSlaEvent(db, { ticketId: ticket.id, kind: event.kind, dueAt: event.dueAt, now }, notices)))
        continue;
      changed = true;
      if (event.kind.endsWith('WARNING')) {
        result.warnings++;
        continue;
      }
      result.breaches++;
      head ??= await db.staffMember.findFirst({
        where: { role: 'HEAD', active: true },
        orderBy: { createdAt: 'asc' },
        select: { id: true },
      });
      const escalated = await recordSlaEvent(
        db,
        {
          ticketId: ticket.id,
          kind: 'ESCALATED',
          dueAt: event.dueAt,
          staffId: head?.id ?? null,
          now: new Date(now.getTime() + 1),
        },
        head ? [{ kind: 'ESCALATED', staffIds: [head.id], clock, dueAt: event.dueAt }] : [],
      );
      if (!escalated) continue;
      result.escalations++;
      if (head && !ticket.assigneeId) {
        await db.ticket.updateMany({ where: { id: ticket.id, assigneeId: null }, data: { assigneeId: head.id } });
      }
    }
    // Guarded: a move that changed the clocks meanwhile has set its own check time.
    await db.ticket.updateMany({
      where: { id: ticket.id, slaCheckAt: ticket.slaCheckAt, updatedAt: ticket.updatedAt },
      data: { slaCheckAt: nextSlaCheck({ ...ticket, ...slaFactsOf(ticket) }, now), updatedAt: ticket.updatedAt },
    });
    if (changed) publishTicketChange(events, ticket.id);
  }
  return result;
}
