import { recordCheck } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createMonitorMutation, globalId, rawId } from './support/monitoring.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const day = 86_400_000;

describeEachDatabase('Certificate expiry warnings at 30, 14 and 7 days', (provider) => {
  let t: TestApp;
  let monitorId: string;
  const start = new Date('2026-11-24T06:00:00Z');
  const expiresAt = new Date(start.getTime() + 25 * day + 3_600_000);

  beforeAll(async () => {
    t = await createTestApp(provider, { now: () => start, env: { MONITORING_ENABLED: 'false' } });
    const demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    const siteId = (await t.database.db.site.findFirstOrThrow()).id;
    const created = await t.gql<{ createMonitor: { monitor: { id: string; intervalSeconds: number } } }>(
      createMonitorMutation,
      { input: { siteId: globalId('Site', siteId), name: 'Certificate', kind: 'TLS', tls: { host: 'shop.example' } } },
      demo.staff.find((s) => s.role === 'HEAD')?.token,
    );
    expect(created.data?.createMonitor.monitor.intervalSeconds).toBe(86_400);
    monitorId = rawId(created.data?.createMonitor.monitor.id ?? '');
  });
  afterAll(() => t.close());

  /** A daily certificate check `after` days from the start (the check itself is tested against real servers). */
  const check = (after: number, expiry = expiresAt) => {
    const at = new Date(start.getTime() + after * day);
    const days = Math.floor((expiry.getTime() - at.getTime()) / day);
    return recordCheck(t.database.db, t.app.events, {
      monitorId,
      location: 'central',
      at,
      reschedule: true,
      report:
        days <= 30
          ? {
              outcome: 'DEGRADED',
              message: `certificate expires in ${days} days`,
              details: { daysLeft: days },
              expiresAt: expiry,
            }
          : { outcome: 'UP', expiresAt: expiry },
    });
  };
  const ticketMessages = async () => {
    const ticket = await t.database.db.ticket.findFirstOrThrow({
      where: { source: 'MONITORING' },
      include: { messages: { orderBy: { createdAt: 'asc' } } },
    });
    return { ticket, bodies: ticket.messages.map((m) => m.body) };
  };

  it('should file one NORMAL ticket at the first daily check under 30 days', async () => {
    expect(await check(0)).toMatchObject({ state: 'DEGRADED', changed: true });
    const { ticket, bodies } = await ticketMessages();
    expect(ticket).toMatchObject({ priority: 'NORMAL' });
    expect(ticket.description).toContain('certificate expires in 25 days');
    expect(bodies).toHaveLength(1);
  });

  it('should add one message at 14 days and one at 7, not one a day', async () => {
    for (let after = 1; after <= 20; after++) await check(after);
    const { bodies } = await ticketMessages();
    expect(bodies.slice(1)).toEqual([
      expect.stringContaining('14 days left before expiry (2026-12-19)'),
      expect.stringContaining('7 days left before expiry (2026-12-19)'),
    ]);
    expect(await t.database.db.ticket.count({ where: { source: 'MONITORING' } })).toBe(1);
  });

  it('should be UP again once the certificate is renewed, and start the steps over', async () => {
    const renewed = new Date(start.getTime() + 110 * day);
    expect(await check(21, renewed)).toMatchObject({ state: 'UP', changed: true });
    const monitor = await t.database.db.monitor.findUniqueOrThrow({ where: { id: monitorId } });
    expect(monitor).toMatchObject({ expiryWarnedDays: null, expiresAt: renewed });
    expect(await t.database.db.monitorIncident.count({ where: { monitorId, endedAt: null } })).toBe(0);
  });
});
