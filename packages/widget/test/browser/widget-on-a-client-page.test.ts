import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Chromium, describeInChromium, launchChromium } from './support/chromium.ts';
import { pasteImage, saveScreenshot, seriousViolations } from './support/page-helpers.ts';
import { embedPage, startWidgetSite, type WidgetSite } from './support/widget-site.ts';

// Styles a careless theme might have: they must not reach into the widget.
const hostileCss = `<style>
  body * { all: unset !important; font-size: 40px !important; color: #f0f !important; line-height: 3 !important; }
  button { display: none !important; background: red !important; }
  div { position: static !important; }
  caredesk-widget { display: none; opacity: 0.1; }
</style>`;

describeInChromium('the widget on a client site (headless Chromium)', () => {
  let s: WidgetSite;
  let browser: Chromium;
  let page: Page;

  beforeAll(async () => {
    [s, browser] = await Promise.all([startWidgetSite(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await s?.close();
  });

  const open = async (path: string, html: string) => {
    s.page(path, html);
    page = await browser.context.newPage();
    await page.goto(`${s.site}${path}`);
    return page;
  };
  const launcher = () => page.getByRole('button', { name: 'Support' });

  it('should show one launcher in its own look on a page with hostile CSS, even with the script added twice', async () => {
    const twice = `<script src="${s.server}/widget.js" data-site-key="${s.siteKey}" async></script>`;
    await open('/hostile', embedPage({ server: s.server, siteKey: s.siteKey, head: hostileCss, body: twice }));
    await launcher().waitFor();
    expect(await page.locator('caredesk-widget').count()).toBe(1);
    const look = await launcher().evaluate((button) => {
      const style = getComputedStyle(button);
      return { fontSize: style.fontSize, background: style.backgroundColor, display: style.display };
    });
    expect(look).toEqual({ fontSize: '14px', background: 'rgb(33, 85, 214)', display: 'inline-block' });
    await saveScreenshot(page, 'closed-hostile-css');
    await launcher().click();
    await page.getByLabel('Subject').waitFor();
    expect(await page.getByLabel('Subject').evaluate((input) => getComputedStyle(input).fontSize)).toBe('14px');
    await saveScreenshot(page, 'open-hostile-css');
    await page.close();
  });

  it('should file a ticket with a screenshot, a pasted image and only the page context the visitor kept', async () => {
    await open('/checkout', embedPage({ server: s.server, siteKey: s.siteKey }));
    // Something went wrong on the page before the visitor opened the widget.
    await page.evaluate(async () => {
      console.error('TypeError: cart is undefined');
      await fetch('/api/missing').catch(() => {});
    });
    await launcher().click();
    await page.getByLabel('Subject').fill('Checkout fails');
    await page.getByLabel('What happened?').fill('The pay button does nothing');
    expect(await page.getByText('TypeError: cart is undefined').count()).toBe(1);
    expect(await page.getByText(/GET http:\/\/127\.0\.0\.1:\d+\/api\/missing → 404/).count()).toBe(1);
    await page.getByRole('button', { name: 'Remove: Window' }).click();
    await page.getByRole('button', { name: 'Screenshot' }).click();
    await page.getByText(/^screenshot-.*\.png/).waitFor();
    await pasteImage(page, 'caredesk-widget >> textarea[name=description]');
    await page.getByText(/^pasted\.png/).waitFor();
    await saveScreenshot(page, 'open-with-files');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText(/Request #\d+ is filed/).waitFor();

    const ticket = await s.t.database.db.ticket.findFirstOrThrow({
      where: { title: 'Checkout fails' },
      include: { attachments: true },
    });
    expect(ticket.attachments.map((a) => a.contentType).sort()).toEqual(['image/png', 'image/png']);
    const context = ticket.pageContext as Record<string, string>;
    expect(context).toMatchObject({ url: `${s.site}/checkout`, widget: '0.1.0' });
    expect(context.errors).toContain('cart is undefined');
    expect(context.requests).toContain('/api/missing → 404');
    expect(context).not.toHaveProperty('viewport');
    await page.close();
  });

  it('should black out part of a screenshot in the annotation editor before it is sent', async () => {
    await open('/annotate', embedPage({ server: s.server, siteKey: s.siteKey }));
    await launcher().click();
    await page.getByRole('button', { name: 'Screenshot' }).click();
    await page.getByText(/^screenshot-.*\.png/).waitFor();
    await page.getByRole('button', { name: 'Mark up' }).click();
    await page.getByRole('button', { name: 'Black out' }).click();
    const canvas = page.locator('caredesk-widget >> .cd-ann canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the editor shows no canvas');
    await page.mouse.move(box.x + 10, box.y + 10);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await saveScreenshot(page, 'annotation-editor');
    await page.getByRole('button', { name: 'Done' }).click();
    await canvas.waitFor({ state: 'detached' });
    // The file to send is the marked-up one: black where the box was, untouched elsewhere.
    const pixels = await page.evaluate(async () => {
      const file = document.querySelector('caredesk-widget')?.files[0] as File;
      const image = await createImageBitmap(file);
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      const at = (x: number, y: number) => [...context.getImageData(x, y, 1, 1).data];
      return { inside: at(image.width / 4, image.height / 4), outside: at(image.width - 5, image.height - 5) };
    });
    expect(pixels.inside).toEqual([0, 0, 0, 255]);
    expect(pixels.outside).not.toEqual([0, 0, 0, 255]);
    await page.close();
  });

  it('should let a visitor file a ticket with the keyboard alone, and give focus back on Escape', async () => {
    await open('/keyboard', embedPage({ server: s.server, siteKey: s.siteKey }));
    await launcher().waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // The widget proper loads on the first open, then moves focus to the subject: a keyboard user
    // types once the form is there (typing before would go to the page).
    await page.waitForFunction(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active?.getAttribute('name') === 'title';
    });
    await page.keyboard.type('Search shows nothing');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Any word gives an empty page');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByText(/Request #\d+ is filed/).waitFor();
    await page.keyboard.press('Escape');
    await launcher().waitFor();
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent?.trim())).toBe(
      'Support',
    );
    expect(await s.t.database.db.ticket.count({ where: { title: 'Search shows nothing' } })).toBe(1);
    await page.close();
  });

  it('should find no serious or critical accessibility violations with axe-core, closed, open and in the dark', async () => {
    await open('/a11y', embedPage({ server: s.server, siteKey: s.siteKey }));
    await launcher().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await launcher().click();
    await page.getByLabel('Subject').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'open-dark');
    await page.close();
  });

  it('should speak Russian on a Russian page and switch to English when the page asks', async () => {
    await open('/ru', embedPage({ server: s.server, siteKey: s.siteKey, lang: 'ru' }));
    await page.getByRole('button', { name: 'Поддержка' }).click();
    await page.getByLabel('Тема', { exact: true }).waitFor();
    await page.evaluate(() => window.caredesk?.setLocale('en'));
    await page.getByLabel('Subject').waitFor();
    expect(await page.getByRole('button', { name: 'Send' }).count()).toBe(1);
    await page.close();
  });

  it('should fill the form from the page and tell the page when a ticket is filed', async () => {
    await open('/api', embedPage({ server: s.server, siteKey: s.siteKey, attrs: 'data-launcher="hidden"' }));
    const filed = page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          window.caredesk?.on('submitted', resolve);
          window.caredesk?.prefill({ title: 'Prefilled title', description: 'From the page', email: 'a@b.example' });
          window.caredesk?.open();
        }),
    );
    await page.getByLabel('Subject').waitFor();
    expect(await launcher().count()).toBe(0);
    expect(await page.getByLabel('Subject').inputValue()).toBe('Prefilled title');
    await page.getByRole('button', { name: 'Send' }).click();
    expect(await filed).toMatchObject({ displayNumber: expect.stringMatching(/^#\d+$/), queued: false });
    await page.close();
  });

  it('should send the window’s size and the address as they are at sending, not at opening', async () => {
    await open('/resized', embedPage({ server: s.server, siteKey: s.siteKey }));
    await page.setViewportSize({ width: 1024, height: 700 });
    await launcher().click();
    await page.getByLabel('Subject').fill('Layout breaks when narrowed');
    await page.getByLabel('What happened?').fill('The menu overlaps');
    // The visitor narrows the window and moves within the page before sending.
    await page.setViewportSize({ width: 800, height: 600 });
    await page.evaluate(() => history.pushState(null, '', '/resized?step=2'));
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText(/Request #\d+ is filed/).waitFor();
    const ticket = await s.t.database.db.ticket.findFirstOrThrow({ where: { title: 'Layout breaks when narrowed' } });
    expect(ticket.pageContext).toMatchObject({ viewport: '800×600 @1x', url: `${s.site}/resized?step=2` });
    await page.close();
  });

  it('should report the failed request of a page that caredesk itself serves (the demo), but not its own calls', async () => {
    page = await browser.context.newPage();
    await page.goto(`${s.server}/demo`);
    const failed = page.waitForResponse((r) => r.url().endsWith('/api/checkout'));
    await page.getByRole('button', { name: 'Оформить заказ' }).click();
    expect((await failed).status()).toBe(404);
    await page.getByRole('button', { name: 'Поддержка' }).click();
    await page.getByText(`POST ${s.server}/api/checkout → 404`).waitFor();
    expect(await page.getByText(`${s.server}/graphql`).count()).toBe(0);
    await page.close();
  });

  it('should refuse a page of an origin the site does not allow, and keep nothing to retry', async () => {
    const before = await s.t.database.db.ticket.count();
    s.page('/elsewhere', embedPage({ server: s.server, siteKey: s.siteKey }));
    page = await browser.context.newPage();
    await page.goto(`${s.stranger}/elsewhere`);
    await launcher().click();
    await page.getByLabel('Subject').fill('From a copied site');
    await page.getByLabel('What happened?').fill('Should not be filed');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('This site may not file requests to the support desk').waitFor();
    expect(await s.t.database.db.ticket.count()).toBe(before);
    expect(await page.evaluate(() => localStorage.getItem('caredesk:outbox'))).toBeNull();
    await page.close();
  });

  it('should fill a phone screen when open, without motion when the visitor asks for less', async () => {
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 375, height: 667 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    s.page('/phone', embedPage({ server: s.server, siteKey: s.siteKey }));
    await page.goto(`${s.site}/phone`);
    await launcher().click();
    await page.getByLabel('Subject').waitFor();
    const box = await page.locator('caredesk-widget >> .panel').boundingBox();
    expect(box && [box.x, box.y, box.width, Math.round(box.height)]).toEqual([0, 0, 375, 667]);
    await saveScreenshot(page, 'open-phone');
    await page.close();
  });
});
