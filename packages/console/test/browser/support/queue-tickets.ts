import type { Db } from '@caredesk/schema/db';
import { priorityRank, type TicketPriority, type TicketStatus } from '@caredesk/schema/domain';

/** One fixture ticket; what is left out is NEW, NORMAL, the first organization, no running SLA clock. */
export interface QueueTicket {
  title?: string;
  status?: TicketStatus;
  priority?: TicketPriority;
  /** Index into the organizations by name. */
  organization?: number;
  /** Minutes from now to the SLA due time (negative: overdue); null or left out: no clock. */
  dueInMinutes?: number | null;
}

const minute = 60_000;

/**
 * Inserts tickets straight through Prisma (the shape the demo seed gives them: numbered after the
 * last one, in an organization and one of its sites, queued a minute apart in the past). Fixture
 * data for the queue's browser tests and benchmark, not a way to file tickets.
 */
export async function insertQueueTickets(db: Db, tickets: QueueTicket[], now = new Date()): Promise<void> {
  const organizations = await db.organization.findMany({ orderBy: { name: 'asc' }, include: { sites: true } });
  const last = await db.ticket.aggregate({ _max: { number: true } });
  const first = (last._max.number ?? 1000) + 1;
  const rows = tickets.map((ticket, i) => {
    const organization = organizations[(ticket.organization ?? 0) % organizations.length];
    const priority = ticket.priority ?? 'NORMAL';
    const createdAt = new Date(now.getTime() - (tickets.length - i + 60) * minute);
    const due = ticket.dueInMinutes == null ? null : new Date(now.getTime() + ticket.dueInMinutes * minute);
    return {
      number: first + i,
      title: ticket.title ?? `Queue fixture ${first + i}: the checkout page shows an error`,
      description: 'Fixture ticket for the queue.',
      status: ticket.status ?? 'NEW',
      priority,
      priorityRank: priorityRank(priority),
      category: 'PROBLEM' as const,
      source: 'EMAIL' as const,
      organizationId: organization?.id ?? null,
      siteId: organization?.sites[0]?.id ?? null,
      queuedAt: createdAt,
      createdAt,
      reactionStartedAt: createdAt,
      reactionDueAt: due,
      slaDueAt: due,
    };
  });
  // In chunks: SQLite limits the variables of one statement.
  for (let i = 0; i < rows.length; i += 200) await db.ticket.createMany({ data: rows.slice(i, i + 200) });
}
