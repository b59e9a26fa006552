import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createMonitorMutation, globalId, rawId, startTargetSite, testScheduler } from './support/monitoring.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const updateMonitorMutation = `mutation ($input: UpdateMonitorInput!) {
  updateMonitor(input: $input) {
    ... on MonitorPayload { monitor { id } }
    ... on DomainError { code field detail message }
  }
}`;

interface Refusal {
  createMonitor: { code?: string; field?: string; detail?: string; monitor?: { id: string } };
}

/**
 * A support-line member may not aim a monitor inside the studio's networks (server-side request
 * forgery): saving refuses with MONITOR_TARGET_FORBIDDEN, and a monitor that ends up pointing
 * inside is never checked there.
 */
describeEachDatabase('Monitors aimed inside the studio’s networks', (provider) => {
  /** MONITOR_ALLOW_NETWORKS empty: only public addresses, as in production by default. */
  let strict: TestApp;
  let line1 = '';
  let siteId = '';
  let site: Awaited<ReturnType<typeof startTargetSite>>;

  beforeAll(async () => {
    strict = await createTestApp(provider, { env: { MONITORING_ENABLED: 'false', MONITOR_ALLOW_NETWORKS: '' } });
    const demo = (await seedDemo(strict.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    line1 = demo.staff.find((s) => s.role === 'LINE1')?.token ?? '';
    siteId = globalId('Site', (await strict.database.db.site.findFirstOrThrow({ orderBy: { createdAt: 'asc' } })).id);
    site = await startTargetSite();
  });
  afterAll(async () => {
    await site.close();
    await strict.close();
  });

  const create = (input: Record<string, unknown>, headers: Record<string, string> = {}) =>
    strict.gql<Refusal>(createMonitorMutation, { input: { siteId, name: 'Probe', ...input } }, line1, headers);

  it('should refuse a monitor of the Redis port on 127.0.0.1, naming the rule, and save nothing', async () => {
    const answer = await create({ kind: 'TCP', tcp: { host: '127.0.0.1', port: 6379 } });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.createMonitor).toMatchObject({ code: 'MONITOR_TARGET_FORBIDDEN', field: 'host' });
    expect(answer.data?.createMonitor.detail).toContain('127.0.0.1 is a loopback address');
    expect(await strict.database.db.monitor.count()).toBe(0);
  });

  it('should refuse private, link-local, metadata and IPv6 loopback targets of every kind', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'HTTP', http: { url: 'http://10.0.0.5/admin' } }, 'private'],
      [{ kind: 'HTTP', http: { url: 'http://169.254.169.254/latest/meta-data/' } }, 'cloudMetadata'],
      [{ kind: 'HTTP', http: { url: 'http://[::1]:6379/' } }, 'loopback'],
      [{ kind: 'HTTP', http: { url: 'http://[::ffff:7f00:1]/' } }, 'loopback'],
      [{ kind: 'TLS', tls: { host: '192.168.1.1', port: 443 } }, 'private'],
      [{ kind: 'TCP', tcp: { host: '100.64.0.10', port: 22 } }, 'carrierGradeNat'],
    ];
    for (const [input, rule] of cases) {
      const answer = await create(input);
      expect(answer.data?.createMonitor.code, JSON.stringify(input)).toBe('MONITOR_TARGET_FORBIDDEN');
      expect(answer.data?.createMonitor.detail).toContain(`a ${rule} address`);
    }
    expect(await strict.database.db.monitor.count()).toBe(0);
  });

  it('should refuse a name that resolves to an inside address', async () => {
    const answer = await create({ kind: 'HTTP', http: { url: `http://localhost:${site.port}/` } });
    expect(answer.data?.createMonitor).toMatchObject({ code: 'MONITOR_TARGET_FORBIDDEN', field: 'url' });
    expect(site.state.hits).toBe(0);
  });

  it('should say why in the reader’s language', async () => {
    const ru = await strict.gql<{ createMonitor: { message: string } }>(
      `mutation ($input: CreateMonitorInput!) { createMonitor(input: $input) { ... on DomainError { message } } }`,
      { input: { siteId, name: 'Probe', kind: 'TCP', tcp: { host: '127.0.0.1', port: 6379 } } },
      line1,
      { 'accept-language': 'ru' },
    );
    expect(ru.data?.createMonitor.message).toContain('Мониторы проверяют только публичные адреса');
  });

  it('should refuse to move an existing monitor inside, keeping its target', async () => {
    const created = await create({ kind: 'HTTP', http: { url: 'https://shop.example/' } });
    const monitorId = created.data?.createMonitor.monitor?.id ?? '';
    expect(monitorId).not.toBe('');
    const moved = await strict.gql<{ updateMonitor: { code: string } }>(
      updateMonitorMutation,
      { input: { monitorId, http: { url: 'http://127.0.0.1:6379/' } } },
      line1,
    );
    expect(moved.data?.updateMonitor.code).toBe('MONITOR_TARGET_FORBIDDEN');
    const stored = await strict.database.db.monitor.findUniqueOrThrow({ where: { id: rawId(monitorId) } });
    expect(stored.config).toMatchObject({ url: 'https://shop.example/' });
  });

  it('should record ERROR, never DOWN or a ticket, for a monitor that points inside once networks are narrowed', async () => {
    // Saved while an admin allowed 127.0.0.0/8; then the allow list was emptied.
    const allowing = await createTestApp(provider, { env: { MONITORING_ENABLED: 'false' } });
    try {
      const demo = (await seedDemo(allowing.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
      const head = demo.staff.find((s) => s.role === 'HEAD')?.token ?? '';
      const site2 = globalId('Site', (await allowing.database.db.site.findFirstOrThrow()).id);
      site.state.mode = 'fail';
      const created = await allowing.gql<Refusal>(
        createMonitorMutation,
        { input: { siteId: site2, name: 'Inside', kind: 'HTTP', http: { url: `${site.url}/` } } },
        head,
      );
      const id = rawId(created.data?.createMonitor.monitor?.id ?? '');
      const hitsBefore = site.state.hits;
      const narrowed = testScheduler(allowing, () => new Date(), { allowLocal: false });
      for (let round = 0; round < 4; round++) {
        await narrowed.runDue();
        await allowing.database.db.monitor.update({ where: { id }, data: { nextCheckAt: new Date(0) } });
      }
      expect(site.state.hits).toBe(hitsBefore);
      const results = await allowing.database.db.checkResult.findMany({ where: { monitorId: id } });
      expect(results.length).toBeGreaterThanOrEqual(4);
      for (const result of results) {
        expect(result.outcome).toBe('ERROR');
        expect(result.message).toContain('loopback');
        expect(JSON.stringify(result.details)).not.toContain('Internal Server Error');
      }
      const monitor = await allowing.database.db.monitor.findUniqueOrThrow({ where: { id } });
      expect(monitor.state).not.toBe('DOWN');
      expect(await allowing.database.db.ticket.count({ where: { source: 'MONITORING' } })).toBe(0);
    } finally {
      site.state.mode = 'ok';
      await allowing.close();
    }
  });
});
