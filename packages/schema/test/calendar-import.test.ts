import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CalendarFormatError,
  calendarToIcal,
  parseCalendarCsv,
  parseCalendarFile,
  parseCalendarIcal,
  parseCalendarJson,
} from '../src/domain/calendar/import/index.ts';

const crlf = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const vcalendar = (...lines: string[]) => crlf('BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR');

/** The error a parse throws, to check its message and line. */
function failure(parse: () => unknown): CalendarFormatError {
  try {
    parse();
  } catch (error) {
    if (error instanceof CalendarFormatError) return error;
    throw error;
  }
  throw new Error('expected a CalendarFormatError');
}

describe('importing a calendar from JSON', () => {
  it('should read the file format and return the days sorted, with the years they cover', () => {
    const text = JSON.stringify({
      country: 'RU',
      year: 2025,
      status: 'official',
      source: 'test',
      days: [
        { date: '2025-11-04', kind: 'HOLIDAY', note: 'Unity Day' },
        { date: '2025-11-01', kind: 'SHORT' },
        { date: '2025-11-08', kind: 'WORKDAY', workingMinutes: 300 },
      ],
    });
    expect(parseCalendarFile('JSON', text)).toEqual({
      years: [2025],
      days: [
        { date: '2025-11-01', kind: 'SHORT', workingMinutes: null, note: null },
        { date: '2025-11-04', kind: 'HOLIDAY', workingMinutes: null, note: 'Unity Day' },
        { date: '2025-11-08', kind: 'WORKDAY', workingMinutes: 300, note: null },
      ],
    });
  });

  it('should also accept a bare list of days spanning several years', () => {
    const text = '[{"date":"2026-01-01","kind":"HOLIDAY"},{"date":"2025-12-31","kind":"holiday"}]';
    expect(parseCalendarJson(text)).toMatchObject({ years: [2025, 2026], days: [{ kind: 'HOLIDAY' }, {}] });
  });

  it('should name the line and the day of an impossible date', () => {
    const text =
      '{\n  "days": [\n    { "date": "2025-01-01", "kind": "HOLIDAY" },\n    { "date": "2025-02-30", "kind": "HOLIDAY" }\n  ]\n}';
    const error = failure(() => parseCalendarJson(text));
    expect(error.line).toBe(4);
    expect(error.message).toBe('line 4: days[1]: "2025-02-30" is not a date (expected YYYY-MM-DD)');
  });

  it('should refuse a date listed twice, an unknown kind, bad minutes, a day outside the year and broken JSON', () => {
    const days = (...list: object[]) => JSON.stringify({ year: 2025, days: list });
    expect(
      failure(() =>
        parseCalendarJson(days({ date: '2025-05-01', kind: 'HOLIDAY' }, { date: '2025-05-01', kind: 'SHORT' })),
      ).message,
    ).toBe('line 1: days[1]: 2025-05-01 appears twice (first at days[0])');
    expect(failure(() => parseCalendarJson(days({ date: '2025-05-01', kind: 'DAY_OFF' }))).message).toBe(
      'line 1: days[0]: unknown kind "DAY_OFF"; expected HOLIDAY, WORKDAY or SHORT',
    );
    for (const minutes of [0, 1441, 7.5, '420']) {
      expect(
        failure(() => parseCalendarJson(days({ date: '2025-05-08', kind: 'SHORT', workingMinutes: minutes }))).message,
      ).toMatch(/must be a whole number from 1 to 1440$/);
    }
    expect(failure(() => parseCalendarJson(days({ date: '2026-01-01', kind: 'HOLIDAY' }))).message).toBe(
      "line 1: days[0]: 2026-01-01 is outside the file's year 2025",
    );
    expect(failure(() => parseCalendarJson(days({ date: '2025-01-01', kind: 'HOLIDAY', hours: 8 }))).message).toMatch(
      /unknown field "hours"/,
    );
    const missingComma =
      '{\n  "days": [\n    { "date": "2025-01-01", "kind": "HOLIDAY" }\n    { "date": "2025-01-02" }\n  ]\n}';
    expect(failure(() => parseCalendarJson(missingComma)).message).toMatch(/^line 4: not valid JSON: Expected ','/);
  });
});

