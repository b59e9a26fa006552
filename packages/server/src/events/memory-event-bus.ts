import type { EventBus, Topics } from '@caredesk/schema/graphql';
import { createPubSub } from 'graphql-yoga';

type YogaTopics = { [K in keyof Topics]: [key: string, payload: Topics[K]] };

/** In-process publish/subscribe: enough for one instance (the default). */
export function memoryEventBus(): EventBus & { close(): Promise<void> } {
  const pubsub = createPubSub<YogaTopics>();
  return {
    publish: (topic, key, payload) => pubsub.publish(topic, key, payload as never),
    subscribe: (topic, key) => (pubsub.subscribe as (topic: string, key: string) => AsyncIterable<never>)(topic, key),
    close: async () => {},
  };
}
