import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium } from '../../../widget/test/browser/support/chromium.ts';
import { seriousViolations } from '../../../widget/test/browser/support/page-helpers.ts';
import { type ConsoleSite, startConsoleSite } from './support/console-site.ts';

/** Settings in the console: API tokens made, shown once, used and revoked. */
describeInChromium('the settings page of the staff console (headless Chromium)', () => {
  let site: ConsoleSite;
  let page: Page;

  beforeAll(async () => {
    site = await startConsoleSite(undefined, { MONITORING_ENABLED: 'false' });
  });
  afterAll(() => site?.close());

  const openSettings = async (role: string) => {
    page = await site.signInAs(role);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'API tokens' }).click();
    await page.getByRole('heading', { name: 'API tokens' }).waitFor();
  };
  const viewerKind = async (token: string) =>
    (await site.t.gql<{ viewer: { kind: string } }>('{ viewer { kind } }', {}, token)).data?.viewer.kind;

  it('should let a specialist create a token shown once, use it, and revoke it so that it stops at once', async () => {
    await openSettings('LINE2');
    const form = page.getByRole('form', { name: 'Create token' });
    await form.getByLabel('Name').fill('Deploy script');
    await form.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.locator('caredesk-settings code.secret').textContent()) ?? '';
    expect(secret).toMatch(/^cdk_/);
    expect(await viewerKind(secret)).toBe('STAFF');
    const row = page.getByRole('row', { name: /Deploy script/ });
    await row.getByText('tickets:read').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Shown once: a reload lists the token by its prefix only.
    await page.reload();
    await page.getByRole('row', { name: /Deploy script/ }).waitFor();
    expect(await page.locator('caredesk-settings').getByText(secret).count()).toBe(0);

    await page.getByRole('button', { name: 'Revoke: Deploy script' }).click();
    await page
      .getByRole('row', { name: /Deploy script/ })
      .getByText(/^revoked /)
      .waitFor();
    expect(await viewerKind(secret)).toBe('ANONYMOUS');
    await page.close();
  });

  it('should refuse a token without scopes with the server’s reason, and show a specialist only their own tokens', async () => {
    await openSettings('LINE1');
    const form = page.getByRole('form', { name: 'Create token' });
    await form.getByLabel('Name').fill('No rights');
    await form.getByLabel('tickets:read').uncheck();
    await form.getByRole('button', { name: 'Create token' }).click();
    await page
      .getByRole('alert')
      .getByText(/give at least one scope/)
      .waitFor();
    expect(await site.t.database.db.apiToken.count({ where: { name: 'No rights' } })).toBe(0);
    // LINE2's token of the test before is not theirs to see.
    expect(await page.getByRole('row', { name: /Deploy script/ }).count()).toBe(0);
    await page.close();
  });

  it('should show an admin every staff member’s tokens with whose they are', async () => {
    await openSettings('ADMIN');
    const row = page.getByRole('row', { name: /Deploy script/ });
    await row.waitFor();
    const line2 = site.demo.staff.find((s) => s.role === 'LINE2');
    const member = await site.t.database.db.staffMember.findUniqueOrThrow({ where: { email: line2?.email ?? '' } });
    await row.getByText(member.name).waitFor();
    await page.close();
  });
});
