import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createMonitorMutation,
  globalId,
  startTargetSite,
  testScheduler,
} from '../../../server/test/support/monitoring.ts';
import { describeInChromium } from '../../../widget/test/browser/support/chromium.ts';
import { saveScreenshot, seriousViolations } from '../../../widget/test/browser/support/page-helpers.ts';
import { type ConsoleSite, startConsoleSite } from './support/console-site.ts';

/** The monitoring board: a monitor added in the console, its outage seen live. */
describeInChromium('the monitoring board in the staff console (headless Chromium)', () => {
  let site: ConsoleSite;
  let target: Awaited<ReturnType<typeof startTargetSite>>;
  let page: Page;
  // The checks run on the test's clock (the server's own scheduler is off).
  let clock = new Date();
  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  beforeAll(async () => {
    [site, target] = await Promise.all([
      startConsoleSite(undefined, { MONITORING_ENABLED: 'false' }),
      startTargetSite(),
    ]);
  });
  afterAll(async () => {
    await target?.close();
    await site?.close();
  });

  const signInAs = async (role: string) => {
    page = await site.signInAs(role);
    await page.getByRole('link', { name: 'Monitoring' }).click();
    await page.getByRole('heading', { name: 'Monitoring' }).waitFor();
  };

  it('should let a specialist add a monitor and see its outage live, with the ticket it filed', async () => {
    await signInAs('LINE1');
    const form = page.getByRole('form', { name: 'Add a monitor' });
    await form.getByLabel('Monitor').fill('Flower shop checkout');
    await form.getByLabel('Address (URL)').fill(`${target.url}/`);
    await form.getByLabel('Text the page must contain (optional)').fill('Add to cart');
    await form.getByRole('button', { name: 'Add a monitor' }).click();
    await page.getByText('Monitor “Flower shop checkout” added.').waitFor();
    const row = page.getByRole('row', { name: /Flower shop checkout/ });
    await row.waitFor();

    clock = new Date(Date.now() + 1_000);
    const scheduler = testScheduler(site.t, () => clock);
    try {
      // Two good checks confirm UP.
      await scheduler.runDue();
      advance(60);
      await scheduler.runDue();
      await row.getByText('Up', { exact: true }).waitFor();
      target.state.mode = 'fail';
      for (const seconds of [60, 20, 20]) {
        advance(seconds);
        await scheduler.runDue();
      }
      // No reload: monitorStatusChanged brings it.
      await row.getByText('Down', { exact: true }).waitFor();
      // Above the table: what is down now, with the evidence and the ticket.
      const incident = page.getByRole('region', { name: 'Down or slow now' }).getByRole('listitem');
      await incident.getByText('HTTP 500').waitFor();
      await saveScreenshot(page, 'console-monitoring-down');
      expect(await seriousViolations(page)).toEqual([]);
      await incident.getByRole('link', { name: 'ticket' }).click();
      await page.getByRole('heading', { name: /Flower shop checkout/ }).waitFor();
    } finally {
      await scheduler.stop();
    }
    await page.close();
  });

  it("should change a monitor's name and address, keeping its kind", async () => {
    const first = await site.t.database.db.site.findFirstOrThrow({ orderBy: [{ name: 'asc' }, { id: 'asc' }] });
    await site.t.gql(
      createMonitorMutation,
      {
        input: {
          siteId: globalId('Site', first.id),
          name: 'Catalogue',
          kind: 'HTTP',
          http: { url: `${target.url}/c` },
        },
      },
      site.demo.staff.find((s) => s.role === 'HEAD')?.token,
    );
    await signInAs('LINE1');
    await page.getByRole('button', { name: 'Change Catalogue' }).click();
    const form = page.getByRole('form', { name: 'Change “Catalogue”' });
    expect(await form.getByLabel('Address (URL)').inputValue()).toBe(`${target.url}/c`);
    expect(await form.getByLabel('Kind').isDisabled()).toBe(true);
    await form.getByLabel('Monitor').fill('Catalogue page');
    await form.getByLabel('Address (URL)').fill(`${target.url}/catalogue`);
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Monitor “Catalogue page” changed.').waitFor();
    const stored = await site.t.database.db.monitor.findFirstOrThrow({ where: { name: 'Catalogue page' } });
    expect(stored.config).toMatchObject({ url: `${target.url}/catalogue` });
    expect(stored.kind).toBe('HTTP');
    await page.close();
  });

  it('should plan maintenance for a site and end it early', async () => {
    await signInAs('LINE1');
    const plan = page.getByRole('form', { name: 'Plan maintenance' });
    // datetime-local takes the browser's local time: from a minute ago to an hour from now.
    const local = (offsetMinutes: number) =>
      page.evaluate((offset) => {
        const at = new Date(Date.now() + offset * 60_000 - new Date().getTimezoneOffset() * 60_000);
        return at.toISOString().slice(0, 16);
      }, offsetMinutes);
    await plan.getByLabel('What is done').fill('Hosting move');
    await plan.getByLabel('From').fill(await local(-1));
    await plan.getByLabel('To').fill(await local(60));
    await plan.getByRole('button', { name: 'Plan maintenance' }).click();
    await page.getByText('Maintenance “Hosting move” planned.').waitFor();
    const stored = await site.t.database.db.maintenanceWindow.findFirstOrThrow({ where: { title: 'Hosting move' } });
    expect((stored.endsAt?.getTime() ?? 0) - stored.startsAt.getTime()).toBe(61 * 60_000);
    await page.getByRole('button', { name: 'End “Hosting move” now' }).click();
    await page.getByRole('button', { name: 'End “Hosting move” now' }).waitFor({ state: 'detached' });
    const ended = await site.t.database.db.maintenanceWindow.findUniqueOrThrow({ where: { id: stored.id } });
    expect(ended.endsAt?.getTime()).toBeLessThanOrEqual(Date.now());
    await page.close();
  });

  it("should let the head of support publish a site's status page, with the monitor and its state on it", async () => {
    const first = await site.t.database.db.site.findFirstOrThrow({ orderBy: [{ name: 'asc' }, { id: 'asc' }] });
    const head = site.demo.staff.find((s) => s.role === 'HEAD')?.token;
    await site.t.gql(
      createMonitorMutation,
      {
        input: { siteId: globalId('Site', first.id), name: 'Home page', kind: 'HTTP', http: { url: `${target.url}/` } },
      },
      head,
    );
    await signInAs('HEAD');
    await page.getByRole('checkbox', { name: `Status page of ${first.name}` }).check();
    const link = page.getByRole('link', { name: 'open' });
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toBe(`/status/${first.publicKey}`);
    const status = await site.browser.context.newPage();
    status.setDefaultTimeout(8000);
    await status.goto(`${site.server}${href}?lang=en`);
    await status.getByRole('heading', { name: `${first.name}: status` }).waitFor();
    await status.getByText('Home page', { exact: true }).waitFor();
    expect(await status.getByText('Checking', { exact: true }).count()).toBeGreaterThan(0);
    await saveScreenshot(status, 'status-page');
    await status.close();
    await page.close();
  });

  it("should plan a weekly maintenance window in the studio's time", async () => {
    await signInAs('LINE1');
    const plan = page.getByRole('form', { name: 'Plan maintenance' });
    await plan.getByLabel('What is done').fill('Nightly backups');
    await plan.getByRole('checkbox', { name: 'Every week' }).check();
    await plan.getByRole('checkbox', { name: 'Mon' }).check();
    await plan.getByRole('checkbox', { name: 'Wed' }).check();
    await plan.getByLabel('Starts at (studio time)').fill('02:00');
    await plan.getByLabel('Lasts (minutes)').fill('60');
    await plan.getByRole('button', { name: 'Plan maintenance' }).click();
    await page.getByText('Maintenance “Nightly backups” planned.').waitFor();
    await page.getByText(/Nightly backups.*Mon, Wed at 02:00 for 60 min \(Europe\/Moscow\)/).waitFor();
    const stored = await site.t.database.db.maintenanceWindow.findFirstOrThrow({ where: { title: 'Nightly backups' } });
    expect(stored).toMatchObject({ recurring: true, weekdays: [1, 3], localStart: '02:00', durationMinutes: 60 });
    await page.close();
  });

  it('should show the accountant the board without the means to change it, and the server refuse them', async () => {
    const first = await site.t.database.db.site.findFirstOrThrow({ orderBy: [{ name: 'asc' }, { id: 'asc' }] });
    await site.t.gql(
      createMonitorMutation,
      {
        input: { siteId: globalId('Site', first.id), name: 'Blog', kind: 'HTTP', http: { url: `${target.url}/blog` } },
      },
      site.demo.staff.find((s) => s.role === 'HEAD')?.token,
    );
    await signInAs('ACCOUNTANT');
    await page.getByRole('row', { name: /Blog/ }).waitFor();
    expect(await page.getByRole('form', { name: 'Add a monitor' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Pause / }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Plan maintenance' }).count()).toBe(0);
    expect(await page.getByRole('checkbox', { name: /^Status page of / }).count()).toBe(0);
    const accountant = site.demo.staff.find((s) => s.role === 'ACCOUNTANT')?.token;
    const siteRow = await site.t.database.db.site.findFirstOrThrow();
    const refused = await site.t.gql(
      createMonitorMutation,
      {
        input: { siteId: globalId('Site', siteRow.id), name: 'Sneaky', kind: 'HTTP', http: { url: `${target.url}/` } },
      },
      accountant,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await page.close();
  });

  it('should fit a 390 px phone: the board without sideways scrolling, axe clean', async () => {
    const first = await site.t.database.db.site.findFirstOrThrow({ orderBy: [{ name: 'asc' }, { id: 'asc' }] });
    await site.t.gql(
      createMonitorMutation,
      {
        input: {
          siteId: globalId('Site', first.id),
          name: 'Phone check',
          kind: 'HTTP',
          http: { url: `${target.url}/p` },
        },
      },
      site.demo.staff.find((s) => s.role === 'HEAD')?.token,
    );
    await signInAs('LINE1');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('row', { name: /Phone check/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'console-monitoring-phone');
    await page.close();
  });
});
