import { CalendarCollector, type CalendarImport, fail, toCalendarDay } from './calendar-import.ts';

const columns = ['date', 'kind', 'workingMinutes', 'note'] as const;
type Column = (typeof columns)[number];

interface CsvRecord {
  line: number;
  fields: string[];
}

/** Splits CSV text into records (RFC 4180 quoting, `""` escapes, newlines inside quotes), skipping blank lines. */
export function splitCsv(text: string, separator: ',' | ';'): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    // Excel writes rows it considers empty as ";;;": those are blank lines too.
    if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === '"') {
      fail('a quote inside an unquoted field; put the whole field in quotes and double the quote', { line });
    } else if (c === separator) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) fail('a quoted field is not closed', { line: recordLine });
  endRecord();
  return records;
}

/**
 * Reads a calendar CSV file: a header naming the columns `date,kind,workingMinutes,note` (in any order;
 * workingMinutes and note may be left out), then one day per row. Commas or semicolons (as Russian Excel
 * writes) separate fields; a byte order mark and blank lines are ignored.
 */
export function parseCalendarCsv(text: string): CalendarImport {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const separator = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const [header, ...rows] = splitCsv(body, separator);
  if (!header) return fail('the file is empty; expected a header "date,kind,workingMinutes,note"');
  const index = new Map<Column, number>();
  header.fields.forEach((name, i) => {
    const column = columns.find((c) => c.toLowerCase() === name.trim().toLowerCase());
    if (!column) fail(`unknown column "${name.trim()}"; expected ${columns.join(', ')}`, { line: header.line });
    else if (index.has(column)) fail(`column "${column}" appears twice`, { line: header.line });
    else index.set(column, i);
  });
  for (const required of ['date', 'kind'] as const) {
    if (!index.has(required)) fail(`the header has no "${required}" column`, { line: header.line });
  }
  const collector = new CalendarCollector();
  for (const row of rows) {
    const at = { line: row.line };
    if (row.fields.length > header.fields.length) {
      fail(`${row.fields.length} fields but the header has ${header.fields.length}`, at);
    }
    const get = (column: Column) => {
      const i = index.get(column);
      return i === undefined ? undefined : row.fields[i];
    };
    const day = toCalendarDay(
      { date: get('date'), kind: get('kind'), workingMinutes: get('workingMinutes'), note: get('note')?.trim() },
      at,
    );
    collector.add(day, at);
  }
  return collector.result();
}
