import type { RevocationBus } from '@caredesk/schema/services';
import { redisEventBus } from '../events/redis-event-bus.ts';

/**
 * Runs a command that revokes access with a bus that tells the running servers: through Redis
 * when REDIS_URL is set. Without it (or when Redis does not answer) there is none: the servers
 * end the affected subscriptions at their next re-check (SUBSCRIPTION_RECHECK_MS).
 */
export async function withRevocationBus<T>(
  redisUrl: string | null,
  run: (bus: RevocationBus | undefined) => Promise<T>,
): Promise<T> {
  if (!redisUrl) return run(undefined);
  const bus = redisEventBus(redisUrl);
  const ready = await bus.ready().then(
    () => true,
    (error: unknown) => {
      console.error(
        `could not reach Redis (${(error as Error).message}): running servers will notice within SUBSCRIPTION_RECHECK_MS`,
      );
      return false;
    },
  );
  try {
    return await run(ready ? bus : undefined);
  } finally {
    // Waits for the announcement to be sent.
    await bus.close();
  }
}
