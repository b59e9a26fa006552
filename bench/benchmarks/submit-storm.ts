import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { createDb, migrate } from '@caredesk/schema/db';
import { emptyTarget, type Provider } from '../../packages/schema/src/testing/test-databases.ts';
import { startTarget, ticketDbId } from '../lib/target.ts';

const submitMutation = `mutation ($input: SubmitTicketInput!) {
  submitTicket(input: $input) { __typename ... on SubmitTicketPayload { created ticket { id } } ... on DomainError { code } }
}`;

type Outcome =
  | { kind: 'ticket'; id: string; created: boolean }
  | { kind: 'busy'; retryAfterSeconds: number }
  | { kind: 'other'; what: string };

/** One submitTicket on a connection of its own (an outage storm is many clients, not one keep-alive pool). */
function submit(port: number, token: string, key: string): Promise<{ outcome: Outcome; ms: number }> {
  const started = performance.now();
  const body = JSON.stringify({
    query: submitMutation,
    variables: {
      input: { title: `Сайт не открывается (${key})`, description: 'Filed by bench/submit-storm', idempotencyKey: key },
    },
  });
  return new Promise((resolve) => {
    const done = (outcome: Outcome) => resolve({ outcome, ms: performance.now() - started });
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => {
          try {
            const answer = JSON.parse(text) as {
              data?: {
                submitTicket?: { __typename: string; created?: boolean; ticket?: { id: string }; code?: string };
              };
              errors?: { message: string; extensions?: { code?: string; retryAfterSeconds?: number } }[];
            };
            const payload = answer.data?.submitTicket;
            const error = answer.errors?.[0];
            if (payload?.ticket) done({ kind: 'ticket', id: payload.ticket.id, created: payload.created === true });
            else if (error?.extensions?.code === 'BUSY')
              done({ kind: 'busy', retryAfterSeconds: error.extensions.retryAfterSeconds ?? 1 });
            else
              done({
                kind: 'other',
                what: `${res.statusCode} ${payload?.code ?? error?.message ?? text.slice(0, 60)}`,
              });
          } catch {
            done({ kind: 'other', what: `${res.statusCode} unparsable` });
          }
        });
      },
    );
    req.on('error', (error) => done({ kind: 'other', what: error.message }));
    req.end(body);
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

interface StormResult {
  provider: Provider;
  n: number;
  firstWave: {
    tickets: number;
    busy: number;
    other: Map<string, number>;
    p50: number;
    p99: number;
    max: number;
    seconds: number;
  };
  rounds: number;
  filed: number;
  untyped: number;
  secondsToAllFiled: number;
  stored: number;
  duplicates: number;
  lost: number;
}

async function storm(provider: Provider, n: number): Promise<StormResult> {
  const { target, url, cleanUp } = emptyTarget(provider);
  await migrate(target);
  const server = await startTarget(['serve'], { DATABASE_URL: url, BENCH_SEED: '1' });
  const db = createDb(target);
  try {
    const token = server.info.tokens?.LINE1 ?? '';
    const marker = `storm${randomBytes(4).toString('hex')}`;
    const keys = Array.from({ length: n }, (_, i) => `${marker}-${i}`);
    const ids = new Map<string, string>();
    const other = new Map<string, number>();
    let untyped = 0;
    let pending = keys;
    let rounds = 0;
    let firstWave: StormResult['firstWave'] | undefined;
    const started = performance.now();
    // Every client sends at once, then sends again what was answered BUSY after retryAfterSeconds.
    while (pending.length > 0 && rounds < 30) {
      rounds++;
      const waveStarted = performance.now();
      const answers = await Promise.all(pending.map((key) => submit(server.info.port, token, key)));
      const busy: string[] = [];
      let wait = 1;
      answers.forEach(({ outcome }, i) => {
        const key = pending[i] as string;
        if (outcome.kind === 'ticket') ids.set(key, outcome.id);
        else if (outcome.kind === 'busy') {
          busy.push(key);
          wait = Math.max(wait, outcome.retryAfterSeconds);
        } else {
          untyped++;
          other.set(outcome.what, (other.get(outcome.what) ?? 0) + 1);
          busy.push(key); // sent again all the same: nothing may be lost
        }
      });
      if (!firstWave) {
        const latencies = answers.map((a) => a.ms);
        firstWave = {
          tickets: answers.filter((a) => a.outcome.kind === 'ticket').length,
          busy: answers.filter((a) => a.outcome.kind === 'busy').length,
          other: new Map(other),
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
          max: Math.max(...latencies),
          seconds: (performance.now() - waveStarted) / 1000,
        };
      }
      pending = busy;
      if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    }
    const secondsToAllFiled = (performance.now() - started) / 1000;
    const rows = await db.ticket.findMany({
      where: { idempotencyKey: { contains: `:${marker}-` } },
      select: { id: true, idempotencyKey: true },
    });
    const stored = new Set(rows.map((row) => row.id));
    const answered = new Set([...ids.values()].map(ticketDbId));
    return {
      provider,
      n,
      firstWave: firstWave as StormResult['firstWave'],
      rounds,
      filed: ids.size,
      untyped,
      secondsToAllFiled,
      stored: rows.length,
      duplicates: rows.length - new Set(rows.map((row) => row.idempotencyKey)).size,
      lost: [...answered].filter((id) => !stored.has(id)).length,
    };
  } finally {
    await server.stop();
    await db.$disconnect();
    await cleanUp();
  }
}

/** N submitTicket at once (an outage: every client's monitoring and visitors report together), on SQLite and PostgreSQL. */
export async function submitStorm(n: number, providers: Provider[]): Promise<string> {
  const results: StormResult[] = [];
  for (const provider of providers) results.push(await storm(provider, n));
  const rows = results.map((r) => {
    const w = r.firstWave;
    const clean = r.filed === r.n && r.stored === r.n && r.duplicates === 0 && r.lost === 0 && r.untyped === 0;
    return `| ${r.provider} | ${r.n} | ${w.tickets} | ${w.busy} | ${r.untyped} | ${w.p50.toFixed(0)} / ${w.p99.toFixed(0)} / ${w.max.toFixed(0)} | ${w.seconds.toFixed(1)} | ${r.rounds} | ${r.secondsToAllFiled.toFixed(1)} | ${r.stored} | ${r.duplicates} | ${clean ? 'yes' : '**NO**'} |`;
  });
  const others = results.flatMap((r) =>
    r.untyped
      ? [`- ${r.provider}: ${[...r.firstWave.other].map(([what, count]) => `${count}× ${what}`).join('; ')}`]
      : [],
  );
  return [
    `## An outage storm: ${n} submitTicket at once`,
    '',
    `The real server in a child process (default pool and timeouts) on a fresh migrated database with the demo studio.`,
    `${n} clients, each on a connection of its own, send \`submitTicket\` with a key of their own at the same moment,`,
    'by a LINE1 token. Every answer must be a ticket or the typed, retryable `BUSY`; the clients answered BUSY send the',
    'same request again after `retryAfterSeconds`, until all are filed. Then the stored tickets under the run’s keys',
    'are counted: each key once, every answered ticket stored. The clients run on the same 2 cores as the server.',
    '',
    '| database | at once | tickets in the first wave | BUSY in the first wave | neither (untyped) | first wave p50 / p99 / max ms | first wave s | waves | s until all filed | stored | doubled | clean |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    ...(others.length ? ['', 'Answers that were neither a ticket nor BUSY:', ...others] : []),
  ].join('\n');
}
