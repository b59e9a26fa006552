import { defaultSlaTargets } from '../studio-defaults.ts';
import { TicketCategory, TicketPriority } from '../ticket-status.ts';

/**
 * One clock's target. `workingMinutes` counts working time only; `outsideMinutes`, when set,
 * lets the clock also run outside working time at its own pace (IMMEDIATE: 15 working
 * minutes, or 60 minutes at night); `withinWorkingDays` means "by the close of the N-th
 * working day after the day it started" (NORMAL: start within the next working day).
 */
export interface ClockTarget {
  workingMinutes?: number;
  outsideMinutes?: number;
  withinWorkingDays?: number;
}

export interface SlaTarget {
  reaction?: ClockTarget;
  resolution?: ClockTarget;
}

export interface SlaTargets {
  priority: Record<TicketPriority, SlaTarget>;
  category: Partial<Record<TicketCategory, SlaTarget>>;
}

/** Thrown for a stored or submitted target that makes no sense; the message names the path. */
export class SlaTargetsError extends Error {}

function parseClock(value: unknown, path: string): ClockTarget | undefined {
  if (value == null) return undefined;
  if (typeof value !== 'object') throw new SlaTargetsError(`${path} must be an object`);
  const clock: ClockTarget = {};
  for (const key of ['workingMinutes', 'outsideMinutes', 'withinWorkingDays'] as const) {
    const n = (value as Record<string, unknown>)[key];
    if (n == null) continue;
    if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0 || n > 525_600)
      throw new SlaTargetsError(`${path}.${key} must be a positive whole number`);
    clock[key] = n;
  }
  if (clock.workingMinutes === undefined && clock.withinWorkingDays === undefined)
    throw new SlaTargetsError(`${path} needs workingMinutes or withinWorkingDays`);
  if (clock.workingMinutes !== undefined && clock.withinWorkingDays !== undefined)
    throw new SlaTargetsError(`${path} takes workingMinutes or withinWorkingDays, not both`);
  return clock;
}

function parseTarget(value: unknown, path: string): SlaTarget {
  if (value == null || typeof value !== 'object') throw new SlaTargetsError(`${path} must be an object`);
  const record = value as Record<string, unknown>;
  const target: SlaTarget = {};
  const reaction = parseClock(record.reaction, `${path}.reaction`);
  const resolution = parseClock(record.resolution, `${path}.resolution`);
  if (reaction) target.reaction = reaction;
  if (resolution) target.resolution = resolution;
  return target;
}

/**
 * Reads targets (the studio's settings, or a contract's overrides) over a base: every
 * priority or category named replaces the base's entry. Throws SlaTargetsError on nonsense.
 */
export function parseSlaTargets(value: unknown, base: SlaTargets = defaultSlaTargets): SlaTargets {
  const result: SlaTargets = { priority: { ...base.priority }, category: { ...base.category } };
  if (value == null) return result;
  if (typeof value !== 'object') throw new SlaTargetsError('SLA targets must be an object');
  const { priority, category } = value as Record<string, unknown>;
  for (const [key, target] of Object.entries((priority ?? {}) as Record<string, unknown>)) {
    if (!(key in TicketPriority)) throw new SlaTargetsError(`unknown priority ${key}`);
    result.priority[key as TicketPriority] = parseTarget(target, `priority.${key}`);
  }
  for (const [key, target] of Object.entries((category ?? {}) as Record<string, unknown>)) {
    if (!(key in TicketCategory)) throw new SlaTargetsError(`unknown category ${key}`);
    if (target === null) delete result.category[key as TicketCategory];
    else result.category[key as TicketCategory] = parseTarget(target, `category.${key}`);
  }
  return result;
}

/** The reaction targets that bind a ticket: its priority's and its category's (earliest wins). */
export function reactionTargets(
  targets: SlaTargets,
  priority: TicketPriority,
  category: TicketCategory,
): ClockTarget[] {
  return [targets.priority[priority]?.reaction, targets.category[category]?.reaction].filter(
    (t): t is ClockTarget => t !== undefined,
  );
}

/** The resolution targets that bind a ticket (earliest wins). */
export function resolutionTargets(
  targets: SlaTargets,
  priority: TicketPriority,
  category: TicketCategory,
): ClockTarget[] {
  return [targets.priority[priority]?.resolution, targets.category[category]?.resolution].filter(
    (t): t is ClockTarget => t !== undefined,
  );
}
