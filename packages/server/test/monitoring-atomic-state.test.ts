import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createMonitorMutation, globalId, rawId, startTargetSite, testScheduler } from './support/monitoring.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/**
 * A monitor's state and its incident are one write: when the incident cannot be stored (the
 * database fails right then), the monitor does not turn DOWN without it; the next check, once
 * the database is back, confirms the outage with its incident and its ticket.
 */
describeEachDatabase('Monitoring writes a state change and its incident together', (provider) => {
  let t: TestApp;
  let site: Awaited<ReturnType<typeof startTargetSite>>;
  let headToken = '';
  let clock = new Date('2026-11-24T09:00:00Z');
  const now = () => clock;
  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  /** The test database's PostgreSQL schema (raw SQL is not qualified by Prisma). */
  const pgSchema = () => `"${t.database.target.provider === 'postgresql' ? t.database.target.schema : ''}"`;
  /** Makes every insert of an incident fail, as a full disk or a dropped connection would. */
  const breakIncidents = () =>
    provider === 'sqlite'
      ? t.database.db.$executeRawUnsafe(
          `CREATE TRIGGER fail_incident BEFORE INSERT ON "MonitorIncident" BEGIN SELECT RAISE(ABORT, 'simulated failure'); END;`,
        )
      : t.database.db
          .$executeRawUnsafe(
            `CREATE FUNCTION ${pgSchema()}.fail_incident() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$ LANGUAGE plpgsql`,
          )
          .then(() =>
            t.database.db.$executeRawUnsafe(
              `CREATE TRIGGER fail_incident BEFORE INSERT ON ${pgSchema()}."MonitorIncident" FOR EACH ROW EXECUTE FUNCTION ${pgSchema()}.fail_incident()`,
            ),
          );
  const repairIncidents = () =>
    t.database.db.$executeRawUnsafe(
      provider === 'sqlite'
        ? 'DROP TRIGGER fail_incident'
        : `DROP TRIGGER fail_incident ON ${pgSchema()}."MonitorIncident"`,
    );

  beforeAll(async () => {
    t = await createTestApp(provider, { now, env: { MONITORING_ENABLED: 'false' } });
    const demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    headToken = demo.staff.find((s) => s.role === 'HEAD')?.token ?? '';
    site = await startTargetSite();
  });
  afterAll(async () => {
    await site.close();
    await t.close();
  });

  it('should not turn a monitor DOWN whose incident could not be stored, and confirm the outage once it can', async () => {
    const siteId = (await t.database.db.site.findFirstOrThrow({ orderBy: { createdAt: 'asc' } })).id;
    const errors: unknown[] = [];
    const scheduler = testScheduler(t, now, { errors });
    const created = await t.gql<{ createMonitor: { monitor: { id: string } } }>(
      createMonitorMutation,
      { input: { siteId: globalId('Site', siteId), name: 'Shop', kind: 'HTTP', http: { url: `${site.url}/` } } },
      headToken,
    );
    const id = rawId(created.data?.createMonitor.monitor.id ?? '');
    await scheduler.runDue();
    advance(60);
    await scheduler.runDue();
    expect((await t.database.db.monitor.findUniqueOrThrow({ where: { id } })).state).toBe('UP');

    site.state.mode = 'fail';
    await breakIncidents();
    for (let i = 0; i < 3; i++) {
      advance(60);
      await scheduler.runDue();
    }
    // The third failure would confirm DOWN, but its incident could not be written: nothing of it was kept.
    expect(errors.length).toBeGreaterThan(0);
    const during = await t.database.db.monitor.findUniqueOrThrow({ where: { id } });
    expect(during.state).not.toBe('DOWN');
    expect(await t.database.db.monitorIncident.count({ where: { monitorId: id } })).toBe(0);
    expect(await t.database.db.ticket.count({ where: { source: 'MONITORING' } })).toBe(0);

    await repairIncidents();
    for (let i = 0; i < 4 && (await t.database.db.monitor.findUniqueOrThrow({ where: { id } })).state !== 'DOWN'; i++) {
      advance(60);
      await scheduler.runDue();
    }
    const after = await t.database.db.monitor.findUniqueOrThrow({ where: { id } });
    expect(after.state).toBe('DOWN');
    const incidents = await t.database.db.monitorIncident.findMany({ where: { monitorId: id } });
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.ticketId).not.toBeNull();
    expect(await t.database.db.ticket.count({ where: { source: 'MONITORING' } })).toBe(1);
  });
});
