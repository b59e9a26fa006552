import { addDays, isoDateOfUtcMs, localToInstant, weekdayOf } from '../calendar/zoned-time.ts';
import { clipSpans, type Span, unionSpans } from './intervals.ts';

/** A maintenance window as stored (see MaintenanceWindow in schema.prisma). */
export interface MaintenanceRule {
  startsAt: Date;
  endsAt: Date | null;
  recurring: boolean;
  /** ISO weekdays 1 (Monday) … 7 (Sunday); empty = every day. */
  weekdays: readonly number[];
  /** Local start "HH:MM" of a recurring window. */
  localStart: string | null;
  durationMinutes: number | null;
  timeZone: string;
}

const dayMs = 86_400_000;

/**
 * The spans of time inside `range` that the windows cover. A one-off window is
 * startsAt..endsAt; a recurring one starts at its local time on each chosen weekday in its
 * zone (so 02:00 Moscow stays 02:00 across offset changes), between startsAt and endsAt.
 */
export function maintenanceSpans(rules: readonly MaintenanceRule[], range: Span): Span[] {
  const spans: Span[] = [];
  for (const rule of rules) {
    const valid: Span = { from: rule.startsAt.getTime(), to: rule.endsAt?.getTime() ?? Number.POSITIVE_INFINITY };
    if (!rule.recurring) {
      spans.push(...clipSpans([valid], range));
      continue;
    }
    if (!rule.localStart || !rule.durationMinutes || rule.durationMinutes <= 0) continue;
    const [h, m] = rule.localStart.split(':').map(Number);
    const minute = (h ?? 0) * 60 + (m ?? 0);
    const duration = rule.durationMinutes * 60_000;
    // Start a day (plus the duration) early: a window that began before the range may reach into it.
    const first = Math.max(range.from, valid.from) - dayMs - duration;
    const last = Math.min(range.to, valid.to) + dayMs;
    if (!Number.isFinite(first) || last <= first) continue;
    for (let date = isoDateOfUtcMs(first); ; date = addDays(date, 1)) {
      const isoWeekday = weekdayOf(date) === 0 ? 7 : weekdayOf(date);
      const start = localToInstant(date, minute, rule.timeZone);
      if (start > last) break;
      if (rule.weekdays.length > 0 && !rule.weekdays.includes(isoWeekday)) continue;
      const occurrence = clipSpans([{ from: start, to: start + duration }], valid);
      spans.push(...clipSpans(occurrence, range));
    }
  }
  return unionSpans(spans);
}

/** Whether an instant falls inside any of the windows. */
export function inMaintenance(rules: readonly MaintenanceRule[], at: Date): boolean {
  const t = at.getTime();
  return maintenanceSpans(rules, { from: t, to: t + 1 }).length > 0;
}