describe('importing a calendar from CSV', () => {
  it('should read a header with optional columns and quoted fields with commas and doubled quotes', () => {
    const text = [
      'date,kind,workingMinutes,note',
      '2025-03-07,SHORT,,"Pre-holiday day, one hour shorter"',
      '',
      '2025-03-08,HOLIDAY,,"Women\'s Day, the ""8 March"""',
      '2025-11-01,short,420,',
    ].join('\r\n');
    expect(parseCalendarFile('CSV', text).days).toEqual([
      { date: '2025-03-07', kind: 'SHORT', workingMinutes: null, note: 'Pre-holiday day, one hour shorter' },
      { date: '2025-03-08', kind: 'HOLIDAY', workingMinutes: null, note: 'Women\'s Day, the "8 March"' },
      { date: '2025-11-01', kind: 'SHORT', workingMinutes: 420, note: null },
    ]);
  });

  it('should read semicolons as Russian Excel writes them, with a byte order mark and empty rows', () => {
    const text = '\uFEFFkind;date;note\n;;\nHOLIDAY;2026-01-09;"Перенос; с 3 января"\n\n';
    expect(parseCalendarCsv(text)).toEqual({
      years: [2026],
      days: [{ date: '2026-01-09', kind: 'HOLIDAY', workingMinutes: null, note: 'Перенос; с 3 января' }],
    });
  });

  it('should keep a line break inside quotes and still count lines for later errors', () => {
    const text = 'date,kind,note\n2025-01-01,HOLIDAY,"two\nlines"\n2025-02-30,HOLIDAY,x';
    const error = failure(() => parseCalendarCsv(text));
    expect(error.message).toBe('line 4: "2025-02-30" is not a date (expected YYYY-MM-DD)');
    expect(parseCalendarCsv(text.replace('2025-02-30', '2025-02-28')).days[0]?.note).toBe('two\nlines');
  });

  it('should name the line of a duplicate date, an unknown kind, bad minutes or a bad header', () => {
    const csv = (...rows: string[]) => ['date,kind,workingMinutes', ...rows].join('\n');
    expect(failure(() => parseCalendarCsv(csv('2025-05-01,HOLIDAY', '2025-05-01,SHORT'))).message).toBe(
      'line 3: 2025-05-01 appears twice (first at line 2)',
    );
    expect(failure(() => parseCalendarCsv(csv('2025-05-01,VACATION'))).message).toBe(
      'line 2: unknown kind "VACATION"; expected HOLIDAY, WORKDAY or SHORT',
    );
    expect(failure(() => parseCalendarCsv(csv('2025-05-08,SHORT,7h'))).message).toBe(
      'line 2: working minutes "7h" must be a whole number from 1 to 1440',
    );
    expect(failure(() => parseCalendarCsv(csv('2025-05-01,HOLIDAY,60'))).message).toBe(
      'line 2: a HOLIDAY has no working minutes',
    );
    expect(failure(() => parseCalendarCsv('date,type\n2025-01-01,HOLIDAY')).message).toBe(
      'line 1: unknown column "type"; expected date, kind, workingMinutes, note',
    );
    expect(failure(() => parseCalendarCsv('date,kind\n2025-01-01,"HOLIDAY')).message).toBe(
      'line 2: a quoted field is not closed',
    );
  });
});

