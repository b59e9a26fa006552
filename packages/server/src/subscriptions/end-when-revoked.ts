import { type ExecutionResult, GraphQLError } from 'graphql';
import type { EndReason, OpenSubscription } from './open-subscriptions.ts';

const messages: Record<EndReason, string> = {
  revoked: 'Access was revoked. / Доступ отозван.',
  expired: 'Access expired: sign in again. / Срок доступа истёк: войдите снова.',
};

/** The last result of a subscription whose credential stopped being valid. */
export function accessEndedResult(reason: EndReason): ExecutionResult {
  return {
    errors: [
      new GraphQLError(messages[reason], {
        extensions: { code: 'FORBIDDEN', reason: reason === 'revoked' ? 'ACCESS_REVOKED' : 'ACCESS_EXPIRED' },
      }),
    ],
  };
}

const ended = Symbol('ended');

/**
 * Wraps a subscription's results so that it ends with FORBIDDEN as soon as its credential is
 * revoked or expires: a result that arrives after that is dropped, never delivered. `watch`
 * registers the subscription and calls back when it must end (perhaps at once).
 */
export function endWhenRevoked(
  source: AsyncIterable<ExecutionResult>,
  watch: (onEnd: (reason: EndReason) => void) => OpenSubscription,
): AsyncIterableIterator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  const state: { reason: EndReason | null; wake: (() => void) | null; done: boolean } = {
    reason: null,
    wake: null,
    done: false,
  };
  const open = watch((reason) => {
    state.reason = reason;
    state.wake?.();
  });
  const stopSource = () => {
    state.done = true;
    open.release();
    return iterator.return?.();
  };

  return {
    async next() {
      if (state.done) return { done: true, value: undefined };
      if (state.reason === null) {
        // One waiter per call (not Promise.race on a shared promise, which would pile up reactions).
        const step = await new Promise<IteratorResult<ExecutionResult> | typeof ended>((resolve, reject) => {
          state.wake = () => resolve(ended);
          iterator.next().then(resolve, reject);
        });
        state.wake = null;
        if (step !== ended && state.reason === null) {
          if (step.done) stopSource();
          return step;
        }
      }
      // Ended: drop whatever arrived, stop listening, and say why.
      const reason = state.reason ?? 'revoked';
      stopSource()?.catch(() => {});
      return { done: false, value: accessEndedResult(reason) };
    },
    async return() {
      if (!state.done) await stopSource();
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      if (!state.done) await stopSource();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
