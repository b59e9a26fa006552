import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Chromium, describeInChromium, launchChromium } from './support/chromium.ts';
import { pasteImage, saveScreenshot } from './support/page-helpers.ts';
import { embedPage, startWidgetSite, type WidgetSite } from './support/widget-site.ts';

describeInChromium('what a visitor expects of a support chat (headless Chromium)', () => {
  let s: WidgetSite;
  let browser: Chromium;
  let page: Page;
  // Monday 7 December 2026, 11:00 in Moscow: the demo studio works (10:00–19:00).
  let now = new Date('2026-12-07T08:00:00Z');

  beforeAll(async () => {
    // The visitor is two hours east of the studio.
    [s, browser] = await Promise.all([
      startWidgetSite({ now: () => now }),
      launchChromium({ timezoneId: 'Asia/Yekaterinburg' }),
    ]);
    s.page('/', embedPage({ server: s.server, siteKey: s.siteKey }));
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const openWidget = async () => {
    page = await browser.context.newPage();
    await page.goto(`${s.site}/`);
    await page.getByRole('button', { name: /^Support/ }).click();
    await page.getByLabel('Subject').waitFor();
  };

  it('should greet with how soon the studio answers during working hours', async () => {
    await openWidget();
    await page.getByText('Hello! Tell us what happened: we usually answer within 1 working day.').waitFor();
    await page.close();
  });

  it("should say when support opens, in the visitor's time zone, outside working hours", async () => {
    now = new Date('2026-12-05T12:00:00Z'); // Saturday
    await openWidget();
    // Monday 10:00 in Moscow is 12:00 in Yekaterinburg.
    await page.getByText('Outside working hours now: we answer from Monday 12:00 PM.').waitFor();
    await saveScreenshot(page, 'greeting-outside-hours');
    now = new Date('2026-12-07T08:00:00Z');
    await page.close();
  });

  it('should preview an attached image before sending, and take it away with the file', async () => {
    await openWidget();
    await pasteImage(page, 'caredesk-widget >> textarea[name=description]');
    const thumbnail = page.locator('caredesk-widget img.thumb');
    await thumbnail.waitFor();
    await expect.poll(() => thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1);
    await page.getByRole('button', { name: 'Remove: pasted.png' }).click();
    expect(await thumbnail.count()).toBe(0);
    await page.close();
  });

  it('should show staff by name and initials on their replies', async () => {
    await openWidget();
    await page.getByLabel('Subject').fill('Who answers?');
    await page.getByLabel('What happened?').fill('Tell me your name');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: /Who answers\?/ }).waitFor();
    const staff = await s.t.database.db.staffMember.findFirstOrThrow({ where: { role: 'LINE1' } });
    const ticket = await s.t.database.db.ticket.findFirstOrThrow({ where: { title: 'Who answers?' } });
    // The widget follows the new ticket over its socket; the reply is sent once the server hears it.
    await s.followed(ticket.id);
    await s.t.gql(
      'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename } }',
      {
        i: {
          ticketId: Buffer.from(`Ticket:${ticket.id}`).toString('base64'),
          body: 'Hello, I am on it',
          idempotencyKey: 'initials-reply-1',
        },
      },
      s.demo.staff.find((m) => m.role === 'LINE1')?.token,
    );
    await page.getByText('Hello, I am on it').waitFor();
    const initials = staff.name
      .split(/\s+/)
      .slice(0, 2)
      .map((w) => w[0]?.toUpperCase())
      .join('');
    const who = page.locator('caredesk-widget .thread li.staff .who');
    expect(await who.locator('.avatar').textContent()).toBe(initials);
    expect(await who.textContent()).toContain(staff.name);
    await saveScreenshot(page, 'staff-initials');
    await page.close();
  });

  it("should take the site owner's colour, side, launcher words and ::part styles", async () => {
    s.page(
      '/styled',
      embedPage({
        server: s.server,
        siteKey: s.siteKey,
        attrs: 'data-color="#8a2be2" data-position="bottom-left" data-launcher-text="Помощь"',
        head: '<style>caredesk-widget::part(launcher) { border-radius: 4px; }</style>',
      }),
    );
    page = await browser.context.newPage();
    await page.goto(`${s.site}/styled`);
    const launcher = page.getByRole('button', { name: 'Помощь' });
    await launcher.waitFor();
    const look = await launcher.evaluate((b) => {
      const style = getComputedStyle(b);
      return { background: style.backgroundColor, radius: style.borderRadius, left: b.getBoundingClientRect().left };
    });
    expect(look).toEqual({ background: 'rgb(138, 43, 226)', radius: '4px', left: 20 });
    await launcher.click();
    const send = page.getByRole('button', { name: 'Send' });
    expect(await send.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(138, 43, 226)');
    await page.close();
  });
});
