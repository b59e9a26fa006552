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
/**
 * The normal client's pace: a busy desk asking for 50 queue pages a second, about a quarter of what
 * the server serves flat out here. At full speed every extra request would queue behind it, and
 * its p99 would measure saturation, not what the hostile documents cost others.
 */
const normalRate = 50;
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
    overallRate: normalRate,
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
async function startSender(port: number, seconds: number, small: boolean): Promise<{ report: Promise<SenderReport> }> {
  const args = [
    '--import',
    'tsx',
    'bench/hostile-sender.ts',
    String(port),
    String(seconds),
    ...(small ? ['small'] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stdout = child.stdout;
  if (!stdout) throw new Error('no stdout');
  const lines = createInterface({ input: stdout })[Symbol.asyncIterator]();
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`hostile sender exited with ${code}`))),
  );
  exited.catch(() => {}); // only raced against its lines: after the report, it exits as it should
  const nextLine = () => Promise.race([lines.next(), exited]).then((line) => JSON.parse(String(line.value)));
  await nextLine(); // {"ready":true}
  return { report: nextLine() as Promise<SenderReport> };
}

interface Alone {
  name: string;
  transport: string;
  outcomes: Set<Outcome>;
  /** Per copy, sorted: the answer's time at the client, the server's longest delay, its CPU. */
  answerMs: number[];
  stallMs: number[];
  cpuMs: number[];
}

/** Each document alone, {@link copiesAlone} times over each transport: the stall each copy causes. */
async function eachAlone(target: Target): Promise<Alone[]> {
  const rows: Alone[] = [];
  const socket = hostileSocket(target.info.port);
  try {
    // A trivial query first: the stall the machine shows for any request at all.
    for (const request of [{ name: 'baseline: `{ __typename }`', query: '{ __typename }' }, ...hostileRequests]) {
      for (const transport of ['HTTP', 'WebSocket'] as const) {
        const row: Alone = { name: request.name, transport, outcomes: new Set(), answerMs: [], stallMs: [], cpuMs: [] };
        for (let i = 0; i < copiesAlone; i++) {
          await targetLoop(target);
          const started = performance.now();
          row.outcomes.add(
            transport === 'HTTP'
              ? await sendOverHttp(target.info.port, request)
              : await sendOverSocket(socket, request),
          );
          row.answerMs.push(performance.now() - started);
          const loop = await targetLoop(target);
          row.stallMs.push(loop.maxMs);
          row.cpuMs.push(loop.maxCpuMs);
        }
        for (const values of [row.answerMs, row.stallMs, row.cpuMs]) values.sort((a, b) => a - b);
        rows.push(row);
      }
    }
  } finally {
    await socket.dispose();
  }
  return rows;
}

/** How many answers of a sender's run were 429 (the refusal throttle). */
const rateLimited = (report: SenderReport) =>
  Object.values(report.outcomes).reduce((sum, counts) => sum + (counts.RATE_LIMITED ?? 0), 0);

