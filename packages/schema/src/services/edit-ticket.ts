import type { Db } from '../db/client.ts';
import { advanceSla } from '../domain/sla/ticket-sla.ts';
import { priorityRank, type TicketCategory, type TicketPriority } from '../domain/ticket-status.ts';
import type { EventBus } from '../graphql/context.ts';
import type { ActorRef } from './actor.ts';
import { DomainError } from './domain-error.ts';
import { notifyTicket } from './notify.ts';
import { publishTicketChange } from './publish.ts';
import { slaContextFor, slaData, slaFactsOf } from './sla.ts';

export interface TicketEdit {
  title?: string | null;
  priority?: TicketPriority | null;
  category?: TicketCategory | null;
  paid?: boolean | null;
  /** Null unassigns; undefined leaves as is. */
  assigneeId?: string | null;
  duplicateOfId?: string | null;
}

/**
 * Staff work on a ticket outside the lifecycle: assign, reprioritise, recategorise, mark paid
 * or free, link a duplicate, edit the title. Each change is audited with its old and new value.
 */
export async function editTicket(
  db: Db,
  events: EventBus,
  ticketId: string,
  edit: TicketEdit,
  actor: ActorRef,
  now: Date,
) {
  const ticket = await db.ticket.findUnique({ where: { id: ticketId } });
  if (!ticket) throw new DomainError('NOT_FOUND', 'id');
  if (ticket.status === 'PAID' || ticket.status === 'REJECTED') throw new DomainError('TRANSITION_NOT_ALLOWED');
  const data: Record<string, unknown> = {};
  if (edit.title != null) {
    const title = edit.title.trim();
    if (!title || title.length > 200) throw new DomainError('INVALID_INPUT', 'title', 'title: 1–200 characters');
    data.title = title;
  }
  if (edit.priority != null) data.priority = edit.priority;
  if (edit.category != null) data.category = edit.category;
  if (edit.paid != null) data.paid = edit.paid;
  if (edit.assigneeId !== undefined) {
    if (edit.assigneeId) {
      const staff = await db.staffMember.findUnique({
        where: { id: edit.assigneeId },
        select: { active: true, role: true },
      });
      if (!staff?.active || staff.role === 'ACCOUNTANT')
        throw new DomainError('INVALID_INPUT', 'assigneeId', 'not an active specialist');
    }
    data.assigneeId = edit.assigneeId;
  }
  if (edit.duplicateOfId !== undefined && edit.duplicateOfId !== null) {
    if (edit.duplicateOfId === ticketId) throw new DomainError('DUPLICATE_OF_ITSELF', 'duplicateOf');
    if (!(await db.ticket.findUnique({ where: { id: edit.duplicateOfId }, select: { id: true } })))
      throw new DomainError('NOT_FOUND', 'duplicateOf');
    data.duplicateOfId = edit.duplicateOfId;
  }
  const changed = Object.fromEntries(
    Object.entries(data).filter(([key, value]) => (ticket as Record<string, unknown>)[key] !== value),
  );
  if (Object.keys(changed).length === 0) return ticket;
  const rank = changed.priority ? { priorityRank: priorityRank(changed.priority as TicketPriority) } : {};
  // A new priority or category brings its own targets: the running reaction clock follows.
  const clocks =
    changed.priority || changed.category
      ? slaData(
          advanceSla(
            await slaContextFor(db, ticket.organizationId),
            { ...slaFactsOf(ticket), ...(changed as Partial<ReturnType<typeof slaFactsOf>>) },
            ['retargeted'],
            now,
          ),
        )
      : {};
  const updated = await db.$transaction(async (tx) => {
    await tx.auditEvent.create({
      data: {
        action: 'ticket.edit',
        actorKind: actor.kind,
        actorId: actor.staffId ?? null,
        subjectType: 'Ticket',
        subjectId: ticketId,
        data: Object.fromEntries(
          Object.entries(changed).map(([key, value]) => [
            key,
            { from: (ticket as Record<string, unknown>)[key] ?? null, to: value },
          ]),
        ) as object,
        createdAt: now,
      },
    });
    const updated = await tx.ticket.update({ where: { id: ticketId }, data: { ...changed, ...rank, ...clocks } });
    if (typeof changed.assigneeId === 'string')
      await notifyTicket(tx, ticketId, [{ kind: 'ASSIGNED', staffIds: [changed.assigneeId] }], actor, now);
    return updated;
  });
  publishTicketChange(events, ticketId);
  return updated;
}
