import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import type { ClockTarget } from './sla-targets.ts';

const minuteMs = 60_000;

/**
 * When a clock that started at `start` reaches `fraction` of its target (1 = due,
 * 0.8 = the warning). Working time runs at 1/workingMinutes per minute; time outside
 * working hours runs at 1/outsideMinutes when the target has one, else not at all.
 */
export function clockReaches(calendar: WorkingCalendar, start: Date, target: ClockTarget, fraction = 1): Date {
  if (target.withinWorkingDays !== undefined) {
    const minutes = calendar.workingMinutesBetween(start, closeOfWorkingDay(calendar, start, target.withinWorkingDays));
    return calendar.addWorkingMinutes(start, minutes * fraction);
  }
  const working = (target.workingMinutes ?? 0) * minuteMs;
  const outside = target.outsideMinutes === undefined ? null : target.outsideMinutes * minuteMs;
  if (outside === null) return calendar.addWorkingMinutes(start, (target.workingMinutes ?? 0) * fraction);

  let remaining = fraction;
  let cursor = start.getTime();
  for (let i = 0; i < 10_000; i++) {
    const closes = calendar.closesAfter(new Date(cursor));
    if (closes) {
      const part = (closes.getTime() - cursor) / working;
      if (remaining <= part) return new Date(Math.round(cursor + remaining * working));
      remaining -= part;
      cursor = closes.getTime();
    } else {
      const opens = calendar.nextWorkingInstant(new Date(cursor)).getTime();
      const part = (opens - cursor) / outside;
      if (remaining <= part) return new Date(Math.round(cursor + remaining * outside));
      remaining -= part;
      cursor = opens;
    }
  }
  throw new RangeError('the clock never reaches its target');
}

/** The close of the `n`-th working day after the local day of `start` (n ≥ 1). */
export function closeOfWorkingDay(calendar: WorkingCalendar, start: Date, n: number): Date {
  let found = 0;
  let cursor = calendar.nextWorkingInstant(new Date(calendar.endOfLocalDay(start)));
  for (;;) {
    const closes = calendar.closesAfter(cursor);
    if (!closes) throw new RangeError('working time without a close');
    found++;
    if (found >= n) return closes;
    cursor = calendar.nextWorkingInstant(closes);
  }
}

/** The earliest instant at which any of the targets reaches `fraction`; null without targets. */
export function earliestReach(
  calendar: WorkingCalendar,
  start: Date,
  targets: readonly ClockTarget[],
  fraction = 1,
): { at: Date; target: ClockTarget } | null {
  let best: { at: Date; target: ClockTarget } | null = null;
  for (const target of targets) {
    const at = clockReaches(calendar, start, target, 1);
    if (!best || at < best.at) best = { at, target };
  }
  if (!best || fraction === 1) return best;
  return { at: clockReaches(calendar, start, best.target, fraction), target: best.target };
}
