import { CalendarCollector, type CalendarImport, type DaySource, fail, toCalendarDay } from './calendar-import.ts';

const fileKeys = new Set(['country', 'year', 'status', 'source', 'days']);
const dayKeys = new Set(['date', 'kind', 'workingMinutes', 'note']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** 1-based line of a character offset. */
const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

// JSON.parse gives no positions for values, so a day's line is found by its `"date":` key;
// used only when every day has exactly one, so the n-th key is the n-th day's.
function dayLines(text: string, count: number): (number | undefined)[] {
  const offsets = [...text.matchAll(/"date"\s*:/g)].map((m) => m.index);
  return offsets.length === count ? offsets.map((o) => lineAt(text, o)) : [];
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 names the position in most messages ("at position 45", newer: "(line 4 column 5)"), not in all.
    const line = /\(line (\d+) column/.exec(message)?.[1];
    const position = /position (\d+)/.exec(message)?.[1];
    const at = line ? { line: Number(line) } : position ? { line: lineAt(text, Number(position)) } : {};
    return fail(`not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`, at);
  }
}

/**
 * Reads a calendar JSON file: `{ country?, year?, status?, source?, days: [...] }` or a bare array of days,
 * each `{ date: 'YYYY-MM-DD', kind, workingMinutes?, note? }`. With `year` set, every day must fall in it.
 */
export function parseCalendarJson(text: string): CalendarImport {
  const data = parseText(text.replace(/^\uFEFF/, ''));
  let days: unknown;
  let year: number | undefined;
  if (Array.isArray(data)) {
    days = data;
  } else if (isObject(data)) {
    for (const key of Object.keys(data)) {
      if (!fileKeys.has(key)) fail(`unknown field "${key}"; expected ${[...fileKeys].join(', ')}`);
    }
    if (data.year !== undefined) {
      if (typeof data.year !== 'number' || !Number.isInteger(data.year) || data.year < 1 || data.year > 9999) {
        fail(`year ${JSON.stringify(data.year)} is not a year`);
      }
      year = data.year as number;
    }
    days = data.days;
    if (!Array.isArray(days)) fail('"days" must be a list of days');
  } else {
    return fail('expected an object with "days" or a list of days');
  }
  const list = days as unknown[];
  const lines = dayLines(text, list.length);
  const collector = new CalendarCollector();
  for (const [index, raw] of list.entries()) {
    const at: DaySource = { path: `days[${index}]`, line: lines[index] };
    if (!isObject(raw)) {
      fail('a day must be an object with "date" and "kind"', at);
      continue;
    }
    for (const key of Object.keys(raw)) {
      if (!dayKeys.has(key)) fail(`unknown field "${key}"; expected ${[...dayKeys].join(', ')}`, at);
    }
    const minutes = raw.workingMinutes;
    if (minutes !== undefined && minutes !== null && typeof minutes !== 'number') {
      fail(`working minutes ${JSON.stringify(minutes)} must be a whole number from 1 to 1440`, at);
    }
    const day = toCalendarDay(raw as Record<string, unknown> & { date: unknown; kind: unknown }, at);
    if (year !== undefined && !day.date.startsWith(`${year}-`))
      fail(`${day.date} is outside the file's year ${year}`, at);
    collector.add(day, at);
  }
  return collector.result(year === undefined ? [] : [year]);
}
