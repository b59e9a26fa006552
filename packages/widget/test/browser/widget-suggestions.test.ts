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
});
