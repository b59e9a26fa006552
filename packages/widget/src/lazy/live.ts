// The live part, loaded after the first ticket: graphql-ws and nothing of the initial script
// (a lazy chunk that imported the entry would run it a second time).
import { createClient } from 'graphql-ws';

export interface SocketOptions {
  url: string;
  locale: string;
  onState(state: 'live' | 'reconnecting'): void;
}

/** One subscription on the shared socket, with the credential it runs as. */
export interface Subscription {
  query: string;
  variables: Record<string, unknown>;
  /** A ticket's own access token, or a contact's session: sent with this operation only. */
  token: string;
  onData(data: unknown): void;
}

export interface LiveSocket {
  /** Subscribes over the one socket; returns what ends this subscription. */
  subscribe(subscription: Subscription): () => void;
  dispose(): void;
}

/**
 * One graphql-ws connection for every ticket this browser follows, whatever their tokens:
 * each operation carries its own (`extensions.authorization`). It retries forever with capped,
 * jittered exponential backoff and closes when nothing is followed.
 */
export function connect(options: SocketOptions): LiveSocket {
  const client = createClient({
    url: options.url,
    connectionParams: { locale: options.locale },
    lazy: true,
    lazyCloseTimeout: 1_000,
    keepAlive: 25_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) =>
      new Promise((resolve) => setTimeout(resolve, Math.min(1_000 * 2 ** retries, 30_000) * (0.5 + Math.random() / 2))),
    on: {
      connected: () => options.onState('live'),
      closed: () => options.onState('reconnecting'),
    },
  });
  return {
    subscribe: ({ query, variables, token, onData }) =>
      client.subscribe(
        { query, variables, extensions: { authorization: `Bearer ${token}` } },
        { next: (value) => value.data && onData(value.data), error: () => {}, complete: () => {} },
      ),
    dispose: () => void client.dispose(),
  };
}
