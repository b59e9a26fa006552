import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium } from '../../../widget/test/browser/support/chromium.ts';
import { saveScreenshot, seriousViolations } from '../../../widget/test/browser/support/page-helpers.ts';
import { type ConsoleSite, startConsoleSite } from './support/console-site.ts';

type Total = { tickets: number; breaches: number; reactionWithinTargetShare: number | null };

/** Statistics in the console: the month at a glance, its trend as charts, breakdowns and breaches. */
describeInChromium('the statistics page of the staff console (headless Chromium)', () => {
  let site: ConsoleSite;
  let page: Page;
  let month = '';
  let expected: Total;

  beforeAll(async () => {
    site = await startConsoleSite(undefined, { MONITORING_ENABLED: 'false' });
    // The demo's busiest month, as the API counts it.
    const months = ['2026-09', '2026-10', '2026-11', '2026-12'];
    const answers = await Promise.all(
      months.map((m) =>
        site.t.gql<{ studioStatistics: { total: Total } }>(
          `{ studioStatistics(month: "${m}") { total { tickets breaches reactionWithinTargetShare } } }`,
          {},
          site.demo.adminToken,
        ),
      ),
    );
    const totals = answers.map((a) => a.data?.studioStatistics.total as Total);
    const busiest = totals.reduce((best, total, i) => (total.tickets > (totals[best]?.tickets ?? 0) ? i : best), 0);
    month = months[busiest] as string;
    expected = totals[busiest] as Total;
  });
  afterAll(() => site?.close());

  const openStatistics = async (role: string) => {
    page = await site.signInAs(role);
    await page.getByRole('link', { name: 'Statistics' }).click();
    await page.getByRole('heading', { name: 'Statistics', level: 2 }).waitFor();
    await page.getByLabel('Month', { exact: true }).fill(month);
    await page.getByLabel('Month', { exact: true }).dispatchEvent('change');
  };

  it('should show the head of support the month at a glance, its trend as charts, each client and the breaches', async () => {
    expect(expected.tickets).toBeGreaterThan(0);
    await openStatistics('HEAD');
    const tile = (label: string) => page.locator('.tile').filter({ hasText: label }).locator('.figure');
    await expect.poll(() => tile('Tickets filed').textContent()).toBe(String(expected.tickets));
    expect(await tile('SLA breaches').textContent()).toBe(String(expected.breaches));
    const share = expected.reactionWithinTargetShare;
    expect(await tile('Answered within target').textContent()).toBe(
      share === null ? '—' : `${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(share * 100)} %`,
    );

    // Two charts drawn by uPlot, each with its figures as a table for screen readers.
    const charts = page.locator('caredesk-trend-chart');
    await expect.poll(() => charts.locator('canvas').count()).toBe(2);
    const times = charts.first();
    await times.getByText('As a table').click();
    expect(await times.getByRole('columnheader').allTextContents()).toContain(month);

    const byClient = page.getByRole('table', { name: 'By client' });
    expect(await byClient.getByRole('row').count()).toBeGreaterThan(1);
    const breaches = page.getByRole('region', { name: 'SLA breaches of the month' });
    if (expected.breaches > 0) {
      await breaches.getByRole('table').waitFor();
      await breaches.getByRole('link').first().click();
      await page.getByRole('button', { name: /Back/ }).waitFor();
    } else await breaches.getByText('No breaches this month.').waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Statistics', level: 2 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'console-statistics');
    await page.close();
  });

  it('should fit a 390 px phone without sideways scrolling, in Russian', async () => {
    await openStatistics('HEAD');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Статистика', level: 2 }).waitFor();
    await expect.poll(() => page.locator('caredesk-trend-chart canvas').count()).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
