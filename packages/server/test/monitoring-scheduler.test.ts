import { createDb, parseDatabaseUrl } from '@caredesk/schema/db';
import { createMonitorScheduler } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import {
  createMonitorMutation,
  globalId,
  rawId,
  startTargetSite,
  storedChecks,
  testScheduler,
} from './support/monitoring.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describeEachDatabase('Monitoring scheduler', (provider) => {
  let t: TestApp;
  let head: string;
  let site: Awaited<ReturnType<typeof startTargetSite>>;
  let siteId: string;
  let clock = new Date('2026-11-24T09:00:00Z');
  const now = () => clock;
  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  beforeAll(async () => {
    t = await createTestApp(provider, { now });
    const demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    head = demo.staff.find((s) => s.role === 'HEAD')?.token ?? '';
    site = await startTargetSite();
    siteId = (await t.database.db.site.findFirstOrThrow({ orderBy: { createdAt: 'asc' } })).id;
  });
  afterAll(async () => {
    await site.close();
    await t.close();
  });

  async function create(input: Record<string, unknown>) {
    const response = await t.gql<{ createMonitor: { monitor: { id: string }; pushUrl: string | null } }>(
      createMonitorMutation,
      { input: { siteId: globalId('Site', siteId), ...input } },
      head,
    );
    expect(response.errors).toBeUndefined();
    const payload = response.data?.createMonitor;
    return { id: rawId(payload?.monitor.id ?? ''), pushUrl: payload?.pushUrl ?? null };
  }
  const state = async (id: string) => (await t.database.db.monitor.findUniqueOrThrow({ where: { id } })).state;
  const monitoringTickets = () => t.database.db.ticket.findMany({ where: { source: 'MONITORING' } });
  // Each test watches only its own monitors.
  afterEach(async () => {
    site.state.mode = 'ok';
    await t.database.db.monitor.updateMany({ data: { paused: true, state: 'PAUSED' } });
  });

  it('should run each due check once when two schedulers share the database', async () => {
    for (let i = 0; i < 30; i++) await create({ name: `Page ${i}`, kind: 'HTTP', http: { url: `${site.url}/p${i}` } });
    const other = createDb(parseDatabaseUrl(t.database.url));
    const a = testScheduler(t, now);
    const b = createMonitorScheduler({ db: other, events: t.app.events, now, spreadOnStart: false });
    try {
      site.state.hits = 0;
      const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
      expect(ranA + ranB).toBe(30);
      expect(site.state.hits).toBe(30);
      expect(await storedChecks(t.database.db)).toBe(30);
      advance(60);
      const [againA, againB] = await Promise.all([a.runDue(), b.runDue()]);
      expect(againA + againB).toBe(30);
      expect(await storedChecks(t.database.db)).toBe(60);
    } finally {
      await other.$disconnect();
    }
  });

  it('should make the monitor UNKNOWN, never DOWN and file no ticket, while its own database fails under it', async () => {
    const { db } = t.database;
    const scheduler = testScheduler(t, now);
    const { id } = await create({ name: 'Database test', kind: 'HTTP', http: { url: `${site.url}/` } });
    await scheduler.runDue();
    advance(60);
    await scheduler.runDue();
    expect(await state(id)).toBe('UP');

    site.state.mode = 'fail';
    const schema = t.database.target.provider === 'postgresql' ? t.database.target.schema : null;
    const table = (name: string) => (schema ? `"${schema}"."${name}"` : `"${name}"`);
    await db.$executeRawUnsafe(`ALTER TABLE ${table('CheckResult')} RENAME TO "CheckResult_broken"`);
    try {
      // The lease of a check whose result was lost runs out before it is claimed again.
      for (let round = 0; round < 4; round++) {
        advance(100);
        expect(await scheduler.runDue()).toBe(1);
      }
      // Once the database answers again the monitor is UNKNOWN; never DOWN, whatever the site does.
      expect(['UP', 'UNKNOWN']).toContain(await state(id));
      expect(await monitoringTickets()).toHaveLength(0);
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE ${table('CheckResult_broken')} RENAME TO "CheckResult"`);
    }
    advance(100);
    await scheduler.runDue();
    expect(await state(id)).toBe('UNKNOWN');
    const change = await db.monitorStateChange.findFirstOrThrow({ where: { monitorId: id, toState: 'UNKNOWN' } });
    expect(change.reason).toContain('caredesk');
    expect(await monitoringTickets()).toHaveLength(0);
    // Counting starts over: the site's real failures confirm DOWN only after three new ones.
    advance(20);
    await scheduler.runDue();
    expect(await state(id)).toBe('UNKNOWN');
    advance(20);
    await scheduler.runDue();
    expect(await state(id)).toBe('DOWN');
    expect(await monitoringTickets()).toHaveLength(1);
    site.state.mode = 'ok';
  });

  it('should go DOWN and file a ticket when a heartbeat stops, and count each push as a success', async () => {
    const scheduler = testScheduler(t, now);
    const { id, pushUrl } = await create({
      name: 'Nightly backup',
      kind: 'HEARTBEAT',
      heartbeat: { periodSeconds: 3600, graceSeconds: 600 },
    });
    expect(pushUrl).toMatch(/\/heartbeat\/hb_/);
    const push = async () =>
      (await t.app.yoga.fetch(new URL(new URL(pushUrl ?? '').pathname, 'http://localhost'), { method: 'POST' })).status;
    expect(await push()).toBe(200);
    advance(3600);
    expect(await push()).toBe(200);
    expect(await state(id)).toBe('UP');
    expect(await t.app.yoga.fetch('http://localhost/heartbeat/hb_unknownunknownunknown')).toHaveProperty('status', 404);

    advance(3600 + 599);
    expect(await scheduler.runDue()).toBe(0);
    advance(1);
    await scheduler.runDue();
    advance(20);
    await scheduler.runDue();
    expect(await state(id)).toBe('UP');
    advance(20);
    await scheduler.runDue();
    expect(await state(id)).toBe('DOWN');
    const tickets = await monitoringTickets();
    expect(tickets.at(-1)?.description).toContain('no heartbeat since');
    expect(tickets.at(-1)?.priority).toBe('IMMEDIATE');

    // The job runs again: two pushes bring it back up with the downtime recorded.
    advance(5);
    expect(await push()).toBe(200);
    advance(60);
    expect(await push()).toBe(200);
    expect(await state(id)).toBe('UP');
  });

  it('should file one NORMAL ticket when the site answers slowly, not one per slow spell', async () => {
    const scheduler = testScheduler(t, now);
    const { id } = await create({
      name: 'Slow catalogue',
      kind: 'HTTP',
      http: { url: `${site.url}/catalogue` },
      degradedAfterMs: 100,
    });
    site.state.mode = 'slow';
    await scheduler.runDue();
    advance(60);
    await scheduler.runDue();
    expect(await state(id)).toBe('DEGRADED');
    const before = await monitoringTickets();
    const slowTicket = before.at(-1);
    expect(slowTicket).toMatchObject({ priority: 'NORMAL' });
    expect(slowTicket?.description).toMatch(/slow: \d+ ms \(limit 100 ms\)/);

    site.state.mode = 'ok';
    advance(60);
    await scheduler.runDue();
    advance(60);
    await scheduler.runDue();
    expect(await state(id)).toBe('UP');
    site.state.mode = 'slow';
    advance(60);
    await scheduler.runDue();
    advance(60);
    await scheduler.runDue();
    expect(await state(id)).toBe('DEGRADED');
    expect(await monitoringTickets()).toHaveLength(before.length);
    site.state.mode = 'ok';
  });

  it("should not count a timeout as the site's failure when caredesk itself stalled", async () => {
    // Whether the loop stalled is scripted here (the detector itself: monitoring-stalls.test.ts).
    let stalledMs: number | null = 1500;
    const stalls = { start() {}, stop() {}, stalledSince: () => stalledMs };
    const scheduler = testScheduler(t, now, { stalls });
    const { id } = await create({ name: 'Stalled', kind: 'HTTP', http: { url: `${site.url}/stall` }, timeoutMs: 300 });
    site.state.mode = 'hang';
    await scheduler.runDue();
    const result = await t.database.db.checkResult.findFirstOrThrow({ where: { monitorId: id } });
    expect(result.outcome).toBe('ERROR');
    expect(result.message).toMatch(/caredesk was overloaded \(its event loop stalled \d+ ms\): timed out after 300 ms/);
    expect(await state(id)).toBe('PENDING');

    // Not stalled: the same timeout is the site's failure.
    stalledMs = null;
    advance(60);
    await scheduler.runDue();
    const second = await t.database.db.checkResult.findMany({
      where: { monitorId: id },
      orderBy: { checkedAt: 'asc' },
    });
    expect(second.at(-1)).toMatchObject({ outcome: 'DOWN', message: 'timed out after 300 ms' });
    await scheduler.stop();
  });

  it('should spread overdue checks over one interval when it starts, and stop cleanly', async () => {
    const { db } = t.database;
    await db.monitor.updateMany({
      where: { kind: 'HTTP', name: { startsWith: 'Page' } },
      data: { paused: false, state: 'PENDING', nextCheckAt: new Date(clock.getTime() - 3600_000) },
    });
    const scheduler = createMonitorScheduler({ db, events: t.app.events, now, tickMs: 60_000 });
    await scheduler.start();
    await scheduler.stop();
    const pages = await db.monitor.findMany({ where: { name: { startsWith: 'Page' } } });
    const offsets = pages.map((p) => p.nextCheckAt.getTime() - clock.getTime());
    const ran = pages.filter((p) => p.lastCheckAt && p.lastCheckAt.getTime() === clock.getTime()).length;
    // Nothing is overdue any more: each is due within the next minute (those at offset 0 ran at once).
    expect(offsets.every((o) => o >= -2000 && o <= 60_000)).toBe(true);
    expect(ran).toBeLessThan(30);
    expect(new Set(offsets.map((o) => Math.floor(o / 10_000))).size).toBeGreaterThan(3);
    expect(scheduler.inFlight()).toBe(0);
  });
});
