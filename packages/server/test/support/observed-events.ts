import type { Topics } from '@caredesk/schema/graphql';
import type { ClosableEventBus } from '../../src/app.ts';
import { memoryEventBus } from '../../src/events/memory-event-bus.ts';

/**
 * The in-process event bus, telling the test when a subscriber starts listening to a topic and
 * key, so that a test runs its mutation once the server surely hears it: no polling, no sleep.
 */
export function observedEventBus() {
  const bus = memoryEventBus();
  const listening = new Map<string, number>();
  const waiting: { id: string; count: number; resolve: () => void }[] = [];
  const heard = (id: string) => {
    const now = (listening.get(id) ?? 0) + 1;
    listening.set(id, now);
    for (const w of waiting.filter((w) => w.id === id && w.count <= now)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  };
  const events: ClosableEventBus = {
    publish: bus.publish,
    close: bus.close,
    subscribe<K extends keyof Topics>(topic: K, key: string): AsyncIterable<Topics[K]> {
      const inner = bus.subscribe(topic, key);
      return {
        [Symbol.asyncIterator]() {
          const iterator = inner[Symbol.asyncIterator]();
          let first = true;
          return {
            next() {
              // The bus registers its listener when first asked for a value: it is listening now.
              const value = iterator.next();
              if (first) {
                first = false;
                heard(`${topic}:${key}`);
              }
              return value;
            },
            return: (value?: unknown) => iterator.return?.(value) ?? Promise.resolve({ done: true, value: undefined }),
          } as AsyncIterator<Topics[K]>;
        },
      };
    },
  };
  return {
    events,
    /** Resolves once `count` subscribers (default 1) listen to `topic` for `key` (at once if they already do). */
    listening(topic: keyof Topics, key: string, count = 1): Promise<void> {
      const id = `${topic}:${key}`;
      if ((listening.get(id) ?? 0) >= count) return Promise.resolve();
      return new Promise((resolve) => waiting.push({ id, count, resolve }));
    },
  };
}
