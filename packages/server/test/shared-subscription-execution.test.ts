import type { ExecutionResult } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useSharedSubscriptionExecution } from '../src/subscriptions/shared-execution.ts';

/** A topic that hands one payload object to every listener, as caredesk's event buses do. */
function topic() {
  const listeners = new Set<(payload: { n: number }) => void>();
  return {
    listeners,
    publish: (payload: { n: number }) => {
      for (const listener of listeners) listener(payload);
    },
    subscribe(): AsyncIterableIterator<{ n: number }> {
      const queue: { n: number }[] = [];
      let wake: (() => void) | null = null;
      const listener = (payload: { n: number }) => {
        queue.push(payload);
        wake?.();
      };
      listeners.add(listener);
      const iterator: AsyncIterableIterator<{ n: number }> = {
        async next() {
          while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
          return { done: false, value: queue.shift() as { n: number } };
        },
        async return() {
          listeners.delete(listener);
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]: () => iterator,
      };
      return iterator;
    },
  };
}

type Caller = Record<string, unknown> & { group: string | null; name: string };

/** yoga with one subscription whose selection counts how often it is executed. */
function server() {
  const events = topic();
  let executions = 0;
  const yoga = createYoga<Record<string, unknown>, Caller>({
    schema: createSchema<Caller>({
      typeDefs:
        'type Query { ok: Boolean } type Event { n: Int!, seenBy: String! } type Subscription { changed: Event! }',
      resolvers: {
        Subscription: {
          changed: { subscribe: () => events.subscribe(), resolve: (payload: { n: number }) => payload },
        },
        Event: {
          seenBy: (_event: unknown, _args: unknown, caller: Caller) => {
            executions++;
            return caller.name;
          },
        },
      },
    }),
    plugins: [useSharedSubscriptionExecution((context) => (context as unknown as Caller).group)],
  });
  const subscribe = async (caller: Caller) => {
    const { schema, parse, validate, contextFactory, subscribe } = yoga.getEnveloped(caller);
    const document = parse('subscription { changed { n seenBy } }');
    expect(validate(schema, document)).toEqual([]);
    const stream = (await subscribe({
      schema,
      document,
      contextValue: await contextFactory(),
    })) as AsyncIterableIterator<ExecutionResult<{ changed: { n: number; seenBy: string } }>>;
    return stream;
  };
  return { events, subscribe, executions: () => executions };
}

describe('shared execution of subscription events', () => {
  it('should execute an event once per group of subscribers, each getting its own group’s answer', async () => {
    const s = server();
    const staff = await Promise.all([1, 2, 3, 4, 5].map(() => s.subscribe({ group: 'staff', name: 'staff' })));
    const visitors = await Promise.all([1, 2].map(() => s.subscribe({ group: 'visitor', name: 'visitor' })));
    const next = [...staff, ...visitors].map((stream) => stream.next());
    s.events.publish({ n: 1 });
    const answers = await Promise.all(next);
    expect(answers.map((step) => step.value?.data?.changed)).toEqual([
      ...Array(5).fill({ n: 1, seenBy: 'staff' }),
      ...Array(2).fill({ n: 1, seenBy: 'visitor' }),
    ]);
    expect(s.executions()).toBe(2);
    // The next event is executed afresh: results are kept per event, not per subscription.
    const again = [...staff, ...visitors].map((stream) => stream.next());
    s.events.publish({ n: 2 });
    expect((await Promise.all(again)).every((step) => step.value?.data?.changed.n === 2)).toBe(true);
    expect(s.executions()).toBe(4);
  });

  it('should give each subscriber a copy of its own, so one copy replaced leaves the others as they were', async () => {
    const s = server();
    const [first, second] = await Promise.all([1, 2].map(() => s.subscribe({ group: 'staff', name: 'staff' })));
    const next = [first?.next(), second?.next()];
    s.events.publish({ n: 3 });
    const [a, b] = await Promise.all(next);
    expect(a?.value).not.toBe(b?.value);
    if (a?.value) a.value.errors = [];
    expect(b?.value).toEqual({ data: { changed: { n: 3, seenBy: 'staff' } } });
  });

  it('should execute for each subscriber whose group is unknown', async () => {
    const s = server();
    const streams = await Promise.all([1, 2, 3].map(() => s.subscribe({ group: null, name: 'anyone' })));
    const next = streams.map((stream) => stream.next());
    s.events.publish({ n: 4 });
    await Promise.all(next);
    expect(s.executions()).toBe(3);
  });

  it('should stop listening to the topic when a subscription is closed', async () => {
    const s = server();
    const streams = await Promise.all([1, 2].map(() => s.subscribe({ group: 'staff', name: 'staff' })));
    expect(s.events.listeners.size).toBe(2);
    await streams[0]?.return?.();
    expect(s.events.listeners.size).toBe(1);
  });
});
