/**
 * Fan-out reads once per event and selection, not once per subscriber. An event bus hands one
 * payload object to every local subscriber of a topic (the in-process bus dispatches it as is;
 * the Redis bus parses each message once), so the payload keys a per-event memo. The key is the
 * Prisma query Pothos built from the subscriber's selection: it already holds whatever the
 * selection filters by the caller (a client's messages without internal notes), so two callers
 * share a read only when they would have read exactly the same thing. Field-level checks and
 * resolvers still run for each subscriber. The memo goes with the payload once delivered.
 */
const reads = new WeakMap<object, Map<string, Promise<unknown>>>();

export function readOncePerEvent<T>(payload: unknown, query: unknown, read: () => Promise<T>): Promise<T> {
  if (typeof payload !== 'object' || payload === null) return read();
  let forEvent = reads.get(payload);
  if (!forEvent) {
    forEvent = new Map();
    reads.set(payload, forEvent);
  }
  const key = JSON.stringify(query);
  let pending = forEvent.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = read();
    forEvent.set(key, pending);
  }
  return pending;
}
