// A server for the benchmarks, in its own process so the load generator does not share its CPU.
// Usage: tsx bench/target-server.ts caredesk|yoga|yoga-insert|raw|serve  — prints one JSON line {port, token, body}.
//   yoga: bare graphql-yoga answering `{ hello }`, the reference for caredesk's own overhead.
//   yoga-insert: graphql-yoga doing one better-sqlite3 INSERT per mutation, the reference for submitTicket.
//   serve: the real server on the migrated database in DATABASE_URL (BENCH_REDIS_URL, as REDIS_URL,
//   shares events between instances); BENCH_SEED=1 seeds the demo studio first and adds {tokens: {ROLE: token}} to the line;
//   the per-address throttle of refused documents is lifted unless BENCH_REFUSAL_THROTTLE=deployed.
//   Also answers GET /memory on {controlPort}: memory after a full GC and the subscriptions opened;
//   and GET /loop: the event loop's delays (ms) since the previous /loop, measured in this process.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createDb, migrate } from '@caredesk/schema/db';
import { buildApp, loadConfig } from '@caredesk/server';
import Database from 'better-sqlite3';
import { createSchema, createYoga } from 'graphql-yoga';
import pino from 'pino';
import type { ClosableEventBus } from '../packages/server/src/app.ts';
import { memoryEventBus } from '../packages/server/src/events/memory-event-bus.ts';
import { redisEventBus } from '../packages/server/src/events/redis-event-bus.ts';
import { seedDemo } from '../packages/server/src/seed/demo.ts';
import { benchQuery } from './bench-query.ts';

const kind = process.argv[2];
const report = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

