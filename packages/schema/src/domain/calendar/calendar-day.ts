/**
 * A day that differs from the weekly schedule, in the studio's local calendar:
 * - HOLIDAY: not worked (a public holiday, or a day off moved onto a weekday);
 * - WORKDAY: worked although the schedule says weekend (a moved working Saturday);
 * - SHORT: worked, but shorter (a pre-holiday day; may also be a moved working Saturday).
 */
export const calendarDayKinds = ['HOLIDAY', 'WORKDAY', 'SHORT'] as const;
export type CalendarDayKind = (typeof calendarDayKinds)[number];

export interface CalendarDayOverride {
  /** Local date, YYYY-MM-DD. */
  date: string;
  kind: CalendarDayKind;
  /** Minutes worked that day; null: the usual day (WORKDAY) or the usual day shortened (SHORT). */
  workingMinutes?: number | null;
  note?: string | null;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = isoDate.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
