import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium } from '../../../widget/test/browser/support/chromium.ts';
import { saveScreenshot, seriousViolations } from '../../../widget/test/browser/support/page-helpers.ts';
import { type ConsoleSite, startConsoleSite } from './support/console-site.ts';

/** The studio's people in the console: invited, given a password, moved to another role, disabled. */
describeInChromium('the staff part of the console settings (headless Chromium)', () => {
  let site: ConsoleSite;
  let page: Page;

  beforeAll(async () => {
    site = await startConsoleSite(undefined, { MONITORING_ENABLED: 'false' });
  });
  afterAll(() => site?.close());

  const openStaff = async (role: string) => {
    page = await site.signInAs(role);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Staff' }).click();
    await page.getByRole('table', { name: 'Staff' }).waitFor();
  };
  const demoStaff = (role: string) =>
    site.demo.staff.find((s) => s.role === role) ?? { email: '', token: '', password: '' };
  const viewer = async (token: string) =>
    (
      await site.t.gql<{ viewer: { kind: string; staff: { role: string } | null } }>(
        '{ viewer { kind staff { role } } }',
        {},
        token,
      )
    ).data?.viewer;

  it('should let an admin invite someone who then chooses a password with the link once and signs in', async () => {
    await openStaff('ADMIN');
    const form = page.getByRole('form', { name: 'Invite a staff member' });
    await form.getByLabel('Name').fill('Nina Petrova');
    await form.getByLabel('E-mail').fill('nina@studio.example');
    await form.getByLabel('Role').selectOption('LINE2');
    await form.getByLabel('Language of their letters').selectOption('en');
    await form.getByRole('button', { name: 'Invite' }).click();
    const link = (await page.locator('caredesk-settings-staff code.link').textContent()) ?? '';
    expect(link).toMatch(/\/console\/set-password#token=/);
    const row = page.getByRole('row', { name: /Nina Petrova/ });
    await row.getByText(/^invited; the link works until /).waitFor();
    const letter = await site.t.database.db.outboxMail.findFirst({ where: { to: 'nina@studio.example' } });
    expect(letter?.text).toContain(link.slice(link.indexOf('/console/set-password#token=')));
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'console-settings-staff');
    await page.close();

    // Nina opens the link in her own browser.
    await site.browser.context.clearCookies();
    const nina = await site.browser.context.newPage();
    nina.setDefaultTimeout(8000);
    await nina.goto(link);
    await nina.getByLabel('New password').fill('correct horse battery');
    await nina.getByLabel('The same again').fill('correct horse battery!');
    await nina.getByRole('button', { name: 'Save the password' }).click();
    await nina.getByRole('alert').getByText('The two passwords differ.').waitFor();
    await nina.getByLabel('The same again').fill('correct horse battery');
    await nina.getByRole('button', { name: 'Save the password' }).click();
    await nina.getByText('Your password is set. Sign in as nina@studio.example.').waitFor();
    expect(nina.url()).not.toContain('token=');
    expect(await seriousViolations(nina)).toEqual([]);
    await nina.getByRole('link', { name: 'Sign in' }).click();
    await nina.getByLabel('E-mail').fill('nina@studio.example');
    await nina.getByLabel('Password').fill('correct horse battery');
    await nina.getByRole('button', { name: 'Sign in' }).click();
    await nina.getByRole('table', { name: 'Queue' }).waitFor();

    // The link works once.
    await nina.goto(link);
    await nina.getByLabel('New password').fill('another long password');
    await nina.getByLabel('The same again').fill('another long password');
    await nina.getByRole('button', { name: 'Save the password' }).click();
    await nina.getByRole('alert').waitFor();
    await nina.close();
  });

  it('should let an admin change a role and disable someone, ending their access at once', async () => {
    const line1 = demoStaff('LINE1');
    const line3 = demoStaff('LINE3');
    expect((await viewer(line3.token))?.kind).toBe('STAFF');
    await openStaff('ADMIN');
    const line1Row = page.getByRole('row', { name: new RegExp(line1.email) });
    await line1Row.getByRole('combobox').selectOption('HEAD');
    await page
      .getByRole('status')
      .getByText(/is now head of support\.$/)
      .waitFor();
    expect((await viewer(line1.token))?.staff?.role).toBe('HEAD');

    const line3Row = page.getByRole('row', { name: new RegExp(line3.email) });
    await line3Row.getByRole('button', { name: /^Disable: / }).click();
    await line3Row.getByText('disabled', { exact: true }).waitFor();
    expect((await viewer(line3.token))?.kind).toBe('ANONYMOUS');
    await line3Row.getByRole('button', { name: /^Enable: / }).click();
    await line3Row.getByText('active', { exact: true }).waitFor();

    // The studio keeps an admin: the last one cannot disable themselves.
    const adminRow = page.getByRole('row', { name: new RegExp(demoStaff('ADMIN').email) });
    await adminRow.getByRole('button', { name: /^Disable: / }).click();
    await page.getByRole('alert').waitFor();
    expect((await viewer(demoStaff('ADMIN').token))?.kind).toBe('STAFF');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('should show the head of support the staff read-only, a specialist no staff part, and the server refuse both', async () => {
    await openStaff('HEAD');
    expect(await page.getByRole('form', { name: 'Invite a staff member' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Disable: / }).count()).toBe(0);
    await page.close();
    page = await site.signInAs('LINE2');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Working hours' }).waitFor();
    expect(
      await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Staff' }).count(),
    ).toBe(0);
    await page.close();
    for (const role of ['HEAD', 'LINE2']) {
      const refused = await site.t.gql(
        'mutation { inviteStaff(input: { name: "Mallory", email: "mallory@evil.example", role: ADMIN }) { __typename } }',
        {},
        demoStaff(role).token,
      );
      expect(refused.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
    }
    expect(await site.t.database.db.staffMember.count({ where: { email: 'mallory@evil.example' } })).toBe(0);
  });
});
