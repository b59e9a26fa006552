import { type CalendarDayKind, calendarDayKinds, isIsoDate } from '../calendar-day.ts';
import { CalendarCollector, type CalendarImport, fail, toCalendarDay } from './calendar-import.ts';
import { addDays, splitList, type UnfoldedLine, unescapeText, unfold } from './ical-text.ts';

interface Property {
  line: number;
  name: string;
  params: Map<string, string>;
  value: string;
}

// One event may cover at most a year, so a mistyped DTEND cannot expand to thousands of days.
const maxEventDays = 366;

/** Splits `NAME;PARAM=value;PARAM="quoted":value` at the first colon outside quotes. */
function parseProperty({ line, text }: UnfoldedLine): Property {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') quoted = !quoted;
    if (!quoted && (c === ';' || c === ':')) {
      parts.push(current);
      current = '';
      if (c === ':') {
        const [name = '', ...params] = parts;
        const map = new Map(
          params.map((p) => {
            const eq = p.indexOf('=');
            return [p.slice(0, eq).toUpperCase(), p.slice(eq + 1).replace(/^"(.*)"$/, '$1')] as const;
          }),
        );
        return { line, name: name.trim().toUpperCase(), params: map, value: text.slice(i + 1) };
      }
    } else {
      current += c;
    }
  }
  return fail(`"${text}" is not an iCalendar line (NAME:value)`, { line });
}

function parseDate(property: Property): string {
  const { value, line, name } = property;
  const type = property.params.get('VALUE')?.toUpperCase();
  if (/^\d{8}T/.test(value) || (type !== undefined && type !== 'DATE')) {
    return fail(`${name} "${value}" has a time; expected a whole day, ${name};VALUE=DATE:YYYYMMDD`, { line });
  }
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  const date = match ? `${match[1]}-${match[2]}-${match[3]}` : '';
  if (!isIsoDate(date)) return fail(`${name} "${value}" is not a date (expected YYYYMMDD)`, { line });
  return date;
}

function parseKinds(properties: Property[]): CalendarDayKind {
  const kinds = new Set<CalendarDayKind>();
  for (const property of properties) {
    for (const token of splitList(property.value)) {
      const kind = unescapeText(token).trim().toUpperCase();
      if (kind === '') continue;
      if (!(calendarDayKinds as readonly string[]).includes(kind)) {
        fail(`unknown kind "${unescapeText(token).trim()}" in CATEGORIES; expected HOLIDAY, WORKDAY or SHORT`, {
          line: property.line,
        });
      }
      kinds.add(kind as CalendarDayKind);
    }
  }
  if (kinds.size > 1) fail(`the event has several kinds: ${[...kinds].join(', ')}`, { line: properties[0]?.line });
  return [...kinds][0] ?? 'HOLIDAY';
}

/** The dates an event covers: DTSTART up to DTEND (exclusive) or for DURATION (PnD, PnW), else one day. */
function eventDates(begin: number, props: Map<string, Property[]>): string[] {
  const one = (name: string) => {
    const list = props.get(name) ?? [];
    if (list.length > 1) fail(`${name} appears twice in one event`, { line: list[1]?.line });
    return list[0];
  };
  const dtstart = one('DTSTART');
  if (!dtstart) return fail('the event has no DTSTART', { line: begin });
  const start = parseDate(dtstart);
  const dtend = one('DTEND');
  const duration = one('DURATION');
  let count = 1;
  if (dtend) {
    const end = parseDate(dtend);
    if (end <= start) fail(`DTEND ${dtend.value} is not after DTSTART ${dtstart.value}`, { line: dtend.line });
    count = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000);
  } else if (duration) {
    const match = /^P(\d+)([DW])$/.exec(duration.value.trim());
    if (!match || Number(match[1]) < 1) {
      fail(`DURATION "${duration.value}" must be whole days or weeks, e.g. P3D`, { line: duration.line });
    }
    count = Number(match?.[1]) * (match?.[2] === 'W' ? 7 : 1);
  }
  if (count > maxEventDays) fail(`the event lasts ${count} days; at most ${maxEventDays} allowed`, { line: begin });
  return Array.from({ length: count }, (_, i) => addDays(start, i));
}

/**
 * Reads an iCalendar file (RFC 5545). Each VEVENT is a whole-day event, `DTSTART;VALUE=DATE:20250101`,
 * with an optional exclusive DTEND (or DURATION) spanning several days; SUMMARY becomes the note,
 * CATEGORIES gives the kind (HOLIDAY, WORKDAY or SHORT; HOLIDAY when absent) and
 * X-CAREDESK-WORKING-MINUTES the minutes worked. Other components and properties are ignored.
 */
export function parseCalendarIcal(text: string): CalendarImport {
  const lines = unfold(text.replace(/^\uFEFF/, ''));
  const collector = new CalendarCollector();
  const stack: string[] = [];
  let sawCalendar = false;
  let event: { begin: number; props: Map<string, Property[]> } | undefined;
  for (const unfolded of lines) {
    const property = parseProperty(unfolded);
    const { name, line } = property;
    const value = property.value.trim().toUpperCase();
    if (name === 'BEGIN') {
      if (stack.length === 0 && value !== 'VCALENDAR') fail(`expected BEGIN:VCALENDAR, found BEGIN:${value}`, { line });
      sawCalendar = true;
      stack.push(value);
      if (value === 'VEVENT' && stack.length === 2) event = { begin: line, props: new Map() };
    } else if (name === 'END') {
      const open = stack.pop();
      if (open !== value) fail(`END:${value} does not close ${open ? `BEGIN:${open}` : 'anything'}`, { line });
      if (value === 'VEVENT' && event && stack.length === 1) {
        addEvent(collector, event.begin, event.props);
        event = undefined;
      }
    } else if (stack.length === 0) {
      fail(`"${unfolded.text}" is outside BEGIN:VCALENDAR … END:VCALENDAR`, { line });
    } else if (event && stack.length === 2) {
      event.props.set(name, [...(event.props.get(name) ?? []), property]);
    }
  }
  if (!sawCalendar) fail('not an iCalendar file: no BEGIN:VCALENDAR');
  if (stack.length > 0) fail(`BEGIN:${stack[stack.length - 1]} is never closed`, { line: lines.at(-1)?.line });
  return collector.result();
}

function addEvent(collector: CalendarCollector, begin: number, props: Map<string, Property[]>): void {
  for (const name of ['RRULE', 'RDATE']) {
    const recurring = props.get(name)?.[0];
    if (recurring) fail(`recurring events (${name}) are not supported; list each date`, { line: recurring.line });
  }
  const kind = parseKinds(props.get('CATEGORIES') ?? []);
  const summary = props.get('SUMMARY')?.[0];
  const minutes = props.get('X-CAREDESK-WORKING-MINUTES')?.[0];
  for (const date of eventDates(begin, props)) {
    const raw = { date, kind, workingMinutes: minutes?.value, note: summary ? unescapeText(summary.value) : null };
    collector.add(toCalendarDay(raw, { line: minutes?.line ?? begin }), { line: begin });
  }
}
