import { runCheck } from '@caredesk/schema/checks';
import { newSecret } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import {
  createMonitorMutation,
  globalId,
  localNetworks,
  rawId,
  startTargetSite,
  storedChecks,
  testScheduler,
} from './support/monitoring.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const leaseQuery = `mutation { leaseMonitorChecks(limit: 10) { monitorId kind config timeoutMs degradedAfterMs dueAt } }`;
const reportMutation = `mutation ($input: ReportCheckResultsInput!) { reportCheckResults(input: $input) {
  ... on ReportCheckResultsPayload { accepted rejected } ... on DomainError { code } } }`;

interface Leased {
  monitorId: string;
  kind: 'HTTP';
  config: unknown;
  timeoutMs: number;
  degradedAfterMs: number | null;
}

describeEachDatabase('Monitoring API: agents, visibility and live state', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let head: string;
  let site: Awaited<ReturnType<typeof startTargetSite>>;
  let siteId: string;
  let otherSiteId: string;
  let contactToken: string;
  let strangerContactToken: string;
  let wsUrl: string;
  const clients: Client[] = [];
  let clock = new Date('2026-11-24T09:00:00Z');
  const now = () => clock;
  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };
  const agents: Record<string, { id: string; token: string }> = {};
  let monitorId: string;

  async function session(contactId: string) {
    const secret = newSecret('session');
    await t.database.db.session.create({
      data: { tokenHash: secret.hash, contactId, expiresAt: new Date('2030-01-01') },
    });
    return secret.secret;
  }

  beforeAll(async () => {
    t = await createTestApp(provider, { now, env: { MONITORING_ENABLED: 'false' } });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    head = demo.staff.find((s) => s.role === 'HEAD')?.token ?? '';
    site = await startTargetSite();
    const { db } = t.database;
    const first = await db.site.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
    siteId = first.id;
    const other = await db.site.findFirstOrThrow({ where: { organizationId: { not: first.organizationId } } });
    otherSiteId = other.id;
    contactToken = await session(
      (await db.contact.findFirstOrThrow({ where: { organizationId: first.organizationId } })).id,
    );
    strangerContactToken = await session(
      (await db.contact.findFirstOrThrow({ where: { organizationId: other.organizationId } })).id,
    );
    const { port } = await t.app.start();
    wsUrl = `ws://127.0.0.1:${port}/graphql`;
  });
  afterAll(async () => {
    for (const client of clients.splice(0)) await client.dispose();
    await site.close();
    await t.close();
  });

  async function gql<T>(query: string, variables: Record<string, unknown>, token?: string) {
    const response = await t.gql<T>(query, variables, token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data as T;
  }

  it('should register agents whose tokens carry only monitoring:report and assign them a monitor', async () => {
    for (const [name, location] of [
      ['probe-berlin', 'Berlin'],
      ['probe-moscow', 'Moscow'],
    ] as const) {
      const data = await gql<{ registerMonitorAgent: { agent: { id: string }; token: string } }>(
        `mutation ($name: String!, $location: String!) { registerMonitorAgent(name: $name, location: $location) {
          ... on RegisterMonitorAgentPayload { agent { id } token } } }`,
        { name, location },
        head,
      );
      agents[location] = { id: data.registerMonitorAgent.agent.id, token: data.registerMonitorAgent.token };
    }
    const created = await gql<{ createMonitor: { monitor: { id: string } } }>(
      createMonitorMutation,
      {
        input: {
          siteId: globalId('Site', siteId),
          name: 'From abroad',
          kind: 'HTTP',
          central: false,
          http: { url: `${site.url}/` },
        },
      },
      head,
    );
    monitorId = created.createMonitor.monitor.id;
    for (const agent of Object.values(agents)) {
      await gql(
        `mutation ($m: ID!, $a: ID!) { assignMonitorAgent(monitorId: $m, agentId: $a) { ... on AssignMonitorAgentPayload { monitor { id } } } }`,
        { m: monitorId, a: agent.id },
        head,
      );
    }
    const scopes = await t.database.db.apiToken.findMany({ where: { agents: { some: {} } }, select: { scopes: true } });
    expect(scopes.map((s) => s.scopes)).toEqual([['monitoring:report'], ['monitoring:report']]);
    // An agent's token reads no tickets, and a staff session cannot report results.
    const tickets = await t.gql(`{ tickets(first: 1) { edges { node { id } } } }`, {}, agents.Berlin?.token);
    expect(tickets.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byStaff = await t.gql(reportMutation, { input: { results: [] } }, head);
    expect(byStaff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byStranger = await t.gql(leaseQuery, {});
    expect(byStranger.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  /** One round: each agent leases its due check, runs the same check code and reports. */
  async function round(outcomes: Record<string, 'site' | 'DOWN'>) {
    for (const [location, how] of Object.entries(outcomes)) {
      const token = agents[location]?.token;
      const leased = (await gql<{ leaseMonitorChecks: Leased[] }>(leaseQuery, {}, token)).leaseMonitorChecks;
      expect(leased).toHaveLength(1);
      const check = leased[0] as Leased;
      const report =
        how === 'site'
          ? await runCheck(check, { rdapBaseUrl: 'http://127.0.0.1:1', now, allowedNetworks: localNetworks })
          : { outcome: 'DOWN' as const, message: 'connection timed out', responseTimeMs: 10_000 };
      const answer = await gql<{ reportCheckResults: { accepted: number } }>(
        reportMutation,
        {
          input: {
            results: [{ monitorId: check.monitorId, checkedAt: clock.toISOString(), ...report, details: null }],
          },
        },
        token,
      );
      expect(answer.reportCheckResults.accepted).toBe(1);
    }
  }
  const state = async () => (await t.database.db.monitor.findUniqueOrThrow({ where: { id: rawId(monitorId) } })).state;

  it('should lease a due check once until it is reported', async () => {
    const token = agents.Berlin?.token;
    expect((await gql<{ leaseMonitorChecks: Leased[] }>(leaseQuery, {}, token)).leaseMonitorChecks).toHaveLength(1);
    expect((await gql<{ leaseMonitorChecks: Leased[] }>(leaseQuery, {}, token)).leaseMonitorChecks).toHaveLength(0);
    advance(6 * 60); // the lease ran out
  });

  it('should not go DOWN while two agents disagree, and go DOWN when both see the failure', async () => {
    await round({ Berlin: 'site', Moscow: 'site' });
    advance(60);
    await round({ Berlin: 'site', Moscow: 'site' });
    expect(await state()).toBe('UP');

    const changes: string[] = [];
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${contactToken}` },
    });
    clients.push(client);
    let sawDown!: () => void;
    const down = new Promise<void>((resolve) => {
      sawDown = resolve;
    });
    let subscribed!: () => void;
    const ready = new Promise<void>((resolve) => {
      subscribed = resolve;
    });
    client.on('connected', () => subscribed());
    client.subscribe<{ monitorStatusChanged: { name: string; state: string } }>(
      {
        query: `subscription ($s: ID) { monitorStatusChanged(siteId: $s) { name state } }`,
        variables: { s: globalId('Site', siteId) },
      },
      {
        next: (value) => {
          changes.push(value.data?.monitorStatusChanged.state ?? '?');
          if (value.data?.monitorStatusChanged.state === 'DOWN') sawDown();
        },
        error: () => {},
        complete: () => {},
      },
    );
    await ready;

    // Berlin's network fails, Moscow still reaches the site: no DOWN, no ticket.
    for (let i = 0; i < 3; i++) {
      advance(i === 0 ? 60 : 20);
      await round({ Berlin: 'DOWN', ...(i === 0 ? { Moscow: 'site' } : {}) });
    }
    expect(await state()).toBe('UP');
    expect(await t.database.db.ticket.count({ where: { source: 'MONITORING' } })).toBe(0);

    // The site itself goes down: Moscow confirms it too.
    site.state.mode = 'fail';
    advance(60);
    await round({ Moscow: 'site' });
    advance(20);
    await round({ Berlin: 'DOWN', Moscow: 'site' });
    advance(20);
    await round({ Moscow: 'site' });
    expect(await state()).toBe('DOWN');
    await down;
    expect(changes).toEqual(['DOWN']);
    const ticket = await t.database.db.ticket.findFirstOrThrow({ where: { source: 'MONITORING' } });
    expect(ticket.description).toContain('Moscow');
    expect(ticket.description).toContain('HTTP 500');
    site.state.mode = 'ok';
  });

  it('should count a result an agent sends twice (a retried batch) only once', async () => {
    const token = agents.Moscow?.token;
    const result = { monitorId, checkedAt: clock.toISOString(), outcome: 'DOWN', statusCode: 500 };
    const before = await t.database.db.checkResult.count();
    const again = await gql<{ reportCheckResults: { accepted: number; rejected: number } }>(
      reportMutation,
      { input: { results: [result] } },
      token,
    );
    expect(again.reportCheckResults).toEqual({ accepted: 0, rejected: 1 });
    expect(await t.database.db.checkResult.count()).toBe(before);
  });

  it('should count an UP result an agent sends twice (a retried batch) only once', async () => {
    const token = agents.Moscow?.token;
    advance(20);
    const result = { monitorId, checkedAt: clock.toISOString(), outcome: 'UP', statusCode: 200, responseTimeMs: 12 };
    const send = () =>
      gql<{ reportCheckResults: { accepted: number; rejected: number } }>(
        reportMutation,
        { input: { results: [result] } },
        token,
      );
    const checks = async () =>
      (await t.database.db.checkSampleHour.findMany({ where: { monitorId } })).reduce((n, h) => n + h.checks, 0);
    expect((await send()).reportCheckResults).toEqual({ accepted: 1, rejected: 0 });
    const once = await checks();
    expect((await send()).reportCheckResults).toEqual({ accepted: 0, rejected: 1 });
    expect(await checks()).toBe(once);
  });

  it('should make a monitor UNKNOWN when its agents go silent', async () => {
    const seen = await gql<{ monitorAgents: { name: string; lastSeenAt: string; monitors: number }[] }>(
      '{ monitorAgents { name lastSeenAt monitors } }',
      {},
      head,
    );
    expect(seen.monitorAgents).toEqual([
      { name: 'probe-berlin', lastSeenAt: expect.any(String), monitors: 1 },
      { name: 'probe-moscow', lastSeenAt: clock.toISOString(), monitors: 1 },
    ]);
    advance(10 * 60);
    const scheduler = testScheduler(t, now);
    expect(await scheduler.sweepStale()).toBe(1);
    expect(await state()).toBe('UNKNOWN');
    expect(await t.database.db.ticket.count({ where: { source: 'MONITORING' } })).toBe(1);
  });

  it("should show a contact only its organization's monitors, without their settings, and strangers nothing", async () => {
    await gql(
      createMonitorMutation,
      {
        input: {
          siteId: globalId('Site', otherSiteId),
          name: 'Other shop',
          kind: 'TCP',
          tcp: { host: '127.0.0.1', port: 1 },
        },
      },
      head,
    );
    const query = `query ($s: ID) { monitors(siteId: $s) { id name state site { id } } }`;
    const staff = await gql<{ monitors: { name: string }[] }>(query, {}, head);
    expect(staff.monitors.map((m) => m.name).sort()).toEqual(['From abroad', 'Other shop']);
    const page = `query ($after: ID) { monitors(first: 1, after: $after) { id name } }`;
    const first = await gql<{ monitors: { id: string; name: string }[] }>(page, {}, head);
    const second = await gql<{ monitors: { id: string; name: string }[] }>(
      page,
      { after: first.monitors[0]?.id },
      head,
    );
    expect([...first.monitors, ...second.monitors].map((m) => m.name).sort()).toEqual(['From abroad', 'Other shop']);
    const mine = await gql<{ monitors: { name: string }[] }>(query, {}, contactToken);
    expect(mine.monitors.map((m) => m.name)).toEqual(['From abroad']);
    const theirs = await gql<{ monitors: { name: string }[] }>(
      query,
      { s: globalId('Site', siteId) },
      strangerContactToken,
    );
    expect(theirs.monitors).toEqual([]);
    const config = await t.gql(`{ monitors { config } }`, {}, contactToken);
    expect(config.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const node = await t.gql<{ node: unknown }>(
      `query ($id: ID!) { node(id: $id) { ... on Monitor { name } } }`,
      { id: monitorId },
      strangerContactToken,
    );
    expect(node.data?.node ?? null).toBeNull();
    const anonymous = await t.gql(query, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const uptime = await t.gql(
      `query ($s: ID!) { siteUptime(siteId: $s, month: "2026-11") { ... on SiteMonthUptime { uptimePercent } ... on DomainError { code } } }`,
      { s: globalId('Site', siteId) },
      strangerContactToken,
    );
    expect(uptime.data).toEqual({ siteUptime: { code: 'NOT_FOUND' } });
  });

  it('should refuse a subscription to another organization’s site', async () => {
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${strangerContactToken}` },
    });
    clients.push(client);
    const error = await new Promise<unknown>((resolve) => {
      client.subscribe(
        {
          query: `subscription ($s: ID) { monitorStatusChanged(siteId: $s) { state } }`,
          variables: { s: globalId('Site', siteId) },
        },
        { next: resolve, error: resolve, complete: () => resolve(null) },
      );
    });
    expect(JSON.stringify(error)).toContain('FORBIDDEN');
  });

  it('should update, pause, resume and delete a monitor through the API', async () => {
    const created = await gql<{ createMonitor: { monitor: { id: string } } }>(
      createMonitorMutation,
      {
        input: {
          siteId: globalId('Site', siteId),
          name: 'Temporary',
          kind: 'TCP',
          tcp: { host: '127.0.0.1', port: site.port },
        },
      },
      head,
    );
    const id = created.createMonitor.monitor.id;
    const updated = await gql<{
      updateMonitor: { monitor: { name: string; intervalSeconds: number; config: { port: number } } };
    }>(
      `mutation ($m: ID!) { updateMonitor(input: { monitorId: $m, name: "Port", intervalSeconds: 120, tcp: { host: "127.0.0.1", port: 1 } }) {
        ... on MonitorPayload { monitor { name intervalSeconds config } } } }`,
      { m: id },
      head,
    );
    expect(updated.updateMonitor.monitor).toMatchObject({ name: 'Port', intervalSeconds: 120, config: { port: 1 } });
    const pause = (paused: boolean) =>
      gql<{ pauseMonitor: { monitor: { state: string; paused: boolean } } }>(
        'mutation ($m: ID!, $p: Boolean!) { pauseMonitor(monitorId: $m, paused: $p) { ... on MonitorPayload { monitor { state paused } } } }',
        { m: id, p: paused },
        head,
      );
    expect((await pause(true)).pauseMonitor.monitor).toEqual({ state: 'PAUSED', paused: true });
    await testScheduler(t, now).runDue();
    expect(await storedChecks(t.database.db, rawId(id))).toBe(0);
    expect((await pause(false)).pauseMonitor.monitor).toEqual({ state: 'PENDING', paused: false });
    const deleted = await gql<{ deleteMonitor: { deletedMonitorId: string } }>(
      'mutation ($m: ID!) { deleteMonitor(monitorId: $m) { ... on DeleteMonitorPayload { deletedMonitorId } } }',
      { m: id },
      head,
    );
    expect(deleted.deleteMonitor.deletedMonitorId).toBe(id);
    expect(await t.database.db.monitor.count({ where: { id: rawId(id) } })).toBe(0);
  });

  it('should create a recurring maintenance window in a time zone and delete it', async () => {
    const created = await gql<{
      createMaintenanceWindow: { maintenanceWindow: { id: string; weekdays: number[]; localStart: string } };
    }>(
      `mutation ($input: CreateMaintenanceWindowInput!) { createMaintenanceWindow(input: $input) {
        ... on MaintenanceWindowPayload { maintenanceWindow { id weekdays localStart timeZone } } ... on DomainError { code field } } }`,
      {
        input: {
          title: 'Ночные бэкапы',
          monitorId,
          startsAt: clock.toISOString(),
          recurring: true,
          weekdays: [7],
          localStart: '02:00',
          durationMinutes: 120,
          timeZone: 'Europe/Moscow',
        },
      },
      head,
    );
    const id = created.createMaintenanceWindow.maintenanceWindow.id;
    expect(created.createMaintenanceWindow.maintenanceWindow).toMatchObject({ weekdays: [7], localStart: '02:00' });
    const bad = await gql<{ createMaintenanceWindow: { code: string; field: string } }>(
      `mutation ($input: CreateMaintenanceWindowInput!) { createMaintenanceWindow(input: $input) { ... on DomainError { code field } } }`,
      {
        input: {
          title: 'x',
          monitorId,
          startsAt: clock.toISOString(),
          recurring: true,
          localStart: '25:00',
          durationMinutes: 10,
        },
      },
      head,
    );
    expect(bad.createMaintenanceWindow).toEqual({ code: 'INVALID_INPUT', field: 'localStart' });
    const deleted = await gql<{ deleteMaintenanceWindow: { deletedMaintenanceWindowId: string } }>(
      'mutation ($id: ID!) { deleteMaintenanceWindow(id: $id) { ... on DeleteMaintenanceWindowPayload { deletedMaintenanceWindowId } } }',
      { id },
      head,
    );
    expect(deleted.deleteMaintenanceWindow.deletedMaintenanceWindowId).toBe(id);
    const again = await gql<{ deleteMaintenanceWindow: { code: string } }>(
      'mutation ($id: ID!) { deleteMaintenanceWindow(id: $id) { ... on DomainError { code } } }',
      { id },
      head,
    );
    expect(again.deleteMaintenanceWindow.code).toBe('NOT_FOUND');
  });

  it('should validate monitor input with typed errors', async () => {
    const bad = await gql<{ createMonitor: { code: string; field: string } }>(
      createMonitorMutation,
      { input: { siteId: globalId('Site', siteId), name: 'Bad', kind: 'HTTP', http: { url: 'ftp://x' } } },
      head,
    );
    expect(bad.createMonitor).toMatchObject({ code: 'INVALID_INPUT', field: 'url' });
    const heartbeat = await gql<{ createMonitor: { monitor: { id: string } } }>(
      createMonitorMutation,
      {
        input: { siteId: globalId('Site', siteId), name: 'Cron', kind: 'HEARTBEAT', heartbeat: { periodSeconds: 600 } },
      },
      head,
    );
    const assigned = await gql<{ assignMonitorAgent: { code: string; field: string } }>(
      'mutation ($m: ID!, $a: ID!) { assignMonitorAgent(monitorId: $m, agentId: $a) { ... on DomainError { code field } } }',
      { m: heartbeat.createMonitor.monitor.id, a: agents.Berlin?.id },
      head,
    );
    expect(assigned.assignMonitorAgent).toEqual({ code: 'INVALID_INPUT', field: 'monitorId' });
    const accountant = demo.staff.find((s) => s.role === 'ACCOUNTANT')?.token;
    const refused = await t.gql(
      createMonitorMutation,
      { input: { siteId: globalId('Site', siteId), name: 'X', kind: 'DOMAIN', domain: { domain: 'shop.example' } } },
      accountant,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
