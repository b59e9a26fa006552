import { createArticle, publishArticle } from '@caredesk/schema/services';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Chromium, describeInChromium, launchChromium } from './support/chromium.ts';
import { embedPage, startWidgetSite, type WidgetSite } from './support/widget-site.ts';

describeInChromium('knowledge-base suggestions in the widget (headless Chromium)', () => {
  let s: WidgetSite;
  let browser: Chromium;
  let articleId = '';

  beforeAll(async () => {
    [s, browser] = await Promise.all([startWidgetSite(), launchChromium()]);
    s.page('/', embedPage({ server: s.server, siteKey: s.siteKey }));
    const { db } = s.t.database;
    const article = await createArticle(
      db,
      {
        locale: 'en',
        title: 'Cart is empty after signing in',
        body: 'Clear the cookies of the shop and sign in again.',
      },
      null,
      new Date(),
    );
    await publishArticle(db, article.id, null, new Date());
    articleId = article.id;
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('should offer a matching article while the visitor types, count a view and end the visit on "This solved it"', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${s.site}/`);
    await page.getByRole('button', { name: 'Support' }).click();
    await page.getByLabel('Subject').pressSequentially('empty cart', { delay: 40 });
    await page.getByText('Maybe this answers it:').waitFor();
    await page.getByText('Cart is empty after signing in').waitFor();

    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('link', { name: 'Read' }).click()]);
    await popup.close();
    await page.getByRole('button', { name: 'This solved it' }).click();
    await page.getByRole('button', { name: 'Support' }).waitFor();

    const { db } = s.t.database;
    await expect
      .poll(async () =>
        db.article.findUniqueOrThrow({ where: { id: articleId }, select: { views: true, deflections: true } }),
      )
      .toEqual({ views: 1, deflections: 1 });
    expect(await db.ticket.count({ where: { title: { contains: 'empty cart' } } })).toBe(0);
  });

  it('should show the articles a staff reply cites as links in the thread', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${s.site}/`);
    await page.getByRole('button', { name: 'Support' }).click();
    await page.getByLabel('Subject').fill('Basket loses items');
    await page.getByLabel('What happened?').fill('After I sign in the basket is empty');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText(/Request #\d+ is filed/).waitFor();
    const ticket = await s.t.database.db.ticket.findFirstOrThrow({ where: { title: 'Basket loses items' } });
    const staff = s.demo.staff.find((m) => m.role === 'LINE1')?.token ?? '';
    const reply = await s.t.gql(
      'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename } }',
      {
        i: {
          ticketId: Buffer.from(`Ticket:${ticket.id}`).toString('base64'),
          body: 'Please try this:',
          idempotencyKey: 'staff-cites-0001',
          articleIds: [Buffer.from(`Article:${articleId}`).toString('base64')],
        },
      },
      staff,
    );
    expect(reply.data).toEqual({ replyToTicket: { __typename: 'TicketPayload' } });
    await page.getByRole('button', { name: 'My requests' }).click();
    await page.getByRole('button', { name: /Basket loses items/ }).click();
    await page.getByText('Please try this:').waitFor();
    const link = page.getByRole('link', { name: 'Cart is empty after signing in' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`${s.server}/kb/en/cart-is-empty-after-signing-in`);
  });
});
