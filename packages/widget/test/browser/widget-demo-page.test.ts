import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../../server/src/seed/demo.ts';
import { createTestApp, type TestApp } from '../../../server/test/support/test-app.ts';
import { type Chromium, describeInChromium, launchChromium } from './support/chromium.ts';
import { freePort } from './support/widget-site.ts';

/** `pnpm start` as a newcomer tries it: the demo page, opened at 127.0.0.1 rather than localhost. */
describeInChromium('the demo page opened at 127.0.0.1 (headless Chromium)', () => {
  let t: TestApp;
  let browser: Chromium;
  let page: Page;
  let port = 0;

  beforeAll(async () => {
    port = await freePort();
    const publicUrl = `http://localhost:${port}`;
    t = await createTestApp('sqlite', { env: { PORT: String(port), PUBLIC_URL: publicUrl } });
    await seedDemo(t.database.db, { publicUrl });
    [, browser] = await Promise.all([t.app.start(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("should file a report with the demo's failed request and page error in it", async () => {
    page = await browser.context.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/CORS|blocked/i.test(message.text())) refused.push(message.text());
    });
    await page.goto(`http://127.0.0.1:${port}/demo`);
    // The button fails on purpose: a request to a missing API and an exception.
    await page.getByRole('button', { name: 'Оформить заказ' }).click();
    await page.getByRole('button', { name: /^Поддержка/ }).click();
    await page.getByRole('textbox', { name: 'Тема', exact: true }).fill('Заказ не оформляется');
    await page.getByLabel('Что случилось?').fill('Нажимаю «Оформить заказ», ничего не происходит');
    await page.getByText(`POST http://127.0.0.1:${port}/api/checkout → 404`).waitFor();
    await page.getByText(/cart is not defined/).waitFor();
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.getByText(/Обращение #\d+ принято/).waitFor();
    expect(refused).toEqual([]);

    const ticket = await t.database.db.ticket.findFirstOrThrow({ where: { title: 'Заказ не оформляется' } });
    const context = ticket.pageContext as Record<string, string>;
    expect(context.url).toBe(`http://127.0.0.1:${port}/demo`);
    expect(context.requests).toContain(`POST http://127.0.0.1:${port}/api/checkout → 404`);
    // The widget's own calls are not the page's failures.
    expect(context.requests).not.toContain('/graphql');
    await page.close();
  });
});
