import { siteUptimeForMonth } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createMonitorMutation, globalId, rawId, startTargetSite, testScheduler } from './support/monitoring.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describeEachDatabase('Monitoring: a site going down files its own emergency ticket', (provider) => {
  // Each test has its own app, database, site and clock: none depends on another's leftovers.
  let t: TestApp;
  let demo: DemoCredentials;
  let site: Awaited<ReturnType<typeof startTargetSite>>;
  let scheduler: ReturnType<typeof testScheduler>;
  let clock = new Date('2026-11-24T09:00:00Z');
  const now = () => clock;
  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };
  let siteId: string;
  let head: string;

  beforeEach(async () => {
    clock = new Date('2026-11-24T09:00:00Z');
    t = await createTestApp(provider, { now, env: { MONITORING_ENABLED: 'false' } });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    head = demo.staff.find((s) => s.role === 'HEAD')?.token ?? '';
    site = await startTargetSite();
    siteId = (await t.database.db.site.findFirstOrThrow({ orderBy: { createdAt: 'asc' } })).id;
    scheduler = testScheduler(t, now);
  });
  afterEach(async () => {
    await scheduler.stop();
    await site.close();
    await t.close();
  });

  async function createHttpMonitor(name: string, http: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    const response = await t.gql<{ createMonitor: { monitor: { id: string; state: string } } }>(
      createMonitorMutation,
      { input: { siteId: globalId('Site', siteId), name, kind: 'HTTP', http, ...extra } },
      head,
    );
    expect(response.errors).toBeUndefined();
    return rawId(response.data?.createMonitor.monitor.id ?? '');
  }
  const monitorState = async (id: string) => (await t.database.db.monitor.findUniqueOrThrow({ where: { id } })).state;
  /** A new monitor of the shop's home page, UP twice, then three failures: DOWN with its ticket. */
  async function shopDown(): Promise<{ id: string; ticketId: string }> {
    const id = await createHttpMonitor('Shop home', { url: `${site.url}/`, keyword: 'Add to cart' });
    await scheduler.runDue();
    advance(60);
    await scheduler.runDue();
    expect(await monitorState(id)).toBe('UP');
    await failThrice(id);
    const incident = await t.database.db.monitorIncident.findFirstOrThrow({ where: { monitorId: id, endedAt: null } });
    return { id, ticketId: incident.ticketId ?? '' };
  }
  async function failThrice(id: string) {
    site.state.mode = 'fail';
    for (const seconds of [60, 20, 20]) {
      advance(seconds);
      await scheduler.runDue();
    }
    expect(await monitorState(id)).toBe('DOWN');
  }
  async function recover(id: string) {
    site.state.mode = 'ok';
    advance(60);
    await scheduler.runDue();
    advance(60);
    await scheduler.runDue();
    expect(await monitorState(id)).toBe('UP');
  }
  const monitoringTickets = () => t.database.db.ticket.count({ where: { source: 'MONITORING' } });
  const staffMove = (mutation: string, inputType: string, input: Record<string, unknown>) =>
    t.gql<Record<string, { ticket?: { status: string }; code?: string }>>(
      `mutation ($i: ${inputType}!) { ${mutation}(input: $i) { ... on TicketPayload { ticket { status } } ... on DomainError { code } } }`,
      { i: input },
      head,
    );
  it('should file an IMMEDIATE emergency ticket with the evidence after three failures, within two minutes', async () => {
    const id = await createHttpMonitor('Shop home', { url: `${site.url}/`, keyword: 'Add to cart' });
    await scheduler.runDue();
    advance(60);
    await scheduler.runDue();
    expect(await monitorState(id)).toBe('UP');

    site.state.mode = 'fail';
    const wentDown = clock.getTime() + 60_000;
    advance(60);
    await scheduler.runDue();
    expect(await monitorState(id)).toBe('UP');
    advance(20);
    await scheduler.runDue();
    expect(await monitorState(id)).toBe('UP');
    advance(20);
    await scheduler.runDue();
    expect(await monitorState(id)).toBe('DOWN');

    const tickets = await t.database.db.ticket.findMany({ where: { source: 'MONITORING' } });
    expect(tickets).toHaveLength(1);
    const ticket = tickets[0];
    expect(ticket).toMatchObject({ priority: 'IMMEDIATE', category: 'EMERGENCY', status: 'NEW', siteId });
    expect(ticket?.createdAt.getTime()).toBeLessThanOrEqual(wentDown + 120_000);
    expect(ticket?.organizationId).toBe(
      (await t.database.db.site.findUniqueOrThrow({ where: { id: siteId } })).organizationId,
    );
    expect(ticket?.description).toContain('HTTP 500');
    expect(ticket?.description).toContain('database connection refused');
    expect(ticket?.description).toMatch(/firstByte \d+ ms/);
    const listed = await t.gql<{ monitors: { state: string; incidents: { kind: string; ticketId: string }[] }[] }>(
      'query ($s: ID) { monitors(siteId: $s) { state incidents { kind ticketId } } }',
      { s: globalId('Site', siteId) },
      head,
    );
    const incident = listed.data?.monitors[0]?.incidents[0];
    expect(incident?.kind).toBe('DOWN');
    const opened = await t.gql<{ ticket: { priority: string } }>(
      'query ($id: ID!) { ticket(id: $id) { priority } }',
      { id: incident?.ticketId },
      head,
    );
    expect(opened.data?.ticket.priority).toBe('IMMEDIATE');
    const letters = await t.database.db.outboxMail.findMany({ where: { kind: 'MONITOR_DOWN', ticketId: ticket?.id } });
    expect(letters.length).toBeGreaterThan(0);
    expect(letters.some((l) => l.locale === 'ru' && l.subject.includes('Сайт недоступен'))).toBe(true);
  });

  it('should record the recovery with the downtime in the same ticket after two successes', async () => {
    const monitor = await shopDown();
    site.state.mode = 'ok';
    advance(60);
    await scheduler.runDue();
    expect(await monitorState(monitor.id)).toBe('DOWN');
    advance(60);
    await scheduler.runDue();
    expect(await monitorState(monitor.id)).toBe('UP');
    const incident = await t.database.db.monitorIncident.findFirstOrThrow({ where: { monitorId: monitor.id } });
    expect((incident.endedAt?.getTime() ?? 0) - incident.startedAt.getTime()).toBe(120_000);
    const messages = await t.database.db.message.findMany({
      where: { ticketId: incident.ticketId ?? '' },
      orderBy: { createdAt: 'asc' },
    });
    expect(messages.at(-1)?.body).toContain('2 min');
    expect(await t.database.db.outboxMail.count({ where: { kind: 'MONITOR_RECOVERED' } })).toBeGreaterThan(0);
  });

  it('should reopen a resolved ticket through the lifecycle when the site goes down again within 30 minutes', async () => {
    const first = await shopDown();
    const ticketId = globalId('Ticket', first.ticketId);
    const resolved = await staffMove('resolveTicket', 'ResolveTicketInput', {
      ticketId,
      report: 'Перезапустили PHP-FPM',
    });
    expect(resolved.data?.resolveTicket?.ticket?.status).toBe('RESOLVED');
    await recover(first.id);
    advance(10 * 60);
    await failThrice(first.id);
    const reopenedAt = clock;

    expect(await monitoringTickets()).toBe(1);
    const reopened = await t.database.db.ticket.findUniqueOrThrow({
      where: { id: first.ticketId },
      include: {
        messages: { orderBy: { createdAt: 'asc' } },
        statusChanges: { orderBy: { createdAt: 'asc' } },
      },
    });
    expect(reopened.status).toBe('NEW');
    expect(reopened.statusChanges.at(-1)).toMatchObject({
      fromStatus: 'RESOLVED',
      toStatus: 'NEW',
      actorKind: 'SYSTEM',
    });
    // The reaction clock starts again: the emergency is due, warned of and escalated like a new one.
    expect(reopened.reactedAt).toBeNull();
    expect(reopened.reactionStartedAt?.getTime()).toBe(reopenedAt.getTime());
    expect(reopened.reactionDueAt?.getTime()).toBeGreaterThan(reopenedAt.getTime());
    expect(reopened.messages.at(-1)).toMatchObject({ authorKind: 'SYSTEM', source: 'MONITORING' });
    expect(reopened.messages.at(-1)?.body).toContain('down again');

    // Back up, then down again 31 minutes later: a new ticket.
    await recover(first.id);
    advance(31 * 60);
    await failThrice(first.id);
    expect(await monitoringTickets()).toBe(2);
  });

  it('should never reopen a closed ticket, but file a new one that names it', async () => {
    const first = await shopDown();
    const ticketId = globalId('Ticket', first.ticketId);
    const rejected = await staffMove('rejectTicket', 'RejectTicketInput', { ticketId, reason: 'Ложная тревога' });
    expect(rejected.data?.rejectTicket?.ticket?.status).toBe('REJECTED');
    await recover(first.id);
    advance(10 * 60);
    await failThrice(first.id);

    const closed = await t.database.db.ticket.findUniqueOrThrow({ where: { id: first.ticketId } });
    expect(closed.status).toBe('REJECTED');
    expect(await monitoringTickets()).toBe(2);
    const incident = await t.database.db.monitorIncident.findFirstOrThrow({
      where: { monitorId: first.id, endedAt: null },
    });
    const next = await t.database.db.ticket.findUniqueOrThrow({ where: { id: incident.ticketId ?? '' } });
    expect(next).toMatchObject({ status: 'NEW', priority: 'IMMEDIATE', category: 'EMERGENCY' });
    expect(next.description).toContain(`#${closed.number}`);
    expect(next.pageContext).toMatchObject({ previousTicketId: first.ticketId });
  });

  it('should file nothing during a maintenance window and leave it out of the uptime', async () => {
    // An outage outside maintenance first, so that the uptime has something to leave out.
    const shop = await shopDown();
    await recover(shop.id);
    const id = await createHttpMonitor('Checkout', { url: `${site.url}/checkout`, keyword: 'Add to cart' });
    await scheduler.runDue();
    advance(60);
    await scheduler.runDue();
    expect(await monitorState(id)).toBe('UP');
    const tickets = await t.database.db.ticket.count({ where: { source: 'MONITORING' } });
    const windowStart = clock;
    const window = await t.gql<{ createMaintenanceWindow: { maintenanceWindow?: { id: string }; code?: string } }>(
      `mutation ($input: CreateMaintenanceWindowInput!) { createMaintenanceWindow(input: $input) {
        ... on MaintenanceWindowPayload { maintenanceWindow { id } } ... on DomainError { code } } }`,
      {
        input: {
          title: 'Обновление CMS',
          siteId: globalId('Site', siteId),
          startsAt: clock.toISOString(),
          endsAt: new Date(clock.getTime() + 3600_000).toISOString(),
        },
      },
      head,
    );
    expect(window.data?.createMaintenanceWindow.maintenanceWindow?.id).toBeTruthy();
    const listed = await t.gql<{ maintenanceWindows: { id: string; title: string; siteId: string }[] }>(
      'query ($s: ID) { maintenanceWindows(siteId: $s) { id title siteId } }',
      { s: globalId('Site', siteId) },
      head,
    );
    expect(listed.data?.maintenanceWindows).toEqual([
      {
        id: window.data?.createMaintenanceWindow.maintenanceWindow?.id,
        title: 'Обновление CMS',
        siteId: globalId('Site', siteId),
      },
    ]);
    site.state.mode = 'no-keyword';
    for (const seconds of [60, 20, 20]) {
      advance(seconds);
      await scheduler.runDue();
    }
    expect(await monitorState(id)).toBe('DOWN');
    expect(await t.database.db.ticket.count({ where: { source: 'MONITORING' } })).toBe(tickets);
    expect(await t.database.db.monitorIncident.findFirst({ where: { monitorId: id } })).toMatchObject({
      inMaintenance: true,
      ticketId: null,
    });
    site.state.mode = 'ok';
    advance(60);
    await scheduler.runDue();
    advance(60);
    await scheduler.runDue();
    expect(await monitorState(id)).toBe('UP');

    // Only the unplanned DOWN periods of "Shop home" count, not the maintenance.
    const uptime = await siteUptimeForMonth(t.database.db, { siteId, month: '2026-11', now: clock });
    const incidents = await t.database.db.monitorIncident.findMany({
      where: { siteId, kind: 'DOWN', inMaintenance: false },
    });
    const downMs = incidents.reduce((s, i) => s + ((i.endedAt?.getTime() ?? 0) - i.startedAt.getTime()), 0);
    expect(uptime.monitored).toBe(true);
    expect(uptime.downtimeMinutes).toBe(Math.round(downMs / 60_000));
    // Watched since the first monitor was created, less the maintenance still running now.
    const first = await t.database.db.monitor.findFirstOrThrow({ orderBy: { createdAt: 'asc' } });
    const monitoredMs = windowStart.getTime() - first.createdAt.getTime();
    expect(uptime.uptimePercent).toBe(Math.round((1 - downMs / monitoredMs) * 10_000) / 100);
    expect(uptime.uptimePercent).toBeLessThan(100);
  });

  it('should file the ticket once a maintenance window ends with the site still down', async () => {
    const { db } = t.database;
    const monitor = {
      id: await createHttpMonitor('Checkout', { url: `${site.url}/checkout`, keyword: 'Add to cart' }),
    };
    await scheduler.runDue();
    advance(60);
    await scheduler.runDue();
    expect(await monitorState(monitor.id)).toBe('UP');
    await db.maintenanceWindow.create({
      data: {
        title: 'Перенос сервера',
        monitorId: monitor.id,
        startsAt: clock,
        endsAt: new Date(clock.getTime() + 5 * 60_000),
      },
    });
    // Only this monitor's tickets (the shop's home page, checked too, has no window).
    const filed = () => db.monitorIncident.count({ where: { monitorId: monitor.id, ticketId: { not: null } } });
    const before = await filed();
    site.state.mode = 'no-keyword';
    for (const seconds of [60, 20, 20]) {
      advance(seconds);
      await scheduler.runDue();
    }
    expect(await monitorState(monitor.id)).toBe('DOWN');
    expect(await filed()).toBe(before);
    // The window ends, the site is still down: the next failed check files it.
    advance(5 * 60);
    await scheduler.runDue();
    expect(await filed()).toBe(before + 1);
    const incident = await db.monitorIncident.findFirstOrThrow({ where: { monitorId: monitor.id, endedAt: null } });
    expect(incident).toMatchObject({ inMaintenance: false, ticketId: expect.any(String) });
    advance(20);
    await scheduler.runDue();
    expect(await filed()).toBe(before + 1);
    site.state.mode = 'ok';
  });
});
