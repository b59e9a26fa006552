/**
 * `first`, then everything `source` yields. The source is started (for the event bus: its listener
 * registered) before `first` is handed out, so an event published while `first` is being read
 * still follows it: nothing that happens after the subscription began is missed, and nothing
 * before it either, since `first` is read after.
 */
export function startingWith<T>(first: T, source: AsyncIterable<T>): AsyncIterableIterator<T> {
  const events = source[Symbol.asyncIterator]();
  // Asked for now, answered with the first event; a failure reaches whoever awaits it next.
  let waiting: Promise<IteratorResult<T>> | undefined = events.next();
  waiting.catch(() => {});
  let firstGiven = false;
  const iterator: AsyncIterableIterator<T> = {
    next() {
      if (!firstGiven) {
        firstGiven = true;
        return Promise.resolve({ done: false, value: first });
      }
      const next = waiting ?? events.next();
      waiting = undefined;
      return next;
    },
    async return(value?: unknown) {
      await events.return?.(value);
      return { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      await events.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
