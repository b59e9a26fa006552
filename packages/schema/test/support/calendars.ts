import type { CalendarDayOverride } from '../../src/domain/calendar/calendar-day.ts';
import { WorkingCalendar, type WorkingHours } from '../../src/domain/calendar/working-calendar.ts';
import { defaultWorkingHours } from '../../src/domain/studio-defaults.ts';

/** The days of the Russian calendar the boundary tests walk through (a subset, by hand). */
export const ruDays: CalendarDayOverride[] = [
  { date: '2025-11-01', kind: 'SHORT', note: 'moved working Saturday' },
  { date: '2025-11-03', kind: 'HOLIDAY' },
  { date: '2025-11-04', kind: 'HOLIDAY' },
  { date: '2025-12-31', kind: 'HOLIDAY' },
  ...['01', '02', '03', '04', '05', '06', '07', '08', '09'].map(
    (d): CalendarDayOverride => ({ date: `2026-01-${d}`, kind: 'HOLIDAY' }),
  ),
  { date: '2026-11-03', kind: 'SHORT', note: 'pre-holiday' },
  { date: '2026-11-04', kind: 'HOLIDAY' },
];

/** 10:00–19:00 Monday to Friday in Moscow with the days above. */
export function moscowCalendar(days: CalendarDayOverride[] = ruDays): WorkingCalendar {
  return new WorkingCalendar(defaultWorkingHours, days);
}

/** 09:00–18:00, Friday to 17:00, in Berlin (daylight saving in March and October). */
export function berlinCalendar(): WorkingCalendar {
  const hours: WorkingHours = {
    timeZone: 'Europe/Berlin',
    week: {
      mon: ['09:00', '18:00'],
      tue: ['09:00', '18:00'],
      wed: ['09:00', '18:00'],
      thu: ['09:00', '18:00'],
      fri: ['09:00', '17:00'],
      sat: null,
      sun: null,
    },
    preHolidayShorteningMinutes: 60,
  };
  return new WorkingCalendar(hours);
}

/** An instant given as Moscow wall time (UTC+3 all year). */
export function msk(local: string): Date {
  return new Date(`${local}+03:00`);
}
