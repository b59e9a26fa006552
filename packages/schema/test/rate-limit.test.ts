import { describe, expect, it } from 'vitest';
import { type RateRule, retryAfterSeconds } from '../src/domain/rate-limit.ts';

const rule: RateRule = { limit: 3, windowMs: 60_000 };

describe('retryAfterSeconds', () => {
  it('should round up, so a client retrying after exactly that long is past the window’s end', () => {
    expect(retryAfterSeconds(59_001, rule)).toBe(60);
    expect(retryAfterSeconds(59_000, rule)).toBe(59);
    expect(retryAfterSeconds(1, rule)).toBe(1);
  });

  it('should ask for at least one second, even when the window has just ended', () => {
    expect(retryAfterSeconds(0, rule)).toBe(1);
    expect(retryAfterSeconds(-5, rule)).toBe(1);
  });

  it('should never ask for more than the window, whatever the store says', () => {
    expect(retryAfterSeconds(3_600_000, rule)).toBe(60);
    expect(retryAfterSeconds(Number.NaN, rule)).toBe(60);
  });
});
