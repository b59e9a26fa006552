import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkingTimeline } from '../src/domain/calendar/working-timeline.ts';
import { berlinCalendar, moscowCalendar, msk } from './support/calendars.ts';

const day = 86_400_000;

describe('a working timeline of a span', () => {
  it('should give exactly the calendar’s working minutes between any two instants of its span (property)', () => {
    for (const calendar of [moscowCalendar(), berlinCalendar()]) {
      // Across the November holidays, the New Year break and Berlin's October clock change.
      const from = msk('2025-10-01T00:00').getTime();
      const to = from + 120 * day;
      const timeline = new WorkingTimeline(calendar, from, to);
      fc.assert(
        fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: from, max: to }), (a, b) => {
          const expected = calendar.workingMinutesBetween(new Date(a), new Date(b));
          expect(Object.is(timeline.minutesBetween(a, b), expected)).toBe(true);
        }),
        { numRuns: 2_000 },
      );
    }
  });

  it('should count from and to the exact opening and closing, and a Friday evening over the weekend', () => {
    const calendar = moscowCalendar();
    const timeline = new WorkingTimeline(
      calendar,
      msk('2026-11-01T00:00').getTime(),
      msk('2026-12-01T00:00').getTime(),
    );
    const between = (a: string, b: string) => timeline.minutesBetween(msk(a).getTime(), msk(b).getTime());
    expect(between('2026-11-20T18:59', '2026-11-23T12:59')).toBe(180);
    expect(between('2026-11-23T10:00', '2026-11-23T19:00')).toBe(540);
    expect(between('2026-11-23T19:00', '2026-11-24T10:00')).toBe(0);
    // The eve of the holiday closes at 18:00 and the holiday is not worked.
    expect(between('2026-11-03T17:00', '2026-11-05T12:00')).toBe(180);
    expect(between('2026-11-05T12:00', '2026-11-03T17:00')).toBe(-180);
  });

  it('should ask the calendar for instants outside its span, and give -0 backwards over no working time as it does', () => {
    const calendar = moscowCalendar();
    const from = msk('2026-11-01T00:00').getTime();
    const timeline = new WorkingTimeline(calendar, from, from + 30 * day);
    const early = msk('2025-12-30T12:00').getTime();
    const late = msk('2027-03-01T12:00').getTime();
    const inside = msk('2026-11-10T12:00').getTime();
    expect(timeline.minutesBetween(early, inside)).toBe(
      calendar.workingMinutesBetween(new Date(early), new Date(inside)),
    );
    expect(timeline.minutesBetween(inside, late)).toBe(
      calendar.workingMinutesBetween(new Date(inside), new Date(late)),
    );
    const night = msk('2026-11-10T22:00').getTime();
    expect(Object.is(timeline.minutesBetween(night, night - 3_600_000), -0)).toBe(true);
  });
});
