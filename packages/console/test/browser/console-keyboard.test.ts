import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium } from '../../../widget/test/browser/support/chromium.ts';
import { saveScreenshot, seriousViolations } from '../../../widget/test/browser/support/page-helpers.ts';
import { type ConsoleSite, startConsoleSite } from './support/console-site.ts';

/** Whether the element has the keyboard focus (looked up through shadow roots). */
const focused = (locator: Locator) =>
  locator.evaluate(
    (el) => el.getRootNode() instanceof Node && (el.getRootNode() as Document | ShadowRoot).activeElement === el,
  );

/** Presses Tab until `target` has the focus; fails after `most` presses. */
async function tabTo(page: Page, target: Locator, most = 15): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (await focused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target} never got the focus after ${most} Tab presses`);
}

/** The console without a mouse, and on a phone. */
describeInChromium('the staff console by keyboard and on a phone (headless Chromium)', () => {
  let site: ConsoleSite;
  let page: Page;

  beforeAll(async () => {
    site = await startConsoleSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  it('should sign in, open a ticket, reply and go back with the keyboard alone', async () => {
    await site.browser.context.clearCookies();
    page = await site.browser.context.newPage();
    page.setDefaultTimeout(8000);
    await page.goto(`${site.server}/console`);
    await page.getByLabel('E-mail').waitFor();
    await tabTo(page, page.getByLabel('E-mail'));
    await page.keyboard.type(site.line1().email);
    await page.keyboard.press('Tab');
    expect(await focused(page.getByLabel('Password'))).toBe(true);
    await page.keyboard.type(site.line1().password);
    await page.keyboard.press('Enter');
    const queue = page.getByRole('table', { name: 'Queue' });
    await queue.waitFor();
    await queue.locator('tbody tr').first().waitFor();

    // ? lists the shortcuts; j moves down a row, Enter opens the selected one.
    await page.keyboard.press('?');
    await page.getByText(/Alt\+C canned response/).waitFor();
    await page.keyboard.press('?');
    await page.keyboard.press('j');
    const selected = queue.locator('tbody tr[aria-selected=true]');
    const title = (await selected.locator('a').first().textContent())?.trim() ?? '';
    expect(title).not.toBe('');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor();

    // r: the reply box; Ctrl+Enter sends; the reply is in the conversation.
    await page.keyboard.press('r');
    const reply = page.getByLabel('Reply to the client');
    expect(await focused(reply)).toBe(true);
    await page.keyboard.type('Checked from the keyboard');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('list', { name: title }).getByText('Checked from the keyboard').waitFor();
    const ticket = await site.t.database.db.ticket.findFirstOrThrow({ where: { title }, include: { messages: true } });
    expect(ticket.messages.map((m) => m.body)).toContain('Checked from the keyboard');

    // Escape leaves the text field, a second Escape the ticket: back to the queue.
    await page.keyboard.press('Escape');
    expect(await focused(reply)).toBe(false);
    await page.keyboard.press('Escape');
    await queue.waitFor();
    await page.close();
  });

  it('should fit a 390 px phone: the queue and a ticket without sideways scrolling, axe clean', async () => {
    page = await site.signIn();
    await page.setViewportSize({ width: 390, height: 844 });
    const queue = page.getByRole('table', { name: 'Queue' });
    await queue.locator('tbody tr').first().waitFor();
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'console-queue-phone');

    await queue.locator('tbody tr a').first().click();
    await page.getByLabel('Reply to the client').waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'console-ticket-phone-view');
    await page.close();
  });
});
