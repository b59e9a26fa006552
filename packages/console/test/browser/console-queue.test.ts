import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TestApp } from '../../../server/test/support/test-app.ts';
import { describeInChromium } from '../../../widget/test/browser/support/chromium.ts';
import { saveScreenshot, seriousViolations } from '../../../widget/test/browser/support/page-helpers.ts';
import { type ConsoleSite, startConsoleSite } from './support/console-site.ts';
import { insertQueueTickets } from './support/queue-tickets.ts';

type Filter = Record<string, unknown>;

/** The console's queue: filters, saved views and a long queue, in headless Chromium against a real server. */
describeInChromium('the staff console’s queue (headless Chromium)', () => {
  let t: TestApp;
  let page: Page;
  let site: ConsoleSite;
  const line1 = () => site.line1();

  beforeAll(async () => {
    site = await startConsoleSite((db) =>
      // Beside the demo's tickets: running SLA clocks, some already past due, in both organizations.
      insertQueueTickets(db, [
        { title: 'Overdue: cart is empty after login', priority: 'URGENT', dueInMinutes: -90 },
        { title: 'Overdue: images missing', status: 'IN_PROGRESS', organization: 1, dueInMinutes: -5 },
        { title: 'Due later: change the phone number', priority: 'HIGH', organization: 1, dueInMinutes: 240 },
        { title: 'Due later: new banner', dueInMinutes: 600 },
      ]),
    );
    ({ t } = site);
  });
  afterAll(async () => {
    await site?.close();
  });

  const table = () => page.getByRole('table', { name: 'Queue' });
  const signIn = async () => {
    page = await site.signIn();
  };
  /** The API's first page of the queue for a filter: ticket numbers in order. */
  const apiNumbers = async (filter: Filter, order = 'PRIORITY') => {
    const answer = await t.gql<{ queue: { edges: { node: { displayNumber: string } }[] } }>(
      'query ($f: TicketFilter, $o: QueueOrder) { queue(first: 100, filter: $f, order: $o) { edges { node { displayNumber } } } }',
      { f: filter, o: order },
      line1().token,
    );
    return answer.data?.queue.edges.map((e) => e.node.displayNumber) ?? [];
  };
  /** The numbers in the queue's rendered rows. */
  const shownNumbers = () => page.locator('tbody tr[aria-rowindex] td:first-child').allTextContents();
  const expectShown = async (filter: Filter, order = 'PRIORITY') => {
    const expected = await apiNumbers(filter, order);
    await expect.poll(shownNumbers).toEqual(expected);
    return expected;
  };
  const pick = (name: string) => page.locator('summary', { hasText: name });

  it('should filter by status, priority, organization and overdue as the API does', async () => {
    await signIn();
    await expectShown({});

    await pick('Status').click();
    await page.getByRole('checkbox', { name: 'Resolved' }).check();
    await page.getByRole('checkbox', { name: 'Accepted' }).check();
    expect((await expectShown({ statuses: ['RESOLVED', 'ACCEPTED'] })).length).toBeGreaterThan(1);
    await pick('Status').click();

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await pick('Priority').click();
    await page.getByRole('checkbox', { name: 'High' }).check();
    await page.getByRole('checkbox', { name: 'Urgent' }).check();
    expect((await expectShown({ priorities: ['HIGH', 'URGENT'] })).length).toBeGreaterThan(1);
    await pick('Priority').click();
    await page.getByRole('button', { name: 'Clear filters' }).click();

    const organizations = await t.gql<{ organizations: { edges: { node: { id: string; name: string } }[] } }>(
      '{ organizations(first: 10) { edges { node { id name } } } }',
      {},
      line1().token,
    );
    const second = organizations.data?.organizations.edges[1]?.node ?? { id: '', name: '' };
    await page.getByLabel('Organization').selectOption({ label: second.name });
    expect((await expectShown({ organizationId: second.id })).length).toBeGreaterThan(0);
    await page.getByLabel('Organization').selectOption({ label: 'All organizations' });

    await page.getByRole('button', { name: 'Overdue' }).click();
    const overdue = await expectShown({ overdue: true });
    expect(
      await table()
        .getByRole('row', { name: /Overdue: / })
        .count(),
    ).toBe(2);
    expect(
      await table()
        .getByRole('row', { name: /Due later/ })
        .count(),
    ).toBe(0);
    // Every row shown has its SLA clock past the due time.
    expect(await page.locator('tbody tr[aria-rowindex] td.sla-overdue').count()).toBe(overdue.length);
    await page.close();
  });

  it('should keep filters and order as a saved view, list it after a reload, apply it with one click and delete it', async () => {
    await signIn();
    await pick('Priority').click();
    await page.getByRole('checkbox', { name: 'High' }).check();
    await page.getByRole('checkbox', { name: 'Urgent' }).check();
    await pick('Priority').click();
    await page.getByRole('button', { name: 'SLA soonest first' }).click();
    const expected = await expectShown({ priorities: ['HIGH', 'URGENT'] }, 'DUE_SOONEST');

    await page.getByRole('button', { name: 'Save view' }).click();
    await page.getByLabel('View name').fill('Hot tickets');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const views = page.getByRole('group', { name: 'My views' });
    await expect
      .poll(() => views.getByRole('button', { name: 'Hot tickets', exact: true }).getAttribute('aria-pressed'))
      .toBe('true');
    expect(await t.database.db.queueView.count()).toBe(1);

    await page.reload();
    await table().waitFor();
    const view = views.getByRole('button', { name: 'Hot tickets', exact: true });
    await view.waitFor();
    expect(await view.getAttribute('aria-pressed')).toBe('false');
    await expectShown({});
    await view.click();
    await expect.poll(shownNumbers).toEqual(expected);
    expect(await page.getByRole('button', { name: 'SLA soonest first' }).getAttribute('aria-pressed')).toBe('true');
    expect(await pick('Priority').textContent()).toContain('· 2');
    expect(await view.getAttribute('aria-pressed')).toBe('true');

    await views.getByRole('button', { name: 'Delete view “Hot tickets”' }).click();
    await view.waitFor({ state: 'detached' });
    expect(await t.database.db.queueView.count()).toBe(0);
    await page.close();
  });

  it('should render a queue of 1,200 tickets by windows: few rows in the page, the last one after a scroll, j keeping the selection in view', async () => {
    await insertQueueTickets(
      t.database.db,
      Array.from({ length: 1_200 }, (_, i) => ({
        priority: (['NORMAL', 'HIGH', 'URGENT', 'IMMEDIATE'] as const)[i % 7 === 0 ? 2 : i % 3 === 0 ? 1 : 0],
        organization: i % 2,
      })),
    );
    const total = await t.database.db.ticket.count({ where: { status: { in: ['NEW', 'IN_PROGRESS'] } } });
    const last = (
      await t.database.db.ticket.findMany({
        where: { status: { in: ['NEW', 'IN_PROGRESS'] } },
        orderBy: [{ priorityRank: 'desc' }, { queuedAt: 'asc' }, { id: 'asc' }],
        skip: total - 1,
      })
    )[0];
    await signIn();
    await page
      .getByRole('status')
      .getByText(`${total.toLocaleString('en')} tickets`)
      .waitFor({ timeout: 15_000 });
    expect(await table().getAttribute('aria-rowcount')).toBe(String(total + 1));
    expect(await page.locator('tbody tr').count()).toBeLessThan(100);
    // The first rows are the API's first page, in its order.
    const firstPage = await apiNumbers({});
    const shown = await shownNumbers();
    expect(shown.length).toBeGreaterThan(10);
    expect(shown).toEqual(firstPage.slice(0, shown.length));

    const scroller = page.locator('.scroller');
    await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    const lastRow = table().getByRole('row', { name: new RegExp(`^#${last?.number} `) });
    await lastRow.waitFor();
    expect(await lastRow.getAttribute('aria-rowindex')).toBe(String(total + 1));
    expect(await isInView(lastRow, scroller)).toBe(true);
    expect(await page.locator('tbody tr').count()).toBeLessThan(100);
    await saveScreenshot(page, 'console-queue-long');

    await scroller.evaluate((element) => element.scrollTo({ top: 0 }));
    for (let i = 1; i <= 60; i++) {
      await page.keyboard.press('j');
      if (i % 15 !== 0) continue;
      const selected = page.locator('tbody tr[aria-selected=true]');
      await expect.poll(() => selected.getAttribute('aria-rowindex')).toBe(String(i + 2));
      await expect.poll(() => isInView(selected, scroller)).toBe(true);
    }
    const number = await page.locator('tbody tr[aria-selected=true] td:first-child').textContent();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: new RegExp(`^${number} `) }).waitFor();
    await page.close();
  });

  it('should patch a changed ticket in place, and move one whose priority rose, without reading the 1,200 tickets again', async () => {
    await signIn();
    await page
      .getByRole('status')
      .getByText(/^[\d,]+ tickets$/)
      .waitFor({ timeout: 15_000 });
    const reads: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.postData()?.includes('query Queue(')) reads.push(request.url());
    });
    const first = await page.locator('tbody tr[aria-rowindex="2"] td:first-child').textContent();
    const ticket = await t.database.db.ticket.findUniqueOrThrow({ where: { number: Number(first?.replace('#', '')) } });
    const renamed = await t.gql<{ updateTicket: { __typename: string } }>(
      'mutation ($i: UpdateTicketInput!) { updateTicket(input: $i) { __typename } }',
      {
        i: {
          ticketId: Buffer.from(`Ticket:${ticket.id}`).toString('base64'),
          title: 'Renamed while the queue is open',
        },
      },
      line1().token,
    );
    expect(renamed.data?.updateTicket.__typename).toBe('TicketPayload');
    const row = table().getByRole('row', { name: /Renamed while the queue is open/ });
    await row.waitFor();
    expect(await row.getAttribute('class')).toContain('changed');
    expect(await row.getAttribute('aria-rowindex')).toBe('2');

    // Raised to IMMEDIATE, the queue's last ticket moves to the top: sorted on the client as the server sorts.
    const last = await t.database.db.ticket.findFirstOrThrow({
      where: { status: { in: ['NEW', 'IN_PROGRESS'] } },
      orderBy: [{ priorityRank: 'asc' }, { queuedAt: 'desc' }, { id: 'desc' }],
    });
    await t.gql(
      'mutation ($i: UpdateTicketInput!) { updateTicket(input: $i) { __typename } }',
      { i: { ticketId: Buffer.from(`Ticket:${last.id}`).toString('base64'), priority: 'IMMEDIATE' } },
      line1().token,
    );
    const raised = table().getByRole('row', { name: new RegExp(`^#${last.number} `) });
    await expect.poll(() => raised.getAttribute('aria-rowindex')).toBe('2');
    expect(await row.getAttribute('aria-rowindex')).toBe('3');
    expect(await shownNumbers()).toEqual((await apiNumbers({})).slice(0, (await shownNumbers()).length));
    expect(reads).toEqual([]);
    await page.close();
  });

  it('should have no serious accessibility violations with the filters open', async () => {
    await signIn();
    await page.getByRole('button', { name: 'Save view' }).click();
    await pick('Status').click();
    await page.getByRole('checkbox', { name: 'New' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'console-queue-filters');
    // One drop-down at a time: opening the priorities closes the statuses.
    await pick('Priority').click();
    await page.getByRole('checkbox', { name: 'New' }).waitFor({ state: 'hidden' });
    await page.getByRole('checkbox', { name: 'Immediate' }).check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

/** Whether the element is wholly inside the scroller's visible part, below its sticky header. */
async function isInView(element: Locator, scroller: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  const view = await scroller.boundingBox();
  const header = (await scroller.locator('thead').boundingBox())?.height ?? 0;
  if (!box || !view) return false;
  return box.y >= view.y + header - 1 && box.y + box.height <= view.y + view.height + 1;
}
