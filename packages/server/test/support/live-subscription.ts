import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** A payload of a subscription as a client receives it. */
export interface Payload {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
}

/** How a subscription ended, as the client saw it, with everything it received before. */
export interface Ending {
  how: 'complete' | 'error' | 'closed';
  /** The WebSocket close code, when the socket closed. */
  code?: number;
  payloads: Payload[];
}

/** A subscription opened by a real client, observed without sleeps. */
export interface LiveSubscription {
  payloads: Payload[];
  /** Resolves with the first payload (received or to come) that matches. */
  payload(matches?: (payload: Payload) => boolean): Promise<Payload>;
  /** Resolves when the server ends the subscription. */
  ended: Promise<Ending>;
  close(): Promise<void>;
}

function observer() {
  const payloads: Payload[] = [];
  const waiting: { matches: (p: Payload) => boolean; resolve: (p: Payload) => void }[] = [];
  let end!: (ending: Omit<Ending, 'payloads'>) => void;
  const ended = new Promise<Ending>((resolve) => {
    let once = false;
    end = (ending) => {
      if (once) return;
      once = true;
      resolve({ ...ending, payloads });
    };
  });
  return {
    payloads,
    ended,
    end,
    push(payload: Payload) {
      payloads.push(payload);
      for (const w of [...waiting]) {
        if (w.matches(payload)) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve(payload);
        }
      }
    },
    payload(matches: (payload: Payload) => boolean = () => true) {
      const seen = payloads.find(matches);
      return seen ? Promise.resolve(seen) : new Promise<Payload>((resolve) => waiting.push({ matches, resolve }));
    },
  };
}

/**
 * Opens a subscription over graphql-ws (its own connection) with a bearer token, or (token '')
 * with only the upgrade request's `headers` (a browser's cookie and origin). `socket`: more
 * options of the WebSocket, e.g. the `ca` to trust for wss://.
 */
export function subscribeOverWebSocket(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
  socket: WebSocket.ClientOptions = {},
): LiveSubscription {
  const seen = observer();
  class UpgradeWithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { ...socket, headers });
    }
  }
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: UpgradeWithHeaders,
    retryAttempts: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: { closed: (event) => seen.end({ how: 'closed', code: (event as { code: number }).code }) },
  });
  client.subscribe(
    { query, variables },
    {
      next: (value) => seen.push(value as Payload),
      error: () => seen.end({ how: 'error' }),
      complete: () => seen.end({ how: 'complete' }),
    },
  );
  return { payloads: seen.payloads, payload: seen.payload, ended: seen.ended, close: async () => client.dispose() };
}

/** Opens a subscription over server-sent events (a POST with Accept: text/event-stream). */
export function subscribeOverSse(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): LiveSubscription {
  const seen = observer();
  const abort = new AbortController();
  const read = async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      signal: abort.signal,
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return seen.end({ how: 'closed' });
      buffer += decoder.decode(value, { stream: true });
      for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event === 'next' && data) seen.push(JSON.parse(data) as Payload);
        if (event === 'complete') return seen.end({ how: 'complete' });
      }
    }
  };
  read().catch(() => seen.end({ how: 'closed' }));
  return {
    payloads: seen.payloads,
    payload: seen.payload,
    ended: seen.ended,
    close: async () => abort.abort(),
  };
}

/**
 * Calls `poke` every 20 ms until `arrived` resolves: a subscription is registered on the
 * server a moment after it is opened, and an event published before that is not delivered.
 */
export async function until<T>(arrived: Promise<T>, poke: () => unknown): Promise<T> {
  poke();
  const timer = setInterval(poke, 20);
  try {
    return await arrived;
  } finally {
    clearInterval(timer);
  }
}
