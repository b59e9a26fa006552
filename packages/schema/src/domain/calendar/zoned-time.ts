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
  // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm): the statistics of a month
  // ask this for every working day of every ticket, and a Date and its ISO string cost more.
  const z = Math.floor(ms / 86_400_000) + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) return new Date(ms).toISOString().slice(0, 10);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** The date `days` after (or before) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return isoDateOfUtcMs(utcMsOfIsoDate(date) + days * 86_400_000);
}

/** Day of the week of a YYYY-MM-DD date: 0 Sunday … 6 Saturday. */
export function weekdayOf(date: string): number {
  return new Date(utcMsOfIsoDate(date)).getUTCDay();
}
