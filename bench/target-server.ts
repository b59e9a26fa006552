// A server for the benchmarks, in its own process so the load generator does not share its CPU.
// Usage: tsx bench/target-server.ts caredesk|raw  — prints one JSON line {port, token, body}.
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrate } from '@caredesk/schema/db';
import { buildApp, loadConfig } from '@caredesk/server';
import pino from 'pino';
import { seedDemo } from '../packages/server/src/seed/demo.ts';
import { benchQuery } from './bench-query.ts';

const kind = process.argv[2];
const report = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

if (kind === 'caredesk') {
  const file = join(mkdtempSync(join(tmpdir(), 'caredesk-bench-')), 'bench.db');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: `file:${file}` });
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
} else {
  console.error('usage: tsx bench/target-server.ts caredesk|raw [body]');
  process.exit(2);
}
