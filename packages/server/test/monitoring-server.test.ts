import { rmSync } from 'node:fs';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createMonitorMutation, globalId, startTargetSite, storedChecks } from './support/monitoring.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describeEachDatabase('The monitoring scheduler inside the server', (provider) => {
  let t: TestApp;
  let site: Awaited<ReturnType<typeof startTargetSite>>;

  beforeAll(async () => {
    site = await startTargetSite();
    t = await createTestApp(provider, { env: { MONITOR_TICK_MS: '20', MONITOR_CONCURRENCY: '5' } });
  });
  afterAll(async () => {
    await t.database.drop();
    rmSync(t.attachmentsDir, { recursive: true, force: true });
    await site.close();
  });

  it('should check a new monitor once the server starts, and stop cleanly with the check recorded', async () => {
    const demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    const siteId = (await t.database.db.site.findFirstOrThrow()).id;
    const created = await t.gql(
      createMonitorMutation,
      { input: { siteId: globalId('Site', siteId), name: 'Started', kind: 'HTTP', http: { url: `${site.url}/` } } },
      demo.staff.find((s) => s.role === 'HEAD')?.token,
    );
    expect(created.errors).toBeUndefined();
    await t.app.start();
    await site.hits(1);
    // stop() waits for the check in flight: its result is stored before stop resolves.
    await t.app.stop();
    const monitor = await t.database.db.monitor.findFirstOrThrow({ where: { name: 'Started' } });
    expect(monitor.lastCheckAt).not.toBeNull();
    expect(await storedChecks(t.database.db, monitor.id)).toBe(1);
    expect(monitor.leaseOwner).toBeNull();
  });

  it('should check a monitor created while the scheduler sleeps idle right away, woken by the event bus', async () => {
    // Idle sleeps last until the soonest due check (here a minute away), at most ten minutes:
    // only the wake-up makes the second monitor's first check come before the test times out.
    const idle = await createTestApp(provider, {
      env: { MONITOR_TICK_MS: '20', MONITOR_IDLE_MAX_MS: '600000' },
    });
    try {
      const demo = (await seedDemo(idle.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
      const head = demo.staff.find((s) => s.role === 'HEAD')?.token;
      const siteId = globalId('Site', (await idle.database.db.site.findFirstOrThrow()).id);
      const create = async (name: string) =>
        expect(
          (
            await idle.gql(
              createMonitorMutation,
              { input: { siteId, name, kind: 'HTTP', http: { url: `${site.url}/` } } },
              head,
            )
          ).errors,
        ).toBeUndefined();
      const checked = (name: string) =>
        expect
          .poll(async () => (await idle.database.db.monitor.findFirstOrThrow({ where: { name } })).lastCheckAt, {
            timeout: 15_000,
            interval: 50,
          })
          .not.toBeNull();
      await create('First');
      await idle.app.start();
      await checked('First');
      await create('Second');
      await checked('Second');
    } finally {
      await idle.close();
    }
  }, 30_000);
});
