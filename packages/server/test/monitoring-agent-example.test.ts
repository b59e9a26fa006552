import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createMonitorMutation, globalId, rawId, startTargetSite } from './support/monitoring.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const root = join(import.meta.dirname, '..', '..', '..');

/** Runs examples/monitor-agent once, as a studio would on a remote machine. */
function runAgent(env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'examples/monitor-agent/src/agent.ts', '--once'], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

describe('The example monitoring agent', () => {
  let t: TestApp;
  let site: Awaited<ReturnType<typeof startTargetSite>>;
  let url: string;
  let head: string;

  beforeAll(async () => {
    t = await createTestApp('sqlite', { env: { MONITORING_ENABLED: 'false' } });
    const demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    head = demo.staff.find((s) => s.role === 'HEAD')?.token ?? '';
    site = await startTargetSite();
    url = (await t.app.start()).url;
  });
  afterAll(async () => {
    await site.close();
    await t.close();
  });

  it('should lease its checks, run them with the shared check code and report them', async () => {
    const siteId = (await t.database.db.site.findFirstOrThrow()).id;
    const created = await t.gql<{ createMonitor: { monitor: { id: string } } }>(
      createMonitorMutation,
      {
        input: {
          siteId: globalId('Site', siteId),
          name: 'Remote',
          kind: 'HTTP',
          central: false,
          http: { url: `${site.url}/`, keyword: 'Add to cart' },
        },
      },
      head,
    );
    const monitorId = created.data?.createMonitor.monitor.id ?? '';
    const registered = await t.gql<{ registerMonitorAgent: { agent: { id: string }; token: string } }>(
      'mutation { registerMonitorAgent(name: "probe-example", location: "Riga") { ... on RegisterMonitorAgentPayload { agent { id } token } } }',
      {},
      head,
    );
    const agent = registered.data?.registerMonitorAgent;
    await t.gql(
      'mutation ($m: ID!, $a: ID!) { assignMonitorAgent(monitorId: $m, agentId: $a) { __typename } }',
      { m: monitorId, a: agent?.agent.id },
      head,
    );

    const run = await runAgent({
      CAREDESK_URL: url,
      CAREDESK_AGENT_TOKEN: agent?.token ?? '',
      ALLOW_NETWORKS: '127.0.0.0/8',
    });
    expect(run.out).toContain('reported 1 result(s)');
    expect(run.code).toBe(0);
    // An UP result is packed into its hour: "<second>:<ms>:<status>".
    const packed = await t.database.db.checkSampleHour.findMany({ where: { monitorId: rawId(monitorId) } });
    expect(packed).toMatchObject([{ location: 'Riga', checks: 1, samples: expect.stringMatching(/^\d+:\d+:200$/) }]);
    // Nothing is due again yet: the next round reports nothing.
    expect((await runAgent({ CAREDESK_URL: url, CAREDESK_AGENT_TOKEN: agent?.token ?? '' })).out).toContain(
      'reported 0 result(s)',
    );
  });
});
