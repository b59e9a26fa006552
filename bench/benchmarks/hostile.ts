import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { migrate } from '@caredesk/schema/db';
import autocannon from 'autocannon';
import { emptyTarget } from '../../packages/schema/src/testing/test-databases.ts';
import { queryLimits } from '../../packages/server/src/http/query-limits.ts';
import { hostileRequests, hostileSocket, type Outcome, sendOverHttp, sendOverSocket } from '../lib/hostile.ts';
import { type LoopDelays, ms, percentile, sortedNumbers, startTarget, type Target, targetLoop } from '../lib/target.ts';

const queueQuery = '{ queue(first: 20) { edges { node { id displayNumber title priority status } } } }';
const connections = 4;
/** Copies of each document sent alone, to find the stall each one causes. */
const copiesAlone = 10;

interface Normal {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  loop: LoopDelays;
  /** /healthz answer times during the run, ms. */
  health: number[];
}

interface SenderReport {
  sent: number;
  outcomes: Record<string, Record<Outcome, number>>;
  slowestMs: Record<string, number>;
}

/** The normal client: a staff member's queue page, with /healthz asked every 100 ms beside it. */
async function normalLoad(target: Target, token: string, seconds: number): Promise<Normal> {
  await targetLoop(target); // resets the server's loop histogram
  const health: number[] = [];
  let running = true;
  const pinger = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`http://127.0.0.1:${target.info.port}/healthz`).then((r) => r.arrayBuffer());
      health.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const result = await autocannon({
    url: `http://127.0.0.1:${target.info.port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: queueQuery }),
    connections,
    duration: seconds,
  });
  running = false;
  await pinger;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    loop: await targetLoop(target),
    health: sortedNumbers(health),
  };
}

/** Starts bench/hostile-sender.ts in its own process; resolves once it sends, with its report to come. */
async function startSender(port: number, seconds: number): Promise<{ report: Promise<SenderReport> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/hostile-sender.ts', String(port), String(seconds)], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stdout = child.stdout;
  if (!stdout) throw new Error('no stdout');
  const lines = createInterface({ input: stdout })[Symbol.asyncIterator]();
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`hostile sender exited with ${code}`))),
  );
  const nextLine = () => Promise.race([lines.next(), exited]).then((line) => JSON.parse(String(line.value)));
  await nextLine(); // {"ready":true}
  return { report: nextLine() as Promise<SenderReport> };
}

interface Alone {
  name: string;
  transport: string;
  outcomes: Set<Outcome>;
  slowestMs: number;
  loop: LoopDelays;
}

/** Each document alone, {@link copiesAlone} times over each transport: the longest stall it causes. */
async function eachAlone(target: Target): Promise<Alone[]> {
  const rows: Alone[] = [];
  const socket = hostileSocket(target.info.port);
  try {
    for (const request of hostileRequests) {
      for (const transport of ['HTTP', 'WebSocket'] as const) {
        await targetLoop(target);
        const outcomes = new Set<Outcome>();
        let slowestMs = 0;
        for (let i = 0; i < copiesAlone; i++) {
          const started = performance.now();
          outcomes.add(
            transport === 'HTTP'
              ? await sendOverHttp(target.info.port, request)
              : await sendOverSocket(socket, request),
          );
          slowestMs = Math.max(slowestMs, performance.now() - started);
        }
        rows.push({ name: request.name, transport, outcomes, slowestMs, loop: await targetLoop(target) });
      }
    }
  } finally {
    await socket.dispose();
  }
  return rows;
}

/**
 * The hostile documents of issue 16 against the real server (SQLite, demo data): the longest
 * event-loop stall in the server and a normal client's p99, without and with them.
 */
export async function hostile(seconds: number): Promise<string> {
  const { target: database, url, cleanUp } = emptyTarget('sqlite');
  await migrate(database);
  const target = await startTarget(['serve'], { DATABASE_URL: url, BENCH_SEED: '1' });
  try {
    const token = target.info.tokens?.LINE1;
    if (!token) throw new Error('the target did not report a LINE1 token');
    await normalLoad(target, token, 2); // warm-up: JIT, connection pool, token cache
    const quiet = await normalLoad(target, token, seconds);
    const sender = await startSender(target.info.port, seconds);
    const loaded = await normalLoad(target, token, seconds);
    const sent = await sender.report;
    const alone = await eachAlone(target);

    const worstAlone = Math.max(...alone.map((row) => row.loop.maxMs));
    const p99Change = (loaded.p99 - quiet.p99) / Math.max(quiet.p99, 1);
    const normalRow = (name: string, r: Normal) =>
      `| ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${ms(r.loop.maxMs)} | ${ms(r.loop.p99Ms)} | ${ms(percentile(r.health, 99))} / ${ms(r.health.at(-1) ?? Number.NaN)} |`;
    const outcomeText = (counts: Record<string, number>) =>
      Object.entries(counts)
        .map(([outcome, n]) => `${outcome} ×${n}`)
        .join(', ');
    const limits = `tokens ${queryLimits.maxTokens}, depth ${queryLimits.maxDepth} (introspection ${queryLimits.maxIntrospectionDepth}), aliases ${queryLimits.maxAliases}, directives ${queryLimits.maxDirectives}, cost ${queryLimits.maxCost}`;
    return [
      '## Hostile documents: the longest event-loop stall and a normal client beside them',
      '',
      `The real server (SQLite, demo data) in its own process, its event loop sampled every millisecond there`,
      `(\`monitorEventLoopDelay\`; "stall" is the longest delay). Normal client: a LINE1 member's queue page`,
      `\`${queueQuery}\`, ${connections} connections with autocannon for ${seconds} s, /healthz asked every 100 ms`,
      `beside it; first alone, then while bench/hostile-sender.ts (another process, anonymous) sends the documents`,
      'below round and round over two HTTP loops and one graphql-ws connection, each copy with a new comment so',
      `yoga's parse and validation caches never answer for it. Limits: ${limits}.`,
      '',
      '| normal client | requests/s | p50 ms | p99 ms | errors | server stall, max ms | loop delay p99 ms | /healthz p99 / max ms |',
      '|---|---|---|---|---|---|---|---|',
      normalRow('alone', quiet),
      normalRow(`with hostile documents (${sent.sent} sent)`, loaded),
      '',
      `**Longest stall with the hostile documents: ${ms(loaded.loop.maxMs)} ms (goal ≤ 50 ms); normal p99 ${quiet.p99} → ${loaded.p99} ms (${(p99Change * 100).toFixed(0)} %, goal < 20 %).**`,
      '',
      `Each document alone, ${copiesAlone} copies over each transport, nothing else running (worst stall ${ms(worstAlone)} ms):`,
      '',
      '| document | transport | answer | slowest answer ms | server stall, max ms |',
      '|---|---|---|---|---|',
      ...alone.map(
        (row) =>
          `| ${row.name} | ${row.transport} | ${[...row.outcomes].join(', ')} | ${ms(row.slowestMs)} | ${ms(row.loop.maxMs)} |`,
      ),
      '',
      'Answers during the loaded run (per document and transport):',
      '',
      '| document and transport | answers | slowest ms |',
      '|---|---|---|',
      ...Object.entries(sent.outcomes).map(
        ([key, counts]) => `| ${key.replace(' | ', ', ')} | ${outcomeText(counts)} | ${ms(sent.slowestMs[key] ?? 0)} |`,
      ),
    ].join('\n');
  } finally {
    await target.stop();
    await cleanUp();
  }
}
