import { retryAfterSeconds } from '@caredesk/schema/domain';
import { DomainError, type RateBucket, type RateLimiter, type RateRules } from '@caredesk/schema/services';
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

/** One rate-limiter-flexible limiter per bucket, each made with the bucket's rule. */
export type FlexibleLimiters = Record<RateBucket, RateLimiterAbstract>;

/** Makes one limiter per bucket with `make(bucket, points, seconds)`. */
export function limitersFor(
  rules: RateRules,
  make: (bucket: RateBucket, points: number, seconds: number) => RateLimiterAbstract,
): FlexibleLimiters {
  const entries = Object.entries(rules).map(([bucket, rule]) => [
    bucket,
    make(bucket as RateBucket, rule.limit, Math.ceil(rule.windowMs / 1000)),
  ]);
  return Object.fromEntries(entries) as FlexibleLimiters;
}

/**
 * The app's RateLimiter over rate-limiter-flexible (fixed windows that open at a key's first
 * attempt): a refusal becomes the DomainError RATE_LIMITED with the seconds to wait.
 * `current()` names the limiters to count with now (an adapter may switch stores).
 */
export function flexibleRateLimiter(current: () => FlexibleLimiters, rules: RateRules): RateLimiter {
  return {
    async consume(bucket, key) {
      try {
        await current()[bucket].consume(key);
      } catch (refusal) {
        // Anything else is the store failing with no fallback: not a verdict on the caller.
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        throw new DomainError('RATE_LIMITED', null, bucket, retryAfterSeconds(refusal.msBeforeNext, rules[bucket]));
      }
    },
    async record(bucket, key) {
      await current()[bucket].penalty(key, 1);
    },
    async counted(bucket, key) {
      const state = await current()[bucket].get(key);
      // The in-process store drops an expired key on a timer; until then it still answers with it.
      if (!state || (state.msBeforeNext <= 0 && state.msBeforeNext !== -1)) return 0;
      return state.consumedPoints;
    },
    async reset(bucket, key) {
      await current()[bucket].delete(key);
    },
  };
}
