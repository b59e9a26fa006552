/**
 * Pure helpers of the settings page's calendar: a month as weeks for the year view, and the year's
 * exceptions as a file in the format `importCalendar` reads (packages/schema/calendars/README.md).
 */

/** A day as `calendarDays` gives it. */
export interface YearDay {
  date: string;
  type: 'REGULAR' | 'WEEKEND' | 'HOLIDAY' | 'WORKDAY' | 'SHORT';
  workingMinutes: number;
  note: string | null;
}

/** The studio's weekly hours as `workingHours` gives them. */
export interface WeekHours {
  preHolidayShorteningMinutes: number;
  days: readonly { weekday: string; opens: string; closes: string }[];
}

const weekdayNames = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
const pad = (n: number) => String(n).padStart(2, '0');
const minuteOfDay = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** YYYY-MM-DD of a day of a month (month 1–12). */
export const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** The weeks of a month, Monday first; null pads the days of the neighbouring months. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(isoDate(year, month, d));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * Minutes a SHORT or WORKDAY date has when the file names none: its weekday's hours (a worked
 * weekend day takes the first scheduled weekday's, Sunday first, as the server does), a SHORT day
 * less the pre-holiday shortening.
 */
function defaultMinutes(day: YearDay, hours: WeekHours): number {
  const weekday = weekdayNames[new Date(`${day.date}T00:00:00Z`).getUTCDay()];
  const own = hours.days.find((d) => d.weekday === weekday);
  const usual = own ?? weekdayNames.map((name) => hours.days.find((d) => d.weekday === name)).find(Boolean);
  const length = usual ? minuteOfDay(usual.closes) - minuteOfDay(usual.opens) : 540;
  return day.type === 'SHORT' ? length - hours.preHolidayShorteningMinutes : length;
}

/** The year's holidays, moved working days and short days as an importable JSON file. */
export function calendarFile(year: number, days: readonly YearDay[], hours: WeekHours): string {
  const exceptions = days
    .filter((day) => day.type === 'HOLIDAY' || day.type === 'WORKDAY' || day.type === 'SHORT')
    .map((day) => ({
      date: day.date,
      kind: day.type,
      ...(day.type !== 'HOLIDAY' && day.workingMinutes !== defaultMinutes(day, hours)
        ? { workingMinutes: day.workingMinutes }
        : {}),
      ...(day.note ? { note: day.note } : {}),
    }));
  return `${JSON.stringify({ year, source: 'caredesk', days: exceptions }, null, 2)}\n`;
}
