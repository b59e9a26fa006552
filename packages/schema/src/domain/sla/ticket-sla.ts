import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { type TicketCategory, TicketPriority, type TicketStatus } from '../ticket-status.ts';
import { earliestReach } from './sla-clock.ts';
import { reactionTargets, resolutionTargets, type SlaTargets } from './sla-targets.ts';

/** What the clocks need: the studio's calendar and the targets of this ticket's contract. */
export interface SlaContext {
  calendar: WorkingCalendar;
  targets: SlaTargets;
}

/** The clock columns of a ticket. Stored, so that jobs and the queue work from the database. */
export interface SlaClocks {
  /** Start of the current reaction cycle: filing, or the client's last update (rule 2). */
  reactionStartedAt: Date | null;
  /** When a specialist reacted in the current cycle (first public reply or any move). */
  reactedAt: Date | null;
  reactionDueAt: Date | null;
  reactionWarningAt: Date | null;
  /** Working minutes the resolution may take; fixed when the ticket is filed. */
  resolutionTargetMinutes: number | null;
  /** Working minutes already spent before the current run (pauses excluded). */
  resolutionElapsedMinutes: number;
  /** Since when the resolution clock runs; null while paused (FEEDBACK, RESOLVED) or stopped. */
  resolutionRunningSince: Date | null;
  resolutionDueAt: Date | null;
  resolutionWarningAt: Date | null;
  /** The most urgent priority whose reaction target was met (billing). */
  deliveredPriority: TicketPriority | null;
}

export interface SlaColumns extends SlaClocks {
  /** The next instant a warning or breach is due for the job; null when no clock runs. */
  slaCheckAt: Date | null;
  /** The soonest running due time, for "due soonest" in the queue. */
  slaDueAt: Date | null;
}

export interface TicketSlaFacts extends SlaClocks {
  status: TicketStatus;
  priority: TicketPriority;
  category: TicketCategory;
}

export const slaEventKinds = [
  'REACTION_WARNING',
  'REACTION_BREACHED',
  'RESOLUTION_WARNING',
  'RESOLUTION_BREACHED',
  'ESCALATED',
] as const;
export type SlaEventKind = (typeof slaEventKinds)[number];

/** The share of a target at which the warning fires. */
export const warningFraction = 0.8;

const openStatuses: readonly TicketStatus[] = ['NEW', 'IN_PROGRESS', 'FEEDBACK', 'RESOLVED'];

/** The reaction clock runs until a specialist reacts, only while the ticket is NEW. */
export function reactionRunning(t: Pick<TicketSlaFacts, 'status' | 'reactedAt' | 'reactionDueAt'>): boolean {
  return t.status === 'NEW' && t.reactedAt === null && t.reactionDueAt !== null;
}

/** Due and warning times from the stored starts, and what the job and queue read. */
export function deriveSla(ctx: SlaContext, t: TicketSlaFacts): SlaColumns {
  const clocks: SlaClocks = { ...t };
  if (t.reactionStartedAt && t.reactedAt === null) {
    const targets = reactionTargets(ctx.targets, t.priority, t.category);
    const due = earliestReach(ctx.calendar, t.reactionStartedAt, targets);
    const warn = earliestReach(ctx.calendar, t.reactionStartedAt, targets, warningFraction);
    clocks.reactionDueAt = due?.at ?? null;
    clocks.reactionWarningAt = warn?.at ?? null;
  }
  if (t.resolutionTargetMinutes !== null && t.resolutionRunningSince) {
    const left = t.resolutionTargetMinutes - t.resolutionElapsedMinutes;
    // Past due already: the breach happened at the stored due time; keep it.
    if (left > 0) clocks.resolutionDueAt = ctx.calendar.addWorkingMinutes(t.resolutionRunningSince, left);
    const warnLeft = t.resolutionTargetMinutes * warningFraction - t.resolutionElapsedMinutes;
    if (warnLeft > 0) clocks.resolutionWarningAt = ctx.calendar.addWorkingMinutes(t.resolutionRunningSince, warnLeft);
  }
  const running = { ...t, ...clocks };
  const times: Date[] = [];
  const due: Date[] = [];
  if (reactionRunning(running)) {
    if (clocks.reactionWarningAt) times.push(clocks.reactionWarningAt);
    if (clocks.reactionDueAt) {
      times.push(clocks.reactionDueAt);
      due.push(clocks.reactionDueAt);
    }
  }
  if (clocks.resolutionRunningSince && openStatuses.includes(t.status)) {
    if (clocks.resolutionWarningAt) times.push(clocks.resolutionWarningAt);
    if (clocks.resolutionDueAt) {
      times.push(clocks.resolutionDueAt);
      due.push(clocks.resolutionDueAt);
    }
  }
  return { ...clocks, slaCheckAt: earliest(times), slaDueAt: earliest(due) };
}

function earliest(dates: Date[]): Date | null {
  return dates.reduce<Date | null>((min, d) => (min === null || d < min ? d : min), null);
}

