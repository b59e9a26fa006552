import type { CalendarImport } from './calendar-import.ts';
import { parseCalendarCsv } from './parse-csv.ts';
import { parseCalendarIcal } from './parse-ical.ts';
import { parseCalendarJson } from './parse-json.ts';

export { CalendarFormatError } from './calendar-format-error.ts';
export type { CalendarImport } from './calendar-import.ts';
export { parseCalendarCsv } from './parse-csv.ts';
export { parseCalendarIcal } from './parse-ical.ts';
export { parseCalendarJson } from './parse-json.ts';
export { calendarToIcal, type IcalExportOptions } from './write-ical.ts';

export const calendarFileFormats = ['JSON', 'CSV', 'ICAL'] as const;
export type CalendarFileFormat = (typeof calendarFileFormats)[number];

/** Reads a calendar file of the given format; throws `CalendarFormatError` naming the line of the first problem. */
export function parseCalendarFile(format: CalendarFileFormat, text: string): CalendarImport {
  switch (format) {
    case 'JSON':
      return parseCalendarJson(text);
    case 'CSV':
      return parseCalendarCsv(text);
    case 'ICAL':
      return parseCalendarIcal(text);
  }
}
