import type { EventBus, Topics } from '@caredesk/schema/graphql';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from 'graphql-yoga';
import { Redis } from 'ioredis';

type YogaTopics = { [K in keyof Topics]: [key: string, payload: Topics[K]] };

/** Publish/subscribe through Redis, so that every instance sees every change. */
export function redisEventBus(url: string): EventBus & { close(): Promise<void>; ready(): Promise<void> } {
  const options = { lazyConnect: true, maxRetriesPerRequest: 3 };
  const publishClient = new Redis(url, options);
  const subscribeClient = new Redis(url, options);
  const pubsub = createPubSub<YogaTopics>({
    eventTarget: createRedisEventTarget({ publishClient, subscribeClient }),
  });
  // After close, a change made by a request still in flight is dropped rather than sent to a
  // closed connection (whose rejection nobody could catch).
  let closed = false;
  return {
    publish: (topic, key, payload) => {
      if (!closed) pubsub.publish(topic, key, payload as never);
    },
    subscribe: (topic, key) => (pubsub.subscribe as (topic: string, key: string) => AsyncIterable<never>)(topic, key),
    ready: async () => {
      await Promise.all([publishClient.connect(), subscribeClient.connect()]);
    },
    close: async () => {
      closed = true;
      // QUIT lets the publishes already sent finish; the subscriber has nothing to wait for.
      await publishClient.quit().catch(() => publishClient.disconnect());
      subscribeClient.disconnect();
    },
  };
}
