import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Chromium, describeInChromium, launchChromium } from './support/chromium.ts';
import { saveScreenshot } from './support/page-helpers.ts';
import { embedPage, startWidgetSite, type WidgetSite } from './support/widget-site.ts';

describeInChromium('a client contact signing in inside the widget (headless Chromium)', () => {
  let s: WidgetSite;
  let browser: Chromium;
  let page: Page;
  const email = 'owner@flowers.example';

  beforeAll(async () => {
    [s, browser] = await Promise.all([startWidgetSite(), launchChromium()]);
    s.page('/', embedPage({ server: s.server, siteKey: s.siteKey }));
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const myRequests = async () => {
    await page.getByRole('button', { name: 'Support' }).click();
    await page.getByRole('button', { name: 'My requests' }).click();
  };
  const viewerKind = async (token: string) =>
    (await s.t.gql<{ viewer: { kind: string } }>('{ viewer { kind } }', {}, token)).data?.viewer.kind ?? 'none';

  it('should sign a contact in by the e-mailed code, show only their company’s requests, keep them signed in and sign them out', async () => {
    page = await browser.context.newPage();
    await page.goto(`${s.site}/`);
    await myRequests();
    await page.getByText('No requests from this browser yet.').waitFor();
    await page.getByLabel('Your work e-mail').fill(email);
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByText(`If ${email} is known to us, a code is on its way.`).waitFor();

    // A wrong code is refused with the server's explanation, and nothing is kept.
    await page.getByLabel('Code from the letter').fill('000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':session')))).toEqual([]);

    await page.getByLabel('Code from the letter').fill(s.lastCode(email));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Signed in as ${email}`).waitFor();
    await page
      .getByRole('button', { name: /Не работает оформление заказа/ })
      .first()
      .waitFor();
    // Another organization's request (the bikes shop's) is not among them.
    expect(await page.getByRole('button', { name: /Как выгрузить заказы в Excel/ }).count()).toBe(0);
    await saveScreenshot(page, 'signed-in-contact');

    // A new visit on the same site: still signed in, with the company's requests.
    await page.reload();
    await myRequests();
    await page.getByText(`Signed in as ${email}`).waitFor();
    await page
      .getByRole('button', { name: /Не работает оформление заказа/ })
      .first()
      .waitFor();
    const kept = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.endsWith(':session')) ?? '';
      return (JSON.parse(localStorage.getItem(key) ?? '{}') as { token?: string }).token ?? '';
    });
    expect(await viewerKind(kept)).toBe('CONTACT');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('Working with the studio? Sign in').waitFor();
    expect(await page.getByRole('button', { name: /Не работает оформление заказа/ }).count()).toBe(0);
    // The session is over on the server too, not only forgotten by the browser.
    expect(await viewerKind(kept)).not.toBe('CONTACT');
  });
});
