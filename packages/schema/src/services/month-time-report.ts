import type { Db } from '../db/client.ts';
import { studioTimeZone } from './billing/billing-terms.ts';
import { monthRange } from './statistics.ts';

/** Minutes in all and billable. */
export interface MinutesSplit {
  minutes: number;
  billableMinutes: number;
}
export type LineTimeData = MinutesSplit & { supportLine: number };
export type SpecialistTimeData = MinutesSplit & { staffId: string; tickets: number };
export type TicketTimeData = MinutesSplit & { ticketId: string; byLine: LineTimeData[] };

/** The finished time of a month across the studio (or one client), grouped three ways. */
export interface MonthTimeReportData extends MinutesSplit {
  month: string;
  /** The month's instants in the studio's zone, as the monthly report counts them. */
  range: { from: Date; to: Date };
  organizationId: string | null;
  byLine: LineTimeData[];
  bySpecialist: SpecialistTimeData[];
  /** Every ticket with time, most minutes first (ties: by id, so a cut is stable). */
  byTicket: TicketTimeData[];
}

/** Which entries a month's report counts: finished ones begun in the month (running timers wait). */
export function monthEntriesWhere(range: { from: Date; to: Date }, organizationId: string | null) {
  return {
    startedAt: { gte: range.from, lt: range.to },
    endedAt: { not: null },
    ...(organizationId ? { ticket: { organizationId } } : {}),
  };
}

const add = (into: MinutesSplit, minutes: number, billable: boolean) => {
  into.minutes += minutes;
  if (billable) into.billableMinutes += minutes;
};
const entry = <K, V>(map: Map<K, V>, key: K, make: () => V): V => {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
};
const byLineNumber = (a: LineTimeData, b: LineTimeData) => a.supportLine - b.supportLine;

/**
 * A month's time entries by specialist, line and ticket, counted in the database in one
 * grouped read whatever the number of entries. Throws INVALID_INPUT for a month not YYYY-MM.
 */
export async function monthTimeReport(
  db: Pick<Db, 'studioSettings' | 'timeEntry'>,
  month: string,
  organizationId: string | null = null,
): Promise<MonthTimeReportData> {
  const range = monthRange(month, await studioTimeZone(db));
  const groups = await db.timeEntry.groupBy({
    by: ['staffId', 'ticketId', 'supportLine', 'billable'],
    where: monthEntriesWhere(range, organizationId),
    _sum: { minutes: true },
  });
  const total: MinutesSplit = { minutes: 0, billableMinutes: 0 };
  const lines = new Map<number, LineTimeData>();
  const specialists = new Map<string, SpecialistTimeData & { ticketIds: Set<string> }>();
  const tickets = new Map<string, TicketTimeData & { lines: Map<number, LineTimeData> }>();
  for (const g of groups) {
    const minutes = g._sum.minutes ?? 0;
    const line = () => ({ supportLine: g.supportLine, minutes: 0, billableMinutes: 0 });
    add(total, minutes, g.billable);
    add(entry(lines, g.supportLine, line), minutes, g.billable);
    const specialist = entry(specialists, g.staffId, () => ({
      staffId: g.staffId,
      minutes: 0,
      billableMinutes: 0,
      tickets: 0,
      ticketIds: new Set<string>(),
    }));
    add(specialist, minutes, g.billable);
    specialist.ticketIds.add(g.ticketId);
    const ticket = entry(tickets, g.ticketId, () => ({
      ticketId: g.ticketId,
      minutes: 0,
      billableMinutes: 0,
      byLine: [],
      lines: new Map(),
    }));
    add(ticket, minutes, g.billable);
    add(entry(ticket.lines, g.supportLine, line), minutes, g.billable);
  }
  return {
    month,
    range,
    organizationId,
    ...total,
    byLine: [...lines.values()].sort(byLineNumber),
    bySpecialist: [...specialists.values()]
      .map(({ ticketIds, ...s }) => ({ ...s, tickets: ticketIds.size }))
      .sort((a, b) => b.minutes - a.minutes || (a.staffId < b.staffId ? -1 : 1)),
    byTicket: [...tickets.values()]
      .map(({ lines: perLine, ...t }) => ({ ...t, byLine: [...perLine.values()].sort(byLineNumber) }))
      .sort((a, b) => b.minutes - a.minutes || (a.ticketId < b.ticketId ? -1 : 1)),
  };
}
