import { spawn } from 'node:child_process';
import { getPriority, setPriority } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { migrate } from '@caredesk/schema/db';
import { emptyTarget } from '../../packages/schema/src/testing/test-databases.ts';
import { queryLimits } from '../../packages/server/src/http/query-limits.ts';
import {
  encodeForHttp,
  encodeForSocket,
  HostileSocket,
  hostileRequests,
  httpAgent,
  type Outcome,
  sendOverHttp,
} from '../lib/hostile.ts';
import { pacedRequests } from '../lib/paced-client.ts';
import {
  type LoopDelays,
  ms,
  percentile,
  sortedNumbers,
  startTarget,
  type Target,
  targetLoop,
  targetMemory,
} from '../lib/target.ts';

const queueQuery = '{ queue(first: 20) { edges { node { id displayNumber title priority status } } } }';
const connections = 4;
/**
 * The normal client's pace: a busy desk asking for 50 queue pages a second, about a quarter of what
 * the server serves flat out here. At full speed every extra request would queue behind it, and
 * its p99 would measure saturation, not what the hostile documents cost others.
 */
const normalRate = 50;
/** Rounds of the normal client alone, then beside the hostile documents and their controls. */
const roundCount = Number(process.env.BENCH_HOSTILE_ROUNDS ?? 5);
/**
 * The paces of the hostile sender, requests a second (BENCH_HOSTILE_RATES): once, twice and four
 * times the desk's own traffic, from a flood of many addresses (from one, the deployed throttle
 * lets 30 refused documents a minute through).
 */
const hostileRates = (process.env.BENCH_HOSTILE_RATES ?? '50,100,200').split(',').map(Number);
const warmUpSeconds = 10;
/**
 * The sending process's niceness (BENCH_SENDER_NICE): it shares the two cores with the server and
 * the normal client, and an attacker's own CPU is elsewhere. At 19 the kernel runs it only when
 * they wait, so a normal answer is not held up by the sender's own work (at 0, sending GET /healthz
 * alone moved the normal p99 by up to +39 %); the server's cost of what it sends stays whole.
 */
const senderNiceness = Number(process.env.BENCH_SENDER_NICE ?? 19);
/**
 * The normal client's niceness while it runs (BENCH_CLIENT_NICE; negative needs root, else it stays
 * at the bench's own): its users sit at other machines, so here its one thread goes first whenever
 * it has an answer to time, and its p99 measures the server rather than its own wait for a core.
 */
const clientNiceness = Number(process.env.BENCH_CLIENT_NICE ?? -5);
/** Sets this thread's niceness (Linux: the calling thread's alone); false when not permitted. */
const niceThisThread = (niceness: number): boolean => {
  try {
    setPriority(0, niceness);
    return true;
  } catch {
    return false;
  }
};
/** Whether the last normal run had its niceness (see the header of the results). */
let clientNiced = false;
/** Copies of each document sent alone, to find the stall each one causes. */
const copiesAlone = 10;

interface Normal {
  rps: number;
  p50: number;
  p99: number;
  /** Every answer's time, ms, sorted: the rounds' are pooled for a p99 over thousands. */
  latencies: number[];
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
  const usual = getPriority(0);
  clientNiced = niceThisThread(clientNiceness);
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
  const result = await pacedRequests({
    port: target.info.port,
    path: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: queueQuery }),
    connections,
    rate: normalRate,
    seconds,
  });
  running = false;
  await pinger;
  niceThisThread(usual);
  return {
    rps: result.rps,
    p50: percentile(result.latencies, 50),
    p99: percentile(result.latencies, 99),
    latencies: result.latencies,
    errors: result.errors,
    loop: await targetLoop(target),
    health: sortedNumbers(health),
  };
}

