import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Chromium, describeInChromium, launchChromium } from './support/chromium.ts';
import { startWidgetSite, type WidgetSite } from './support/widget-site.ts';

describeInChromium('an article page answering "did this help?" (headless Chromium)', () => {
  let s: WidgetSite;
  let browser: Chromium;

  beforeAll(async () => {
    [s, browser] = await Promise.all([startWidgetSite(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  it('should count one helpful answer when the reader presses Yes, under the page’s own content policy', async () => {
    const { db } = s.t.database;
    const article = await db.article.findFirstOrThrow({
      where: { status: 'PUBLISHED', visibility: 'PUBLIC', locale: 'en' },
    });
    const page = await browser.context.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    await page.goto(`${s.server}/kb/en/${article.slug}`);
    await page.getByText('Did this help?').waitFor();
    const counted = page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Yes' }).click();
    await counted;
    await page.getByText('Thank you for telling us!').waitFor();
    const after = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(after.helpfulYes).toBe(article.helpfulYes + 1);
    expect(after.helpfulNo).toBe(article.helpfulNo);
    expect(blocked).toEqual([]);
    await page.close();
  });
});
