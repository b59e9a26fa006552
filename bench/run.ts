// pnpm bench [name…] [--dry-run]: runs every benchmark, or the ones named, and rewrites each one's
// own section of bench/RESULTS.md (with its date, machine and load) as soon as it finishes; the
// other sections stay. --dry-run only prints.
// BENCH_SECONDS sets the measuring time of each load run (default 10).
// Names: overhead, submit, submit-storm (BENCH_STORM_N, default 500; BENCH_STORM_DATABASES, default sqlite,postgresql), queue, hostile (the hostile documents of issue 16 beside a normal client), young-garbage (BENCH_YOUNG_RUNS, default 20000: what finished operations leave to the young-generation collector), fanout, fanout-redis, sla (BENCH_SLA_TICKETS, default 100000), monthly-report (BENCH_REPORT_TICKETS, default 300), monitoring (BENCH_MONITOR_SECONDS, default 120; BENCH_MONITOR_DATABASES, default sqlite,postgresql). Fan-out sizes: BENCH_FANOUT_N (default
// 1000,10000) and BENCH_FANOUT_REDIS_N (default 1000,10000); BENCH_QUEUE_TICKETS (default 100000);
// console-queue: BENCH_CONSOLE_QUEUE_TICKETS (default 1000); console-monitoring: BENCH_BOARD_MONITORS (default 2000);
// console-statistics: BENCH_STATS_CLIENTS (default 1000) clients with BENCH_STATS_TICKETS (default 15) tickets each.
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { consoleLive } from './benchmarks/console-live.ts';
import { consoleMonitoring } from './benchmarks/console-monitoring.ts';
import { consoleQueue } from './benchmarks/console-queue.ts';
import { fanout, fanoutAcrossInstances } from './benchmarks/fanout.ts';
import { graphqlOverhead } from './benchmarks/graphql-overhead.ts';
import { hostile } from './benchmarks/hostile.ts';
import { kbSearch } from './benchmarks/kb-search.ts';
import { mailIntake } from './benchmarks/mail-intake.ts';
import { monitoringBench } from './benchmarks/monitoring.ts';
import { monthlyReportBench } from './benchmarks/monthly-report.ts';
import { queuePage } from './benchmarks/queue-page.ts';
import { slaClocks } from './benchmarks/sla-clocks.ts';
import { statisticsBench } from './benchmarks/statistics.ts';
import { submitStorm } from './benchmarks/submit-storm.ts';
import { submitThroughput } from './benchmarks/submit-throughput.ts';
import { youngGarbage } from './benchmarks/young-garbage.ts';
import { markedSection, writeSections } from './lib/results-file.ts';
import { widgetLoad } from './widget-load.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const sizes = (raw: string | undefined, fallback: number[]) =>
  raw ? raw.split(',').map((n) => Number(n.trim())) : fallback;

const benchmarks: Record<string, () => Promise<string>> = {
  overhead: () => graphqlOverhead(seconds),
  submit: () => submitThroughput(seconds),
  'submit-storm': () =>
    submitStorm(
      Number(process.env.BENCH_STORM_N ?? 500),
      (process.env.BENCH_STORM_DATABASES ?? 'sqlite,postgresql').split(',') as ('sqlite' | 'postgresql')[],
    ),
  queue: () => queuePage(Number(process.env.BENCH_QUEUE_TICKETS ?? 100_000)),
  fanout: () => fanout(sizes(process.env.BENCH_FANOUT_N, [1_000, 10_000])),
  'fanout-redis': () => fanoutAcrossInstances(sizes(process.env.BENCH_FANOUT_REDIS_N, [1_000, 10_000])),
  sla: () => slaClocks(Number(process.env.BENCH_SLA_TICKETS ?? 100_000)),
  'kb-search': () => kbSearch(Number(process.env.BENCH_KB_ARTICLES ?? 10_000), 20),
  'mail-intake': () => mailIntake(Number(process.env.BENCH_MAIL_LETTERS ?? 500)),
  'monthly-report': () => monthlyReportBench(Number(process.env.BENCH_REPORT_TICKETS ?? 300), 10),
  monitoring: () =>
    monitoringBench(
      Number(process.env.BENCH_MONITOR_SECONDS ?? 120),
      (process.env.BENCH_MONITOR_DATABASES ?? 'sqlite,postgresql').split(',') as ('sqlite' | 'postgresql')[],
    ),
  hostile: () => hostile(seconds),
  'young-garbage': () => youngGarbage(Number(process.env.BENCH_YOUNG_RUNS ?? 20_000)),
  'widget-load': widgetLoad,
  'console-live': consoleLive,
  'console-queue': consoleQueue,
  'console-monitoring': consoleMonitoring,
  'console-statistics': () =>
    statisticsBench(Number(process.env.BENCH_STATS_CLIENTS ?? 1_000), Number(process.env.BENCH_STATS_TICKETS ?? 15)),
};

const asked = process.argv.slice(2).filter((arg) => arg !== '--' && arg !== '--dry-run');
/** `--dry-run` prints the sections without touching RESULTS.md. */
const dryRun = process.argv.includes('--dry-run');
/** The BENCH_ variables a run was given, to repeat it. */
const benchEnv = () =>
  Object.entries(process.env)
    .filter(([key]) => key.startsWith('BENCH_'))
    .map(([key, value]) => `${key}=${value} `)
    .join('');
const unknown = asked.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
for (const [name, run] of Object.entries(benchmarks)) {
  if (asked.length > 0 && !asked.includes(name)) continue;
  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  console.error(`bench: ${name}…`);
  const section = await run();
  const facts = {
    command: `${benchEnv()}pnpm bench ${name}`,
    date: new Date().toISOString().slice(0, 10),
    machine,
    loadAtStart,
    loadAtEnd: loadavg()[0] ?? 0,
  };
  const marked = markedSection(name, section, facts);
  // Written after each benchmark: a later one failing keeps what this one measured.
  if (!dryRun) writeSections(join(import.meta.dirname, 'RESULTS.md'), [{ name, marked }]);
  console.log(`${marked}\n`);
  console.error(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

// Sockets and database clients of the benchmarks may still hold the event loop open.
process.exit(0);