/** The clocks of a ticket filed at `now`. */
export function startSla(
  ctx: SlaContext,
  ticket: { priority: TicketPriority; category: TicketCategory },
  now: Date,
): SlaColumns {
  const resolution = earliestReach(ctx.calendar, now, resolutionTargets(ctx.targets, ticket.priority, ticket.category));
  return deriveSla(ctx, {
    ...ticket,
    status: 'NEW',
    reactionStartedAt: now,
    reactedAt: null,
    reactionDueAt: null,
    reactionWarningAt: null,
    resolutionTargetMinutes: resolution ? Math.round(ctx.calendar.workingMinutesBetween(now, resolution.at)) : null,
    resolutionElapsedMinutes: 0,
    resolutionRunningSince: resolution ? now : null,
    resolutionDueAt: null,
    resolutionWarningAt: null,
    deliveredPriority: null,
  });
}

/** What happened to the ticket, as far as the clocks care. */
export type SlaEvent =
  /** A specialist answered in public or moved the ticket. */
  | 'staffReacted'
  /** The client updated the ticket and it is NEW again: the reaction clock restarts (rule 2). */
  | 'clientUpdated'
  /** The priority or category changed: due times follow. */
  | 'retargeted';

/**
 * The clocks after an event and the move that came with it (`status` is the status after
 * it). Pauses follow the status: FEEDBACK and RESOLVED wait for the client; ACCEPTED, PAID
 * and REJECTED stop every clock.
 */
export function advanceSla(
  ctx: SlaContext,
  t: TicketSlaFacts,
  events: readonly SlaEvent[],
  now: Date,
): SlaColumns & { reactionLate: boolean } {
  const next: TicketSlaFacts = { ...t };
  let reactionLate = false;
  if (events.includes('staffReacted') && t.reactionStartedAt && t.reactedAt === null) {
    next.reactedAt = now;
    reactionLate = t.reactionDueAt !== null && now > t.reactionDueAt;
    const delivered = deliveredPriority(ctx, t.priority, t.reactionStartedAt, now);
    next.deliveredPriority = lowerOf(t.deliveredPriority, delivered);
  }
  if (events.includes('clientUpdated') && t.status === 'NEW') {
    next.reactionStartedAt = now;
    next.reactedAt = null;
  }
  const waits = t.status === 'FEEDBACK' || t.status === 'RESOLVED' || !openStatuses.includes(t.status);
  if (waits && next.resolutionRunningSince) {
    next.resolutionElapsedMinutes += ctx.calendar.workingMinutesBetween(next.resolutionRunningSince, now);
    next.resolutionRunningSince = null;
  } else if (!waits && !next.resolutionRunningSince && next.resolutionTargetMinutes !== null) {
    next.resolutionRunningSince = now;
  }
  return { ...deriveSla(ctx, next), reactionLate };
}

const priorityOrder = Object.values(TicketPriority);

function lowerOf(a: TicketPriority | null, b: TicketPriority): TicketPriority {
  if (a === null) return b;
  return priorityOrder.indexOf(a) < priorityOrder.indexOf(b) ? a : b;
}

/**
 * The most urgent priority, at most the ordered one, whose reaction target a reaction at
 * `reactedAt` met; NORMAL when none was. Billing charges this one (domain.md).
 */
export function deliveredPriority(
  ctx: SlaContext,
  ordered: TicketPriority,
  startedAt: Date,
  reactedAt: Date,
): TicketPriority {
  for (let rank = priorityOrder.indexOf(ordered); rank > 0; rank--) {
    const priority = priorityOrder[rank] as TicketPriority;
    const target = ctx.targets.priority[priority]?.reaction;
    if (!target) continue;
    const due = earliestReach(ctx.calendar, startedAt, [target]);
    if (due && reactedAt <= due.at) return priority;
  }
  return 'NORMAL';
}

/** The warnings and breaches due by `now` for the job, each with the due time it belongs to. */
export function dueSlaEvents(t: TicketSlaFacts, now: Date): { kind: SlaEventKind; dueAt: Date }[] {
  const events: { kind: SlaEventKind; dueAt: Date }[] = [];
  if (reactionRunning(t) && t.reactionDueAt) {
    if (t.reactionWarningAt && t.reactionWarningAt <= now)
      events.push({ kind: 'REACTION_WARNING', dueAt: t.reactionDueAt });
    if (t.reactionDueAt <= now) events.push({ kind: 'REACTION_BREACHED', dueAt: t.reactionDueAt });
  }
  if (t.resolutionRunningSince && t.resolutionDueAt && openStatuses.includes(t.status)) {
    if (t.resolutionWarningAt && t.resolutionWarningAt <= now)
      events.push({ kind: 'RESOLUTION_WARNING', dueAt: t.resolutionDueAt });
    if (t.resolutionDueAt <= now) events.push({ kind: 'RESOLUTION_BREACHED', dueAt: t.resolutionDueAt });
  }
  return events;
}

/** The next check after `now` among the running clocks' warning and due times. */
export function nextSlaCheck(t: SlaColumns & { status: TicketStatus }, now: Date): Date | null {
  const times: (Date | null)[] = [];
  if (reactionRunning(t)) times.push(t.reactionWarningAt, t.reactionDueAt);
  if (t.resolutionRunningSince && openStatuses.includes(t.status)) times.push(t.resolutionWarningAt, t.resolutionDueAt);
  return earliest(times.filter((d): d is Date => d !== null && d > now));
}
