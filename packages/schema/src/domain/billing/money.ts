/**
 * Money is integer kopecks. The one rounding rule: an amount is computed exactly as a
 * fraction (minutes × hourly rate × coefficient in percent, over 60 × 100) and rounded once,
 * to the nearest kopeck, halves up. A line rounds its own sum, never its parts; a total is
 * the sum of its rounded lines, so it always equals what the reader adds up.
 */

/** Rounds a non-negative fraction numerator / denominator to an integer, halves up. */
export function roundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0)
    throw new RangeError('roundHalfUp needs safe integers and a positive denominator');
  const sign = numerator < 0 ? -1 : 1;
  const n = Math.abs(numerator);
  const whole = Math.floor(n / denominator);
  const rest = n - whole * denominator;
  return sign * (2 * rest >= denominator ? whole + 1 : whole);
}

/** Work at hourly rates: each part is minutes at a rate (kopecks an hour). */
export interface TimeAtRate {
  minutes: number;
  rateKopecks: number;
}

/**
 * The price of time at hourly rates times a priority coefficient (percent, 130 = ×1.3):
 * Σ minutes × rate × coefficient / 6000, rounded once, halves up.
 */
export function priceOfTime(parts: readonly TimeAtRate[], coefficientPercent: number): number {
  const numerator = parts.reduce((sum, p) => sum + p.minutes * p.rateKopecks, 0) * coefficientPercent;
  return roundHalfUp(numerator, 60 * 100);
}

/** A share of an amount in basis points (1000 = 10 %), rounded halves up. */
export function shareOf(amountKopecks: number, basisPoints: number): number {
  return roundHalfUp(amountKopecks * basisPoints, 10_000);
}

/** 123456 → "1 234,56 ₽" (ru) or "1,234.56 RUB" (en): how people read kopecks. */
export function formatRubles(kopecks: number, locale: 'ru' | 'en' = 'ru'): string {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  const rubles = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  const grouped = String(rubles).replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'ru' ? '\u00a0' : ',');
  return locale === 'ru' ? `${sign}${grouped},${rest}\u00a0₽` : `${sign}${grouped}.${rest} RUB`;
}

/** 150 → "2:30" (hours and minutes, as the reports show time). */
export function formatHours(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Whole minutes of a timer run: rounded to the nearest minute, halves up (90 s is 2 min),
 * and at least one, so that a started timer never records nothing.
 */
export function timerMinutes(startedAt: Date, endedAt: Date): number {
  const ms = Math.max(0, endedAt.getTime() - startedAt.getTime());
  return Math.max(1, roundHalfUp(ms, 60_000));
}
