import { randomBytes } from 'node:crypto';
import { createDb, migrate } from '@caredesk/schema/db';
import autocannon from 'autocannon';
import { emptyTarget, type Provider } from '../../packages/schema/src/testing/test-databases.ts';
import { ms, startTarget, ticketDbId } from '../lib/target.ts';

const connections = 50;

const submitMutation = `mutation ($input: SubmitTicketInput!) {
  submitTicket(input: $input) {
    __typename
    ... on SubmitTicketPayload { created ticket { id displayNumber } }
    ... on DomainError { code message }
  }
}`;

interface Tally {
  /** Idempotency keys sent, and the ticket ids of the 2xx answers that were a new SubmitTicketPayload. */
  sent: number;
  payloadIds: Set<string>;
  repeatedIds: number;
  notCreated: number;
  domainErrors: Map<string, number>;
  graphqlErrors: Map<string, number>;
  non2xx: number;
}

interface Run {
  tally: Tally;
  marker: string;
  result: autocannon.Result;
}

/**
 * One autocannon run of submitTicket: each request with an idempotency key of its own
 * (`<marker>-<n>`), every answer read and tallied.
 */
async function load(port: number, token: string, options: { duration?: number; amount?: number }): Promise<Run> {
  const marker = `bench${randomBytes(4).toString('hex')}`;
  const tally: Tally = {
    sent: 0,
    payloadIds: new Set(),
    repeatedIds: 0,
    notCreated: 0,
    domainErrors: new Map(),
    graphqlErrors: new Map(),
    non2xx: 0,
  };
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    connections,
    ...options,
    timeout: 30,
    requests: [
      {
        setupRequest: (request) => {
          const key = `${marker}-${++tally.sent}`;
          return {
            ...request,
            body: JSON.stringify({
              query: submitMutation,
              variables: {
                input: {
                  title: `Benchmark ticket ${key}`,
                  description: 'Filed by bench/submit-throughput',
                  idempotencyKey: key,
                },
              },
            }),
          };
        },
        onResponse: (status, body) => {
          if (status < 200 || status >= 300) {
            tally.non2xx++;
            return;
          }
          type Answer = {
            data?: {
              submitTicket?: { __typename: string; created?: boolean; ticket?: { id: string }; code?: string };
            };
            errors?: { message: string }[];
          };
          let answer: Answer;
          try {
            answer = JSON.parse(body) as Answer;
          } catch {
            bump(tally.graphqlErrors, 'unparsable response');
            return;
          }
          const payload = answer.data?.submitTicket;
          if (payload?.__typename === 'SubmitTicketPayload' && payload.ticket) {
            if (!payload.created) tally.notCreated++;
            else if (tally.payloadIds.has(payload.ticket.id)) tally.repeatedIds++;
            else tally.payloadIds.add(payload.ticket.id);
          } else if (payload?.__typename === 'DomainError') bump(tally.domainErrors, payload.code ?? '?');
          else bump(tally.graphqlErrors, answer.errors?.[0]?.message ?? 'no data');
        },
      },
    ],
  });
  return { tally, marker, result };
}

interface ProviderResult {
  provider: Provider;
  run: Run;
  rps: number;
  created: number;
  lost: number;
  extra: number;
  totalTickets: number;
}

async function measure(provider: Provider, seconds: number): Promise<ProviderResult> {
  const { target, url, cleanUp } = emptyTarget(provider);
  await migrate(target);
  const server = await startTarget(['serve'], { DATABASE_URL: url, BENCH_SEED: '1' });
  const db = createDb(target);
  try {
    const token = server.info.tokens?.LINE1;
    if (!token) throw new Error('the target did not report a LINE1 token');
    // Warm up for 2 s, then 2 s more whose rate sets the size of the measured run, which then takes
    // about `seconds` and ends only when every request has its answer (a run cut off by a clock
    // would leave requests in flight that the server may still commit).
    await load(server.info.port, token, { duration: 2 });
    const warm = await load(server.info.port, token, { duration: 2 });
    const warmRate = warm.tally.payloadIds.size / Math.max(warm.result.duration, 0.1);
    const amount = Math.max(connections * 4, Math.round(warmRate * seconds));
    const run = await load(server.info.port, token, { amount });
    const rows = await db.ticket.findMany({
      where: { idempotencyKey: { contains: `:${run.marker}-` } },
      select: { id: true },
    });
    const stored = new Set(rows.map((row) => row.id));
    const answered = new Set([...run.tally.payloadIds].map(ticketDbId));
    return {
      provider,
      run,
      rps: run.result.requests.total / Math.max(run.result.duration, 0.01),
      created: stored.size,
      lost: [...answered].filter((id) => !stored.has(id)).length,
      extra: [...stored].filter((id) => !answered.has(id)).length,
      totalTickets: await db.ticket.count(),
    };
  } finally {
    await server.stop();
    await db.$disconnect();
    await cleanUp();
  }
}

