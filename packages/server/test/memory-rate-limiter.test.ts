import { describe, expect, it } from 'vitest';
import { memoryRateLimiter } from '../src/limits/memory-rate-limiter.ts';

const start = new Date('2026-11-23T12:00:00.000Z');
const at = (ms: number) => new Date(start.getTime() + ms);
const rule = { limit: 5, windowMs: 60_000 };

describe('the in-memory rate limiter', () => {
  it('should allow exactly the limit in a window and refuse the next attempt with the time to wait', () => {
    const limiter = memoryRateLimiter();
    const results = [0, 1, 2, 3, 4, 5].map((i) => limiter.check('submit:ip:1.2.3.4', rule, at(i * 1_000)));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, true, false]);
    expect(results.at(-1)).toEqual({ allowed: false, retryAfterSeconds: 55, remaining: 0 });
  });

  it('should let the key through again at exactly the end of its window, and not a millisecond before', () => {
    const limiter = memoryRateLimiter();
    for (let i = 0; i < 5; i++) limiter.check('signin:email:x@y', rule, at(0));
    expect(limiter.check('signin:email:x@y', rule, at(59_999))).toMatchObject({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.check('signin:email:x@y', rule, at(60_000))).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
      remaining: 4,
    });
  });

  it('should count every key on its own', () => {
    const limiter = memoryRateLimiter();
    for (let i = 0; i < 5; i++) limiter.check('submit:ip:1.2.3.4', rule, at(0));
    expect(limiter.check('submit:ip:1.2.3.4', rule, at(1)).allowed).toBe(false);
    expect(limiter.check('submit:ip:5.6.7.8', rule, at(1)).allowed).toBe(true);
    expect(limiter.check('signin:email:x@y', rule, at(1)).allowed).toBe(true);
  });

  it('should apply whichever rule the caller passes for a key', () => {
    const limiter = memoryRateLimiter();
    const strict = { limit: 1, windowMs: 10_000 };
    expect(limiter.check('signin:ip:1.2.3.4', strict, at(0)).allowed).toBe(true);
    expect(limiter.check('signin:ip:1.2.3.4', strict, at(1))).toMatchObject({ allowed: false, retryAfterSeconds: 10 });
  });

  it('should start a key over after reset', () => {
    const limiter = memoryRateLimiter();
    for (let i = 0; i < 5; i++) limiter.check('signin:email:x@y', rule, at(0));
    limiter.reset('signin:email:x@y');
    expect(limiter.check('signin:email:x@y', rule, at(1))).toMatchObject({ allowed: true, remaining: 4 });
  });

  it('should forget expired keys when it sweeps', () => {
    const limiter = memoryRateLimiter({ sweepIntervalMs: 60_000 });
    for (let i = 0; i < 1_000; i++) limiter.check(`submit:ip:10.0.${i >> 8}.${i & 255}`, rule, at(0));
    expect(limiter.size).toBe(1_000);
    limiter.check('submit:ip:1.2.3.4', rule, at(60_000));
    expect(limiter.size).toBe(1);
  });

  it('should never hold more than maxKeys keys, forgetting the oldest first', () => {
    const limiter = memoryRateLimiter({ maxKeys: 100 });
    for (let i = 0; i < 10_000; i++) {
      limiter.check(`signin:email:user${i}@example.com`, rule, at(i));
      expect(limiter.size).toBeLessThanOrEqual(100);
    }
    expect(limiter.size).toBe(100);
    // The newest keys are still counted, the oldest were forgotten and start over.
    expect(limiter.check('signin:email:user9999@example.com', rule, at(10_000)).remaining).toBe(3);
    expect(limiter.check('signin:email:user0@example.com', rule, at(10_000)).remaining).toBe(4);
  });

  it('should forget the least recently checked key first, so a key being hammered stays counted', () => {
    const limiter = memoryRateLimiter({ maxKeys: 3 });
    limiter.check('a', rule, at(0));
    limiter.check('b', rule, at(1));
    limiter.check('a', rule, at(2));
    limiter.check('c', rule, at(3));
    limiter.check('d', rule, at(4)); // forgets 'b', checked least recently
    expect(limiter.check('a', rule, at(5)).remaining).toBe(2);
    expect(limiter.check('b', rule, at(6)).remaining).toBe(4);
  });
});
