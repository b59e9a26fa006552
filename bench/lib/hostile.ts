// The hostile documents of issue 16 and how to send one, over HTTP or over graphql-ws: shared by
// the benchmark and by bench/hostile-sender.ts, the process that sends them under load.

import { Agent, request as httpRequest } from 'node:http';
import { hostileDocuments, worstAccepted } from '../../packages/server/test/support/hostile-documents.ts';
import { WebSocket, type WsSocket } from './deps.ts';

export interface HostileRequest {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Sent as `Authorization` (over WebSocket, as the operation's `extensions.authorization`). */
  authorization?: string;
}

const times = (n: number, part: (i: number) => string) => Array.from({ length: n }, (_, i) => part(i)).join(' ');

const worst = worstAccepted();

/** The refused documents of the test suite, the 20,000 ids as variables, and the worst documents the limits let through. */
export const hostileRequests: HostileRequest[] = [
  ...hostileDocuments.map(({ name, query }) => ({ name, query })),
  {
    name: '20,000 made-up ids in nodes(ids: $ids)',
    query: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
    variables: { ids: Array.from({ length: 20_000 }, (_, i) => Buffer.from(`Ticket:made-up-${i}`).toString('base64')) },
  },
  // graphql-js compares same-named fields pairwise: the worst case within the staff limit (1,000
  // tokens: ~23 ms of CPU each), which anyone else is refused (250 tokens) before it is parsed…
  {
    name: `249 × viewer { kind }: 998 tokens (over the public limit)`,
    query: `{ ${times(249, () => 'viewer { kind }')} }`,
  },
  // …even with a credential that is not one (its mere presence once raised the limit to staff's).
  {
    name: '249 × viewer { kind } with a made-up token',
    query: `{ ${times(249, () => 'viewer { kind }')} }`,
    authorization: `Bearer cdk_${'x'.repeat(43)}`,
  },
  // Accepted: the worst cases within the public limit (4 tokens a field, 12 a fragment and its spread).
  {
    name: `accepted: ${worst.fields} × viewer { kind }`,
    query: worst.manyFields(),
  },
  { name: `accepted: ${worst.fragments} fragments spread side by side`, query: worst.manyFragments },
];

/** What came back: the first error's code, `data`, an HTTP status or a socket's close code. */
export type Outcome = string;

const outcomeOf = (answer: { data?: unknown; errors?: { extensions?: { code?: string } }[] }): Outcome =>
  answer.errors?.[0]?.extensions?.code ?? (answer.errors?.length ? 'error without code' : 'data');

/** Where each copy's number goes in an encoded request (escaped by JSON as `\u0000copy\u0000`). */
const slot = '\u0000copy\u0000';
const slotInJson = JSON.stringify(slot).slice(1, -1);

/**
 * A request as the bytes around the places where each copy's number goes. Every copy carries a new
 * comment, so yoga's parse and validation caches never answer for it; sending one joins bytes
 * instead of encoding up to 900 KB of JSON again. The sender shares two cores with the server and
 * the normal client: what it spends there is not what an attacker's own machine would spend.
 */
export interface EncodedRequest {
  name: string;
  authorization?: string;
  parts: Buffer[];
}

const encodeAround = (value: unknown): Buffer[] =>
  JSON.stringify(value)
    .split(slotInJson)
    .map((part) => Buffer.from(part));

/** The body of a POST /graphql, `{query, variables}`, the query ending in `# <copy>`. */
export const encodeForHttp = (request: HostileRequest): EncodedRequest => ({
  name: request.name,
  ...(request.authorization ? { authorization: request.authorization } : {}),
  parts: encodeAround({ query: `${request.query}\n# ${slot}`, variables: request.variables ?? {} }),
});

/** A graphql-ws `subscribe` message, its id the copy's number (its credential in `extensions`). */
export const encodeForSocket = (request: HostileRequest): EncodedRequest => ({
  name: request.name,
  parts: encodeAround({
    id: slot,
    type: 'subscribe',
    payload: {
      query: `${request.query}\n# ${slot}`,
      variables: request.variables ?? {},
      ...(request.authorization ? { extensions: { authorization: request.authorization } } : {}),
    },
  }),
});

/** The bytes of one copy: the parts joined by the copy's number. */
export function copyOf(request: EncodedRequest, copy: number): Buffer {
  const number = Buffer.from(String(copy));
  return Buffer.concat(request.parts.flatMap((part, i) => (i === 0 ? [part] : [number, part])));
}

let copies = 0;

/** One request over HTTP (node:http, kept-alive through `agent`), anonymous unless it names a credential. */
export function sendOverHttp(
  port: number,
  agent: Agent,
  request: EncodedRequest,
  timeoutMs = 60_000,
): Promise<Outcome> {
  const body = copyOf(request, copies++);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const sent = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': body.length,
          ...(request.authorization ? { authorization: request.authorization } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', () => settle('network error'));
        response.on('end', () => {
          try {
            settle(outcomeOf(JSON.parse(Buffer.concat(chunks).toString())));
          } catch {
            settle(`HTTP ${response.statusCode}`);
          }
        });
      },
    );
    // A body refused while it is still being sent ends the connection: the answer came first.
    sent.on('error', () => settle('network error'));
    sent.setTimeout(timeoutMs, () => {
      settle('timeout');
      sent.destroy();
    });
    sent.end(body);
  });
}

/** A kept-alive agent for {@link sendOverHttp}: one connection, so a loop sends one request at a time. */
export const httpAgent = () => new Agent({ keepAlive: true, maxSockets: 1 });

/**
 * An anonymous graphql-ws connection (protocol `graphql-transport-ws`) spoken directly over `ws`,
 * opened with the first operation and again after the server closes it (a 1009 for a message too large).
 */
export class HostileSocket {
  private socket: Promise<WsSocket> | undefined;
  private readonly waiting = new Map<string, (outcome: Outcome) => void>();

  constructor(private readonly port: number) {}

  /** One operation: its first result, its error, or the code the socket closed with. */
  async send(request: EncodedRequest, timeoutMs = 60_000): Promise<Outcome> {
    const copy = copies++;
    const socket = await this.open();
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle('timeout'), timeoutMs);
      const settle = (outcome: Outcome) => {
        clearTimeout(timer);
        this.waiting.delete(String(copy));
        resolve(outcome);
      };
      this.waiting.set(String(copy), settle);
      socket.send(copyOf(request, copy));
    });
  }

  async dispose(): Promise<void> {
    const socket = await this.socket?.catch(() => undefined);
    socket?.close(1000);
  }

  private open(): Promise<WsSocket> {
    this.socket ??= new Promise<WsSocket>((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${this.port}/graphql`, 'graphql-transport-ws');
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as { id?: string; type: string; payload?: unknown };
        if (message.type === 'connection_ack') return resolve(socket);
        const settle = message.id === undefined ? undefined : this.waiting.get(message.id);
        if (!settle) return;
        if (message.type === 'next') settle(outcomeOf(message.payload as Parameters<typeof outcomeOf>[0]));
        else if (message.type === 'error') settle(outcomeOf({ errors: message.payload as [] }));
        else if (message.type === 'complete') settle('complete');
      });
      socket.on('error', reject);
      socket.on('close', (code: number) => {
        this.socket = undefined;
        for (const settle of [...this.waiting.values()]) settle(`socket closed ${code}`);
        reject(new Error(`socket closed ${code}`));
      });
    });
    return this.socket;
  }
}
