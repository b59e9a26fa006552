import { describe, expect, it } from 'vitest';
import { isoDateOfUtcMs, localToInstant, zoneOffsetMs } from '../src/domain/calendar/zoned-time.ts';

const hour = 3_600_000;

describe('zone offsets', () => {
  it('should give each instant its own offset across a daylight-saving change, asked in any order and again', () => {
    // Berlin moved from +1 h to +2 h at 01:00 UTC on 2026-03-29.
    const change = Date.UTC(2026, 2, 29, 1, 0, 0);
    const instants = [change + 1_000, change - 1_000, change, change - hour, change + hour, change - 1];
    const expected = [2, 1, 2, 1, 2, 1].map((h) => h * hour);
    for (let round = 0; round < 3; round++)
      expect(instants.map((t) => zoneOffsetMs(t, 'Europe/Berlin'))).toEqual(expected);
    expect(instants.map((t) => zoneOffsetMs(t, 'Europe/Moscow'))).toEqual(Array(6).fill(3 * hour));
  });

  it('should resolve the local time of a spring-forward gap forward, also when the offsets are known already', () => {
    for (let round = 0; round < 2; round++) {
      // 02:30 does not exist in Berlin on 2026-03-29: it is 03:30 local, 01:30 UTC.
      expect(localToInstant('2026-03-29', 150, 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 1, 30));
      expect(localToInstant('2026-03-28', 150, 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 28, 1, 30));
    }
  });

  it('should name the UTC date of any instant exactly as toISOString does, leap days and the epoch included', () => {
    const instants = [
      0,
      -1,
      86_399_999,
      Date.UTC(2000, 1, 29, 12),
      Date.UTC(2100, 2, 1) - 1,
      Date.UTC(1600, 1, 29, 23),
    ];
    for (let ms = Date.UTC(1900, 0, 1); ms < Date.UTC(2200, 0, 1); ms += 86_400_000 / 3 + 12_345) instants.push(ms);
    for (const ms of instants) expect(isoDateOfUtcMs(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
  });
});
