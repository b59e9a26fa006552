import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createMonitorMutation, globalId, rawId, startTargetSite, testScheduler } from './support/monitoring.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

type Uptime = { day: number | null; week: number | null; month: number | null };
const boardQuery = '{ monitors { id name uptime { day week month } } }';

/** The monitoring board's uptimes: confirmed DOWN time over the last day, week and 30 days. */
describeEachDatabase("a monitor's uptime over 24 hours, 7 and 30 days", (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let site: Awaited<ReturnType<typeof startTargetSite>>;
  let clock = new Date('2026-11-24T09:00:00Z');
  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };
  const reads: string[] = [];
  let head = '';
  let shop = '';
  let blog = '';

  beforeAll(async () => {
    t = await createTestApp(provider, {
      now: () => clock,
      env: { MONITORING_ENABLED: 'false' },
      onQuery: (e) => reads.push(e.query),
    });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    head = demo.staff.find((s) => s.role === 'HEAD')?.token ?? '';
    site = await startTargetSite();
    const siteId = (await t.database.db.site.findFirstOrThrow({ orderBy: { createdAt: 'asc' } })).id;
    const create = async (name: string) => {
      const answer = await t.gql<{ createMonitor: { monitor: { id: string } } }>(
        createMonitorMutation,
        { input: { siteId: globalId('Site', siteId), name, kind: 'HTTP', http: { url: `${site.url}/` } } },
        head,
      );
      return rawId(answer.data?.createMonitor.monitor.id ?? '');
    };
    await t.database.db.monitor.deleteMany({});
    shop = await create('Shop');
    blog = await create('Blog');
    const scheduler = testScheduler(t, () => clock);
    await scheduler.runDue();
    // Both go down together for about an hour, then recover.
    site.state.mode = 'fail';
    for (const seconds of [60, 20, 20]) {
      advance(seconds);
      await scheduler.runDue();
    }
    advance(3600);
    site.state.mode = 'ok';
    await scheduler.runDue();
    advance(60);
    await scheduler.runDue();
    await scheduler.stop();
    // The blog's outage fell in a maintenance window of its own.
    const outage = await t.database.db.monitorIncident.findFirstOrThrow({ where: { monitorId: blog } });
    const window = await t.gql(
      'mutation ($i: CreateMaintenanceWindowInput!) { createMaintenanceWindow(input: $i) { __typename } }',
      {
        i: {
          monitorId: globalId('Monitor', blog),
          title: 'Blog migration',
          startsAt: new Date(outage.startedAt.getTime() - 60_000).toISOString(),
          endsAt: new Date((outage.endedAt?.getTime() ?? 0) + 60_000).toISOString(),
        },
      },
      head,
    );
    expect(window.errors).toBeUndefined();
    // Two days after the monitors were created.
    clock = new Date('2026-11-26T09:00:00Z');
  });
  afterAll(async () => {
    await site.close();
    await t.close();
  });

  it('should count the confirmed downtime against the last day, week and 30 days, and leave maintenance out', async () => {
    reads.length = 0;
    const answer = await t.gql<{ monitors: { id: string; name: string; uptime: Uptime }[] }>(boardQuery, {}, head);
    expect(answer.errors).toBeUndefined();
    const incidentReads = reads.filter((q) => /FROM\s+\W*(main|public)\W*\.\W*MonitorIncident\W/i.test(q));
    const incident = await t.database.db.monitorIncident.findFirstOrThrow({ where: { monitorId: shop } });
    const created = (await t.database.db.monitor.findUniqueOrThrow({ where: { id: shop } })).createdAt.getTime();
    const downMs = (incident.endedAt?.getTime() ?? 0) - incident.startedAt.getTime();
    expect(downMs).toBeGreaterThan(3_600_000);
    const percent = (span: number) => Math.round((1 - downMs / span) * 10_000) / 100;
    const byName = Object.fromEntries(answer.data?.monitors.map((m) => [m.name, m.uptime]) ?? []);
    // The outage was more than a day ago: the last day was all up.
    expect(byName.Shop).toEqual({
      day: 100,
      week: percent(clock.getTime() - created),
      month: percent(clock.getTime() - created),
    });
    expect(byName.Blog).toEqual({ day: 100, week: 100, month: 100 });
    // One read of incidents for all the monitors, not one per monitor.
    expect(incidentReads).toHaveLength(1);
  });

  it('should show no uptime to a visitor', async () => {
    const answer = await t.gql<{ monitors: unknown[] }>(boardQuery);
    expect(answer.data?.monitors ?? []).toEqual([]);
  });
});
