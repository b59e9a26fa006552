import type { RateLimiter, RateRules } from '@caredesk/schema/services';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { flexibleRateLimiter, limitersFor } from './flexible-rate-limiter.ts';

/**
 * Rate limits counted in this process's memory (without REDIS_URL): enough for one instance;
 * a restart forgets them. Each key is dropped when its window ends (on an unref'd timer, so
 * nothing keeps the process alive).
 */
export function memoryRateLimiter(rules: RateRules): RateLimiter {
  const limiters = limitersFor(
    rules,
    (bucket, points, duration) => new RateLimiterMemory({ keyPrefix: bucket, points, duration }),
  );
  return flexibleRateLimiter(() => limiters, rules);
}