/** The normal client alone and beside the flood, against a server that keeps the per-address refusal throttle. */
async function withThrottleAsDeployed(seconds: number): Promise<{ quiet: Normal; loaded: Normal; sent: SenderReport }> {
  const { target: database, url, cleanUp } = emptyTarget('sqlite');
  await migrate(database);
  const target = await startTarget(['serve'], {
    DATABASE_URL: url,
    BENCH_SEED: '1',
    BENCH_REFUSAL_THROTTLE: 'deployed',
  });
  try {
    const token = target.info.tokens?.LINE1;
    if (!token) throw new Error('the target did not report a LINE1 token');
    await normalLoad(target, token, 2);
    const quiet = await normalLoad(target, token, seconds);
    const sender = await startSender(target.info.port, seconds, false);
    const loaded = await normalLoad(target, token, seconds);
    return { quiet, loaded, sent: await sender.report };
  } finally {
    await target.stop();
    await cleanUp();
  }
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
    const sender = await startSender(target.info.port, seconds, false);
    const loaded = await normalLoad(target, token, seconds);
    const sent = await sender.report;
    // The same without the two bodies of hundreds of KB, whose cost is reading JSON, not GraphQL.
    const smallSender = await startSender(target.info.port, seconds, true);
    const loadedSmall = await normalLoad(target, token, seconds);
    const sentSmall = await smallSender.report;
    // The same client alone once more: on a shared machine the baseline itself moves.
    const quietAfter = await normalLoad(target, token, seconds);
    const alone = await eachAlone(target);
    const deployed = await withThrottleAsDeployed(seconds);

    const median = (sorted: number[]) => percentile(sorted, 50);
    const worstMedian = Math.max(...alone.map((row) => median(row.stallMs)));
    const worstMedianCpu = Math.max(...alone.map((row) => median(row.cpuMs)));
    const p99Change = (loaded.p99 - quiet.p99) / Math.max(quiet.p99, 1);
    const normalRow = (name: string, r: Normal) =>
      `| ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${ms(r.loop.maxMs)} | ${ms(r.loop.maxCpuMs)} | ${ms(r.loop.p99Ms)} | ${ms(percentile(r.health, 99))} / ${ms(r.health.at(-1) ?? Number.NaN)} |`;
    const outcomeText = (counts: Record<string, number>) =>
      Object.entries(counts)
        .map(([outcome, n]) => `${outcome} ×${n}`)
        .join(', ');
    const limits = `length ${queryLimits.maxLength} characters, tokens ${queryLimits.maxTokens} (anonymous ${queryLimits.maxAnonymousTokens}), depth ${queryLimits.maxDepth} (introspection ${queryLimits.maxIntrospectionDepth}), aliases ${queryLimits.maxAliases}, directives ${queryLimits.maxDirectives}, cost ${queryLimits.maxCost}`;
    return [
      '## Hostile documents: the longest event-loop stall and a normal client beside them',
      '',
      `The real server (SQLite, demo data) in its own process, its event loop sampled every millisecond there`,
      '(`monitorEventLoopDelay`; "stall" is the longest delay). On a shared machine a delay also holds the time',
      'the OS gave to other processes, so beside it: the most CPU time the server used between two 1 ms ticks',
      '(its own work; all its threads count, so with database work under way it can exceed the delay). The goal',
      "is judged on the table of each document alone. Normal client: a LINE1 member's queue page",
      `\`${queueQuery}\`, ${normalRate} requests a second over ${connections} connections with autocannon for ${seconds} s (about a quarter of what the server serves flat out: a busy desk, not a saturating load), /healthz asked every 100 ms`,
      `beside it; first alone, then while bench/hostile-sender.ts (another process, anonymous) sends the documents`,
      'below round and round over two HTTP loops and one graphql-ws connection, each copy with a new comment so',
      `yoga's parse and validation caches never answer for it. Limits: ${limits}.`,
      '',
      '| normal client | requests/s | p50 ms | p99 ms | errors | server stall, max ms | of it CPU, max ms | loop delay p99 ms | /healthz p99 / max ms |',
      '|---|---|---|---|---|---|---|---|---|',
      normalRow('alone', quiet),
      normalRow(`with hostile documents (${sent.sent} sent)`, loaded),
      normalRow(`with those under 64 KB (${sentSmall.sent} sent)`, loadedSmall),
      normalRow('alone again, after the floods', quietAfter),
      normalRow('throttle as deployed: alone', deployed.quiet),
      normalRow(
        `throttle as deployed: with hostile documents (${deployed.sent.sent} sent, ${rateLimited(deployed.sent)} answered 429)`,
        deployed.loaded,
      ),
      '',
      `Rows "throttle as deployed": a second server with the per-address throttle of refused documents (\`RATE_LIMIT_REFUSED_IP\`, 30 a minute) in place, as one flooding address meets it; the rows above have it lifted, so that one sending process stands for a flood from many addresses.`,
      '',
      `**Longest stall with the hostile documents: ${ms(loaded.loop.maxMs)} ms, of it CPU at most ${ms(loaded.loop.maxCpuMs)} ms (under 64 KB: ${ms(loadedSmall.loop.maxMs)} / ${ms(loadedSmall.loop.maxCpuMs)} ms; goal ≤ 50 ms; alone ${ms(quiet.loop.maxMs)} / ${ms(quiet.loop.maxCpuMs)} ms); normal p99 ${quiet.p99} → ${loaded.p99} ms (${(p99Change * 100).toFixed(0)} %; under 64 KB ${loadedSmall.p99} ms; goal < 20 %).**`,
      '',
      `Each document alone, ${copiesAlone} copies one after the other over each transport, nothing else running; per copy`,
      `the server's longest delay and the CPU in it, median / max over the copies (worst median: ${ms(worstMedian)} ms, CPU ${ms(worstMedianCpu)} ms):`,
      '',
      '| document | transport | answer | answer ms, median / max | server stall ms, median / max | of it CPU ms, median / max |',
      '|---|---|---|---|---|---|',
      ...alone.map(
        (row) =>
          `| ${row.name} | ${row.transport} | ${[...row.outcomes].join(', ')} | ${ms(median(row.answerMs))} / ${ms(row.answerMs.at(-1) ?? Number.NaN)} | ${ms(median(row.stallMs))} / ${ms(row.stallMs.at(-1) ?? Number.NaN)} | ${ms(median(row.cpuMs))} / ${ms(row.cpuMs.at(-1) ?? Number.NaN)} |`,
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
