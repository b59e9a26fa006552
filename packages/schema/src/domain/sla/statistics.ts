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
    to === null ? null : roundMinutes(calendar.workingMinutesBetween(t.createdAt, to));
  return {
    firstResponseMinutes: minutes(t.firstResponseAt),
    resolutionMinutes: minutes(t.resolvedAt),
    reactionWithinTarget: t.reactionBreached === null ? null : !t.reactionBreached,
    resolutionWithinTarget: t.resolutionBreached === null ? null : !t.resolutionBreached,
  };
}

const roundMinutes = (minutes: number) => Math.round(minutes * 10) / 10;

/** Working minutes between two instants (ms): the calendar's, or a timeline's over a month. */
export interface WorkingMinutes {
  minutesBetween(fromMs: number, toMs: number): number;
}

/** A ticket as the totals read it: its instants as epoch ms (null when not reached yet), and whose it is. */
export interface TicketInstants {
  createdAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  reactionBreached: boolean | null;
  resolutionBreached: boolean | null;
  rejectReasonCode: string | null;
  satisfaction: number | null;
  assigneeId: string | null;
  organizationId: string | null;
}

/** One ticket worked out once for the totals: its times, breaches, refusal, rating, and whose it is. */
export interface WorkedTicket extends TicketStatistics {
  /** A reaction or resolution breach. */
  breached: boolean;
  rejectReasonCode: string | null;
  satisfaction: number | null;
  assigneeId: string | null;
  organizationId: string | null;
}

/** One ticket worked out for the totals, its working minutes from `time` (as `ticketStatistics`). */
export function workedTicket(t: TicketInstants, time: WorkingMinutes): WorkedTicket {
  return {
    firstResponseMinutes:
      t.firstResponseAt === null ? null : roundMinutes(time.minutesBetween(t.createdAt, t.firstResponseAt)),
    resolutionMinutes: t.resolvedAt === null ? null : roundMinutes(time.minutesBetween(t.createdAt, t.resolvedAt)),
    reactionWithinTarget: t.reactionBreached === null ? null : !t.reactionBreached,
    resolutionWithinTarget: t.resolutionBreached === null ? null : !t.resolutionBreached,
    breached: Boolean(t.reactionBreached || t.resolutionBreached),
    rejectReasonCode: t.rejectReasonCode,
    satisfaction: t.satisfaction,
    assigneeId: t.assigneeId,
    organizationId: t.organizationId,
  };
}

const average = (values: number[]) =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // A typed array sorts numbers natively, many times faster than a comparator for a month's
  // thousands (the one difference, -0 before 0, is invisible in the figures).
  const sorted = Float64Array.from(values).sort();
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const share = (within: number, decided: number) =>
  decided === 0 ? null : Math.round((within / decided) * 1000) / 1000;

/** Totals of a set of tickets (an organization's month, a specialist's, a line's). */
export function summarize(calendar: WorkingCalendar, tickets: readonly TicketTimes[]): SupportStatistics {
  const time: WorkingMinutes = {
    minutesBetween: (from, to) => calendar.workingMinutesBetween(new Date(from), new Date(to)),
  };
  return summarizeWorked(
    tickets.map((t) =>
      workedTicket(
        {
          createdAt: t.createdAt.getTime(),
          firstResponseAt: t.firstResponseAt?.getTime() ?? null,
          resolvedAt: t.resolvedAt?.getTime() ?? null,
          reactionBreached: t.reactionBreached,
          resolutionBreached: t.resolutionBreached,
          rejectReasonCode: t.rejectReasonCode ?? null,
          satisfaction: t.satisfaction ?? null,
          assigneeId: null,
          organizationId: null,
        },
        time,
      ),
    ),
  );
}

/**
 * Totals of tickets already worked out: one pass, in the tickets' order (the averages add up in
 * it), so a month is worked out once and then summed whole, by client, specialist and line.
 */
export function summarizeWorked(tickets: readonly WorkedTicket[]): SupportStatistics {
  const first: number[] = [];
  const resolved: number[] = [];
  const scores: number[] = [];
  let reactionDecided = 0;
  let reactionWithin = 0;
  let resolutionDecided = 0;
  let resolutionWithin = 0;
  let breaches = 0;
  let rejected = false;
  for (const t of tickets) {
    if (t.firstResponseMinutes !== null) first.push(t.firstResponseMinutes);
    if (t.resolutionMinutes !== null) resolved.push(t.resolutionMinutes);
    if (t.satisfaction) scores.push(t.satisfaction);
    if (t.reactionWithinTarget !== null) {
      reactionDecided++;
      if (t.reactionWithinTarget) reactionWithin++;
    }
    if (t.resolutionWithinTarget !== null) {
      resolutionDecided++;
      if (t.resolutionWithinTarget) resolutionWithin++;
    }
    if (t.breached) breaches++;
    if (t.rejectReasonCode) rejected = true;
  }
  return {
    tickets: tickets.length,
    answered: first.length,
    resolved: resolved.length,
    averageFirstResponseMinutes: average(first),
    medianFirstResponseMinutes: median(first),
    averageResolutionMinutes: average(resolved),
    medianResolutionMinutes: median(resolved),
    reactionWithinTargetShare: share(reactionWithin, reactionDecided),
    resolutionWithinTargetShare: share(resolutionWithin, resolutionDecided),
    breaches,
    rejections: rejected ? countRejections(tickets) : [],
    satisfactionAverage: averageScore(scores),
    satisfactionCount: scores.length,
  };
}

/** Items grouped by a key, each group in the list's order (a group's averages add up in it). */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function countRejections(
  tickets: readonly { rejectReasonCode?: string | null }[],
): { reason: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const t of tickets)
    if (t.rejectReasonCode) counts.set(t.rejectReasonCode, (counts.get(t.rejectReasonCode) ?? 0) + 1);
  return [...counts]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}
