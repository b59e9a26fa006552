import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DemoCredentials } from '../../../server/src/seed/demo.ts';
import type { TestApp } from '../../../server/test/support/test-app.ts';
import { type Chromium, describeInChromium, launchChromium } from '../../../widget/test/browser/support/chromium.ts';
import { saveScreenshot, seriousViolations } from '../../../widget/test/browser/support/page-helpers.ts';
import { type ConsoleSite, startConsoleSite } from './support/console-site.ts';

/** The staff console in headless Chromium against a real server and database. */
describeInChromium('the staff console (headless Chromium)', () => {
  let t: TestApp;
  let demo: DemoCredentials;
  let browser: Chromium;
  let server = '';
  let page: Page;
  /** The access token of the ticket filed by the widget (the visitor's browser would hold it). */
  let visitorToken = '';
  let site: ConsoleSite;
  const line1 = () => site.line1();

  beforeAll(async () => {
    site = await startConsoleSite();
    ({ t, demo, browser, server } = site);
  });
  afterAll(async () => {
    await site?.close();
  });

  const signIn = async () => {
    page = await site.signIn();
  };

  it('should refuse a wrong password, then sign in and show the queue in the server’s order', async () => {
    page = await browser.context.newPage();
    page.setDefaultTimeout(8000);

    await page.goto(`${server}/console`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('E-mail').fill(line1().email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('The e-mail or the password is wrong.').waitFor();
    await page.getByLabel('Password').fill(line1().password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('table', { name: 'Queue' }).waitFor();

    const queue = await t.gql<{ queue: { edges: { node: { displayNumber: string } }[] } }>(
      '{ queue(first: 100) { edges { node { displayNumber } } } }',
      {},
      demo.adminToken,
    );
    const numbers = await page.locator('tbody tr td:first-child').allTextContents();
    expect(numbers).toEqual(queue.data?.queue.edges.map((e) => e.node.displayNumber));
    // From the keyboard: ? shows the shortcuts, j moves down, Enter opens.
    const shortcutsWidth = async () => (await page.getByRole('note').boundingBox())?.width ?? 0;
    expect(await shortcutsWidth()).toBeLessThanOrEqual(1);
    await page.keyboard.press('?');
    await expect.poll(shortcutsWidth).toBeGreaterThan(100);
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: new RegExp(`^${numbers[1]} `) }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('table', { name: 'Queue' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'console-queue');
    await page.close();
  });

  it('should show a ticket filed through the widget in the open queue without a reload', async () => {
    await signIn();
    const filed = await t.gql<{ submitTicket: { accessToken: string; ticket: { displayNumber: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { accessToken ticket { displayNumber } } } }',
      {
        i: {
          siteKey: demo.siteKeys[0],
          title: 'Promo code field rejects every code',
          description: 'On the cart page',
          idempotencyKey: 'console-live-0001',
        },
      },
      undefined,
      { origin: server },
    );
    visitorToken = filed.data?.submitTicket.accessToken ?? '';
    const row = page.getByRole('row', { name: /Promo code field rejects every code/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(filed.data?.submitTicket.ticket.displayNumber);
    await page.close();
  });

  it('should reply, add an internal note and resolve, with the note kept from the client', async () => {
    await signIn();
    await page.getByRole('link', { name: 'Promo code field rejects every code' }).click();
    await page.getByRole('heading', { name: /Promo code field rejects every code/ }).waitFor();
    expect(page.url()).toMatch(/\/console\/tickets\//);
    await page.getByRole('button', { name: 'Take it' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('combobox', { name: /^Assignee/ })
          .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text),
      )
      .toBe('Ольга Первая');
    await page.getByLabel('Priority').selectOption('HIGH');
    await expect
      .poll(
        async () =>
          (await t.database.db.ticket.findFirstOrThrow({ where: { title: 'Promo code field rejects every code' } }))
            .priority,
      )
      .toBe('HIGH');
    await page.getByLabel('Reply to the client').fill('Which browser do you use?');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page
      .getByRole('list', { name: 'Promo code field rejects every code' })
      .getByText('Which browser do you use?')
      .waitFor();

    await page.getByRole('button', { name: 'Internal note' }).click();
    await page.getByLabel('Internal note (never shown to the client)').fill('Probably the payment script');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.locator('li.note').getByText('Probably the payment script').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Resolve' }).click();
    const resolving = page.getByRole('dialog', { name: /Resolve/ });
    await resolving.getByLabel('Report of the work done').fill('Fixed the payment script');
    expect(await seriousViolations(page)).toEqual([]);
    await resolving.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('New → Resolved', { exact: false }).waitFor();
    await saveScreenshot(page, 'console-ticket');

    const ticket = await t.database.db.ticket.findFirstOrThrow({
      where: { title: 'Promo code field rejects every code' },
      include: { messages: { orderBy: { createdAt: 'asc' } } },
    });
    expect(ticket).toMatchObject({ status: 'RESOLVED', priority: 'HIGH' });
    expect(ticket.assigneeId).toBe(
      (await t.database.db.staffMember.findUniqueOrThrow({ where: { email: line1().email } })).id,
    );
    expect(ticket.messages.map((m) => [m.body, m.internal])).toEqual([
      ['On the cart page', false],
      ['Which browser do you use?', false],
      ['Probably the payment script', true],
      ['Fixed the payment script', false],
    ]);
    // The visitor who filed it reads the reply and the report, never the note.
    const visitorView = await t.gql<{ ticket: { status: string; messages: { body: string }[] } }>(
      'query ($id: ID!) { ticket(id: $id) { status messages { body } } }',
      { id: Buffer.from(`Ticket:${ticket.id}`).toString('base64') },
      visitorToken,
      { origin: server },
    );
    expect(visitorView.data?.ticket).toEqual({
      status: 'RESOLVED',
      messages: [
        { body: 'On the cart page' },
        { body: 'Which browser do you use?' },
        { body: 'Fixed the payment script' },
      ],
    });
    await page.close();
  });

  it('should show who else has the ticket open and types, on its queue row and in the ticket, and fill a canned response in', async () => {
    const headToken = demo.staff.find((m) => m.role === 'HEAD')?.token ?? '';
    const created = await t.gql<{ createCannedResponse: { __typename: string } }>(
      'mutation ($i: CreateCannedResponseInput!) { createCannedResponse(input: $i) { __typename } }',
      {
        i: {
          name: 'Taken',
          locale: 'en',
          body: 'Hello {{requester.name | there}}, {{ticket.number}} is in progress. {{staff.name}}',
          shared: true,
        },
      },
      headToken,
    );
    expect(created.data?.createCannedResponse.__typename).toBe('CannedResponsePayload');
    const ticket = await t.database.db.ticket.findFirstOrThrow({
      where: { title: 'Checkout button does nothing on iPhone' },
    });
    const ticketUrl = `${server}/console/tickets/${encodeURIComponent(Buffer.from(`Ticket:${ticket.id}`).toString('base64'))}`;

    // I watch the queue while a colleague in another browser opens the ticket and starts typing.
    await signIn();
    const row = page.getByRole('row', { name: /Checkout button does nothing on iPhone/ });
    const other = await launchChromium({ viewport: { width: 390, height: 844 }, bypassCSP: true });
    try {
      const line2 = demo.staff.find((m) => m.role === 'LINE2') ?? { email: '', password: '' };
      const colleague = await other.context.newPage();
      await colleague.goto(`${server}/console`);
      await colleague.getByLabel('E-mail').fill(line2.email);
      await colleague.getByLabel('Password').fill(line2.password);
      await colleague.getByRole('button', { name: 'Sign in' }).click();
      await colleague.getByRole('table', { name: 'Queue' }).waitFor();
      await colleague.goto(ticketUrl);
      await colleague.getByRole('heading', { name: /Checkout button does nothing on iPhone/ }).waitFor();
      await row.getByRole('img', { name: 'Also here: Пётр Второй' }).waitFor();
      await colleague.getByLabel('Reply to the client').fill('Looking');
      await row.getByRole('img', { name: 'Also here: Пётр Второй (typing…)' }).waitFor();
      // Opening the ticket, I see the colleague there too.
      await page.goto(ticketUrl);
      await page.getByRole('heading', { name: /Checkout button does nothing on iPhone/ }).waitFor();
      await page.getByText('Also here: Пётр Второй').waitFor();
      await colleague.getByLabel('Reply to the client').fill('Looking further');
      await page.getByText('Also here: Пётр Второй (typing…)').waitFor();
      expect(await seriousViolations(colleague)).toEqual([]);
      await saveScreenshot(colleague, 'console-ticket-phone');
      await colleague.close();
      await page.getByText(/Also here/).waitFor({ state: 'detached' });
    } finally {
      await other.close();
    }

    // Alt+C from the text jumps to the canned responses; the name and Enter insert one.
    await page.getByLabel('Reply to the client').focus();
    await page.keyboard.press('Alt+c');
    await page.keyboard.type('Taken');
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('Reply to the client').inputValue()).toBe(
      `Hello there, #${ticket.number} is in progress. Ольга Первая`,
    );
    await page.close();
  });

  it('should count my tickets that need me in the page’s title when the client replies', async () => {
    await signIn();
    // Resolved, so out of the queue; nothing of mine needs me yet.
    expect(await page.getByRole('link', { name: 'Promo code field rejects every code' }).count()).toBe(0);
    expect(await page.title()).toBe('caredesk console');
    // The visitor answers line 1's reply on the ticket line 1 took.
    const ticket = await t.database.db.ticket.findFirstOrThrow({
      where: { title: 'Promo code field rejects every code' },
    });
    const answered = await t.gql<{ replyToTicket: { __typename: string } }>(
      'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename } }',
      {
        i: {
          ticketId: Buffer.from(`Ticket:${ticket.id}`).toString('base64'),
          body: 'Still failing on Safari',
          idempotencyKey: 'console-visitor-0001',
        },
      },
      visitorToken,
      { origin: server },
    );
    expect(answered.data?.replyToTicket.__typename).toBe('TicketPayload');
    // The reply returns it to the queue (NEW), flagged, and the title counts it.
    await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('(1) caredesk console');
    await page
      .getByRole('row', { name: /Promo code field rejects every code/ })
      .getByText('client replied')
      .waitFor();
    await page.close();
  });

  it('should sign out, ending the session, and show the sign-in form again', async () => {
    await signIn();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('table', { name: 'Queue' }).count()).toBe(0);
    await page.close();
  });
});