const summary = (map: Map<string, number>) =>
  map.size === 0 ? '0' : [...map].map(([key, count]) => `${count}× ${key.slice(0, 80)}`).join('; ');

/** The reference in the same run: graphql-yoga doing one better-sqlite3 INSERT per mutation, 50 connections. */
async function referenceInsert(seconds: number): Promise<autocannon.Result> {
  const server = await startTarget(['yoga-insert']);
  try {
    let n = 0;
    const marker = randomBytes(4).toString('hex');
    const run = (duration: number) =>
      autocannon({
        url: `http://127.0.0.1:${server.info.port}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        connections,
        duration,
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({
                query: 'mutation ($t: String!, $k: String!) { file(title: $t, key: $k) }',
                variables: { t: 'Benchmark ticket', k: `${marker}-${++n}` },
              }),
            }),
          },
        ],
      });
    await run(2);
    return await run(seconds);
  } finally {
    await server.stop();
  }
}

/** submitTicket under 50 concurrent clients on SQLite and PostgreSQL, with a check that nothing is lost or doubled. */
export async function submitThroughput(seconds: number): Promise<string> {
  const results: ProviderResult[] = [];
  for (const provider of ['sqlite', 'postgresql'] as const) results.push(await measure(provider, seconds));
  const reference = await referenceInsert(seconds);
  const referenceRps = reference.requests.total / Math.max(reference.duration, 0.01);
  const sqliteRps = results.find((r) => r.provider === 'sqlite')?.rps ?? 0;
  const rows = results.map((r) => {
    const t = r.run.tally;
    const ok = r.created === t.payloadIds.size && r.lost === 0 && r.extra === 0 && t.repeatedIds === 0;
    return `| ${r.provider} | ${r.run.result.requests.total} | ${r.run.result.duration.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.run.result.latency.p50} | ${r.run.result.latency.p99} | ${r.run.result.latency.max} | ${t.payloadIds.size} | ${r.created} | ${ok ? 'yes' : '**NO**'} |`;
  });
  const problems = results.flatMap((r) => {
    const t = r.run.tally;
    const lines = [
      t.non2xx ? `${t.non2xx} non-2xx answers` : '',
      r.run.result.errors ? `${r.run.result.errors} connection errors / ${r.run.result.timeouts} timeouts` : '',
      t.domainErrors.size ? `DomainError answers: ${summary(t.domainErrors)}` : '',
      t.graphqlErrors.size ? `GraphQL errors: ${summary(t.graphqlErrors)}` : '',
      t.notCreated ? `${t.notCreated} answers with created: false` : '',
      t.repeatedIds ? `${t.repeatedIds} answers repeating a ticket id` : '',
      r.lost ? `${r.lost} answered tickets missing from the database` : '',
      r.extra ? `${r.extra} stored tickets without a SubmitTicketPayload answer` : '',
    ].filter(Boolean);
    return lines.length ? [`- ${r.provider}: ${lines.join('; ')}.`] : [];
  });
  return [
    '## submitTicket throughput: 50 concurrent clients',
    '',
    `The real server in a child process on a fresh migrated database with the demo studio; autocannon with ${connections}`,
    'connections on 127.0.0.1, each request `submitTicket` with an idempotency key of its own, by a LINE1 token.',
    'After 2 + 2 s of warm-up, the measured run sends as many requests as the second warm-up’s rate gives in',
    `${seconds} s and waits for every answer; requests/s is requests ÷ run time. Then the tickets stored under the`,
    'run’s keys are compared with the 2xx answers that returned a new `SubmitTicketPayload` (same ids: nothing lost,',
    'nothing doubled). The load generator runs on the same 2 cores as the server. The reference, started in the same',
    `run after the two databases: graphql-yoga doing one better-sqlite3 INSERT per mutation, ${connections} connections, ${seconds} s.`,
    '',
    '| database | requests | s | requests/s | p50 ms | p99 ms | max ms | SubmitTicketPayload answers | tickets stored | match |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    `| reference: graphql-yoga + one better-sqlite3 INSERT | ${reference.requests.total} | ${reference.duration.toFixed(1)} | ${referenceRps.toFixed(0)} | ${reference.latency.p50} | ${reference.latency.p99} | ${reference.latency.max} | — | — | — |`,
    '',
    `**Ratio submitTicket on SQLite / the reference: ${(sqliteRps / Math.max(referenceRps, 1)).toFixed(2)} of the throughput (goal ≥ 0.5, p99 under 50 ms).**`,
    '',
    ...(problems.length ? ['Not clean:', ...problems] : ['Every request was answered 2xx with a new ticket.']),
    `Tickets in the database at the end (demo + warm-up + run): ${results.map((r) => `${r.provider} ${r.totalTickets}`).join(', ')}.`,
    `Mean latency: ${results.map((r) => `${r.provider} ${ms(r.run.result.latency.average)} ms`).join(', ')}.`,
  ].join('\n');
}
