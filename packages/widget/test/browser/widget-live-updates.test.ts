import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Chromium, describeInChromium, launchChromium } from './support/chromium.ts';
import { heldSubscriptions } from './support/held-subscriptions.ts';
import { pasteImage, saveScreenshot } from './support/page-helpers.ts';
import { embedPage, startWidgetSite, type WidgetSite } from './support/widget-site.ts';

describeInChromium('tickets followed live in the widget (headless Chromium)', () => {
  let s: WidgetSite;
  let browser: Chromium;
  let page: Page;

  beforeAll(async () => {
    [s, browser] = await Promise.all([startWidgetSite(), launchChromium()]);
    s.page('/', embedPage({ server: s.server, siteKey: s.siteKey }));
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const staffToken = () => s.demo.staff.find((m) => m.role === 'LINE1')?.token ?? '';
  const globalIdOf = async (title: string) => {
    const ticket = await s.t.database.db.ticket.findFirstOrThrow({ where: { title } });
    return Buffer.from(`Ticket:${ticket.id}`).toString('base64');
  };
  const file = async (title: string, description: string) => {
    await page.getByRole('button', { name: 'Support' }).click();
    await page.getByLabel('Subject').fill(title);
    await page.getByLabel('What happened?').fill(description);
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText(/Request #\d+ is filed/).waitFor();
  };

  it('should show a staff reply as it arrives and send the visitor’s answer', async () => {
    page = await browser.context.newPage();
    await page.goto(`${s.site}/`);
    await file('Photos do not load', 'The gallery is empty');
    await page.getByRole('button', { name: 'My requests' }).click();
    await page.getByRole('button', { name: /Photos do not load/ }).click();
    await page.getByText('Live').waitFor();
    const ticketId = await globalIdOf('Photos do not load');
    await s.t.gql(
      'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename } }',
      { i: { ticketId, body: 'Which browser do you use?', idempotencyKey: 'staff-reply-0001' } },
      staffToken(),
    );
    await page.getByText('Which browser do you use?').waitFor();
    await saveScreenshot(page, 'open-thread-live');
    await page.getByLabel('Your answer').fill('Chromium on Linux');
    await page.getByRole('button', { name: 'Reply' }).click();
    await page.getByText('Chromium on Linux').waitFor();
    const messages = await s.t.database.db.message.findMany({
      where: { ticket: { title: 'Photos do not load' } },
      orderBy: { createdAt: 'asc' },
    });
    expect(messages.map((m) => m.body)).toEqual([
      'The gallery is empty',
      'Which browser do you use?',
      'Chromium on Linux',
    ]);
    await page.close();
  });

  it('should open the new ticket’s thread right after sending, where the reply then arrives', async () => {
    page = await browser.context.newPage();
    await page.goto(`${s.site}/`);
    await file('Search finds nothing', 'Even for “roses”');
    // No empty form: the thread of the request just filed, followed live.
    await page.getByRole('heading', { name: /Search finds nothing/ }).waitFor();
    await page.getByText('Even for “roses”').waitFor();
    await page.getByText('Live').waitFor();
    await s.t.gql(
      'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename } }',
      {
        i: {
          ticketId: await globalIdOf('Search finds nothing'),
          body: 'Reindexed',
          idempotencyKey: 'staff-reply-0002',
        },
      },
      staffToken(),
    );
    await page.getByText('Reindexed').waitFor();
    await page.close();
  });

  it('should show a reply written before a new ticket’s subscription reached the server, on a socket already open', async () => {
    page = await browser.context.newPage();
    const subscriptions = await heldSubscriptions(page, () => true);
    await page.goto(`${s.site}/`);
    await file('Cart forgets roses', 'After a reload');
    await page.getByText('Live').waitFor();
    // The socket is open: the next ticket is followed on it, and its subscribe message is held.
    subscriptions.hold();
    await page.getByRole('button', { name: 'New request' }).click();
    await page.getByLabel('Subject').fill('Prices are wrong');
    await page.getByLabel('What happened?').fill('Roses cost 0');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: /Prices are wrong/ }).waitFor();
    await expect.poll(() => subscriptions.count()).toBe(1);
    await s.t.gql(
      'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename } }',
      {
        i: {
          ticketId: await globalIdOf('Prices are wrong'),
          body: 'Price list fixed',
          idempotencyKey: 'staff-reply-0003',
        },
      },
      staffToken(),
    );
    subscriptions.release();
    // No reconnection and no reload: the subscription's first answer is the ticket as it is now.
    await page.getByText('Price list fixed').waitFor();
    await page.close();
  });

  it('should send an answer with a file pasted into it, and show the file in the thread', async () => {
    page = await browser.context.newPage();
    await page.goto(`${s.site}/`);
    await file('Logo is blurry', 'On the home page');
    await page.getByRole('button', { name: 'My requests' }).click();
    await page.getByRole('button', { name: /Logo is blurry/ }).click();
    await page.getByRole('button', { name: /Back/ }).waitFor();
    await page.getByLabel('Your answer').fill('This is how it looks');
    await pasteImage(page, 'caredesk-widget >> textarea[name=reply]');
    await page.getByText(/^pasted\.png/).waitFor();
    await page.getByRole('button', { name: 'Reply' }).click();
    await page.getByRole('img', { name: 'pasted.png' }).waitFor();
    const stored = () =>
      s.t.database.db.ticket.findFirstOrThrow({
        where: { title: 'Logo is blurry' },
        include: { attachments: true, messages: { orderBy: { createdAt: 'asc' } } },
      });
    // The picture can show once it is uploaded, before the answer's own request has been stored.
    await expect
      .poll(async () => (await stored()).messages.map((m) => m.body), { timeout: 10_000 })
      .toEqual(['On the home page', 'This is how it looks']);
    const ticket = await stored();
    expect(ticket.attachments.map((a) => [a.fileName, a.contentType])).toEqual([['pasted.png', 'image/png']]);
    // The chosen files are gone once sent: nothing waits to go twice.
    expect(await page.getByText(/^pasted\.png/).count()).toBe(0);
    await page.close();
  });

  it('should let an authorized contact accept resolved work, with the page told of each move', async () => {
    const token = await s.contactToken('owner@flowers.example');
    page = await browser.context.newPage();
    await page.goto(`${s.site}/`);
    await page.evaluate((t) => {
      const moves: unknown[] = [];
      (window as unknown as { moves: unknown[] }).moves = moves;
      window.caredesk?.identify({ token: t });
      window.caredesk?.on('statusChanged', (detail) => moves.push(detail));
    }, token);
    await file('New banner', 'Please put the winter banner up');
    await page.getByRole('button', { name: 'My requests' }).click();
    await page.getByRole('button', { name: /New banner/ }).click();
    await page.getByText('Live').waitFor();
    const ticketId = await globalIdOf('New banner');
    await s.t.gql(
      'mutation ($i: ResolveTicketInput!) { resolveTicket(input: $i) { __typename ... on DomainError { code } } }',
      { i: { ticketId, report: 'The banner is up' } },
      staffToken(),
    );
    await page.getByText('Done, please check').first().waitFor();
    await page.getByRole('button', { name: 'Accept the work' }).click();
    await page.locator('caredesk-widget >> .badge[data-status=ACCEPTED]').waitFor();
    expect(await s.t.database.db.ticket.findFirstOrThrow({ where: { title: 'New banner' } })).toMatchObject({
      status: 'ACCEPTED',
    });
    expect(await page.evaluate(() => (window as unknown as { moves: { status: string }[] }).moves)).toEqual([
      expect.objectContaining({ status: 'RESOLVED', previous: 'NEW' }),
      expect.objectContaining({ status: 'ACCEPTED', previous: 'RESOLVED' }),
    ]);
    await page.close();
  });

  it('should keep a report made offline and file it exactly once when the connection is back', async () => {
    page = await browser.context.newPage();
    await page.goto(`${s.site}/`);
    await page.getByRole('button', { name: 'Support' }).waitFor();
    await browser.context.setOffline(true);
    await page.getByRole('button', { name: 'Support' }).click();
    await page.getByLabel('Subject').fill('Filed on a train');
    await page.getByLabel('What happened?').fill('The tunnel ate my connection');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('You are offline').waitFor();
    expect(await s.t.database.db.ticket.count({ where: { title: 'Filed on a train' } })).toBe(0);
    await browser.context.setOffline(false);
    await page.getByText(/Request #\d+ is filed/).waitFor({ timeout: 75_000 });
    expect(await s.t.database.db.ticket.count({ where: { title: 'Filed on a train' } })).toBe(1);
    // Sent with the nonce kept beside its key: only this browser may get a token on a retry.
    expect(
      (await s.t.database.db.ticket.findFirstOrThrow({ where: { title: 'Filed on a train' } })).submitNonceHash,
    ).toMatch(/^[0-9a-f]{64}$/);
    // A reload finds nothing left to send.
    await page.reload();
    await page.getByRole('button', { name: 'Support' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('caredesk:outbox'))).toBeNull();
    expect(await s.t.database.db.ticket.count({ where: { title: 'Filed on a train' } })).toBe(1);
    await page.close();
  }, 120_000);

  it('should keep an offline report when the connection comes back between its failed send and the probe', async () => {
    page = await browser.context.newPage();
    await page.goto(`${s.site}/`);
    await page.getByRole('button', { name: 'Support' }).waitFor();
    // Two probes fail while offline: the form's own send, then the outbox's first pass. After
    // the second, the outbox is idle (its next try is 5 s away), so no send of that pass can
    // slip past the route installed below.
    let failedProbes = 0;
    const outboxIdle = new Promise<void>((resolve) =>
      page.on('requestfailed', (request) => {
        if (new URL(request.url()).pathname === '/healthz' && ++failedProbes === 2) resolve();
      }),
    );
    await browser.context.setOffline(true);
    await page.getByRole('button', { name: 'Support' }).click();
    await page.getByLabel('Subject').fill('Lost between two requests');
    await page.getByLabel('What happened?').fill('Sent as the train left the tunnel');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('You are offline').waitFor();
    await outboxIdle;
    // The outbox's next send fails as on a lost connection, while /healthz answers: the probe
    // then reads it as a refused origin. The report must stay kept and go out on a later try.
    let cut = 0;
    await page.route(
      (url) => url.pathname === '/graphql',
      (route) => {
        if (cut === 0 && route.request().postData()?.includes('submitTicket')) {
          cut += 1;
          return route.abort('internetdisconnected');
        }
        return route.continue();
      },
    );
    await browser.context.setOffline(false);
    await page.getByText(/Request #\d+ is filed/).waitFor({ timeout: 75_000 });
    expect(cut).toBe(1);
    expect(await s.t.database.db.ticket.count({ where: { title: 'Lost between two requests' } })).toBe(1);
    await page.close();
  }, 120_000);

  it("should keep a signed-in contact's offline report and file it once, as that contact", async () => {
    const token = await s.contactToken('owner@flowers.example');
    page = await browser.context.newPage();
    await page.goto(`${s.site}/`);
    await page.evaluate((t) => window.caredesk?.identify({ token: t }), token);
    await page.getByRole('button', { name: 'Support' }).waitFor();
    await browser.context.setOffline(true);
    await page.getByRole('button', { name: 'Support' }).click();
    await page.getByLabel('Subject').fill('Price list out of date');
    await page.getByLabel('What happened?').fill('Written in the metro');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('You are offline').waitFor();
    await browser.context.setOffline(false);
    // Sent on the browser's "online" event, or by the outbox's next retry (5 s, then 10 s…).
    await page.getByText(/Request #\d+ is filed/).waitFor({ timeout: 75_000 });
    const filed = await s.t.database.db.ticket.findMany({
      where: { title: 'Price list out of date' },
      include: { contact: true },
    });
    expect(filed).toHaveLength(1);
    expect(filed[0]?.contact?.email).toBe('owner@flowers.example');
    expect(filed[0]?.visitorId).toBeNull();
    await page.close();
  }, 120_000);
});
