import { buildApp, loadConfig } from '@caredesk/server';
import pino from 'pino';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Chromium, describeInChromium, launchChromium } from './support/chromium.ts';
import { embedPage, startWidgetSite, type WidgetSite } from './support/widget-site.ts';

describeInChromium('a followed ticket after the server was away (headless Chromium)', () => {
  let s: WidgetSite;
  let browser: Chromium;
  let page: Page;
  let second: ReturnType<typeof buildApp> | undefined;

  beforeAll(async () => {
    [s, browser] = await Promise.all([startWidgetSite(), launchChromium()]);
    s.page('/', embedPage({ server: s.server, siteKey: s.siteKey }));
  });
  afterAll(async () => {
    await second?.stop();
    await browser?.close();
    await s?.close();
  });

  it('should reconnect and show the answer given while the server was down', async () => {
    page = await browser.context.newPage();
    await page.goto(`${s.site}/`);
    await page.getByRole('button', { name: 'Support' }).click();
    await page.getByLabel('Subject').fill('Cart is empty after login');
    await page.getByLabel('What happened?').fill('Items vanish');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText(/Request #\d+ is filed/).waitFor();
    await page.getByRole('button', { name: 'My requests' }).click();
    await page.getByRole('button', { name: /Cart is empty after login/ }).click();
    // The thread is open (its Back button shows) and followed; "Live" alone shows already after
    // filing, so stopping the server on it could cut off the thread's own first fetch.
    await page.getByRole('button', { name: /Back/ }).waitFor();
    await page.getByText('Live').waitFor();

    // The server goes away; the widget says so and keeps trying.
    await s.t.app.stop();
    await page.getByText('Reconnecting…').waitFor();

    // Another instance on the same database and port answers meanwhile, before it listens:
    // no subscriber can hear this change, so only a fetch after the reconnect shows it.
    const port = new URL(s.server).port;
    second = buildApp(
      loadConfig({
        PORT: port,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        DATABASE_URL: s.t.database.url,
        PUBLIC_URL: s.server,
        ATTACHMENTS_DIR: s.t.attachmentsDir,
        SECRET_KEY: 'browser-tests-secret-key-0123456789abcdef',
      }),
      { db: s.t.database.db, logger: pino({ level: 'silent' }) },
    );
    const ticket = await s.t.database.db.ticket.findFirstOrThrow({ where: { title: 'Cart is empty after login' } });
    const staff = s.demo.staff.find((m) => m.role === 'LINE1')?.token ?? '';
    const answered = await second.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${staff}` },
      body: JSON.stringify({
        query: 'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename } }',
        variables: {
          i: {
            ticketId: Buffer.from(`Ticket:${ticket.id}`).toString('base64'),
            body: 'Fixed the session cookie, please try again',
            idempotencyKey: 'reconnect-answer-1',
          },
        },
      }),
    });
    expect(((await answered.json()) as { data: unknown }).data).toEqual({
      replyToTicket: { __typename: 'TicketPayload' },
    });
    await second.start();

    // The widget retries with capped, jittered backoff (up to 30 s a wait), so allow a full cycle.
    await page.getByText('Live').waitFor({ timeout: 45_000 });
    await page.getByText('Fixed the session cookie, please try again').waitFor();
  }, 120_000);
});
