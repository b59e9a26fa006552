// The live part, loaded after the first ticket: graphql-ws and nothing of the initial script
// (a lazy chunk that imported the entry would run it a second time).
import { createClient } from 'graphql-ws';

export interface Follow {
  url: string;
  token: string;
  locale: string;
  query: string;
  variables: Record<string, unknown>;
  onData(data: unknown): void;
  onState(state: 'live' | 'reconnecting'): void;
  /** After a reconnect: fetch what changed while the socket was down. */
  onReconnected(): void;
}

/** Subscribes over graphql-ws, retrying forever with capped, jittered exponential backoff. */
export function follow(options: Follow): () => void {
  // Every connection after the first is a reconnect (not only those graphql-ws counts as retries).
  let connectedBefore = false;
  const client = createClient({
    url: options.url,
    connectionParams: { authorization: `Bearer ${options.token}`, locale: options.locale },
    lazy: false,
    keepAlive: 25_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) =>
      new Promise((resolve) => setTimeout(resolve, Math.min(1_000 * 2 ** retries, 30_000) * (0.5 + Math.random() / 2))),
    on: {
      connected: () => {
        options.onState('live');
        if (connectedBefore) options.onReconnected();
        connectedBefore = true;
      },
      closed: () => options.onState('reconnecting'),
    },
  });
  const stop = client.subscribe(
    { query: options.query, variables: options.variables },
    { next: (value) => value.data && options.onData(value.data), error: () => {}, complete: () => {} },
  );
  return () => {
    stop();
    void client.dispose();
  };
}
