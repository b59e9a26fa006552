import type { GraphQLContext, Viewer } from '@caredesk/schema/graphql';
import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  execute,
  GraphQLError,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { markShared } from './shared-frames.ts';

/**
 * Who a subscription's results are computed for, as far as any resolver can tell: the viewer
 * without the time its credential was read, the reader's language, the page's origin and the
 * caller's address. Two subscriptions with the same fingerprint, document and variables get the
 * same answer to an event. It is deliberately no coarser (all LINE1 staff, say): some fields
 * answer for the person asking (who else has the ticket open), and those must never be shared.
 */
export function viewerFingerprint(context: GraphQLContext): string {
  return JSON.stringify([who(context.viewer), context.locale, context.origin, context.clientIp]);
}

function who(viewer: Viewer): unknown[] {
  switch (viewer.kind) {
    case 'anonymous':
      return ['anonymous'];
    case 'staff':
      return [
        'staff',
        viewer.staffId,
        viewer.role,
        viewer.scopes ? [...viewer.scopes].sort() : null,
        viewer.tokenId ?? null,
        viewer.sessionId ?? null,
      ];
    case 'contact':
      return ['contact', viewer.contactId, viewer.organizationId, viewer.authorized, viewer.sessionId];
    case 'visitor':
      return ['visitor', viewer.ticketId, viewer.siteId, viewer.visitorId];
  }
}

/** A number per parsed document: yoga's parse cache hands out one object per text. */
function documentIds() {
  const ids = new WeakMap<DocumentNode, number>();
  let next = 0;
  return (document: DocumentNode) => {
    let id = ids.get(document);
    if (id === undefined) {
      id = ++next;
      ids.set(document, id);
    }
    return id;
  };
}

/** Maps an async iterator lazily; `return()` reaches the source, so a closed subscription stops listening. */
function mapEvents<T, R>(source: AsyncIterator<T>, map: (value: T) => Promise<R>): AsyncIterableIterator<R> {
  const mapped: AsyncIterableIterator<R> = {
    async next() {
      const step = await source.next();
      if (step.done) return { done: true, value: undefined as R };
      return { done: false, value: await map(step.value) };
    },
    async return() {
      await source.return?.();
      return { done: true, value: undefined as R };
    },
    async throw(error: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped;
}

/**
 * Executes an event's selection once per group of subscriptions that would get the same
 * answer (same document, operation, variables and viewer fingerprint), not once per
 * subscription. The event bus hands one payload object to every local subscriber of a topic,
 * so the payload keys a per-event memo that goes with it once delivered. Each subscriber gets
 * its own shallow copy of the shared result (later plugins may replace its errors, never the
 * others'), marked so that its JSON is made once for all (shared-frames.ts). `groupOf` answers
 * null for a context whose results must not be shared.
 */
export function useSharedSubscriptionExecution(
  groupOf: (context: GraphQLContext) => string | null = viewerFingerprint,
): Plugin {
  const documentId = documentIds();
  const executed = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();
  const run = (args: ExecutionArgs, payload: unknown) =>
    Promise.resolve(execute({ ...args, rootValue: payload }) as ExecutionResult | Promise<ExecutionResult>);

  const subscribe = async (args: ExecutionArgs) => {
    const stream = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in stream)) return stream;
    const group = groupOf(args.contextValue as GraphQLContext);
    const key =
      group === null
        ? null
        : JSON.stringify([documentId(args.document), args.operationName ?? null, args.variableValues ?? null, group]);
    return mapEvents(stream[Symbol.asyncIterator](), async (payload) => {
      if (key === null || typeof payload !== 'object' || payload === null) return run(args, payload);
      let forEvent = executed.get(payload);
      if (!forEvent) {
        forEvent = new Map();
        executed.set(payload, forEvent);
      }
      let result = forEvent.get(key);
      if (!result) {
        result = run(args, payload);
        forEvent.set(key, result);
      }
      return markShared(await result);
    });
  };

  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(async (args) => {
        try {
          return await subscribe(args as ExecutionArgs);
        } catch (error) {
          return { errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))] };
        }
      });
    },
  };
}
