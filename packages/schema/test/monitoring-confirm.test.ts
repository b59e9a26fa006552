import { describe, expect, it } from 'vitest';
import {
  type CheckOutcome,
  confirm,
  isStale,
  type MonitorState,
  type Tallies,
} from '../src/domain/monitoring/confirm.ts';
import { monthSpan, spansLength, subtractSpans } from '../src/domain/monitoring/intervals.ts';
import { inMaintenance, maintenanceSpans } from '../src/domain/monitoring/maintenance.ts';

const t0 = Date.parse('2026-11-24T09:00:00Z');

/** Folds results (location, outcome) in order; returns the states after each. */
function run(results: [string, CheckOutcome][], locations = 1, start: MonitorState = 'UP') {
  let state = start;
  let tallies: Tallies = {};
  const states: MonitorState[] = [];
  results.forEach(([location, outcome], i) => {
    const at = new Date(t0 + i * 20_000);
    const next = confirm({
      state,
      tallies,
      locations,
      result: { location, outcome, at },
      freshSince: new Date(at.getTime() - 300_000),
    });
    state = next.state;
    tallies = next.tallies;
    states.push(state);
  });
  return states;
}

describe('Confirmation of a monitor state', () => {
  it('should go DOWN only on the third failure in a row, asking for the 2nd and 3rd on the retry interval', () => {
    expect(
      run([
        ['central', 'DOWN'],
        ['central', 'DOWN'],
        ['central', 'DOWN'],
      ]),
    ).toEqual(['UP', 'UP', 'DOWN']);
    const first = confirm({
      state: 'UP',
      tallies: {},
      locations: 1,
      result: { location: 'central', outcome: 'DOWN', at: new Date(t0) },
      freshSince: new Date(0),
    });
    expect(first.retrySoon).toBe(true);
  });

  it('should start counting again after a success between failures', () => {
    expect(
      run([
        ['central', 'DOWN'],
        ['central', 'DOWN'],
        ['central', 'UP'],
        ['central', 'DOWN'],
        ['central', 'DOWN'],
      ]),
    ).toEqual(['UP', 'UP', 'UP', 'UP', 'UP']);
  });

  it('should come back UP after two successes, not one', () => {
    expect(
      run(
        [
          ['central', 'UP'],
          ['central', 'UP'],
        ],
        1,
        'DOWN',
      ),
    ).toEqual(['DOWN', 'UP']);
    expect(
      run(
        [
          ['central', 'UP'],
          ['central', 'UP'],
        ],
        1,
        'PENDING',
      ),
    ).toEqual(['PENDING', 'UP']);
  });

  it('should need failures from two locations when two or more agents watch', () => {
    const oneFails = run(
      [
        ['berlin', 'DOWN'],
        ['moscow', 'UP'],
        ['berlin', 'DOWN'],
        ['moscow', 'UP'],
        ['berlin', 'DOWN'],
      ],
      2,
    );
    expect(oneFails.at(-1)).toBe('UP');
    const bothFail = run(
      [
        ['berlin', 'DOWN'],
        ['moscow', 'DOWN'],
        ['berlin', 'DOWN'],
        ['moscow', 'DOWN'],
        ['berlin', 'DOWN'],
        ['moscow', 'DOWN'],
      ],
      2,
    );
    expect(bothFail).toEqual(['UP', 'UP', 'UP', 'UP', 'UP', 'DOWN']);
  });

  it('should forget a location that has gone silent, so its old failures do not count', () => {
    const tallies: Tallies = {
      berlin: { failures: 3, successes: 0, ups: 0, degraded: 0, at: new Date(t0 - 3600_000).toISOString() },
    };
    const next = confirm({
      state: 'UP',
      tallies,
      locations: 2,
      result: { location: 'moscow', outcome: 'DOWN', at: new Date(t0) },
      freshSince: new Date(t0 - 300_000),
    });
    expect(next.tallies.berlin).toBeUndefined();
  });

  it("should change nothing on caredesk's own error and mark NOT_SUPPORTED explicitly", () => {
    expect(
      run([
        ['central', 'DOWN'],
        ['central', 'DOWN'],
        ['central', 'ERROR'],
        ['central', 'ERROR'],
      ]),
    ).toEqual(['UP', 'UP', 'UP', 'UP']);
    expect(run([['central', 'NOT_SUPPORTED']], 1, 'PENDING')).toEqual(['NOT_SUPPORTED']);
  });

  it('should be DEGRADED after two slow answers and UP after two normal ones', () => {
    expect(
      run([
        ['central', 'DEGRADED'],
        ['central', 'DEGRADED'],
        ['central', 'UP'],
        ['central', 'UP'],
      ]),
    ).toEqual(['UP', 'DEGRADED', 'DEGRADED', 'UP']);
  });

  it('should call a monitor stale after three intervals without a result, and not before', () => {
    const last = new Date(t0);
    expect(isStale(last, new Date(0), 60, new Date(t0 + 179_000))).toBe(false);
    expect(isStale(last, new Date(0), 60, new Date(t0 + 181_000))).toBe(true);
    expect(isStale(last, new Date(0), 3600, new Date(t0 + 3 * 3600_000 - 1000))).toBe(false);
  });
});

