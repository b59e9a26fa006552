// The hostile documents of issue 16 and how to send one, over HTTP or over graphql-ws: shared by
// the benchmark and by bench/hostile-sender.ts, the process that sends them under load.
import { queryLimits } from '../../packages/server/src/http/query-limits.ts';
import { hostileDocuments } from '../../packages/server/test/support/hostile-documents.ts';
import { createClient, WebSocket, type WsClient } from './deps.ts';

export interface HostileRequest {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Sent as `Authorization` (over WebSocket, as the operation's `extensions.authorization`). */
  authorization?: string;
}

const times = (n: number, part: (i: number) => string) => Array.from({ length: n }, (_, i) => part(i)).join(' ');

const worstFields = Math.floor((queryLimits.maxPublicTokens - 2) / 4);
const worstFragments = Math.floor((queryLimits.maxPublicTokens - 2) / 12);

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
    name: `accepted: ${worstFields} × viewer { kind }`,
    query: `{ ${times(worstFields, () => 'viewer { kind }')} }`,
  },
  {
    name: `accepted: ${worstFragments} fragments spread side by side`,
    query: `{ ${times(worstFragments, (i) => `...V${i}`)} } ${times(worstFragments, (i) => `fragment V${i} on Query { viewer { kind } }`)}`,
  },
];

let sequence = 0;
/** A comment makes each copy a new string, so yoga's parse and validation caches do not answer for it. */
const fresh = (query: string) => `${query}\n# ${sequence++}`;

/** What came back: the first error's code, `data`, an HTTP status or a socket's close code. */
export type Outcome = string;

const outcomeOf = (answer: { data?: unknown; errors?: { extensions?: { code?: string } }[] }): Outcome =>
  answer.errors?.[0]?.extensions?.code ?? (answer.errors?.length ? 'error without code' : 'data');

/** One request over HTTP, anonymous unless it names a credential. */
export async function sendOverHttp(port: number, request: HostileRequest, timeoutMs = 60_000): Promise<Outcome> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(request.authorization ? { authorization: request.authorization } : {}),
      },
      body: JSON.stringify({ query: fresh(request.query), variables: request.variables ?? {} }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    try {
      return outcomeOf(JSON.parse(text));
    } catch {
      return `HTTP ${response.status}`;
    }
  } catch (error) {
    return error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network error';
  }
}

/** An anonymous graphql-ws connection for {@link sendOverSocket}, kept open between operations. */
export function hostileSocket(port: number): WsClient {
  return createClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    // Opened with the first operation, then kept: the operations go one after the other.
    lazy: true,
    lazyCloseTimeout: 600_000,
  });
}

/** One operation over an open graphql-ws connection: its first result or error. */
export function sendOverSocket(client: WsClient, request: HostileRequest, timeoutMs = 60_000): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      resolve(outcome);
    };
    const timer = setTimeout(() => settle('timeout'), timeoutMs);
    const unsubscribe = client.subscribe(
      {
        query: fresh(request.query),
        variables: request.variables ?? {},
        ...(request.authorization ? { extensions: { authorization: request.authorization } } : {}),
      },
      {
        next: (value) => settle(outcomeOf(value as { errors?: { extensions?: { code?: string } }[] })),
        error: (error) =>
          settle(
            Array.isArray(error)
              ? outcomeOf({ errors: error })
              : typeof error === 'object' && error && 'code' in error
                ? `socket closed ${(error as { code: number }).code}`
                : 'socket error',
          ),
        complete: () => settle('complete'),
      },
    );
  });
}
