/**
 * Wall-clock time in an IANA time zone with nothing but `Intl`: the local date and time
 * of an instant, and the instant of a local date and time. Daylight-saving gaps resolve
 * forward (02:30 on a spring-forward night is 03:30), an hour that repeats on a fall-back night to
 * one of its two occurrences.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** True when `Intl` knows the zone, e.g. "Europe/Moscow". */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Offsets already asked for, by zone and whole second. `Intl` takes microseconds per answer and
 * the working calendar asks for the same instants (the days' openings and closings) again and
 * again, so most answers come from here. Emptied when it grows past `remembered` seconds.
 */
const offsets = new Map<string, Map<number, number>>();
const remembered = 50_000;

/** The zone's offset from UTC at an instant, in milliseconds (Moscow: +3 h). */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const whole = instantMs - (((instantMs % 1000) + 1000) % 1000);
  let known = offsets.get(timeZone);
  const cached = known?.get(whole);
  if (cached !== undefined) return cached;
  const parts = formatter(timeZone).formatToParts(new Date(instantMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const offset = wall - whole;
  if (!known || known.size >= remembered) {
    known = new Map();
    offsets.set(timeZone, known);
  }
  known.set(whole, offset);
  return offset;
}

/** The local calendar date (YYYY-MM-DD) of an instant in the zone. */
export function localDateOf(instantMs: number, timeZone: string): string {
  return isoDateOfUtcMs(instantMs + zoneOffsetMs(instantMs, timeZone));
}

/** The instant at which the zone's clocks show `minuteOfDay` minutes past midnight of `date`. */
export function localToInstant(date: string, minuteOfDay: number, timeZone: string): number {
  const wall = utcMsOfIsoDate(date) + minuteOfDay * 60_000;
  const first = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(first, timeZone);
  if (first === second) return first;
  // In a gap the two guesses straddle it: the later one is the wall time moved forward.
  return Math.max(first, second);
}

/** Midnight UTC of a YYYY-MM-DD date, in milliseconds. */
export function utcMsOfIsoDate(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** The YYYY-MM-DD date of a UTC instant. */
export function isoDateOfUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `days` after (or before) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return isoDateOfUtcMs(utcMsOfIsoDate(date) + days * 86_400_000);
}

/** Day of the week of a YYYY-MM-DD date: 0 Sunday … 6 Saturday. */
export function weekdayOf(date: string): number {
  return new Date(utcMsOfIsoDate(date)).getUTCDay();
}
