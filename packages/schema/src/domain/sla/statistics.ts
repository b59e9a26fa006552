import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { averageScore } from '../satisfaction.ts';

/** What the statistics read of one ticket. */
export interface TicketTimes {
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  /** Whether the reaction clock was ever breached; null while it still runs. */
  reactionBreached: boolean | null;
  /** Null when the ticket has no resolution target or is not resolved yet. */
  resolutionBreached: boolean | null;
  /** Why it was refused, when it was (REJECTED). */
  rejectReasonCode?: string | null;
  /** The client's rating (1–5) of accepted work, when given. */
  satisfaction?: number | null;
}

export interface TicketStatistics {
  /** Working minutes from filing to the first public answer of support. */
  firstResponseMinutes: number | null;
  /** Working minutes from filing to the (last) resolution. */
  resolutionMinutes: number | null;
  reactionWithinTarget: boolean | null;
  resolutionWithinTarget: boolean | null;
}

export interface SupportStatistics {
  tickets: number;
  answered: number;
  resolved: number;
  averageFirstResponseMinutes: number | null;
  medianFirstResponseMinutes: number | null;
  averageResolutionMinutes: number | null;
  medianResolutionMinutes: number | null;
  /** Share (0–1) of the tickets whose clock is decided that met the reaction target. */
  reactionWithinTargetShare: number | null;
  resolutionWithinTargetShare: number | null;
  breaches: number;
  /** The refused tickets by reason code, most frequent first (then by code). */
  rejections: { reason: string; count: number }[];
  /** The clients' average rating (1–5, two decimals) of the month's rated tickets; null when none. */
  satisfactionAverage: number | null;
  satisfactionCount: number;
}

/** One ticket's times, in working minutes of the studio's calendar. */
export function ticketStatistics(calendar: WorkingCalendar, t: TicketTimes): TicketStatistics {
  const minutes = (to: Date | null) =>
    to === null ? null : Math.round(calendar.workingMinutesBetween(t.createdAt, to) * 10) / 10;
  return {
    firstResponseMinutes: minutes(t.firstResponseAt),
    resolutionMinutes: minutes(t.resolvedAt),
    reactionWithinTarget: t.reactionBreached === null ? null : !t.reactionBreached,
    resolutionWithinTarget: t.resolutionBreached === null ? null : !t.resolutionBreached,
  };
}

const average = (values: number[]) =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function share(values: (boolean | null)[]): number | null {
  const decided = values.filter((v): v is boolean => v !== null);
  return decided.length === 0 ? null : Math.round((decided.filter(Boolean).length / decided.length) * 1000) / 1000;
}

/**
 * One ticket's statistics under one calendar, worked out once: a month is summed up whole, then
 * again by client, specialist and line, from the same ticket objects.
 */
const worked = new WeakMap<WorkingCalendar, WeakMap<TicketTimes, ReturnType<typeof ticketStatistics>>>();
function statisticsOnce(calendar: WorkingCalendar, ticket: TicketTimes): ReturnType<typeof ticketStatistics> {
  let byTicket = worked.get(calendar);
  if (!byTicket) {
    byTicket = new WeakMap();
    worked.set(calendar, byTicket);
  }
  let result = byTicket.get(ticket);
  if (!result) {
    result = ticketStatistics(calendar, ticket);
    byTicket.set(ticket, result);
  }
  return result;
}

/** Totals of a set of tickets (an organization's month, a specialist's, a line's). */
export function summarize(calendar: WorkingCalendar, tickets: readonly TicketTimes[]): SupportStatistics {
  const each = tickets.map((t) => statisticsOnce(calendar, t));
  const first = each.flatMap((s) => (s.firstResponseMinutes === null ? [] : [s.firstResponseMinutes]));
  const resolved = each.flatMap((s) => (s.resolutionMinutes === null ? [] : [s.resolutionMinutes]));
  const scores = tickets.flatMap((t) => (t.satisfaction ? [t.satisfaction] : []));
  return {
    tickets: tickets.length,
    answered: first.length,
    resolved: resolved.length,
    averageFirstResponseMinutes: average(first),
    medianFirstResponseMinutes: median(first),
    averageResolutionMinutes: average(resolved),
    medianResolutionMinutes: median(resolved),
    reactionWithinTargetShare: share(each.map((s) => s.reactionWithinTarget)),
    resolutionWithinTargetShare: share(each.map((s) => s.resolutionWithinTarget)),
    breaches: tickets.filter((t) => t.reactionBreached || t.resolutionBreached).length,
    rejections: countRejections(tickets),
    satisfactionAverage: averageScore(scores),
    satisfactionCount: scores.length,
  };
}

function countRejections(tickets: readonly TicketTimes[]): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const t of tickets)
    if (t.rejectReasonCode) counts.set(t.rejectReasonCode, (counts.get(t.rejectReasonCode) ?? 0) + 1);
  return [...counts]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}
