import { type ChildProcess, spawn } from 'node:child_process';
import { parseAllowedNetworks } from '@caredesk/schema/checks';
import { createDb, type Db, migrate } from '@caredesk/schema/db';
import { createMonitorScheduler } from '@caredesk/schema/services';
import { appendSample } from '../../packages/schema/src/services/monitoring/samples.ts';
import { emptyTarget } from '../../packages/schema/src/testing/test-databases.ts';
import { seedDemo } from '../../packages/server/src/seed/demo.ts';

// A site in its own process, so the scheduler measured does not share its event loop.
const siteScript = `
const http = require('node:http');
const server = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<h1>Shop</h1><p>Add to cart</p>'); });
server.keepAliveTimeout = 1000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;

function startSite(): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', siteScript], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout?.once('data', (chunk: Buffer) => resolve({ child, port: Number(chunk.toString().trim()) }));
    child.once('error', reject);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)] ?? 0;

/** Bytes the raw results take: failing rows and packed UP hours, tables and indexes. */
async function resultBytes(db: Db, target: { provider: string; schema?: string }): Promise<number> {
  const tables = ['CheckResult', 'CheckSampleHour'];
  if (target.provider === 'sqlite') {
    const rows = await db.$queryRawUnsafe<{ bytes: number | bigint }[]>(
      `SELECT COALESCE(SUM(pgsize), 0) AS bytes FROM dbstat WHERE name IN ('CheckResult', 'CheckSampleHour') OR name IN (SELECT name FROM sqlite_master WHERE tbl_name IN ('CheckResult', 'CheckSampleHour') AND type = 'index')`,
    );
    return Number(rows[0]?.bytes ?? 0);
  }
  let total = 0;
  for (const table of tables) {
    const rows = await db.$queryRawUnsafe<{ bytes: bigint }[]>(
      `SELECT pg_total_relation_size(format('%I.%I', $1::text, $2::text)::regclass)::bigint AS bytes`,
      target.schema,
      table,
    );
    total += Number(rows[0]?.bytes ?? 0);
  }
  return total;
}

/** Checks stored: failing ones as rows, UP ones packed per hour. */
async function storedChecks(db: Db): Promise<number> {
  const packed = await db.checkSampleHour.aggregate({ _sum: { checks: true } });
  return (await db.checkResult.count()) + (packed._sum.checks ?? 0);
}

/**
 * `count` HTTP monitors every `intervalSeconds` against a local site, one scheduler instance
 * with the real clock, for `seconds`: how late checks start (the scheduler's lag), the CPU the
 * process used, and the database growth per check, extrapolated to a day.
 */
async function scenario(
  provider: 'sqlite' | 'postgresql',
  count: number,
  intervalSeconds: number,
  seconds: number,
  port: number,
) {
  const { target, cleanUp } = emptyTarget(provider);
  try {
    await migrate(target);
    const db = createDb(target);
    try {
      await seedDemo(db, { publicUrl: 'http://localhost:4000' });
      const site = await db.site.findFirstOrThrow();
      const now = new Date();
      for (let from = 0; from < count; from += 1000) {
        await db.monitor.createMany({
          data: Array.from({ length: Math.min(1000, count - from) }, (_, i) => ({
            siteId: site.id,
            name: `Page ${from + i}`,
            kind: 'HTTP' as const,
            config: { url: `http://127.0.0.1:${port}/p${from + i}`, keyword: 'Add to cart' },
            intervalSeconds,
            timeoutMs: 10_000,
            // Overdue, as after a restart: the scheduler spreads them over one interval.
            nextCheckAt: new Date(now.getTime() - 60_000),
          })),
        });
      }
      const lags: number[] = [];
      let errors = 0;
      let measuring = false;
      const scheduler = createMonitorScheduler({
        db,
        events: {
          publish: () => {},
          subscribe: () => ({
            [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: undefined }) }),
          }),
        },
        now: () => new Date(),
        // The benchmark's site listens on this machine.
        allowedNetworks: parseAllowedNetworks('127.0.0.0/8').allowed,
        concurrency: 200,
        tickMs: 250,
        onLag: (ms) => {
          if (measuring) lags.push(ms);
        },
        onError: () => {
          errors++;
        },
      });
      await scheduler.start();
      // Warm-up: the first seconds after the spread.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      const results0 = await storedChecks(db);
      const bytes0 = await resultBytes(db, target);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      measuring = true;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      measuring = false;
      const elapsed = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      await scheduler.stop();
      const results = (await storedChecks(db)) - results0;
      const bytes1 = await resultBytes(db, target);
      const sorted = lags.sort((a, b) => a - b);
      const perDay = (count * 86_400) / intervalSeconds;
      const bytesPerCheck = (bytes1 - bytes0) / Math.max(1, results);
      const cpuShare = ((cpu.user + cpu.system) / 1e6 / elapsed) * 100;
      return `- ${provider}, **${count.toLocaleString('en')} monitors every ${intervalSeconds} s**, ${elapsed.toFixed(0)} s measured: ${results.toLocaleString('en')} checks (${(results / elapsed).toFixed(1)}/s, expected ${(count / intervalSeconds).toFixed(1)}/s); scheduler lag **p50 ${percentile(sorted, 0.5)} ms, p99 ${percentile(sorted, 0.99)} ms**, max ${sorted.at(-1) ?? 0} ms; CPU of the caredesk process **${cpuShare.toFixed(0)} % of one core**; raw results grow by ${Math.round(bytesPerCheck)} bytes per check (UP ones packed per monitor and hour, tables and indexes) → **${((bytesPerCheck * perDay) / 2 ** 20).toFixed(0)} MiB/day** (${perDay.toLocaleString('en')} checks/day; UP results kept 7 days: about ${((bytesPerCheck * perDay * 7) / 2 ** 30).toFixed(1)} GiB at steady state)${errors ? `; ${errors} errors` : ''}.`;
    } finally {
      await db.$disconnect();
    }
  } finally {
    await cleanUp();
  }
}

