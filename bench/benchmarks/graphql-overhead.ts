import autocannon from 'autocannon';
import { benchQuery } from '../bench-query.ts';
import { startTarget } from '../lib/target.ts';

async function load(port: number, token: string | undefined, seconds: number, query = benchQuery) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
    connections: 10,
    duration: seconds,
  });
  if (result.errors > 0 || result.non2xx > 0)
    throw new Error(`load errors: ${result.errors} errors, ${result.non2xx} non-2xx`);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
  };
}

/**
 * Requests per second and p99 of a small authenticated query, next to bare graphql-yoga answering
 * `{ hello }` (the stack's own cost: the goal is at least half its rate) and node:http answering
 * the same bytes, all measured in the same run.
 */
export async function graphqlOverhead(seconds: number): Promise<string> {
  const caredesk = await startTarget(['caredesk']);
  const uncached = await startTarget(['caredesk'], { VIEWER_CACHE_MS: '0' });
  const yoga = await startTarget(['yoga']);
  const raw = await startTarget(['raw', caredesk.info.body ?? '{}']);
  try {
    // Warm up all three (JIT, connection pools) before measuring.
    await load(caredesk.info.port, caredesk.info.token, 2);
    await load(uncached.info.port, uncached.info.token, 2);
    await load(yoga.info.port, undefined, 2, '{ hello }');
    await load(raw.info.port, undefined, 2);
    const ours = await load(caredesk.info.port, caredesk.info.token, seconds);
    const reading = await load(uncached.info.port, uncached.info.token, seconds);
    const bare = await load(yoga.info.port, undefined, seconds, '{ hello }');
    const floor = await load(raw.info.port, undefined, seconds);
    const row = (name: string, r: typeof ours) =>
      `| ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.total} |`;
    return [
      '## GraphQL overhead: a small authenticated query through the real server',
      '',
      `Query \`${benchQuery}\` with a staff Bearer token (the token's owner kept for \`VIEWER_CACHE_MS\`, auth scopes, SQLite reads),`,
      `10 connections for ${seconds} s each with autocannon on 127.0.0.1, after a 2 s warm-up. The references,`,
      'started in the same run: bare graphql-yoga answering `{ hello }` (goal: caredesk at 0.5× its rate or more),',
      'and `node:http` answering the same response bytes.',
      '',
      '| server | requests/s | p50 ms | p99 ms | requests |',
      '|---|---|---|---|---|',
      row('caredesk (yoga + Pothos + Prisma, SQLite)', ours),
      row('caredesk, token read on every request (`VIEWER_CACHE_MS=0`)', reading),
      row('bare graphql-yoga, `{ hello }`', bare),
      row('raw node:http, same bytes', floor),
      '',
      `**Ratio caredesk / bare yoga: ${(ours.rps / bare.rps).toFixed(2)} of the throughput (goal ≥ 0.5); caredesk / raw: ${(ours.rps / floor.rps).toFixed(3)}.**`,
    ].join('\n');
  } finally {
    await Promise.all([caredesk.stop(), uncached.stop(), yoga.stop(), raw.stop()]);
  }
}