if (kind === 'caredesk') {
  const file = join(mkdtempSync(join(tmpdir(), 'caredesk-bench-')), 'bench.db');
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATABASE_URL: `file:${file}`,
    // VIEWER_CACHE_MS=0 measures the request path reading its token every time, as before the cache.
    ...(process.env.VIEWER_CACHE_MS ? { VIEWER_CACHE_MS: process.env.VIEWER_CACHE_MS } : {}),
  });
  await migrate(config.database);
  const db = createDb(config.database);
  const demo = await seedDemo(db, { publicUrl: config.publicUrl });
  const app = buildApp(config, { db, logger: pino({ level: 'silent' }) });
  const { port } = await app.start();
  const token = demo?.staff.find((s) => s.role === 'LINE1')?.token;
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: benchQuery }),
  });
  report({ port, token, body: await response.text() });
} else if (kind === 'yoga') {
  // The stack caredesk stands on, bare: graphql-yoga on node:http answering `{ hello }`.
  const yoga = createYoga({
    schema: createSchema({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'world' } } }),
    logging: false,
  });
  const server = createServer(yoga);
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    report({ port: typeof address === 'object' && address ? address.port : 0 });
  });
} else if (kind === 'yoga-insert') {
  // The reference for submitTicket: graphql-yoga doing one better-sqlite3 INSERT per mutation.
  const sqlite = new Database(join(mkdtempSync(join(tmpdir(), 'caredesk-bench-')), 'insert.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('CREATE TABLE ticket (id INTEGER PRIMARY KEY, title TEXT NOT NULL, key TEXT NOT NULL UNIQUE)');
  const insert = sqlite.prepare('INSERT INTO ticket (title, key) VALUES (?, ?)');
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: 'type Query { hello: String! } type Mutation { file(title: String!, key: String!): Int! }',
      resolvers: {
        Query: { hello: () => 'world' },
        Mutation: {
          file: (_root: unknown, args: { title: string; key: string }) =>
            Number(insert.run(args.title, args.key).lastInsertRowid),
        },
      },
    }),
    logging: false,
  });
  const server = createServer(yoga);
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    report({ port: typeof address === 'object' && address ? address.port : 0 });
  });
} else if (kind === 'raw') {
  // The same bytes caredesk answers with, from a bare node:http server: the floor to compare against.
  const body = process.argv[3] ?? '{}';
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, {
        'content-type': 'application/graphql-response+json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
      });
      res.end(body);
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    report({ port: typeof address === 'object' && address ? address.port : 0 });
  });
} else if (kind === 'serve') {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.BENCH_REDIS_URL,
    // The benchmarks send from one address what a real flood would send from many: the throttle
    // of refused documents per address would answer most of it with 429 and hide the real cost.
    // BENCH_REFUSAL_THROTTLE=deployed keeps it, as a server facing one flooding address has it.
    ...(process.env.BENCH_REFUSAL_THROTTLE === 'deployed' ? {} : { RATE_LIMIT_REFUSED_IP: '1000000/60' }),
    // Likewise the fan-out's thousands of subscribers come from one address: the per-address
    // cap on sockets (WS_MAX_CONNECTIONS_PER_IP, 20 by default) is lifted to the instance's cap.
    WS_MAX_CONNECTIONS_PER_IP: process.env.WS_MAX_CONNECTIONS_PER_IP ?? '20000',
    WS_MAX_CONNECTIONS: process.env.WS_MAX_CONNECTIONS ?? '20000',
  });
  const db = createDb(config.database);
  const demo = process.env.BENCH_SEED === '1' ? await seedDemo(db, { publicUrl: config.publicUrl }) : null;
  // The server's own event bus, counting the subscriptions it hands out (the benchmark waits for them).
  const inner = config.redisUrl ? redisEventBus(config.redisUrl) : memoryEventBus();
  const ready = (inner as { ready?: () => Promise<void> }).ready;
  let subscriptions = 0;
  const events: ClosableEventBus = {
    publish: (topic, key, payload) => inner.publish(topic, key, payload),
    subscribe: (topic, key) => {
      subscriptions++;
      return inner.subscribe(topic, key);
    },
    close: () => inner.close(),
    ...(ready ? { ready } : {}),
  };
  const app = buildApp(config, { db, events, logger: pino({ level: 'silent' }) });
  const { port } = await app.start();
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // Sampled every millisecond: a stall of the loop shows as one delay of about its length.
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  // The same stalls in CPU time: on a shared machine a delay also holds the time the OS gave to
  // other processes; the CPU this process used between two ticks is its own work.
  let lastCpu = process.cpuUsage();
  let maxCpuMs = 0;
  // The longest gap between two ticks, split by the kernel's account of the loop's own thread
  // (Linux schedstat, ns): the time it ran, the time it was ready but waited for a core, and the
  // rest, asleep (waiting for another thread, such as the collector's helpers).
  const schedstat = `/proc/self/task/${process.pid}/schedstat`;
  const readSched = (): [number, number] => {
    try {
      const [run = 0, wait = 0] = readFileSync(schedstat, 'utf8').split(' ').map(Number);
      return [run / 1e6, wait / 1e6];
    } catch {
      return [Number.NaN, Number.NaN];
    }
  };
  let lastTick = performance.now();
  let [lastRun, lastWait] = readSched();
  let longest = { ms: 0, runMs: 0, waitMs: 0 };
  setInterval(() => {
    const cpu = process.cpuUsage();
    maxCpuMs = Math.max(maxCpuMs, (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000);
    lastCpu = cpu;
    const now = performance.now();
    const [run, wait] = readSched();
    if (now - lastTick > longest.ms) longest = { ms: now - lastTick, runMs: run - lastRun, waitMs: wait - lastWait };
    lastTick = now;
    lastRun = run;
    lastWait = wait;
  }, 1).unref();
  // Garbage collections: the longest pause, and the time and count of all of them, since the last /loop.
  const gcPauses = { maxMs: 0, totalMs: 0, count: 0, majorMaxMs: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcPauses.maxMs = Math.max(gcPauses.maxMs, entry.duration);
      gcPauses.totalMs += entry.duration;
      gcPauses.count += 1;
      // kind 2: mark-sweep-compact (a full collection); 1 is a scavenge of the young generation.
      if ((entry as { detail?: { kind?: number } }).detail?.kind === 2)
        gcPauses.majorMaxMs = Math.max(gcPauses.majorMaxMs, entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  const control = createServer((req, res) => {
    req.resume();
    if (req.url === '/loop') {
      const delays = {
        maxMs: loop.max / 1e6,
        p99Ms: loop.percentile(99) / 1e6,
        meanMs: loop.mean / 1e6,
        maxCpuMs,
        longest,
        gc: { ...gcPauses },
      };
      loop.reset();
      maxCpuMs = 0;
      longest = { ms: 0, runMs: 0, waitMs: 0 };
      Object.assign(gcPauses, { maxMs: 0, totalMs: 0, count: 0, majorMaxMs: 0 });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(delays));
      return;
    }
    if (req.url !== '/memory') {
      res.writeHead(404).end();
      return;
    }
    gc();
    const { rss, heapUsed, external } = process.memoryUsage();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ rss, heapUsed, external, subscriptions }));
  });
  control.listen(0, '127.0.0.1', () => {
    const address = control.address();
    const controlPort = typeof address === 'object' && address ? address.port : 0;
    const tokens = demo ? Object.fromEntries(demo.staff.map((s) => [s.role, s.token])) : undefined;
    report({ port, controlPort, tokens });
  });
  const shutdown = () => {
    control.close();
    void app
      .stop()
      .then(() => db.$disconnect())
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
} else {
  console.error('usage: tsx bench/target-server.ts caredesk|raw|serve [body]');
  process.exit(2);
}
