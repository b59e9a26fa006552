import type { TicketWork, WorkEntry } from '../../domain/billing/index.ts';
import { billedPriority } from '../../domain/billing/index.ts';
import type { TicketPriority } from '../../domain/ticket-status.ts';
import type { BillingClient } from './billing-terms.ts';

const ticketSelect = {
  id: true,
  number: true,
  title: true,
  paid: true,
  status: true,
  priority: true,
  deliveredPriority: true,
} as const;

type EntryRow = {
  id: string;
  startedAt: Date;
  supportLine: number;
  minutes: number;
  billable: boolean;
  ticketId: string;
  ticket: {
    id: string;
    number: number;
    title: string;
    paid: boolean;
    status: string;
    priority: string;
    deliveredPriority: string | null;
  };
};

export type ReportTicketWork = TicketWork & { status: string };

/** Entries grouped by ticket, tickets by number. */
function group(rows: readonly EntryRow[]): ReportTicketWork[] {
  const byTicket = new Map<string, ReportTicketWork & { entries: WorkEntry[] }>();
  for (const row of rows) {
    let work = byTicket.get(row.ticketId);
    if (!work) {
      work = {
        ticketId: row.ticket.id,
        number: row.ticket.number,
        title: row.ticket.title,
        paid: row.ticket.paid,
        status: row.ticket.status,
        priority: billedPriority(
          row.ticket.deliveredPriority as TicketPriority | null,
          row.ticket.priority as TicketPriority,
        ),
        entries: [],
      };
      byTicket.set(row.ticketId, work);
    }
    work.entries.push({
      id: row.id,
      at: row.startedAt,
      supportLine: row.supportLine,
      minutes: row.minutes,
      billable: row.billable,
    });
  }
  return [...byTicket.values()].sort((a, b) => a.number - b.number);
}

const entrySelect = {
  id: true,
  startedAt: true,
  supportLine: true,
  minutes: true,
  billable: true,
  ticketId: true,
  ticket: { select: ticketSelect },
} as const;

/**
 * The finished work of an organization's tickets done in a month (running timers wait until
 * they stop), in one query. Paid tickets are among them for the list of works; billing skips them.
 */
export async function workOfMonth(
  db: Pick<BillingClient, 'timeEntry'>,
  organizationId: string,
  range: { from: Date; to: Date },
): Promise<ReportTicketWork[]> {
  const rows = await db.timeEntry.findMany({
    where: { startedAt: { gte: range.from, lt: range.to }, endedAt: { not: null }, ticket: { organizationId } },
    select: entrySelect,
    orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
  });
  return group(rows);
}

/** All finished work of one ticket (a paid ticket is invoiced whole when accepted). */
export async function workOfTicket(
  db: Pick<BillingClient, 'timeEntry'>,
  ticketId: string,
): Promise<ReportTicketWork | null> {
  const rows = await db.timeEntry.findMany({
    where: { ticketId, endedAt: { not: null } },
    select: entrySelect,
    orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
  });
  return group(rows)[0] ?? null;
}
