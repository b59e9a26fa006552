import { Redis } from 'ioredis';

export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Null when Redis answers, else why not. Under CI a missing Redis is an error, not a skip. */
export async function redisUnavailable(): Promise<string | null> {
  const probe = new Redis(testRedisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    retryStrategy: () => null,
  });
  let missing: string | null = null;
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    missing = `${(error as Error).message} (${testRedisUrl})`;
  } finally {
    probe.disconnect();
  }
  if (missing && process.env.CI)
    throw new Error(`Redis is required when CI is set, but it is not reachable: ${missing}`);
  return missing;
}
