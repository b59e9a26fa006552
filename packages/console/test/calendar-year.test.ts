import { describe, expect, it } from 'vitest';
import { calendarFile, monthWeeks, type YearDay } from '../src/calendar-year.ts';

const hours = {
  preHolidayShorteningMinutes: 60,
  days: ['MON', 'TUE', 'WED', 'THU', 'FRI'].map((weekday) => ({ weekday, opens: '10:00', closes: '19:00' })),
};

describe('the calendar year view', () => {
  it('should lay out a month Monday first, padding the neighbouring months', () => {
    // 1 December 2026 is a Tuesday; the 31st a Thursday.
    const weeks = monthWeeks(2026, 12);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual([
      null,
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(weeks[4]).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', null, null, null]);
  });

  it('should give February of a leap year 29 days', () => {
    expect(monthWeeks(2028, 2).flat().filter(Boolean)).toHaveLength(29);
  });

  it('should export only the exceptions, with minutes only where they differ from the usual', () => {
    const days: YearDay[] = [
      { date: '2026-11-03', type: 'SHORT', workingMinutes: 480, note: 'Pre-holiday' },
      { date: '2026-11-04', type: 'HOLIDAY', workingMinutes: 0, note: null },
      { date: '2026-11-05', type: 'REGULAR', workingMinutes: 540, note: null },
      { date: '2026-11-07', type: 'WEEKEND', workingMinutes: 0, note: null },
      { date: '2026-11-14', type: 'WORKDAY', workingMinutes: 240, note: null },
      { date: '2026-11-21', type: 'WORKDAY', workingMinutes: 540, note: 'Moved' },
    ];
    expect(JSON.parse(calendarFile(2026, days, hours))).toEqual({
      year: 2026,
      source: 'caredesk',
      days: [
        { date: '2026-11-03', kind: 'SHORT', note: 'Pre-holiday' },
        { date: '2026-11-04', kind: 'HOLIDAY' },
        { date: '2026-11-14', kind: 'WORKDAY', workingMinutes: 240 },
        { date: '2026-11-21', kind: 'WORKDAY', note: 'Moved' },
      ],
    });
  });
});