describe('importing a calendar from iCalendar', () => {
  it('should read whole-day events, with the kind from CATEGORIES and HOLIDAY when there is none', () => {
    const text = vcalendar(
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20250101',
      'SUMMARY:New Year',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20251101',
      'CATEGORIES:short',
      'X-CAREDESK-WORKING-MINUTES:420',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'END:VALARM',
      'END:VEVENT',
    );
    expect(parseCalendarFile('ICAL', text)).toEqual({
      years: [2025],
      days: [
        { date: '2025-01-01', kind: 'HOLIDAY', workingMinutes: null, note: 'New Year' },
        { date: '2025-11-01', kind: 'SHORT', workingMinutes: 420, note: null },
      ],
    });
  });

  it('should unfold continuation lines and unescape commas, semicolons and line breaks', () => {
    const text = vcalendar(
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260309',
      'SUMMARY:Выходной за 8 марта\\, воскрес',
      ' енье\\; moved\\nfrom Sunday',
      '\t and \\\\ more',
      'CATEGORIES:Holiday',
      'END:VEVENT',
    );
    expect(parseCalendarIcal(text).days[0]?.note).toBe(
      'Выходной за 8 марта, воскресенье; moved\nfrom Sunday and \\ more',
    );
  });

  it('should expand an event with an exclusive DTEND or a DURATION to each of its dates', () => {
    const text = vcalendar(
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20251231',
      'DTEND;VALUE=DATE:20260103',
      'SUMMARY:Holidays',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260505',
      'DURATION:P2D',
      'CATEGORIES:WORKDAY',
      'END:VEVENT',
    );
    expect(parseCalendarIcal(text)).toMatchObject({
      years: [2025, 2026],
      days: [
        { date: '2025-12-31', note: 'Holidays' },
        { date: '2026-01-01', note: 'Holidays' },
        { date: '2026-01-02', note: 'Holidays' },
        { date: '2026-05-05', kind: 'WORKDAY' },
        { date: '2026-05-06', kind: 'WORKDAY' },
      ],
    });
  });

  it('should name the line of a bad date, a timed event, an unknown category, an overlap or a broken structure', () => {
    const event = (...lines: string[]) => vcalendar('BEGIN:VEVENT', ...lines, 'END:VEVENT');
    expect(failure(() => parseCalendarIcal(event('DTSTART;VALUE=DATE:20250230'))).message).toBe(
      'line 4: DTSTART "20250230" is not a date (expected YYYYMMDD)',
    );
    expect(failure(() => parseCalendarIcal(event('DTSTART:20250101T090000Z'))).message).toMatch(
      /^line 4: DTSTART "20250101T090000Z" has a time/,
    );
    expect(failure(() => parseCalendarIcal(event('DTSTART:20250101', 'CATEGORIES:Праздник'))).message).toBe(
      'line 5: unknown kind "Праздник" in CATEGORIES; expected HOLIDAY, WORKDAY or SHORT',
    );
    expect(failure(() => parseCalendarIcal(event('DTSTART:20250105', 'DTEND:20250101'))).message).toBe(
      'line 5: DTEND 20250101 is not after DTSTART 20250105',
    );
    expect(failure(() => parseCalendarIcal(event('SUMMARY:x'))).message).toBe('line 3: the event has no DTSTART');
    expect(failure(() => parseCalendarIcal(event('DTSTART:20250101', 'RRULE:FREQ=YEARLY'))).line).toBe(5);
    const overlapping = vcalendar(
      'BEGIN:VEVENT',
      'DTSTART:20250101',
      'DTEND:20250109',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20250107',
      'END:VEVENT',
    );
    expect(failure(() => parseCalendarIcal(overlapping)).message).toBe(
      'line 7: 2025-01-07 appears twice (first at line 3)',
    );
    expect(failure(() => parseCalendarIcal(crlf('BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'END:VCALENDAR'))).message).toBe(
      'line 3: END:VCALENDAR does not close BEGIN:VEVENT',
    );
    expect(failure(() => parseCalendarIcal('date,kind\n2025-01-01,HOLIDAY')).line).toBe(1);
  });
});

describe('exporting a calendar to iCalendar', () => {
  const calendar2026 = readFileSync(new URL('../calendars/ru/2026.json', import.meta.url), 'utf8');

  it('should read back the 2026 production calendar exactly', () => {
    const imported = parseCalendarFile('JSON', calendar2026);
    const ical = calendarToIcal(imported.days, { name: 'Производственный календарь, 2026' });
    expect(parseCalendarFile('ICAL', ical)).toEqual(imported);
  });

  it('should join runs of equal days into one event and fold long lines at 75 octets', () => {
    const { days } = parseCalendarFile('JSON', calendar2026);
    const ical = calendarToIcal(days, { name: 'RU 2026', now: new Date('2025-12-01T10:00:00Z') });
    const lines = ical.split('\r\n');
    expect(ical.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(lines).toContain('DTSTART;VALUE=DATE:20260101');
    expect(lines).toContain('DTEND;VALUE=DATE:20260107'); // 1–6 January, then Christmas on the 7th
    expect(lines).toContain('DTSTAMP:20251201T100000Z');
    expect(lines.every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('should keep working minutes, escaped text and days without a note through a round trip', () => {
    const days = [
      { date: '2025-11-01', kind: 'SHORT' as const, workingMinutes: 420, note: 'a, b; c\nd \\ e' },
      { date: '2025-11-02', kind: 'WORKDAY' as const, workingMinutes: null, note: null },
      { date: '2025-11-03', kind: 'WORKDAY' as const, workingMinutes: null, note: null },
    ];
    const ical = calendarToIcal(days, { name: 'Studio; calendar' });
    expect(ical).toContain('X-WR-CALNAME:Studio\\; calendar\r\n');
    expect(ical.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(parseCalendarIcal(ical).days).toEqual(days);
  });
});
