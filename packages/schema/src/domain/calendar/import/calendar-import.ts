import { type CalendarDayKind, type CalendarDayOverride, calendarDayKinds, isIsoDate } from '../calendar-day.ts';
import { CalendarFormatError } from './calendar-format-error.ts';

/** What a calendar file yields: its days sorted by date, and the years it covers. */
export interface CalendarImport {
  days: CalendarDayOverride[];
  years: number[];
}

/** Where a day came from, for error messages: a line of the file, or a path such as `days[3]`. */
export interface DaySource {
  line?: number;
  path?: string;
}

/** A day as read from a file, before validation. */
export interface RawDay {
  date: unknown;
  kind: unknown;
  workingMinutes?: unknown;
  note?: unknown;
}

export const fail = (message: string, at: DaySource = {}): never => {
  throw new CalendarFormatError(at.path === undefined ? message : `${at.path}: ${message}`, at.line);
};

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** Reads a kind, case-insensitively; anything else is an error. */
export function parseKind(value: unknown, at: DaySource): CalendarDayKind {
  if (value === undefined || value === null || value === '') return fail('the kind is missing', at);
  const kind = typeof value === 'string' ? value.trim().toUpperCase() : undefined;
  if (kind === undefined || !(calendarDayKinds as readonly string[]).includes(kind)) {
    return fail(`unknown kind ${show(value)}; expected HOLIDAY, WORKDAY or SHORT`, at);
  }
  return kind as CalendarDayKind;
}

/** Reads minutes worked: empty means the usual length; otherwise an integer 1..1440. */
export function parseWorkingMinutes(value: unknown, at: DaySource): number | null {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return null;
  const minutes = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
    return fail(`working minutes ${show(value)} must be a whole number from 1 to 1440`, at);
  }
  return minutes;
}

/** Validates one day; the result always carries `workingMinutes` and `note` (null when absent). */
export function toCalendarDay(raw: RawDay, at: DaySource): CalendarDayOverride {
  if (raw.date === undefined || raw.date === null || raw.date === '') return fail('the date is missing', at);
  if (typeof raw.date !== 'string' || !isIsoDate(raw.date.trim())) {
    return fail(`${show(raw.date)} is not a date (expected YYYY-MM-DD)`, at);
  }
  const kind = parseKind(raw.kind, at);
  const workingMinutes = parseWorkingMinutes(raw.workingMinutes, at);
  if (kind === 'HOLIDAY' && workingMinutes !== null) fail('a HOLIDAY has no working minutes', at);
  if (raw.note !== undefined && raw.note !== null && typeof raw.note !== 'string') {
    fail(`note ${show(raw.note)} must be text`, at);
  }
  const note = typeof raw.note === 'string' && raw.note.trim() !== '' ? raw.note : null;
  return { date: raw.date.trim(), kind, workingMinutes, note };
}

/** Collects days, refusing a date seen twice in the same file. */
export class CalendarCollector {
  private readonly seen = new Map<string, DaySource>();
  private readonly days: CalendarDayOverride[] = [];

  add(day: CalendarDayOverride, at: DaySource): void {
    const first = this.seen.get(day.date);
    if (first) {
      const where = first.path ?? (first.line !== undefined ? `line ${first.line}` : 'earlier');
      fail(`${day.date} appears twice (first at ${where})`, at);
    }
    this.seen.set(day.date, at);
    this.days.push(day);
  }

  result(extraYears: number[] = []): CalendarImport {
    const days = [...this.days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const years = new Set([...extraYears, ...days.map((d) => Number(d.date.slice(0, 4)))]);
    return { days, years: [...years].sort((a, b) => a - b) };
  }
}
