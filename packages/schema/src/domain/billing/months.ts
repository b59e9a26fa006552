/** Billing months as YYYY-MM strings, in the studio's time zone (the caller converts instants). */
const pattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return pattern.test(value);
}

function parts(month: string): { year: number; month: number } {
  const match = pattern.exec(month);
  if (!match) throw new RangeError(`not a YYYY-MM month: ${month}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** The month `count` months after (or before, when negative) this one. */
export function addMonths(month: string, count: number): string {
  const p = parts(month);
  const index = p.year * 12 + (p.month - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** How many months `to` is after `from` (negative when before). */
export function monthsBetween(from: string, to: string): number {
  const a = parts(from);
  const b = parts(to);
  return b.year * 12 + b.month - (a.year * 12 + a.month);
}

const ruMonths = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
const enMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "ноябрь 2026" / "November 2026". */
export function monthName(month: string, locale: 'ru' | 'en'): string {
  const p = parts(month);
  return `${(locale === 'ru' ? ruMonths : enMonths)[p.month - 1]} ${p.year}`;
}
