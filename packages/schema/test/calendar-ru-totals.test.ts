import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCalendarFile } from '../src/domain/calendar/import/index.ts';
import { WorkingCalendar, type WorkingHours } from '../src/domain/calendar/working-calendar.ts';

// The norm the production calendar is published for: a 40-hour week, 8 hours Monday to Friday,
// a pre-holiday (SHORT) day one hour shorter. Moscow is UTC+3 all year.
const fortyHourWeek: WorkingHours = {
  timeZone: 'Europe/Moscow',
  week: {
    mon: ['09:00', '17:00'],
    tue: ['09:00', '17:00'],
    wed: ['09:00', '17:00'],
    thu: ['09:00', '17:00'],
    fri: ['09:00', '17:00'],
    sat: null,
    sun: null,
  },
  preHolidayShorteningMinutes: 60,
};

interface Table {
  year: number;
  /** Where the numbers come from (see calendars/README.md, "Sources"). */
  source: string;
  /** Working days, January to December. */
  days: number[];
  /** Norm of hours at a 40-hour week, January to December. */
  hours: number[];
  totalDays: number;
  totalHours: number;
}

// Written out by hand from the published tables (2027: worked out from the Labour Code), not computed from the files.
const tables: Table[] = [
  {
    year: 2025,
    source: 'official: decree No. 1335 of 4 October 2024 and the production calendar published for it',
    days: [17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22],
    hours: [136, 160, 167, 175, 144, 151, 184, 168, 176, 184, 151, 176],
    totalDays: 247,
    totalHours: 1972,
  },
  {
    year: 2026,
    source: 'official: decree No. 1466 of 24 September 2025 and the production calendar published for it',
    days: [15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22],
    hours: [120, 152, 168, 175, 151, 167, 184, 168, 176, 176, 159, 176],
    totalDays: 247,
    totalHours: 1972,
  },
  {
    year: 2027,
    source: 'provisional: Labour Code arts. 95 and 112 only, until the 2027 decree is checked',
    days: [15, 19, 22, 22, 19, 21, 22, 22, 22, 21, 21, 23],
    hours: [120, 151, 176, 175, 152, 167, 176, 176, 176, 168, 167, 183],
    totalDays: 249,
    totalHours: 1987,
  },
];

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function shippedCalendar(year: number): WorkingCalendar {
  const text = readFileSync(new URL(`../calendars/ru/${year}.json`, import.meta.url), 'utf8');
  return new WorkingCalendar(fortyHourWeek, parseCalendarFile('JSON', text).days);
}

/** Working days and hours of each month, as the working calendar counts them from the shipped file. */
function monthlyTotals(calendar: WorkingCalendar, year: number) {
  return Array.from({ length: 12 }, (_, index) => {
    const month = index + 1;
    const days = calendar.days(`${year}-${pad(month)}-01`, `${year}-${pad(month)}-${lastDayOf(year, month)}`);
    const worked = days.filter((day) => day.working);
    const from = new Date(`${year}-${pad(month)}-01T00:00+03:00`);
    const to =
      month === 12 ? new Date(`${year + 1}-01-01T00:00+03:00`) : new Date(`${year}-${pad(month + 1)}-01T00:00+03:00`);
    return {
      days: worked.length,
      hours: sum(worked.map((day) => day.workingMinutes)) / 60,
      hoursBetween: calendar.workingMinutesBetween(from, to) / 60,
    };
  });
}

describe.each(tables)('the Russian production calendar for $year ($source)', (table) => {
  const totals = monthlyTotals(shippedCalendar(table.year), table.year);

  it('should have the working days of the table in every month', () => {
    expect(totals.map((month) => month.days)).toEqual(table.days);
  });

  it('should have the norm of hours of the table, at a 40-hour week, in every month', () => {
    expect(totals.map((month) => month.hours)).toEqual(table.hours);
    expect(totals.map((month) => month.hoursBetween)).toEqual(table.hours);
  });

  it('should add up to the working days and hours of the table for the year', () => {
    expect(sum(table.days)).toBe(table.totalDays);
    expect(sum(table.hours)).toBe(table.totalHours);
    expect(sum(totals.map((month) => month.days))).toBe(table.totalDays);
    expect(sum(totals.map((month) => month.hours))).toBe(table.totalHours);
  });
});
