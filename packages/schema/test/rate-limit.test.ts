import { describe, expect, it } from 'vitest';
import { decideRate, type RateRule, type RateState, rateStateExpired } from '../src/domain/rate-limit.ts';

const start = new Date('2026-11-23T12:00:00.000Z');
const at = (ms: number) => new Date(start.getTime() + ms);
const rule: RateRule = { limit: 3, windowMs: 60_000 };

/** Makes attempts at the given offsets from `start`, returning every decision. */
function attempts(offsets: number[], r: RateRule = rule) {
  let state: RateState | undefined;
  return offsets.map((offset) => {
    const decision = decideRate(state, r, at(offset));
    state = decision.state;
    return decision;
  });
}

describe('decideRate', () => {
  it('should allow exactly `limit` attempts in a window and refuse the next one', () => {
    const decisions = attempts([0, 1, 2, 3]);
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    expect(decisions.slice(0, 3).every((d) => d.retryAfterSeconds === 0)).toBe(true);
  });

  it('should tell a refused client how many whole seconds remain until the window ends', () => {
    expect(attempts([0, 0, 0, 0]).at(-1)?.retryAfterSeconds).toBe(60);
    expect(attempts([0, 0, 0, 59_000]).at(-1)?.retryAfterSeconds).toBe(1);
    expect(attempts([0, 0, 0, 58_001]).at(-1)?.retryAfterSeconds).toBe(2);
  });

  it('should round the retry time up, so one millisecond before the end still waits a second', () => {
    expect(attempts([0, 0, 0, 59_999]).at(-1)).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
  });

  it('should open a new window at exactly the end of the previous one', () => {
    const decisions = attempts([0, 10, 20, 59_999, 60_000, 60_001, 60_002, 60_003]);
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, true, true, true, false]);
    expect(decisions[4]?.state).toEqual({ count: 1, resetAtMs: start.getTime() + 120_000 });
  });

  it('should start the window at the first attempt, not at a clock boundary', () => {
    const decisions = attempts([30_000, 30_000, 30_000, 89_999, 90_000]);
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, true]);
  });

  it('should not count refused attempts, so hammering does not push the window back', () => {
    const decisions = attempts([0, 0, 0, 1_000, 2_000, 30_000, 60_000]);
    expect(decisions.at(-1)?.allowed).toBe(true);
    expect(decisions[5]?.state).toEqual({ count: 3, resetAtMs: start.getTime() + 60_000 });
  });

  it('should keep a state that survives a JSON round trip', () => {
    const first = decideRate(undefined, rule, at(0));
    const restored = JSON.parse(JSON.stringify(first.state)) as RateState;
    expect(decideRate(restored, rule, at(1))).toEqual(decideRate(first.state, rule, at(1)));
  });

  it('should not tell a client to wait longer than a window when the clock went back', () => {
    const decisions = attempts([0, 0, 0]);
    const refused = decideRate(decisions[2]?.state, rule, at(-3_600_000));
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 60 });
  });

  it('should refuse everything with a limit of zero', () => {
    expect(attempts([0], { limit: 0, windowMs: 1_000 })[0]).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
  });

  it('should throw on a rule that makes no sense instead of allowing everything', () => {
    expect(() => decideRate(undefined, { limit: -1, windowMs: 1_000 }, start)).toThrow(RangeError);
    expect(() => decideRate(undefined, { limit: 1.5, windowMs: 1_000 }, start)).toThrow(RangeError);
    expect(() => decideRate(undefined, { limit: 1, windowMs: 0 }, start)).toThrow(RangeError);
    expect(() => decideRate(undefined, { limit: 1, windowMs: Number.NaN }, start)).toThrow(RangeError);
  });

  it('should call a state expired from the moment its window ends', () => {
    const { state } = decideRate(undefined, rule, at(0));
    expect(rateStateExpired(state, at(59_999))).toBe(false);
    expect(rateStateExpired(state, at(60_000))).toBe(true);
  });
});