/** Starts bench/hostile-sender.ts in its own process; resolves once it sends, with its report to come. */
async function startSender(
  port: number,
  seconds: number,
  mode: SenderMode,
  /** Requests a second for the whole sender; none: as fast as the answers come. */
  rate?: number,
): Promise<{ report: Promise<SenderReport> }> {
  const args = [
    '--import',
    'tsx',
    'bench/hostile-sender.ts',
    String(port),
    String(seconds),
    mode,
    ...(rate ? [String(Math.round(rate))] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (senderNiceness && child.pid) setPriority(child.pid, senderNiceness);
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

type SenderMode = 'all' | 'small' | 'ordinary' | 'healthz';

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
  const socket = new HostileSocket(target.info.port);
  const agent = httpAgent();
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
              ? await sendOverHttp(target.info.port, agent, encodeForHttp(request))
              : await socket.send(encodeForSocket(request)),
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
    agent.destroy();
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
    const sender = await startSender(target.info.port, seconds, 'all');
    const loaded = await normalLoad(target, token, seconds);
    return { quiet, loaded, sent: await sender.report };
  } finally {
    await target.stop();
    await cleanUp();
  }
}

/** The normal client's runs of one kind, pooled over the rounds. */
const pooled = (runs: Normal[]) => sortedNumbers(runs.flatMap((r) => r.latencies));
const change = (from: number, to: number) => `${to >= from ? '+' : ''}${(((to - from) / from) * 100).toFixed(0)} %`;

/** A run of the normal client beside a sender, the sender's mode and pace, and what it sent. */
interface Beside {
  normal: Normal;
  sent: SenderReport;
}

/** One round: the normal client alone, then beside each pace of hostile documents and its controls. */
interface Round {
  quiet: Normal;
  /** Per pace (requests a second): the hostile documents, and GET /healthz as often. */
  paced: Map<number, { hostile: Beside; control: Beside }>;
  /** At the highest pace, the widget's viewer query instead: ordinary public GraphQL as often. */
  ordinary: Beside;
  /** As fast as the sender gets answers, and GET /healthz at the rate it reached. */
  flood: Beside;
  floodControl: Beside;
  /** Alone again at the end of the round: what the p99 moves by chance on this machine (an A/A run). */
  quietAgain: Normal;
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
    // Each run starts from a collected heap (the control port's full GC, before the run is timed):
    // otherwise one run's garbage is collected, and its pauses counted, in the next.
    const collected = () => targetMemory(target);
    // Warm-up: JIT, connection pool, token cache (the first seconds of a fresh server run slower),
    // then a first flood beside the client, shown but not counted: the server compiles its refusal
    // paths and the sending process its own code (on the same two cores) in those seconds.
    await normalLoad(target, token, warmUpSeconds);
    // The machine's own noise: the server with nothing sent, its loop sampled as in every run.
    await collected();
    await targetLoop(target);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const idle = await targetLoop(target);
    const warmUpSender = await startSender(target.info.port, warmUpSeconds, 'all');
    const warmUpFlood = await normalLoad(target, token, warmUpSeconds);
    const warmUpSent = await warmUpSender.report;
    // Each kind of run in turns, round after round: on a shared machine the baseline itself moves.
    const rounds: Round[] = [];
    const beside = async (mode: SenderMode, rate?: number): Promise<Beside> => {
      await collected();
      const sender = await startSender(target.info.port, seconds, mode, rate);
      const normal = await normalLoad(target, token, seconds);
      return { normal, sent: await sender.report };
    };
    const top = Math.max(...hostileRates);
    for (let round = 0; round < roundCount; round++) {
      await collected();
      const quiet = await normalLoad(target, token, seconds);
      const paced = new Map<number, { hostile: Beside; control: Beside }>();
      for (const rate of hostileRates) {
        // The control: as many requests a second, each GET /healthz, the cheapest answer there is (no
        // GraphQL, no database). What it moves is the cost of the traffic itself, whatever its content.
        paced.set(rate, { hostile: await beside('all', rate), control: await beside('healthz', rate) });
      }
      const ordinary = await beside('ordinary', top);
      const flood = await beside('all');
      const floodControl = await beside('healthz', flood.sent.sent / seconds);
      await collected();
      const quietAgain = await normalLoad(target, token, seconds);
      rounds.push({ quiet, paced, ordinary, flood, floodControl, quietAgain });
    }
    // The flood without the two bodies of hundreds of KB, whose cost is reading JSON, not GraphQL.
    const small = await beside('small');
    const alone = await eachAlone(target);
    const deployed = await withThrottleAsDeployed(seconds);

    const median = (sorted: number[]) => percentile(sorted, 50);
    const worstMedian = Math.max(...alone.map((row) => median(row.stallMs)));
    const worstMedianCpu = Math.max(...alone.map((row) => median(row.cpuMs)));
    const p99Of = (pick: (r: Round) => Normal) => percentile(pooled(rounds.map(pick)), 99);
    /** The median of the rounds' own p99s: one round that met a bad moment does not decide. */
    const medianP99Of = (pick: (r: Round) => Normal) => percentile(sortedNumbers(rounds.map((r) => pick(r).p99)), 50);
    const quietP99 = p99Of((r) => r.quiet);
    const pacedRun = (r: Round, rate: number) => {
      const run = r.paced.get(rate);
      if (!run) throw new Error(`no run at ${rate} a second`);
      return run;
    };
    const longest = (runs: Normal[]) => {
      const worst = runs.reduce((a, b) => (b.loop.longest.ms > a.loop.longest.ms ? b : a));
      return {
        maxMs: Math.max(...runs.map((r) => r.loop.maxMs)),
        maxCpuMs: Math.max(...runs.map((r) => r.loop.maxCpuMs)),
        /** The longest gap between ticks, and what the loop's thread did in it. */
        gap: worst.loop.longest,
        /** The most the loop's thread ran in any one gap: the longest stall of its own making. */
        maxRunMs: Math.max(...runs.map((r) => r.loop.longest.runMs)),
      };
    };
    const hostileRuns = rounds.flatMap((r) => [
      ...hostileRates.map((rate) => pacedRun(r, rate).hostile.normal),
      r.flood.normal,
    ]);
    const hostileStall = longest(hostileRuns);
    const quietStall = longest(rounds.map((r) => r.quiet));
    const floodRates = rounds.map((r) => Math.round(r.flood.sent.sent / seconds));
    const quietMedianP99 = medianP99Of((r) => r.quiet);
    /** The goal: both the pooled p99 and the median of the rounds' p99s move by less than 20 %. */
    const meetsGoal = (pick: (r: Round) => Normal) =>
      p99Of(pick) < quietP99 * 1.2 && medianP99Of(pick) < quietMedianP99 * 1.2;
    const within = hostileRates.filter((rate) => meetsGoal((r) => pacedRun(r, rate).hostile.normal));
    const floodWithin = meetsGoal((r) => r.flood.normal);
    const sent = rounds[0]?.flood.sent ?? { sent: 0, outcomes: {}, slowestMs: {} };
    const gapText = (gap: LoopDelays['longest']) => `${ms(gap.ms)} (${ms(gap.runMs)} / ${ms(gap.waitMs)})`;
    const normalRow = (name: string, r: Normal) =>
      `| ${name} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.errors} | ${ms(r.loop.maxMs)} | ${ms(r.loop.maxCpuMs)} | ${gapText(r.loop.longest)} | ${ms(r.loop.p99Ms)} | ${ms(percentile(r.health, 99))} / ${ms(r.health.at(-1) ?? Number.NaN)} | ${ms(r.loop.gc.maxMs)} (${ms(r.loop.gc.majorMaxMs)}) | ${ms(r.loop.gc.totalMs)} / ${r.loop.gc.count} |`;
    const pooledRow = (name: string, pick: (r: Round) => Normal) => {
      const runs = rounds.map(pick);
      const all = pooled(runs);
      const gcMs = runs.reduce((sum, r) => sum + r.loop.gc.totalMs, 0) / runs.length;
      const median = medianP99Of(pick);
      return `| ${name} | ${all.length} | ${ms(percentile(all, 50))} | ${ms(percentile(all, 90))} | ${ms(percentile(all, 99))} | ${ms(percentile(all, 99.9))} | ${ms(all.at(-1) ?? Number.NaN)} | ${change(quietP99, percentile(all, 99))} | ${ms(median)} (${change(quietMedianP99, median)}) | ${ms(gcMs / seconds)} |`;
    };
    const outcomeText = (counts: Record<string, number>) =>
      Object.entries(counts)
        .map(([outcome, n]) => `${outcome} ×${n}`)
        .join(', ');
    const limits = `length ${queryLimits.maxLength} characters, tokens ${queryLimits.maxTokens} (anyone but staff ${queryLimits.maxPublicTokens}), depth ${queryLimits.maxDepth} (introspection ${queryLimits.maxIntrospectionDepth}), aliases ${queryLimits.maxAliases}, directives ${queryLimits.maxDirectives}, cost ${queryLimits.maxCost}`;
    return [
      '## Hostile documents: the longest event-loop stall and a normal client beside them',
      '',
      `The real server (SQLite, demo data) in its own process, its event loop sampled every millisecond there`,
      '(`monitorEventLoopDelay`; "stall" is the longest delay). On a shared machine a delay also holds the time',
      'the OS gave to other processes, so beside it: the most CPU time the server used between two 1 ms ticks',
      '(its own work; all its threads count, so with database work under way it can exceed the delay). And the longest',
      "gap between two ticks split by the kernel's account of the loop's own thread (Linux `schedstat`): the time it ran",
      'and the time it was ready but waited for a core. On a virtual machine "ran" also holds time the host gave to other',
      'guests, which the guest cannot see.',
      '',
      `**Normal client**: a LINE1 member's queue page \`${queueQuery}\`, ${normalRate} requests a second, each sent at its time`,
      `whether or not the ones before came back, over ${connections} kept-alive connections (bench/lib/paced-client.ts; times to the microsecond),`,
      `for ${seconds} s: about a quarter of what the server serves flat out, a busy desk. /healthz asked every 100 ms beside it.`,
      clientNiced
        ? `While it runs, its thread is at niceness ${clientNiceness} (BENCH_CLIENT_NICE): its users sit at other machines, so it does not wait here for a core to time an answer that came.`
        : `It runs at the bench's own niceness: BENCH_CLIENT_NICE=${clientNiceness} was not permitted (negative needs root), so its times also hold its own waits for a core.`,
      '',
      `**Hostile sender**: bench/hostile-sender.ts, another process, anonymous but for one document with a made-up token, sends the`,
      'documents below round and round over two kept-alive HTTP connections and one graphql-ws connection, each copy with a',
      "new comment so yoga's parse and validation caches never answer for it. Each body is encoded once and each copy joins",
      "bytes, so the sender takes as little as it can of the two cores it shares with the server (an attacker's own CPU is elsewhere),",
      `and it runs at niceness ${senderNiceness} (BENCH_SENDER_NICE): the kernel gives it a core when the server and the normal client wait.`,
      '',
      `**Runs**, after ${warmUpSeconds} s of warm-up alone and ${warmUpSeconds} s beside a first flood, in ${roundCount} rounds of:`,
      '1. alone;',
      `2. at each pace of ${hostileRates.join(', ')} requests a second: beside the hostile documents, then beside as many GET /healthz (no GraphQL, no database: what the traffic itself costs);`,
      `3. beside the widget's viewer query at ${Math.max(...hostileRates)} a second, a new text each time: ordinary public GraphQL, as often;`,
      '4. beside the hostile documents as fast as the sender gets answers, then as many GET /healthz;',
      '5. alone again: the same run as the first, so the difference between the two is what the p99 moves by chance here.',
      '',
      'Each run starts from a collected heap (a full GC through the control port, before it is timed). The p99 is taken over',
      'all rounds pooled (thousands of answers), and as the median of the rounds’ own p99s; a pace meets the goal when both',
      "move by less than 20 %. The GC column is the server's time in garbage-collection pauses, ms a second: a normal request",
      'that meets a pause waits for it.',
      '',
      `GC columns below: the server's pauses (PerformanceObserver 'gc'). Limits: ${limits}.`,
      '',
      `**Longest stall beside the hostile documents: ${ms(hostileStall.maxMs)} ms; in the longest gap between two ticks (${ms(hostileStall.gap.ms)} ms) the loop's thread ran ${ms(hostileStall.gap.runMs)} ms and waited ${ms(hostileStall.gap.waitMs)} ms for a core, and in no gap did it run more than ${ms(hostileStall.maxRunMs)} ms (goal ≤ 50 ms). Without them: alone ${ms(quietStall.maxMs)} ms (ran at most ${ms(quietStall.maxRunMs)} ms in a gap), and with nothing sent at all ${ms(idle.maxMs)} ms (the thread ran ${ms(idle.longest.runMs)} ms of it and waited ${ms(idle.longest.waitMs)} ms): what this machine's other processes and its host cost the loop. Normal p99 over ${roundCount} rounds pooled, alone ${ms(quietP99)} ms; beside the hostile documents ${hostileRates
        .map(
          (rate) =>
            `at ${rate} a second ${change(
              quietP99,
              p99Of((r) => pacedRun(r, rate).hostile.normal),
            )}`,
        )
        .join(', ')}, flat out (${floodRates.join(', ')} a second) ${change(
        quietP99,
        p99Of((r) => r.flood.normal),
      )}; goal < +20 %, ${within.length ? `met up to ${Math.max(...within)} a second${floodWithin ? ' and flat out' : ''}` : 'met at none of these paces'}. Alone again, the same run later in each round: ${change(
        quietP99,
        p99Of((r) => r.quietAgain),
      )} (what the p99 moves by chance on this machine).**`,
      '',
      '| normal client, all rounds pooled | answers | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | p99 against alone | median of the rounds’ p99, ms (against alone) | server GC, ms a second |',
      '|---|---|---|---|---|---|---|---|---|---|',
      pooledRow('alone', (r) => r.quiet),
      pooledRow('alone again, at the end of each round (the same run: chance)', (r) => r.quietAgain),
      ...hostileRates.flatMap((rate) => [
        pooledRow(`beside the hostile documents, ${rate} a second`, (r) => pacedRun(r, rate).hostile.normal),
        pooledRow(`control: GET /healthz, ${rate} a second`, (r) => pacedRun(r, rate).control.normal),
      ]),
      pooledRow(`control: the widget's viewer query, ${Math.max(...hostileRates)} a second`, (r) => r.ordinary.normal),
      pooledRow('beside the hostile documents, flat out', (r) => r.flood.normal),
      pooledRow('control: GET /healthz at the flood’s rate', (r) => r.floodControl.normal),
      '',
      'Each run:',
      '',
      '| normal client | requests/s | p50 ms | p99 ms | errors | server stall, max ms | of it CPU, max ms | longest gap between ticks, ms (the loop’s thread ran / waited for a core) | loop delay p99 ms | /healthz p99 / max ms | GC pause, longest (full) ms | GC pauses, sum ms / count |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
      `| the server idle, nothing sent (${seconds} s) | – | – | – | – | ${ms(idle.maxMs)} | ${ms(idle.maxCpuMs)} | ${gapText(idle.longest)} | ${ms(idle.p99Ms)} | – | ${ms(idle.gc.maxMs)} (${ms(idle.gc.majorMaxMs)}) | ${ms(idle.gc.totalMs)} / ${idle.gc.count} |`,
      normalRow(`warm-up, not counted: with hostile documents (${warmUpSent.sent} sent)`, warmUpFlood),
      ...rounds.flatMap((r, i) => [
        normalRow(`round ${i + 1}: alone`, r.quiet),
        ...hostileRates.flatMap((rate) => [
          normalRow(
            `round ${i + 1}: hostile documents at ${rate}/s (${pacedRun(r, rate).hostile.sent.sent} sent)`,
            pacedRun(r, rate).hostile.normal,
          ),
          normalRow(`round ${i + 1}: control, GET /healthz at ${rate}/s`, pacedRun(r, rate).control.normal),
        ]),
        normalRow(
          `round ${i + 1}: control, the widget's viewer query at ${Math.max(...hostileRates)}/s`,
          r.ordinary.normal,
        ),
        normalRow(`round ${i + 1}: hostile documents flat out (${r.flood.sent.sent} sent)`, r.flood.normal),
        normalRow(`round ${i + 1}: control, GET /healthz at the flood’s rate`, r.floodControl.normal),
        normalRow(`round ${i + 1}: alone again`, r.quietAgain),
      ]),
      normalRow(`flat out, only those under 64 KB (${small.sent.sent} sent)`, small.normal),
      normalRow('throttle as deployed: alone', deployed.quiet),
      normalRow(
        `throttle as deployed: hostile documents flat out (${deployed.sent.sent} sent, ${rateLimited(deployed.sent)} answered 429)`,
        deployed.loaded,
      ),
      '',
      `Rows "throttle as deployed": a second server with the per-address throttle of refused documents (\`RATE_LIMIT_REFUSED_IP\`, 30 a minute) in place, as one flooding address meets it; the rows above have it lifted, so that one sending process stands for a flood from many addresses.`,
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
      'Answers during the first round’s flood (per document and transport):',
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
