import { randomBytes } from 'node:crypto';
import { migrate } from '@caredesk/schema/db';
import { emptyTarget, type Provider } from '../../packages/schema/src/testing/test-databases.ts';
import { createClient, WebSocket, type WsClient } from '../lib/deps.ts';
import {
  graphql,
  type MemoryReport,
  mib,
  ms,
  percentile,
  sortedNumbers,
  startTarget,
  type Target,
  targetMemory,
  waitFor,
} from '../lib/target.ts';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Sockets opened at once; the next batch starts when this one is acknowledged. */
const batchSize = Number(process.env.BENCH_FANOUT_BATCH ?? 250);
/** Time allowed to connect and subscribe all N, per N; priming and the rounds get a minute more in all. */
const connectBudgetMs = Number(process.env.BENCH_FANOUT_BUDGET_S ?? 120) * 1000;
const totalBudgetMs = connectBudgetMs + 60_000;
const measuredRounds = 3;

const subscription = 'subscription ($id: ID!) { ticketUpdated(id: $id) { id title status } }';
const updateMutation = `mutation ($input: UpdateTicketInput!) {
  updateTicket(input: $input) { __typename ... on DomainError { code message } }
}`;

interface Round {
  title: string;
  delivered: number;
  /** Per subscriber that got the event: ms after the mutation's HTTP response arrived (negative: before it). */
  fromResponse: number[];
  /** The same, from the moment the mutation was sent. */
  fromRequest: number[];
  responseMs: number;
}

interface FanoutResult {
  setup: string;
  n: number;
  connected: number;
  subscribedOnServer: number;
  primed: number;
  connectSeconds: number;
  rounds: Round[];
  before?: MemoryReport;
  after?: MemoryReport;
  problems: string[];
}

interface Setup {
  provider: Provider;
  /** 1: subscribers and mutation on one server; 2: subscribers on B, the mutation to A, events through Redis. */
  instances: 1 | 2;
}

