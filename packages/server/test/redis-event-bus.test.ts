import { describe, expect, it } from 'vitest';
import { redisEventBus } from '../src/events/redis-event-bus.ts';
import { redisUnavailable, testRedisUrl } from './support/redis.ts';

const redisUrl = testRedisUrl;
const missing = await redisUnavailable();

describe.skipIf(Boolean(missing))(
  missing ? `pub/sub through Redis (skipped: ${missing})` : 'pub/sub through Redis',
  () => {
    it('should deliver an event published by one instance to a subscriber of another, and only for its key', async () => {
      const first = redisEventBus(redisUrl);
      const second = redisEventBus(redisUrl);
      await Promise.all([first.ready(), second.ready()]);
      try {
        const key = `ticket-${Math.random().toString(36).slice(2)}`;
        const iterator = second.subscribe('ticketUpdated', key)[Symbol.asyncIterator]();
        const next = iterator.next();
        // Redis delivers only to subscriptions already registered: publish until one arrives.
        const timer = setInterval(() => {
          first.publish('ticketUpdated', 'another-ticket', { ticketId: 'another-ticket' });
          first.publish('ticketUpdated', key, { ticketId: key });
        }, 20);
        const result = await next;
        clearInterval(timer);
        expect(result.value).toEqual({ ticketId: key });
        await iterator.return?.();
      } finally {
        await first.close();
        await second.close();
      }
    });
  },
);
