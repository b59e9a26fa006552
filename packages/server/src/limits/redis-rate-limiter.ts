import type { RateLimiter, RateRules } from '@caredesk/schema/services';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { Logger } from '../logger.ts';
import { flexibleRateLimiter, limitersFor } from './flexible-rate-limiter.ts';

export interface RedisRateLimiterOptions {
  url: string;
  rules: RateRules;
  /** Every key is `<keyPrefix>:<bucket>:<key>`. */
  keyPrefix: string;
  logger: Logger;
  /** How long a count may wait for Redis before this instance counts in memory instead. Default 1 s. */
  commandTimeoutMs?: number;
}

/**
 * Rate limits kept in Redis (with REDIS_URL): every instance counts against the same keys, in
 * one Lua step per attempt, and a restart forgets nothing (keys expire with their window).
 *
 * When Redis fails, the same rules count in this process's memory instead — the limits then
 * hold per instance rather than not at all (fail closed, not open): a count that fails or waits
 * longer than `commandTimeoutMs` goes to the limiter's insurance, and while the connection is
 * known to be down every count goes straight to memory, so sign-ins and visitor tickets do not
 * wait on a Redis that is gone. When Redis answers again, counting goes back to it (what was
 * counted in memory meanwhile stays in memory).
 */
export function redisRateLimiter(options: RedisRateLimiterOptions): RateLimiter & { close(): Promise<void> } {
  const { rules, keyPrefix, logger } = options;
  const client = new Redis(options.url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: options.commandTimeoutMs ?? 1000,
  });
  const inMemory = limitersFor(
    rules,
    (bucket, points, duration) => new RateLimiterMemory({ keyPrefix: `${keyPrefix}:${bucket}`, points, duration }),
  );
  const inRedis = limitersFor(
    rules,
    (bucket, points, duration) =>
      new RateLimiterRedis({
        storeClient: client,
        keyPrefix: `${keyPrefix}:${bucket}`,
        points,
        duration,
        insuranceLimiter: inMemory[bucket],
      }),
  );
  // ioredis reports connection trouble as events; log it once per outage, not per attempt.
  let down = false;
  client.on('error', (error: Error) => {
    if (!down) logger.warn({ err: error.message }, 'rate limits: Redis fails, counting in memory on this instance');
    down = true;
  });
  client.on('ready', () => {
    if (down) logger.info('rate limits: Redis answers again, counting there');
    down = false;
  });
  return {
    ...flexibleRateLimiter(() => (down ? inMemory : inRedis), rules),
    async close() {
      if (client.status === 'wait') return client.disconnect();
      await client.quit().catch(() => client.disconnect());
    },
  };
}
