/** Text helpers shared by the iCalendar reader and writer (RFC 5545 §3.1, §3.3.11). */

/** The date `days` after an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Escapes TEXT: backslash, semicolon, comma and newlines. */
export const escapeText = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\n|\r/g, '\\n');

/** Reverses `escapeText`; an unknown escape keeps its character. */
export const unescapeText = (text: string) =>
  text.replace(/\\(.)/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** Splits a list value on commas that are not escaped. */
export const splitList = (value: string) => value.split(/(?<!\\),/);

/** Folds a content line to at most 75 octets per line, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const code = char.codePointAt(0) ?? 0;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A logical line after unfolding, with the number of its first physical line. */
export interface UnfoldedLine {
  line: number;
  text: string;
}

/** Joins continuation lines (starting with a space or tab) to the line before; drops blank lines. */
export function unfold(text: string): UnfoldedLine[] {
  const lines: UnfoldedLine[] = [];
  text.split(/\r\n|\n|\r/).forEach((physical, i) => {
    const last = lines[lines.length - 1];
    if ((physical.startsWith(' ') || physical.startsWith('\t')) && last) last.text += physical.slice(1);
    else if (physical.trim() !== '') lines.push({ line: i + 1, text: physical });
  });
  return lines;
}