describe('Maintenance windows', () => {
  const base = {
    recurring: false,
    weekdays: [],
    localStart: null,
    durationMinutes: null,
    timeZone: 'UTC',
    endsAt: null,
  };

  it('should cover a one-off window from its start up to, not including, its end', () => {
    const rule = { ...base, startsAt: new Date('2026-11-24T10:00:00Z'), endsAt: new Date('2026-11-24T11:00:00Z') };
    expect(inMaintenance([rule], new Date('2026-11-24T09:59:59Z'))).toBe(false);
    expect(inMaintenance([rule], new Date('2026-11-24T10:00:00Z'))).toBe(true);
    expect(inMaintenance([rule], new Date('2026-11-24T11:00:00Z'))).toBe(false);
  });

  it('should repeat a weekly window at its local time in its zone', () => {
    // Sundays 02:00–04:00 Moscow time = 23:00–01:00 UTC Saturday night.
    const rule = {
      ...base,
      recurring: true,
      weekdays: [7],
      localStart: '02:00',
      durationMinutes: 120,
      timeZone: 'Europe/Moscow',
      startsAt: new Date('2026-01-01T00:00:00Z'),
    };
    expect(inMaintenance([rule], new Date('2026-11-28T23:30:00Z'))).toBe(true); // Sun 02:30 MSK
    expect(inMaintenance([rule], new Date('2026-11-29T00:59:00Z'))).toBe(true); // Sun 03:59 MSK
    expect(inMaintenance([rule], new Date('2026-11-29T01:00:00Z'))).toBe(false); // Sun 04:00 MSK
    expect(inMaintenance([rule], new Date('2026-11-27T23:30:00Z'))).toBe(false); // Sat 02:30 MSK
    const november = monthSpan('2026-11');
    expect(november).not.toBeNull();
    // Five Sundays in November 2026 (1, 8, 15, 22, 29), but the first window starts at 23:00 UTC
    // on 31 October: only its second hour is in the (UTC) month. 9 hours.
    expect(spansLength(maintenanceSpans([rule], november ?? { from: 0, to: 0 }))).toBe(9 * 3600_000);
  });

  it('should keep a daily window at 03:00 local across a clock change', () => {
    const rule = {
      ...base,
      recurring: true,
      localStart: '03:00',
      durationMinutes: 30,
      timeZone: 'Europe/Berlin',
      startsAt: new Date('2026-01-01T00:00:00Z'),
    };
    expect(inMaintenance([rule], new Date('2026-07-01T01:10:00Z'))).toBe(true); // 03:10 CEST
    expect(inMaintenance([rule], new Date('2026-12-01T02:10:00Z'))).toBe(true); // 03:10 CET
    expect(inMaintenance([rule], new Date('2026-12-01T01:10:00Z'))).toBe(false);
  });

  it('should take maintenance out of a span of downtime', () => {
    const down = [{ from: 0, to: 100 }];
    expect(
      subtractSpans(down, [
        { from: 20, to: 30 },
        { from: 90, to: 200 },
      ]),
    ).toEqual([
      { from: 0, to: 20 },
      { from: 30, to: 90 },
    ]);
    expect(monthSpan('2026-13')).toBeNull();
  });
});
