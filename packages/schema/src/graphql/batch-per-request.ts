/**
 * Loads a field for every object of a list in one go: the keys asked for in the same tick of
 * one request (graphql-js resolves a list's items synchronously) are loaded together, once.
 * The batch is keyed by the request's context object, so requests never share one.
 */
export function batchPerRequest<K, V>(load: (ctx: object, keys: K[]) => Promise<Map<K, V>>) {
  const pending = new WeakMap<object, { keys: Set<K>; result: Promise<Map<K, V>> }>();
  return (ctx: object, key: K): Promise<V | undefined> => {
    let batch = pending.get(ctx);
    if (!batch) {
      const keys = new Set<K>();
      const result = new Promise<void>((resolve) => queueMicrotask(resolve)).then(() => {
        pending.delete(ctx);
        return load(ctx, [...keys]);
      });
      batch = { keys, result };
      pending.set(ctx, batch);
    }
    batch.keys.add(key);
    return batch.result.then((values) => values.get(key));
  };
}