async function fanoutOnce(n: number, setup: Setup): Promise<FanoutResult> {
  const result: FanoutResult = {
    setup:
      setup.instances === 2
        ? `${setup.provider}, 2 instances + Redis`
        : `${setup.provider}, 1 instance, in-process events`,
    n,
    connected: 0,
    subscribedOnServer: 0,
    primed: 0,
    connectSeconds: Number.NaN,
    rounds: [],
    problems: [],
  };
  const { target, url, cleanUp } = emptyTarget(setup.provider);
  await migrate(target);
  const redis: Record<string, string> = setup.instances === 2 ? { BENCH_REDIS_URL: redisUrl } : {};
  const targets: Target[] = [];
  const clients: WsClient[] = [];
  let closing = false;
  const deadline = performance.now() + totalBudgetMs;
  /** The time a wait may take: its own limit, but never past the deadline of this N. */
  const within = (limitMs: number) => Math.max(0, Math.min(limitMs, deadline - performance.now()));
  try {
    const a = await startTarget(['serve'], { DATABASE_URL: url, BENCH_SEED: '1', ...redis });
    targets.push(a);
    const b = setup.instances === 2 ? await startTarget(['serve'], { DATABASE_URL: url, ...redis }) : a;
    if (b !== a) targets.push(b);
    const token = a.info.tokens?.LINE1;
    if (!token) throw new Error('the target did not report a LINE1 token');
    const first = await graphql<{ queue: { edges: { node: { id: string } }[] } }>(
      a.info.port,
      token,
      '{ queue(first: 1) { edges { node { id } } } }',
    );
    const ticketId = first.data?.queue.edges[0]?.node.id;
    if (!ticketId) throw new Error(`no ticket in the queue: ${JSON.stringify(first)}`);
    // Both servers answer once (token lookup, ticket read) before the memory baseline.
    await graphql(b.info.port, token, '{ ticket(id: "x") { id } }').catch(() => {});
    await graphql(b.info.port, token, `{ ticket(id: "${ticketId}") { id title } }`);
    result.before = await targetMemory(b);

    // Per subscriber: whether any event arrived yet (priming), and when the current round's did.
    const primed = new Uint8Array(n);
    const arrivedAt = new Float64Array(n).fill(Number.NaN);
    let current = '';
    let delivered = 0;
    let connected = 0;
    /** Sockets closed while the benchmark still needed them (refused, dropped). */
    let failed = 0;
    const errors = new Map<string, number>();
    const noteError = (error: unknown) => {
      if (closing) return;
      const text =
        error instanceof Error
          ? error.message
          : typeof error === 'object' && error && 'code' in error
            ? `socket closed with ${(error as { code: number }).code}`
            : JSON.stringify(error).slice(0, 120);
      errors.set(text, (errors.get(text) ?? 0) + 1);
    };

    const wsUrl = `ws://127.0.0.1:${b.info.port}/graphql`;
    const connectStarted = performance.now();
    for (let from = 0; from < n; from += batchSize) {
      const to = Math.min(n, from + batchSize);
      for (let i = from; i < to; i++) {
        const client = createClient({
          url: wsUrl,
          webSocketImpl: WebSocket,
          lazy: true,
          retryAttempts: 0,
          connectionParams: { authorization: `Bearer ${token}` },
          on: {
            connected: () => {
              connected++;
            },
            closed: () => {
              if (!closing) failed++;
            },
          },
        });
        clients.push(client);
        client.subscribe(
          { query: subscription, variables: { id: ticketId } },
          {
            next: (value) => {
              const title = (value as { data?: { ticketUpdated?: { title?: string } } }).data?.ticketUpdated?.title;
              if (!title) return noteError(value);
              primed[i] = 1;
              if (title === current && Number.isNaN(arrivedAt[i])) {
                arrivedAt[i] = performance.now();
                delivered++;
              }
            },
            error: noteError,
            complete: () => {},
          },
        );
      }
      const left = connectBudgetMs - (performance.now() - connectStarted);
      const batchDone = await waitFor(() => connected + failed >= to, Math.min(30_000, left));
      if (!batchDone || left <= 0) {
        result.problems.push(
          `connecting stopped at ${connected} of ${n} sockets after ${((performance.now() - connectStarted) / 1000).toFixed(0)} s`,
        );
        break;
      }
    }
    result.connected = connected;
    // The subscription starts on the server a moment after the socket is acknowledged.
    for (let polls = 0; polls < 600; polls++) {
      result.subscribedOnServer = (await targetMemory(b).catch(() => result.before as MemoryReport)).subscriptions;
      if (result.subscribedOnServer >= connected) break;
      if (performance.now() - connectStarted > connectBudgetMs) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    result.connectSeconds = (performance.now() - connectStarted) / 1000;
    if (result.subscribedOnServer < connected)
      result.problems.push(`only ${result.subscribedOnServer} of ${connected} subscriptions started on the server`);

    result.connected = connected;
    const publish = async (title: string) => {
      const answer = await graphql<{ updateTicket: { __typename: string } }>(a.info.port, token, updateMutation, {
        input: { ticketId, title },
      });
      if (answer.data?.updateTicket.__typename !== 'TicketPayload')
        throw new Error(`updateTicket failed: ${JSON.stringify(answer)}`);
    };
    const roundTimeoutMs = 10_000 + connected * 3;

    // Priming: an event to everyone until every subscriber has had one (Redis subscriptions start late).
    for (let attempt = 1; attempt <= 5 && connected > 0 && within(1) > 0; attempt++) {
      current = `prime ${attempt} ${randomBytes(3).toString('hex')}`;
      await publish(current);
      const countPrimed = () => primed.reduce((sum, p) => sum + p, 0);
      await waitFor(() => countPrimed() >= connected, within(roundTimeoutMs), 20);
      result.primed = countPrimed();
      if (result.primed >= connected) break;
    }
    if (result.primed < connected)
      result.problems.push(`only ${result.primed} of ${connected} subscribers got an event`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    result.after = await targetMemory(b);

    for (let round = 1; round <= measuredRounds && result.primed > 0; round++) {
      if (within(1) === 0) {
        result.problems.push(`stopped before round ${round}: over the time budget of ${totalBudgetMs / 1000} s`);
        break;
      }
      arrivedAt.fill(Number.NaN);
      delivered = 0;
      current = `round ${round} ${randomBytes(3).toString('hex')}`;
      const sent = performance.now();
      await publish(current);
      const answered = performance.now();
      const complete = await waitFor(() => delivered >= result.primed, within(roundTimeoutMs), 5);
      const fromResponse: number[] = [];
      const fromRequest: number[] = [];
      for (const at of arrivedAt) {
        if (Number.isNaN(at)) continue;
        fromResponse.push(at - answered);
        fromRequest.push(at - sent);
      }
      result.rounds.push({
        title: current,
        delivered,
        fromResponse: sortedNumbers(fromResponse),
        fromRequest: sortedNumbers(fromRequest),
        responseMs: answered - sent,
      });
      if (!complete) result.problems.push(`round ${round}: ${delivered} of ${result.primed} delivered in time`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    if (failed > 0) result.problems.push(`${failed} sockets closed before the end`);
    if (errors.size > 0)
      result.problems.push(
        `subscriber errors: ${[...errors].map(([text, count]) => `${count}× ${text.slice(0, 100)}`).join('; ')}`,
      );
    return result;
  } catch (error) {
    result.problems.push(`failed: ${(error as Error).message}`);
    return result;
  } finally {
    closing = true;
    await Promise.all(targets.map((t) => t.stop()));
    for (const client of clients) void Promise.resolve(client.dispose()).catch(() => {});
    await cleanUp().catch(() => {});
  }
}

function table(results: FanoutResult[]): string[] {
  const rows = results.map((r) => {
    const fromResponse = sortedNumbers(r.rounds.flatMap((round) => round.fromResponse));
    const fromRequest = sortedNumbers(r.rounds.flatMap((round) => round.fromRequest));
    const lastPerRound = r.rounds.map((round) =>
      ms(round.fromResponse[round.fromResponse.length - 1] ?? Number.NaN, 0),
    );
    const delivered = r.rounds.map((round) => round.delivered).join(' / ');
    const memory =
      r.before && r.after
        ? `${mib(r.before.rss)} → ${mib(r.after.rss)} | ${((r.after.rss - r.before.rss) / Math.max(r.connected, 1) / 1024).toFixed(1)} | ${((r.after.heapUsed - r.before.heapUsed) / Math.max(r.connected, 1) / 1024).toFixed(1)}`
        : 'n/a | n/a | n/a';
    return `| ${r.setup} | ${r.n.toLocaleString('en')} | ${r.connected.toLocaleString('en')} | ${ms(r.connectSeconds)} | ${delivered || 'none'} | ${ms(percentile(fromResponse, 50))} | ${ms(percentile(fromResponse, 99))} | ${lastPerRound.join(' / ') || 'n/a'} | ${ms(percentile(fromRequest, 50))} / ${ms(fromRequest[fromRequest.length - 1] ?? Number.NaN)} | ${r.rounds.map((round) => ms(round.responseMs, 0)).join(' / ') || 'n/a'} | ${memory} |`;
  });
  const notes = results.flatMap((r) =>
    r.problems.length ? [`- ${r.setup}, N = ${r.n.toLocaleString('en')}: ${r.problems.join('; ')}.`] : [],
  );
  return [
    '| setup | N | connected | connect + subscribe s | delivered per round | p50 ms | p99 ms | last subscriber ms, per round | from request sent: p50 / max ms | mutation answered in ms | server RSS MiB before → after | RSS KiB per connection | heap KiB per connection |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    ...(notes.length ? ['Problems:', ...notes] : ['Every subscriber got every event.']),
  ];
}

const method = [
  `One graphql-ws client (one socket) per subscriber, all subscribed to \`ticketUpdated\` of one ticket with a LINE1 token;`,
  `sockets opened in batches of ${batchSize}. After every subscriber has had a priming event, ${measuredRounds} measured rounds: an`,
  '`updateTicket` title change over HTTP, then the time until each subscriber has the new title. Latencies are measured',
  'from the mutation’s HTTP response (negative: the event came first) and pooled over the rounds; the last-subscriber',
  'figure is the max of each round. Server memory comes from its control port after a forced full GC, before the first',
  'socket and after all subscribed. The clients run in the benchmark process, sharing the 2 cores with the server(s).',
  'The server that takes the mutation publishes before it answers, and the same event loop then works through the',
  'fan-out, so with many local subscribers the answer itself waits: read "from request sent" too.',
];

/** N sockets subscribed to one ticket on one server (SQLite, in-process event bus). */
export async function fanout(sizes: number[]): Promise<string> {
  const results: FanoutResult[] = [];
  for (const n of sizes) results.push(await fanoutOnce(n, { provider: 'sqlite', instances: 1 }));
  return [
    '## Fan-out: one ticket’s update to N subscribers on one server (SQLite)',
    '',
    ...method,
    '',
    ...table(results),
  ].join('\n');
}

/** The same across two instances on one PostgreSQL schema: subscribers on B, the mutation to A, events through Redis. */
export async function fanoutAcrossInstances(sizes: number[]): Promise<string> {
  const results: FanoutResult[] = [];
  for (const n of sizes) results.push(await fanoutOnce(n, { provider: 'postgresql', instances: 2 }));
  // The same on a single PostgreSQL instance without Redis, to tell Redis's share from PostgreSQL's.
  const reference = Math.min(...sizes);
  results.push(await fanoutOnce(reference, { provider: 'postgresql', instances: 1 }));
  return [
    '## Fan-out across two instances (PostgreSQL + Redis)',
    '',
    `Two server processes on one PostgreSQL schema with REDIS_URL=${redisUrl}: every subscriber on instance B, the`,
    'mutation sent to instance A, so each event goes A → Redis → B → N sockets. Memory is instance B’s. The last row is',
    'one instance on the same kind of database without Redis, for comparison.',
    '',
    ...method,
    '',
    ...table(results),
  ].join('\n');
}
