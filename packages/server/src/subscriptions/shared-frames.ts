import type { ExecutionResult } from 'graphql';

/**
 * One serialization of a result shared by many subscribers. graphql-ws writes every `next`
 * message with JSON.stringify, the subscription's id included, so each socket would serialize
 * the same result again. A result handed out by shared execution carries the shared original
 * under this symbol (not enumerable: a plugin that copies the result to change it drops it);
 * its JSON is made once, and each socket's frame is the message around it.
 */
export const sharedResult = Symbol('caredesk.sharedResult');

type Shareable = ExecutionResult & { [sharedResult]?: ExecutionResult };

/** The subscriber's copy of a shared result, marked as such when it has no errors to format. */
export function markShared(shared: ExecutionResult): ExecutionResult {
  const copy: Shareable = { ...shared };
  if (!shared.errors) Object.defineProperty(copy, sharedResult, { value: shared, enumerable: false });
  return copy;
}

const serialized = new WeakMap<ExecutionResult, string>();

/** The JSON of a marked copy still as it was handed out (nothing added or replaced), or null. */
function sharedJson(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const shared = (value as Shareable)[sharedResult];
  if (!shared) return null;
  const keys = Object.keys(value);
  if (keys.length !== Object.keys(shared).length) return null;
  for (const key of keys)
    if ((value as Record<string, unknown>)[key] !== (shared as Record<string, unknown>)[key]) return null;
  let json = serialized.get(shared);
  if (json === undefined) {
    json = JSON.stringify(shared);
    serialized.set(shared, json);
  }
  return json;
}

/** What the message holds in place of a shared payload until the socket's send puts it in. */
const marker = '\u0000caredesk-shared-result';
/** The end of a `next` message whose payload is the marker (graphql-ws writes `payload` last). */
const markedEnd = `,"payload":${JSON.stringify(marker)}}`;

/**
 * graphql-ws's hooks and the socket's send, working together: `onNext` keeps a marked result as
 * the message's payload, `jsonMessageReplacer` writes the marker in its place (keeping its JSON),
 * and `send` puts the JSON where the marker ends the message. graphql-ws serializes a message
 * and hands it to the socket in one synchronous step, so the JSON kept is always that message's.
 */
export function sharedFrames() {
  let pending: string | null = null;
  return {
    onNext: (result: ExecutionResult) => ((result as Shareable)[sharedResult] ? result : undefined),
    replacer(this: unknown, key: string, value: unknown): unknown {
      if (key !== 'payload') return value;
      const json = sharedJson(value);
      if (json === null) return value;
      pending = json;
      return marker;
    },
    frame(data: unknown): unknown {
      if (pending === null || typeof data !== 'string' || !data.endsWith(markedEnd)) return data;
      const json = pending;
      pending = null;
      return `${data.slice(0, -markedEnd.length)},"payload":${json}}`;
    },
  };
}
