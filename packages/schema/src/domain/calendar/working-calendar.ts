import type { CalendarDayOverride } from './calendar-day.ts';
import { addDays, localDateOf, localToInstant, weekdayOf } from './zoned-time.ts';

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

/** Opening and closing time of a weekday ("10:00", "19:00"), or null for a day off. */
export type WeekSchedule = Record<Weekday, readonly [string, string] | null>;

export interface WorkingHours {
  /** IANA zone of the schedule, e.g. Europe/Moscow. */
  timeZone: string;
  week: WeekSchedule;
  /** A pre-holiday (SHORT) day closes this many minutes earlier. */
  preHolidayShorteningMinutes: number;
}

/** How a day came to be worked or not. */
export type CalendarDayType = 'REGULAR' | 'WEEKEND' | 'HOLIDAY' | 'WORKDAY' | 'SHORT';

export interface CalendarDayInfo {
  date: string;
  type: CalendarDayType;
  working: boolean;
  /** Minutes past local midnight; null on a day off. */
  opensAtMinute: number | null;
  closesAtMinute: number | null;
  workingMinutes: number;
  note: string | null;
}

/** The working interval of one day as UTC milliseconds [start, end). */
interface Window {
  start: number;
  end: number;
}

const minuteMs = 60_000;
/** No calendar has a year without a working day; a longer search means a broken calendar. */
const searchLimitDays = 3_700;

/** "10:30" → 630. */
export function minuteOfDay(time: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(time);
  if (!match) throw new RangeError(`"${time}" is not a time of day (HH:MM)`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > 1440) throw new RangeError(`"${time}" is past midnight`);
  return minutes;
}

/**
 * The studio's working time: a weekly schedule in its time zone, changed day by day by
 * the production calendar (holidays, moved working days, shortened pre-holiday days).
 * Pure and immutable; each day's interval is computed once and remembered.
 */
export class WorkingCalendar {
  readonly timeZone: string;
  private readonly hours: WorkingHours;
  private readonly overrides: Map<string, CalendarDayOverride>;
  private readonly windows = new Map<string, Window | null>();
  /** The schedule of a usual working day, for worked weekend days. */
  private readonly usualDay: readonly [number, number];

  constructor(hours: WorkingHours, overrides: Iterable<CalendarDayOverride> = []) {
    this.hours = hours;
    this.timeZone = hours.timeZone;
    this.overrides = new Map([...overrides].map((day) => [day.date, day]));
    const schedule = weekdays.map((day) => hours.week[day]).find((day) => day !== null);
    const usual = schedule ?? (['10:00', '19:00'] as const);
    this.usualDay = [minuteOfDay(usual[0]), minuteOfDay(usual[1])];
  }

  /** What kind of day `date` (YYYY-MM-DD, local) is and when it opens and closes. */
  day(date: string): CalendarDayInfo {
    const override = this.overrides.get(date);
    const scheduled = this.hours.week[weekdays[weekdayOf(date)] as Weekday];
    const hours = scheduled ? ([minuteOfDay(scheduled[0]), minuteOfDay(scheduled[1])] as const) : null;
    const note = override?.note ?? null;
    const off = (type: CalendarDayType): CalendarDayInfo => ({
      date,
      type,
      working: false,
      opensAtMinute: null,
      closesAtMinute: null,
      workingMinutes: 0,
      note,
    });
    const open = (type: CalendarDayType, opens: number, closes: number): CalendarDayInfo =>
      closes <= opens
        ? off(type === 'REGULAR' ? 'WEEKEND' : 'HOLIDAY')
        : {
            date,
            type,
            working: true,
            opensAtMinute: opens,
            closesAtMinute: closes,
            workingMinutes: closes - opens,
            note,
          };

    if (!override) return hours ? open('REGULAR', hours[0], hours[1]) : off('WEEKEND');
    if (override.kind === 'HOLIDAY') return off('HOLIDAY');
    const [opens, closes] = hours ?? this.usualDay;
    if (override.workingMinutes != null) return open(override.kind, opens, opens + override.workingMinutes);
    if (override.kind === 'SHORT') return open('SHORT', opens, closes - this.hours.preHolidayShorteningMinutes);
    return open('WORKDAY', opens, closes);
  }

  /** Every day from `from` to `to`, both included (YYYY-MM-DD). */
  days(from: string, to: string): CalendarDayInfo[] {
    const result: CalendarDayInfo[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) result.push(this.day(date));
    return result;
  }

  /** Whether support works at this instant. */
  isWorkingTime(at: Date): boolean {
    const ms = at.getTime();
    const window = this.window(localDateOf(ms, this.timeZone));
    return window !== null && ms >= window.start && ms < window.end;
  }

  /** `at` itself when it is working time, else the next opening. */
  nextWorkingInstant(at: Date): Date {
    const ms = at.getTime();
    let date = localDateOf(ms, this.timeZone);
    for (let i = 0; i < searchLimitDays; i++, date = addDays(date, 1)) {
      const window = this.window(date);
      if (window && window.end > ms) return new Date(Math.max(window.start, ms));
    }
    throw new RangeError('the calendar has no working time ahead');
  }

  /** The instant when `minutes` working minutes have passed since `at`. */
  addWorkingMinutes(at: Date, minutes: number): Date {
    if (minutes < 0) throw new RangeError('minutes must not be negative');
    const ms = at.getTime();
    let remaining = minutes * minuteMs;
    if (remaining === 0) return new Date(ms);
    let date = localDateOf(ms, this.timeZone);
    for (let i = 0; i < searchLimitDays * 10; i++, date = addDays(date, 1)) {
      const window = this.window(date);
      if (!window || window.end <= ms) continue;
      const start = Math.max(window.start, ms);
      const available = window.end - start;
      if (remaining <= available) return new Date(start + remaining);
      remaining -= available;
    }
    throw new RangeError('the calendar has no working time ahead');
  }

  /** Working minutes from `from` to `to`; negative when `to` is earlier. */
  workingMinutesBetween(from: Date, to: Date): number {
    const a = from.getTime();
    const b = to.getTime();
    if (b < a) return -this.workingMinutesBetween(to, from);
    let total = 0;
    const last = localDateOf(b, this.timeZone);
    for (let date = localDateOf(a, this.timeZone); date <= last; date = addDays(date, 1)) {
      const window = this.window(date);
      if (window) total += Math.max(0, Math.min(window.end, b) - Math.max(window.start, a));
    }
    return total / minuteMs;
  }

  /** The close of the working interval `at` falls in; null outside working time. */
  closesAfter(at: Date): Date | null {
    const ms = at.getTime();
    const window = this.window(localDateOf(ms, this.timeZone));
    return window !== null && ms >= window.start && ms < window.end ? new Date(window.end) : null;
  }

  /** The local midnight that ends the day of `at`. */
  endOfLocalDay(at: Date): Date {
    return new Date(localToInstant(addDays(localDateOf(at.getTime(), this.timeZone), 1), 0, this.timeZone));
  }

  /** The working interval of a local date in UTC milliseconds, or null on a day off. */
  window(date: string): Window | null {
    let window = this.windows.get(date);
    if (window === undefined) {
      const day = this.day(date);
      window =
        day.opensAtMinute === null || day.closesAtMinute === null
          ? null
          : {
              start: localToInstant(date, day.opensAtMinute, this.timeZone),
              end: localToInstant(date, day.closesAtMinute, this.timeZone),
            };
      this.windows.set(date, window);
    }
    return window;
  }
}
