import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CalendarDayOverride } from '../src/domain/calendar/calendar-day.ts';
import { parseCalendarFile } from '../src/domain/calendar/import/index.ts';

const readFile = (year: number) => readFileSync(new URL(`../calendars/ru/${year}.json`, import.meta.url), 'utf8');

// Labour Code art. 112: the non-working public holidays, as MM-DD.
const statutory = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08'].concat([
  '02-23',
  '03-08',
  '05-01',
  '05-09',
  '06-12',
  '11-04',
]);

const dayMs = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

/** Working days per month and the norm of hours at 8 h a day (SHORT: 7 h), from the listed days alone. */
function tally(days: CalendarDayOverride[], year: number) {
  const byDate = new Map(days.map((d) => [d.date, d]));
  const months = new Array<number>(12).fill(0);
  let hours = 0;
  let daysOff = 0;
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += dayMs) {
    const date = iso(t);
    const listed = byDate.get(date);
    const working = listed ? listed.kind !== 'HOLIDAY' : !isWeekend(date);
    if (!working) {
      daysOff++;
      continue;
    }
    const month = new Date(t).getUTCMonth();
    months[month] = (months[month] ?? 0) + 1;
    hours += listed?.kind === 'SHORT' ? 7 : 8;
  }
  return { working: months.reduce((a, b) => a + b, 0), daysOff, hours, months };
}

// Worked out by hand from the rules and the decrees: weekdays of each month, minus weekday holidays and
// days off moved onto weekdays, plus worked weekends. calendar-ru-totals.test.ts checks the published tables.
const expected = [
  { year: 2025, status: 'official', working: 247, daysOff: 118, hours: 247 * 8 - 4 },
  { year: 2026, status: 'official', working: 247, daysOff: 118, hours: 247 * 8 - 4 },
  { year: 2027, status: 'provisional', working: 249, daysOff: 116, hours: 249 * 8 - 5 },
] as const;
const monthly: Record<number, number[]> = {
  2025: [17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22],
  2026: [15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22],
  2027: [15, 19, 22, 22, 19, 21, 22, 22, 22, 21, 21, 23],
};

// Weekend holidays the government's decree moved elsewhere than the following Monday (MM-DD → the day off).
// 2025, decree No. 1335 of 4 October 2024: Sunday 23 February → Thursday 8 May, Saturday 8 March → Friday 13 June.
const decreeMoves: Record<number, Record<string, string>> = {
  2025: { '02-23': '2025-05-08', '03-08': '2025-06-13' },
};

describe.each(expected)('the Russian production calendar for $year', ({ year, status, working, daysOff, hours }) => {
  const file = JSON.parse(readFile(year));
  const { days, years } = parseCalendarFile('JSON', readFile(year));
  const kindOf = (date: string) => days.find((d) => d.date === date)?.kind;

  it('should parse as a calendar file of its own year, with unique dates in order', () => {
    expect(file).toMatchObject({ country: 'RU', year, status });
    expect(file.source).toEqual(expect.any(String));
    expect(years).toEqual([year]);
    const dates = days.map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
    expect(days.every((d) => d.note?.includes(' / '))).toBe(true);
  });

  it(`should have ${working} working days, ${daysOff} days off and a norm of ${hours} hours at 8 hours a day`, () => {
    expect(tally(days, year)).toMatchObject({ working, daysOff, hours });
  });

  it('should have the working days of every month that the rules give', () => {
    expect(tally(days, year).months).toEqual(monthly[year]);
  });

  it('should make every statutory holiday a HOLIDAY', () => {
    for (const monthDay of statutory) expect(kindOf(`${year}-${monthDay}`), monthDay).toBe('HOLIDAY');
  });

  it('should move a weekend holiday outside 1–8 January to the following Monday unless the decree moves it elsewhere', () => {
    for (const monthDay of statutory.slice(8)) {
      const date = `${year}-${monthDay}`;
      if (!isWeekend(date)) continue;
      const monday = iso(Date.parse(date) + (weekday(date) === 6 ? 2 : 1) * dayMs);
      const moved = decreeMoves[year]?.[monthDay];
      expect(kindOf(moved ?? monday), `after ${date}`).toBe('HOLIDAY');
      if (moved) expect(kindOf(monday), `${monday} is worked`).toBeUndefined();
    }
  });

  it('should shorten exactly the working weekdays that come right before a statutory holiday', () => {
    const lastDay = `${year}-12-31`;
    for (let t = Date.UTC(year, 0, 1); iso(t) <= lastDay; t += dayMs) {
      const date = iso(t);
      if (isWeekend(date) || kindOf(date) === 'HOLIDAY') continue;
      const beforeHoliday = statutory.includes(iso(t + dayMs).slice(5));
      expect(kindOf(date) === 'SHORT', date).toBe(beforeHoliday);
    }
  });

  it('should list only days that differ from a Monday–Friday week', () => {
    for (const day of days) {
      if (day.kind === 'WORKDAY') expect(isWeekend(day.date), day.date).toBe(true);
      if (day.kind === 'SHORT' && isWeekend(day.date)) expect(weekday(day.date), day.date).toBe(6);
      if (day.kind === 'HOLIDAY' && !statutory.includes(day.date.slice(5))) {
        expect(isWeekend(day.date), day.date).toBe(false);
      }
    }
  });
});

describe('the provisional 2027 calendar', () => {
  it('should leave the January weekend days unmoved until the decree for 2027 is published', () => {
    const { days } = parseCalendarFile('JSON', readFile(2027));
    const moved = days.filter((d) => d.kind === 'HOLIDAY' && !statutory.includes(d.date.slice(5)));
    expect(moved.map((d) => d.date)).toEqual(['2027-05-03', '2027-05-10', '2027-06-14']);
    expect(days.filter((d) => d.kind === 'WORKDAY')).toEqual([]);
    expect(days.find((d) => d.date === '2027-12-31')?.kind).toBe('SHORT');
  });
});

describe('the worked Saturday of 2025', () => {
  it('should count the worked Saturday of 2025 as a shortened day, exchanged for the pre-holiday 3 November', () => {
    const { days } = parseCalendarFile('JSON', readFile(2025));
    expect(days.filter((d) => d.date.startsWith('2025-11-'))).toMatchObject([
      { date: '2025-11-01', kind: 'SHORT', workingMinutes: null },
      { date: '2025-11-03', kind: 'HOLIDAY' },
      { date: '2025-11-04', kind: 'HOLIDAY' },
    ]);
  });
});
