import { newSecret } from '@caredesk/schema/services';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { globalId } from '../../../server/test/support/monitoring.ts';
import { describeInChromium } from '../../../widget/test/browser/support/chromium.ts';
import { saveScreenshot, seriousViolations } from '../../../widget/test/browser/support/page-helpers.ts';
import { type ConsoleSite, startConsoleSite } from './support/console-site.ts';

/** The clients page: organizations, their contacts and sites, the widget's look and embed code. */
describeInChromium('the clients page of the staff console (headless Chromium)', () => {
  let site: ConsoleSite;
  let page: Page;

  beforeAll(async () => {
    site = await startConsoleSite(undefined, { MONITORING_ENABLED: 'false' });
  });
  afterAll(() => site?.close());

  const openClients = async (role: string) => {
    page = await site.signInAs(role);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('heading', { name: 'Clients', level: 2 }).waitFor();
  };
  const viewerKind = async (token: string) =>
    (await site.t.gql<{ viewer: { kind: string } }>('{ viewer { kind } }', {}, token)).data?.viewer.kind;

  it('should let the head of support add a client and its site, set the widget’s look, and hand over code that draws it', async () => {
    await openClients('HEAD');
    const newClient = page.getByRole('form', { name: 'New client' });
    await newClient.getByLabel('Name').fill('Пекарня «Колосок»');
    await newClient.getByLabel('Contract e-mail').fill('owner@bakery.example');
    await newClient.getByRole('button', { name: 'Add client' }).click();
    await page.getByRole('heading', { name: 'Пекарня «Колосок»', level: 3 }).waitFor();

    const newSite = page.getByRole('form', { name: 'New site' });
    await newSite.getByLabel('Name').fill('Витрина');
    await newSite.getByLabel('Address').fill('https://bakery.example');
    await newSite.getByRole('button', { name: 'Add site' }).click();
    const card = page.getByRole('region', { name: /Витрина/ });
    await card.waitFor();

    // A colour white text cannot be read on is refused, and nothing is saved.
    await card.getByLabel('Colour').fill('#ffd700');
    await card.getByRole('button', { name: 'Save the site' }).click();
    await card
      .getByRole('alert')
      .getByText(/1\.4:1; at least 4\.5:1/)
      .waitFor();
    const stored = await site.t.database.db.site.findFirstOrThrow({ where: { name: 'Витрина' } });
    expect(stored.widgetSettings).toBeNull();

    await card.getByLabel('Colour').fill('#7a1f5c');
    await card.getByLabel('Corner').selectOption('BOTTOM_LEFT');
    await card.getByLabel('Launcher text').fill('Помощь');
    await expect.poll(() => card.getByRole('img', { name: 'Preview' }).textContent()).toContain('Помощь');
    await card.getByRole('button', { name: 'Save the site' }).click();
    const snippet = card.getByLabel('Embed code');
    await expect.poll(() => snippet.textContent()).toContain('data-color="#7a1f5c"');
    expect(await snippet.textContent()).toBe(
      `<script src="${site.server}/widget.js" data-site-key="${stored.publicKey}" data-color="#7a1f5c" data-position="bottom-left" data-launcher-text="Помощь" async></script>`,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'console-clients-site');

    // The code, pasted into a page, draws the launcher in that colour, corner and words.
    const client = await site.browser.context.newPage();
    await client.setContent(
      `<!doctype html><html lang="ru"><body><h1>Колосок</h1>${await snippet.textContent()}</body></html>`,
    );
    const launcher = client.locator('caredesk-widget').locator('button.launcher');
    await launcher.waitFor();
    expect(await launcher.textContent()).toContain('Помощь');
    expect(await launcher.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(122, 31, 92)');
    const box = await launcher.boundingBox();
    expect(box?.x).toBeLessThan(100);
    await client.close();

    // A new colour reaches the site without pasting the code again: the loader asks for the look.
    await card.getByLabel('Colour').fill('#1f5c7a');
    await card.getByRole('button', { name: 'Save the site' }).click();
    await expect.poll(() => snippet.textContent()).toContain('data-color="#1f5c7a"');
    const bare = `<script src="${site.server}/widget.js" data-site-key="${stored.publicKey}" data-color="#7a1f5c" async></script>`;
    const later = await site.browser.context.newPage();
    await later.setContent(`<!doctype html><html lang="ru"><body><h1>Колосок</h1>${bare}</body></html>`);
    const relooked = later.locator('caredesk-widget').locator('button.launcher');
    await expect.poll(() => relooked.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(31, 92, 122)');
    expect(await relooked.textContent()).toContain('Помощь');
    await later.close();
    await page.close();
  });

  it('should let the head of support authorize a person, and deactivate a contact whose session ends at once', async () => {
    const owner = await site.t.database.db.contact.findUniqueOrThrow({ where: { email: 'owner@flowers.example' } });
    const session = newSecret('session');
    await site.t.database.db.session.create({
      data: { tokenHash: session.hash, contactId: owner.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    expect(await viewerKind(session.secret)).toBe('CONTACT');

    await openClients('HEAD');
    await page.getByRole('button', { name: 'ООО «Цветочная лавка»' }).click();
    const contacts = page.getByRole('region', { name: 'Contacts' });
    const form = contacts.getByRole('form', { name: 'Authorize a person' });
    await form.getByLabel('E-mail').fill('accountant@flowers.example');
    await form.getByLabel('Name (for a new person)').fill('Ирина Счётова');
    await form.getByRole('button', { name: 'Authorize' }).click();
    await contacts.getByRole('listitem').filter({ hasText: 'Ирина Счётова' }).getByText('authorized').waitFor();

    await contacts
      .getByRole('group', { name: `Actions for ${owner.name}` })
      .getByRole('button', { name: 'Deactivate' })
      .click();
    await contacts.getByRole('listitem').filter({ hasText: owner.name }).getByText('deactivated').waitFor();
    expect(await viewerKind(session.secret)).toBe('ANONYMOUS');
    expect(await seriousViolations(page)).toEqual([]);

    await contacts
      .getByRole('group', { name: `Actions for ${owner.name}` })
      .getByRole('button', { name: 'Reactivate' })
      .click();
    await contacts.getByRole('listitem').filter({ hasText: owner.name }).getByText('not authorized').waitFor();
    await page.close();
  });

  it('should show a specialist the clients without the means to change them, and the server refuse them', async () => {
    await openClients('LINE1');
    await page.getByRole('button', { name: 'ООО «Цветочная лавка»' }).click();
    const contacts = page.getByRole('region', { name: 'Contacts' });
    await contacts.getByRole('listitem').first().waitFor();
    expect(await page.getByRole('form', { name: 'New client' }).count()).toBe(0);
    expect(await contacts.getByRole('button').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save the site' }).count()).toBe(0);
    // The embed code is there to copy for everyone.
    await page.getByLabel('Embed code').first().waitFor();

    const manager = await site.t.database.db.contact.findUniqueOrThrow({ where: { email: 'manager@flowers.example' } });
    const refused = await site.t.gql(
      'mutation ($i: ContactInput!) { deactivateContact(input: $i) { __typename } }',
      { i: { contactId: globalId('Contact', manager.id) } },
      site.line1().token,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await page.close();
  });

  it('should speak Russian', async () => {
    await openClients('ADMIN');
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: 'Клиенты', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'ООО «Цветочная лавка»' }).click();
    await page.getByRole('heading', { name: 'Контактные лица' }).waitFor();
    await page.getByRole('button', { name: 'Отключить' }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
