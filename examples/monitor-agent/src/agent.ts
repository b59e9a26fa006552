// A caredesk monitoring agent: leases the checks assigned to it, runs them with the same check
// code as the central scheduler, and reports the results in batches.
//
//   CAREDESK_URL=https://support.studio.example CAREDESK_AGENT_TOKEN=cdk_… node --import tsx examples/monitor-agent/src/agent.ts
//
// Settings (environment): CAREDESK_URL, CAREDESK_AGENT_TOKEN (scope monitoring:report, from
// registerMonitorAgent), POLL_SECONDS (10), CONCURRENCY (20), RDAP_URL (https://rdap.org),
// ALLOW_NETWORKS (none: like the server, the agent reaches only public addresses unless this
// lists inside networks, e.g. 10.20.0.0/16, so a monitor cannot probe the agent's own network).
// `--once` runs a single round and exits (for cron or a test).
import { type CheckReport, parseAllowedNetworks, runCheck } from '../../../packages/schema/src/checks/index.ts';

interface Leased {
  monitorId: string;
  kind: 'HTTP' | 'TLS' | 'DOMAIN' | 'TCP' | 'HEARTBEAT';
  config: unknown;
  timeoutMs: number;
  degradedAfterMs: number | null;
}

const url = `${(process.env.CAREDESK_URL ?? 'http://localhost:4000').replace(/\/+$/, '')}/graphql`;
const token = process.env.CAREDESK_AGENT_TOKEN ?? '';
const pollMs = Number(process.env.POLL_SECONDS ?? 10) * 1000;
const concurrency = Number(process.env.CONCURRENCY ?? 20);
const networks = parseAllowedNetworks(process.env.ALLOW_NETWORKS ?? '');
if (networks.problems.length) throw new Error(`ALLOW_NETWORKS: ${networks.problems.join('; ')}`);
const env = {
  rdapBaseUrl: process.env.RDAP_URL ?? 'https://rdap.org',
  now: () => new Date(),
  allowedNetworks: networks.allowed,
};
const once = process.argv.includes('--once');

async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

/** Runs checks with at most `concurrency` at once, keeping each result with its time. */
async function runAll(checks: Leased[]) {
  const results: (CheckReport & { monitorId: string; checkedAt: string })[] = [];
  let next = 0;
  const worker = async () => {
    while (next < checks.length) {
      const check = checks[next++] as Leased;
      const checkedAt = new Date().toISOString();
      const report = await runCheck(check, env);
      results.push({ ...report, monitorId: check.monitorId, checkedAt });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, checks.length) }, worker));
  return results;
}

async function round(): Promise<number> {
  const { leaseMonitorChecks: checks } = await graphql<{ leaseMonitorChecks: Leased[] }>(
    'mutation { leaseMonitorChecks(limit: 200) { monitorId kind config timeoutMs degradedAfterMs } }',
  );
  if (checks.length === 0) return 0;
  const results = await runAll(checks);
  await graphql(
    `mutation ($input: ReportCheckResultsInput!) { reportCheckResults(input: $input) {
      ... on ReportCheckResultsPayload { accepted rejected } ... on DomainError { code } } }`,
    {
      input: {
        results: results.map((r) => ({
          monitorId: r.monitorId,
          checkedAt: r.checkedAt,
          outcome: r.outcome,
          responseTimeMs: r.responseTimeMs ?? null,
          statusCode: r.statusCode ?? null,
          message: r.message ?? null,
          details: r.details ?? null,
        })),
      },
    },
  );
  return results.length;
}

if (!token) {
  console.error('Set CAREDESK_AGENT_TOKEN (a token with the monitoring:report scope).');
  process.exit(2);
}
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => (stopping = true));
do {
  try {
    const reported = await round();
    console.log(`${new Date().toISOString()} reported ${reported} result(s)`);
  } catch (error) {
    // caredesk unreachable: the leases run out and the monitors show UNKNOWN, never DOWN.
    console.error(`${new Date().toISOString()} round failed: ${(error as Error).message}`);
    if (once) process.exit(1);
  }
  if (!once && !stopping) await new Promise((resolve) => setTimeout(resolve, pollMs));
} while (!once && !stopping);
