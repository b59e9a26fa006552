import type { CalendarDayOverride } from '../calendar-day.ts';
import { addDays, escapeText, foldLine } from './ical-text.ts';

export interface IcalExportOptions {
  /** The calendar's name as calendar apps show it (X-WR-CALNAME). */
  name: string;
  /** DTSTAMP of every event; the epoch when not given, so the output depends only on the days. */
  now?: Date;
}

const compact = (isoDate: string) => isoDate.replaceAll('-', '');
const sameEvent = (a: CalendarDayOverride, b: CalendarDayOverride) =>
  a.kind === b.kind &&
  (a.note ?? null) === (b.note ?? null) &&
  (a.workingMinutes ?? null) === (b.workingMinutes ?? null);

/**
 * Writes days as an iCalendar file that `parseCalendarIcal` reads back to the same days: one whole-day
 * VEVENT per run of consecutive days with the same kind, note and minutes (DTEND exclusive).
 */
export function calendarToIcal(days: readonly CalendarDayOverride[], options: IcalExportOptions): string {
  const sorted = [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const stamp = `${(options.now ?? new Date(0)).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//caredesk//Working calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  for (let i = 0; i < sorted.length; ) {
    const first = sorted[i] as CalendarDayOverride;
    let end = i + 1;
    while (end < sorted.length) {
      const next = sorted[end] as CalendarDayOverride;
      if (next.date !== addDays(first.date, end - i) || !sameEvent(first, next)) break;
      end++;
    }
    lines.push(
      'BEGIN:VEVENT',
      `UID:${first.date}-${first.kind.toLowerCase()}@caredesk`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(first.date)}`,
      `DTEND;VALUE=DATE:${compact(addDays(first.date, end - i))}`,
    );
    if (first.note) lines.push(`SUMMARY:${escapeText(first.note)}`);
    lines.push(`CATEGORIES:${first.kind}`);
    if (first.workingMinutes != null) lines.push(`X-CAREDESK-WORKING-MINUTES:${first.workingMinutes}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
    i = end;
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
