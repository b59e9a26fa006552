import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { berlinCalendar, moscowCalendar, msk } from './support/calendars.ts';

const moscow = moscowCalendar();

describe('the working calendar', () => {
  it('should count 10:00–19:00 on weekdays as working time and the close itself as not', () => {
    expect(moscow.isWorkingTime(msk('2026-11-23T10:00'))).toBe(true);
    expect(moscow.isWorkingTime(msk('2026-11-23T18:59'))).toBe(true);
    expect(moscow.isWorkingTime(msk('2026-11-23T19:00'))).toBe(false);
    expect(moscow.isWorkingTime(msk('2026-11-23T09:59'))).toBe(false);
    expect(moscow.isWorkingTime(msk('2026-11-21T12:00'))).toBe(false);
  });

  it('should carry a ticket filed at 18:59 on a Friday over to Monday morning', () => {
    const filed = msk('2026-11-20T18:59');
    expect(moscow.addWorkingMinutes(filed, 180)).toEqual(msk('2026-11-23T12:59'));
    expect(moscow.workingMinutesBetween(filed, msk('2026-11-23T12:59'))).toBe(180);
    expect(moscow.nextWorkingInstant(msk('2026-11-20T19:00'))).toEqual(msk('2026-11-23T10:00'));
  });

  it('should close an hour early on the eve of a holiday and skip the holiday', () => {
    const eve = moscow.day('2026-11-03');
    expect(eve).toMatchObject({ type: 'SHORT', working: true, workingMinutes: 480 });
    expect(moscow.isWorkingTime(msk('2026-11-03T18:00'))).toBe(false);
    expect(moscow.day('2026-11-04')).toMatchObject({ type: 'HOLIDAY', working: false, workingMinutes: 0 });
    expect(moscow.addWorkingMinutes(msk('2026-11-03T17:00'), 180)).toEqual(msk('2026-11-05T12:00'));
  });

  it('should work a moved working Saturday, shortened before the holiday block', () => {
    expect(moscow.day('2025-11-01')).toMatchObject({ type: 'SHORT', working: true, workingMinutes: 480 });
    expect(moscow.addWorkingMinutes(msk('2025-10-31T18:00'), 180)).toEqual(msk('2025-11-01T12:00'));
    // Monday 3 November is the day off it was exchanged for.
    expect(moscow.addWorkingMinutes(msk('2025-11-01T17:00'), 120)).toEqual(msk('2025-11-05T11:00'));
  });

  it('should not work a weekday that the calendar made a day off', () => {
    expect(moscow.day('2025-11-03')).toMatchObject({ type: 'HOLIDAY', working: false });
    expect(moscow.isWorkingTime(msk('2025-11-03T12:00'))).toBe(false);
  });

  it('should run across the New Year holidays to the first working day', () => {
    const filed = msk('2025-12-30T18:00');
    expect(moscow.addWorkingMinutes(filed, 180)).toEqual(msk('2026-01-12T12:00'));
    expect(moscow.workingMinutesBetween(filed, msk('2026-01-12T10:00'))).toBe(60);
    expect(moscow.nextWorkingInstant(msk('2025-12-31T09:00'))).toEqual(msk('2026-01-12T10:00'));
  });

  it('should keep local opening hours across a daylight-saving change in Berlin', () => {
    const berlin = berlinCalendar();
    // Friday 27 March 2026 16:00 CET (UTC+1) is 15:00 UTC; Friday closes at 17:00.
    const filed = new Date('2026-03-27T15:00:00Z');
    // Monday 30 March opens at 09:00 CEST, 07:00 UTC: 60 minutes Friday + 120 Monday.
    expect(berlin.addWorkingMinutes(filed, 180)).toEqual(new Date('2026-03-30T09:00:00Z'));
    expect(berlin.workingMinutesBetween(filed, new Date('2026-03-30T09:00:00Z'))).toBe(180);
    // And back in October: Monday 26 October opens at 09:00 CET, 08:00 UTC.
    expect(berlin.nextWorkingInstant(new Date('2026-10-23T16:00:00Z'))).toEqual(new Date('2026-10-26T08:00:00Z'));
  });

  it('should list days with their working minutes for the public calendar', () => {
    const days = moscow.days('2026-11-02', '2026-11-08');
    expect(days.map((d) => [d.date, d.working, d.workingMinutes])).toEqual([
      ['2026-11-02', true, 540],
      ['2026-11-03', true, 480],
      ['2026-11-04', false, 0],
      ['2026-11-05', true, 540],
      ['2026-11-06', true, 540],
      ['2026-11-07', false, 0],
      ['2026-11-08', false, 0],
    ]);
  });

  it('should give back the working minutes it added, wherever it starts (property)', () => {
    const from = msk('2025-01-01T00:00').getTime();
    const to = msk('2027-12-01T00:00').getTime();
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: 0, max: 20_000 }), (start, minutes) => {
        const at = new Date(start);
        const end = moscow.addWorkingMinutes(at, minutes);
        expect(moscow.workingMinutesBetween(at, end)).toBeCloseTo(minutes, 6);
        expect(end.getTime()).toBeGreaterThanOrEqual(start);
      }),
      { numRuns: 300 },
    );
  });

  it('should measure the sum of the parts of any split interval (property)', () => {
    const berlin = berlinCalendar();
    const from = new Date('2026-01-01T00:00:00Z').getTime();
    const span = 400 * 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: from, max: from + span }), fc.nat(span), fc.nat(span), (a, b, c) => {
        const [x, y, z] = [a, a + Math.min(b, c), a + Math.max(b, c)].map((ms) => new Date(ms)) as [Date, Date, Date];
        const whole = berlin.workingMinutesBetween(x, z);
        expect(berlin.workingMinutesBetween(x, y) + berlin.workingMinutesBetween(y, z)).toBeCloseTo(whole, 6);
        expect(berlin.workingMinutesBetween(z, x)).toBeCloseTo(-whole, 6);
      }),
      { numRuns: 200 },
    );
  });
});
