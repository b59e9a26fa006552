/**
 * Dates and durations as staff read them: in the studio's time zone (read once after sign-in
 * from `workingHours`), in the reader's language.
 */
let zone: string | undefined;

/** Sets the studio's time zone (an IANA name such as Europe/Moscow). */
export function useStudioZone(timeZone: string): void {
  zone = timeZone;
}

export function studioZone(): string | undefined {
  return zone;
}

/** A moment as date and time in the studio's zone, e.g. "03.12.2026, 17:25". */
export function dateTime(at: string | Date, locale: string): string {
  return new Date(at).toLocaleString(locale, {
    timeZone: zone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A day in the studio's zone, e.g. "03.12.2026". */
export function day(at: string | Date, locale: string): string {
  return new Date(at).toLocaleDateString(locale, { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric' });
}

/** Minutes as hours and minutes: "1 h 05 min" / "1 ч 05 мин". */
export function duration(minutes: number, locale: string): string {
  const [h, m] = locale === 'ru' ? ['ч', 'мин'] : ['h', 'min'];
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  const sign = minutes < 0 ? '−' : '';
  return hours ? `${sign}${hours} ${h} ${String(rest).padStart(2, '0')} ${m}` : `${sign}${rest} ${m}`;
}

/** Kopecks as roubles: "1 500,00 ₽". */
export function money(kopecks: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'RUB' }).format(kopecks / 100);
}

/** This month in the studio's zone, as YYYY-MM (what `monthlyReport` takes). */
export function thisMonth(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' }).formatToParts(
    now,
  );
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/** The month before `month` (YYYY-MM). */
export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** Roubles as typed ("1 500,50") to integer kopecks; NaN when it is no amount. */
export function kopecksOf(typed: string): number {
  const text = typed.replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return Number.NaN;
  return Math.round(Number(text) * 100);
}