/**
 * Storage at steady state: one full hour of 2,000 monitors checked every 60 s (120,000 UP
 * results) appended to their packed hours, plus one failing result in a hundred as rows; then
 * the size of both tables (after VACUUM on PostgreSQL, as autovacuum would).
 */
async function storageHour(provider: 'sqlite' | 'postgresql', monitors = 2_000): Promise<string> {
  const { target, cleanUp } = emptyTarget(provider);
  try {
    await migrate(target);
    const db = createDb(target);
    try {
      await seedDemo(db, { publicUrl: 'http://localhost:4000' });
      const site = await db.site.findFirstOrThrow();
      await db.monitor.createMany({
        data: Array.from({ length: monitors }, (_, i) => ({
          siteId: site.id,
          name: `Page ${i}`,
          kind: 'HTTP' as const,
          config: { url: `http://127.0.0.1:1/p${i}` },
          paused: true,
        })),
      });
      const ids = (await db.monitor.findMany({ select: { id: true } })).map((m) => m.id);
      const hourStart = Date.UTC(2026, 10, 24, 10);
      const before = await resultBytes(db, target);
      const started = performance.now();
      let failing = 0;
      for (let minute = 0; minute < 60; minute++) {
        const batch = ids.map(async (id, i) => {
          const at = new Date(hourStart + minute * 60_000 + (i % 60) * 1000);
          if ((minute * monitors + i) % 100 === 0) {
            failing++;
            await db.checkResult.create({
              data: {
                monitorId: id,
                checkedAt: at,
                outcome: 'DOWN',
                statusCode: 502,
                responseTimeMs: 30_000,
                message: 'HTTP 502',
                details: { excerpt: 'Bad Gateway' },
              },
            });
          } else
            await appendSample(db, id, 'central', {
              at,
              responseTimeMs: 80 + ((i * 37 + minute) % 400),
              statusCode: 200,
            });
        });
        await Promise.all(batch);
      }
      const seconds = (performance.now() - started) / 1000;
      if (target.provider === 'postgresql') {
        await db.$executeRawUnsafe(`VACUUM "${target.schema}"."CheckSampleHour"`);
        await db.$executeRawUnsafe(`VACUUM "${target.schema}"."CheckResult"`);
      }
      const bytes = (await resultBytes(db, target)) - before;
      const checks = monitors * 60;
      const perDay = checks * 24;
      return `- ${provider}, storage at steady state: one hour of ${monitors.toLocaleString('en')} monitors at 60 s (${checks.toLocaleString('en')} results, ${failing.toLocaleString('en')} of them failing rows with evidence) takes **${(bytes / checks).toFixed(1)} bytes per check** → **${((bytes * 24) / 2 ** 20).toFixed(0)} MiB/day**, about **${((bytes * 24 * 7) / 2 ** 30).toFixed(2)} GiB** for the 7 days UP results are kept (written at ${Math.round(checks / seconds).toLocaleString('en')} results/s; ${perDay.toLocaleString('en')} checks/day).`;
    } finally {
      await db.$disconnect();
    }
  } finally {
    await cleanUp();
  }
}

/** 2,000 HTTP monitors at 60 s and 10,000 at 5 min, on one instance, SQLite and PostgreSQL. */
export async function monitoringBench(seconds: number, providers: ('sqlite' | 'postgresql')[]): Promise<string> {
  const lines = [
    '## Monitoring scheduler (issue #8)',
    '',
    `One caredesk process runs the central scheduler (pool of 200 checks, looks every 250 ms) against a local site in another process that answers 200 with the keyword; HTTP checks with a keyword, every result stored (UP results packed per monitor and hour). Lag = how long after its due time a check started. Measured for ${seconds} s after a 5 s warm-up that follows the start-up spread.`,
    '',
  ];
  const site = await startSite();
  try {
    for (const provider of providers) {
      lines.push(await scenario(provider, 2_000, 60, seconds, site.port));
      lines.push(await scenario(provider, 10_000, 300, seconds, site.port));
      lines.push(await storageHour(provider));
    }
  } finally {
    site.child.kill();
  }
  return lines.join('\n');
}
