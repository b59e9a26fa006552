import type { Page, WebSocket } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Chromium, describeInChromium, launchChromium } from './support/chromium.ts';
import { saveScreenshot } from './support/page-helpers.ts';
import { embedPage, startWidgetSite, type WidgetSite } from './support/widget-site.ts';

describeInChromium(
  "a browser's tickets on one socket, with replies counted on the launcher (headless Chromium)",
  () => {
    let s: WidgetSite;
    let browser: Chromium;
    let page: Page;
    let replies = 0;

    beforeAll(async () => {
      [s, browser] = await Promise.all([startWidgetSite(), launchChromium({ viewport: { width: 390, height: 640 } })]);
      s.page('/', embedPage({ server: s.server, siteKey: s.siteKey }));
    });
    afterAll(async () => {
      await browser?.close();
      await s?.close();
    });

    const launcher = () => page.getByRole('button', { name: /^Support/ });
    const reply = async (title: string, body: string) => {
      const ticket = await s.t.database.db.ticket.findFirstOrThrow({ where: { title } });
      const answer = await s.t.gql<{ replyToTicket: { __typename: string } }>(
        'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename } }',
        {
          i: {
            ticketId: Buffer.from(`Ticket:${ticket.id}`).toString('base64'),
            body,
            idempotencyKey: `followed-reply-${++replies}`,
          },
        },
        s.demo.staff.find((m) => m.role === 'LINE1')?.token,
      );
      expect(answer.data?.replyToTicket.__typename).toBe('TicketPayload');
    };
    const unreadShown = () =>
      page.locator('caredesk-widget').evaluate((w) => w.shadowRoot?.querySelector('[part=unread]')?.textContent ?? '');

    it('should load nothing but the loader and the site’s look until the visitor opens the widget', async () => {
      page = await browser.context.newPage();
      const loaded: string[] = [];
      page.on('request', (r) => {
        if (r.url().startsWith(s.server)) loaded.push(new URL(r.url()).pathname);
      });
      await page.goto(`${s.site}/`, { waitUntil: 'load' });
      await launcher().waitFor();
      await expect.poll(() => loaded).toEqual(['/widget.js', '/widget/look']);
      await launcher().hover();
      await launcher().click();
      await page.getByLabel('Subject').waitFor();
      expect(loaded.some((p) => /^\/widget\/main-[\w-]+\.js$/.test(p))).toBe(true);
      await page.close();
    });

    it('should follow three tickets on one socket and count replies on the closed launcher', async () => {
      page = await browser.context.newPage();
      const sockets: WebSocket[] = [];
      page.on('websocket', (ws) => sockets.push(ws));
      await page.goto(`${s.site}/`);
      await launcher().click();
      for (const n of [1, 2, 3]) {
        if (n > 1) await page.getByRole('button', { name: 'New request' }).click();
        await page.getByLabel('Subject').fill(`Followed ${n}`);
        await page.getByLabel('What happened?').fill(`Problem number ${n}`);
        await page.getByRole('button', { name: 'Send' }).click();
        await page.getByRole('heading', { name: new RegExp(`Followed ${n}`) }).waitFor();
      }
      await page.getByText('Live').waitFor();
      await page.getByRole('button', { name: 'Close' }).click();
      for (const n of [1, 2, 3]) await reply(`Followed ${n}`, `Looking into problem ${n}`);
      await page.waitForFunction(
        () =>
          document.querySelector('caredesk-widget')?.shadowRoot?.querySelector('[part=unread]')?.textContent === '3',
      );
      await expect(launcher().getAttribute('aria-haspopup')).resolves.toBe('dialog');
      expect(await launcher().textContent()).toContain('3 new replies');
      expect(sockets.filter((ws) => ws.url().startsWith(s.server.replace('http', 'ws')))).toHaveLength(1);
      await saveScreenshot(page, 'launcher-unread');

      // Reading one thread clears its reply from the count.
      await launcher().click();
      await page.getByRole('button', { name: 'My requests' }).click();
      await page.getByRole('button', { name: /Followed 2/ }).click();
      await page.getByText('Looking into problem 2').waitFor();
      await page.getByRole('button', { name: 'Close' }).click();
      expect(await unreadShown()).toBe('2');

      // A reload counts what is still unread, without opening the widget.
      await page.reload();
      await page.waitForFunction(
        () =>
          document.querySelector('caredesk-widget')?.shadowRoot?.querySelector('[part=unread]')?.textContent === '2',
      );
      await reply('Followed 3', 'And one more thing');
      await page.waitForFunction(
        () =>
          document.querySelector('caredesk-widget')?.shadowRoot?.querySelector('[part=unread]')?.textContent === '3',
      );
      await page.close();
    });

    it('should scroll a reply that arrives below the fold into view', async () => {
      page = await browser.context.newPage();
      await page.goto(`${s.site}/`);
      await launcher().click();
      await page.getByLabel('Subject').fill('Long story');
      await page.getByLabel('What happened?').fill(Array.from({ length: 60 }, (_, i) => `Line ${i + 1}`).join('\n'));
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByRole('heading', { name: /Long story/ }).waitFor();
      await page.getByText('Live').waitFor();
      await reply('Long story', 'Read it all, fixing now');
      const arrived = page.getByText('Read it all, fixing now');
      await arrived.waitFor();
      await expect
        .poll(() =>
          arrived.evaluate((el) => {
            const box = el.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= innerHeight;
          }),
        )
        .toBe(true);
      // The thread scrolls under the tab row, which stays opaque above it.
      const tabs = await page.getByRole('button', { name: 'My requests' }).evaluate((b) => {
        const nav = b.parentElement as HTMLElement;
        const box = nav.getBoundingClientRect();
        const top = nav.getRootNode() as ShadowRoot;
        const hit = top.elementFromPoint(box.left + box.width - 4, box.top + box.height / 2);
        return { background: getComputedStyle(nav).backgroundColor, onTop: nav.contains(hit) };
      });
      expect(tabs).toEqual({ background: 'rgb(255, 255, 255)', onTop: true });
      await saveScreenshot(page, 'thread-scrolled-to-reply');
      await page.close();
    });
  },
);
