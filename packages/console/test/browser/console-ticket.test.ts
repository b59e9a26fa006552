import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DemoCredentials } from '../../../server/src/seed/demo.ts';
import type { TestApp } from '../../../server/test/support/test-app.ts';
import { describeInChromium } from '../../../widget/test/browser/support/chromium.ts';
import { heldSubscriptions } from '../../../widget/test/browser/support/held-subscriptions.ts';
import { saveScreenshot, seriousViolations } from '../../../widget/test/browser/support/page-helpers.ts';
import { type ConsoleSite, startConsoleSite } from './support/console-site.ts';

/** A 2×2 opaque PNG, as a pasted screenshot would be. */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/** The ticket view's tools in headless Chromium: side panel, context, time, secrets, files, citations, moves. */
describeInChromium('a ticket in the staff console (headless Chromium)', () => {
  let t: TestApp;
  let demo: DemoCredentials;
  let server = '';
  let page: Page;
  let ticketId = '';
  let visitorToken = '';
  const title = 'Checkout shows a blank page after payment';
  let site: ConsoleSite;

  beforeAll(async () => {
    site = await startConsoleSite();
    ({ t, demo, server } = site);
    const filed = await t.gql<{ submitTicket: { accessToken: string; ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { accessToken ticket { id } } } }',
      {
        i: {
          siteKey: demo.siteKeys[0],
          title,
          description: 'After paying, the **thank-you** page is blank',
          idempotencyKey: 'console-ticket-0001',
          pageContext: {
            url: 'https://flowers.example/checkout/done',
            browser: 'Chrome 131',
            viewport: '390×844 @3x',
            errors: 'TypeError: order is undefined',
            requests: 'POST /api/receipt → 500',
          },
        },
      },
      undefined,
      { origin: server },
    );
    ticketId = filed.data?.submitTicket.ticket.id ?? '';
    visitorToken = filed.data?.submitTicket.accessToken ?? '';
  });
  afterAll(async () => {
    await site?.close();
  });

  const openTicket = async () => {
    page = await site.signIn();
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: new RegExp(title) }).waitFor();
  };

  it('should show the side panel, the page context the widget sent, and dates in the studio’s time zone', async () => {
    await openTicket();
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByText('ООО «Цветочная лавка»').waitFor();
    await details.getByText('not authorized').waitFor();
    await details.getByText(/Prepaid hours left this month/).waitFor();
    const context = page.getByRole('region', { name: 'Page context' });
    await context.getByRole('link', { name: 'https://flowers.example/checkout/done' }).waitFor();
    await context.getByText('TypeError: order is undefined').waitFor();
    await context.getByText('POST /api/receipt → 500').waitFor();
    // The description's Markdown is rendered, as text, never as the client's markup.
    await page.getByRole('list', { name: title }).locator('strong', { hasText: 'thank-you' }).waitFor();

    const { workingHours } = (await t.gql<{ workingHours: { timeZone: string } }>('{ workingHours { timeZone } }'))
      .data ?? { workingHours: { timeZone: '' } };
    const created = await t.database.db.ticket.findFirstOrThrow({ where: { title } });
    const expected = created.createdAt.toLocaleString('en', {
      timeZone: workingHours.timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    await page.getByRole('list', { name: title }).getByText(expected).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('should log time, run a timer, and let me correct my own entry', async () => {
    await openTicket();
    const time = page.getByRole('region', { name: 'Time' });
    await time.getByLabel('Minutes').fill('25');
    await time.getByLabel('What was done').fill('Read the logs');
    await time.getByRole('button', { name: 'Log time' }).click();
    await time.getByText('Read the logs').waitFor();
    await time.getByText('In all: 25 min').waitFor();

    await time.getByRole('button', { name: 'Edit' }).click();
    await time.getByRole('listitem').getByLabel('Minutes').fill('40');
    await time.getByRole('button', { name: 'Save' }).click();
    await time.getByText('In all: 40 min').waitFor();

    await time.getByRole('button', { name: 'Start timer' }).click();
    await time.getByRole('button', { name: /Stop timer/ }).click();
    await time.getByRole('button', { name: 'Start timer' }).waitFor();
    const entries = await t.database.db.timeEntry.findMany({
      where: { ticket: { title } },
      orderBy: { startedAt: 'asc' },
    });
    expect(entries.map((e) => [e.minutes, e.note, e.endedAt !== null])).toEqual([
      [40, 'Read the logs', true],
      [1, null, true],
    ]);
    await page.close();
  });

  it('should reveal a handed-over secret (audited) and purge it', async () => {
    await t.gql(
      'mutation ($i: AddTicketSecretInput!) { addTicketSecret(input: $i) { __typename } }',
      { i: { ticketId, label: 'Shop admin', value: 'admin / Blank-Page-7' } },
      visitorToken,
      { origin: server },
    );
    await openTicket();
    const secrets = page.getByRole('region', { name: 'Handed-over credentials' });
    await secrets.getByText('Shop admin').waitFor();
    expect(await secrets.getByText('admin / Blank-Page-7').count()).toBe(0);
    await secrets.getByRole('button', { name: 'Reveal' }).click();
    await secrets.getByText('admin / Blank-Page-7').waitFor();
    expect(await t.database.db.auditEvent.count({ where: { action: 'secret.read' } })).toBe(1);
    await secrets.getByRole('button', { name: 'Purge now' }).click();
    await secrets.getByText(/purged/).waitFor();
    expect(await secrets.getByText('admin / Blank-Page-7').count()).toBe(0);
    const stored = await t.database.db.secret.findFirstOrThrow({ where: { label: 'Shop admin' } });
    expect(stored.ciphertext).toBeNull();
    await page.close();
  });

  it('should preview Markdown, attach a pasted image, cite an article, and show the image in the thread', async () => {
    await openTicket();
    await page.getByLabel('Reply to the client').fill('Fixed: **the receipt** works again');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('region', { name: 'Preview' }).locator('strong', { hasText: 'the receipt' }).waitFor();
    await page.getByRole('button', { name: 'Write' }).click();
    expect(await page.getByLabel('Reply to the client').inputValue()).toBe('Fixed: **the receipt** works again');

    await page.getByLabel('Attach files').setInputFiles({ name: 'receipt.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('img', { name: 'receipt.png' }).waitFor();
    await page.getByText('Cite an article').click();
    await page.getByLabel('Search the knowledge base').fill('blank page');
    await page.getByRole('button', { name: 'The site shows a blank page' }).click();
    await page.getByText(/Cited:/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send', exact: true }).click();

    const thread = page.getByRole('list', { name: title });
    await thread.locator('strong', { hasText: 'the receipt' }).waitFor();
    await thread.getByRole('link', { name: 'The site shows a blank page' }).waitFor();
    await thread.getByRole('button', { name: 'Open receipt.png' }).click();
    await page.getByRole('dialog', { name: 'receipt.png' }).getByRole('img', { name: 'receipt.png' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'receipt.png' }).waitFor({ state: 'hidden' });
    await saveScreenshot(page, 'console-ticket-tools');

    // The visitor sees the reply with its citation and the picture.
    const seen = await t.gql<{
      ticket: { messages: { body: string; citedArticles: { title: string }[] }[]; attachments: { fileName: string }[] };
    }>(
      'query ($id: ID!) { ticket(id: $id) { messages { body citedArticles { title } } attachments { fileName } } }',
      { id: ticketId },
      visitorToken,
      { origin: server },
    );
    expect(seen.data?.ticket.messages.at(-1)).toEqual({
      body: 'Fixed: **the receipt** works again',
      citedArticles: [{ title: 'The site shows a blank page' }],
    });
    expect(seen.data?.ticket.attachments.map((a) => a.fileName)).toEqual(['receipt.png']);
    await page.close();
  });

  it('should split a second task the visitor asked for into a new ticket of the same client, linked both ways', async () => {
    const asked = await t.gql<{ replyToTicket: { __typename: string } }>(
      'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename } }',
      {
        i: {
          ticketId,
          body: 'One more thing: please change the phone in the header to +7 495 000-00-00',
          idempotencyKey: 'console-ticket-split-1',
        },
      },
      visitorToken,
      { origin: server },
    );
    expect(asked.data?.replyToTicket.__typename).toBe('TicketPayload');
    await openTicket();
    const message = page.getByRole('listitem').filter({ hasText: 'One more thing' });
    await message.getByRole('button', { name: 'Split into a new ticket' }).click();
    const dialog = page.getByRole('dialog', { name: /Split #\d+/ });
    expect(await dialog.getByLabel(/The other task/).inputValue()).toBe(
      'One more thing: please change the phone in the header to +7 495 000-00-00',
    );
    await dialog.getByLabel('Title of the new ticket').fill('Change the phone in the header');
    await dialog.getByLabel(/The other task/).fill('Please change the phone in the header to +7 495 000-00-00');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Split into a new ticket' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Filed #\d+/ })
      .waitFor();

    const original = await t.database.db.ticket.findFirstOrThrow({ where: { title } });
    const split = await t.database.db.ticket.findFirstOrThrow({ where: { splitFromId: original.id } });
    expect(split).toMatchObject({
      title: 'Change the phone in the header',
      description: 'Please change the phone in the header to +7 495 000-00-00',
      organizationId: original.organizationId,
      siteId: original.siteId,
      visitorId: original.visitorId,
      priority: original.priority,
    });
    await page
      .getByRole('status')
      .filter({ hasText: `Filed #${split.number}` })
      .waitFor();
    await page.getByText(`Split into #${split.number}`).waitFor();
    await page
      .getByRole('status')
      .getByRole('link', { name: `#${split.number}` })
      .click();
    await page.getByRole('heading', { name: /Change the phone in the header/ }).waitFor();
    await page.getByText(`Split from #${original.number}`).waitFor();
    await page.getByRole('link', { name: `#${original.number}`, exact: true }).click();
    await page.getByRole('heading', { name: new RegExp(title) }).waitFor();
    await page.close();
  });

  it('should reject a duplicate through the dialog, naming the original by its number', async () => {
    const original = await t.database.db.ticket.findFirstOrThrow({
      where: { NOT: { title } },
      orderBy: { number: 'asc' },
    });
    await openTicket();
    await page.getByRole('button', { name: 'Reject' }).click();
    const dialog = page.getByRole('dialog', { name: /Reject/ });
    await dialog.getByLabel('Reason code').selectOption('DUPLICATE');
    await dialog.getByLabel('Duplicate of ticket (number)').fill(String(original.number));
    await dialog.getByLabel('Reason', { exact: true }).fill('Same as the earlier one');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText(/→ Rejected — Same as the earlier one/).waitFor();
    const rejected = await t.database.db.ticket.findFirstOrThrow({ where: { title } });
    expect(rejected).toMatchObject({ status: 'REJECTED', rejectReasonCode: 'DUPLICATE', duplicateOfId: original.id });
    await page.close();
  });

  // Last: the route it puts between the console and the server stays on the browser's context.
  it('should show a reply written before the ticket’s subscription reached the server, with no reload', async () => {
    const late = 'Contact form sends nothing';
    const filed = await t.gql<{ submitTicket: { accessToken: string; ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { accessToken ticket { id } } } }',
      {
        i: {
          siteKey: demo.siteKeys[0],
          title: late,
          description: 'Pressing Send does nothing',
          idempotencyKey: 'console-ticket-late-1',
        },
      },
      undefined,
      { origin: server },
    );
    // Between the console and the server, the ticket view's subscribe message is held back while
    // the visitor answers.
    const subscriptions = await heldSubscriptions(site.browser.context, (query) => query.includes('ticketUpdated('));
    subscriptions.hold();
    page = await site.signIn();
    await page.getByRole('link', { name: late }).click();
    await page.getByRole('heading', { name: new RegExp(late) }).waitFor();
    await expect.poll(() => subscriptions.count()).toBe(1);
    const answered = await t.gql<{ replyToTicket: { __typename: string } }>(
      'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename } }',
      {
        i: {
          ticketId: filed.data?.submitTicket.ticket.id,
          body: 'It happens on the phone too',
          idempotencyKey: 'console-ticket-late-2',
        },
      },
      filed.data?.submitTicket.accessToken,
      { origin: server },
    );
    expect(answered.data?.replyToTicket.__typename).toBe('TicketPayload');
    subscriptions.release();
    // The subscription's first answer is the ticket as it is now: the reply shows without a reload.
    await page.getByText('It happens on the phone too').waitFor();
    await page.close();
  });
});
