import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium } from '../../../widget/test/browser/support/chromium.ts';
import { saveScreenshot, seriousViolations } from '../../../widget/test/browser/support/page-helpers.ts';
import { type ConsoleSite, startConsoleSite } from './support/console-site.ts';

/** Canned responses managed in the console: mine by anyone, shared by the head of support. */
describeInChromium('canned responses in the staff console (headless Chromium)', () => {
  let site: ConsoleSite;
  let page: Page;

  beforeAll(async () => {
    site = await startConsoleSite();
  });
  afterAll(async () => {
    await site?.close();
  });

  const signInAs = async (role: string) => {
    page = await site.signInAs(role);
    await page.getByRole('link', { name: 'Canned responses' }).click();
    await page.getByRole('heading', { name: 'Canned responses' }).waitFor();
  };
  const write = async (name: string, body: string) => {
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Language').selectOption('en');
    await page.getByLabel('Text').fill(body);
  };
  const stored = (name: string) => site.t.database.db.cannedResponse.findMany({ where: { name } });

  it('should let the head of support share a template, which a specialist may use but not change', async () => {
    await signInAs('HEAD');
    await write('Looking into it', 'We are looking into {{ticket.number}}. {{staff.name}}');
    await page.getByRole('checkbox', { name: 'Share it with every answerer' }).check();
    await page.getByRole('button', { name: 'Add' }).click();
    const shared = page.getByRole('list', { name: 'Shared with every answerer' });
    await shared.getByText('Looking into it').waitFor();
    expect((await stored('Looking into it')).map((c) => c.ownerId)).toEqual([null]);
    await page.close();

    await signInAs('LINE1');
    await page.getByRole('list', { name: 'Shared with every answerer' }).getByText('Looking into it').waitFor();
    expect(await page.getByRole('button', { name: 'Remove “Looking into it”' }).count()).toBe(0);
    // A specialist writes only their own: the "shared" box is not offered.
    expect(await page.getByRole('checkbox', { name: 'Share it with every answerer' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('should add, change and remove my own template, and fill it in from the composer', async () => {
    await signInAs('LINE1');
    await write('Need a screenshot', 'Hello {{requester.name | there}}, please send a screenshot of {{ticket.title}}.');
    await page.getByRole('button', { name: 'Add' }).click();
    const mine = page.getByRole('list', { name: 'Mine' });
    await mine.getByText('Need a screenshot').waitFor();

    await mine.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('heading', { name: 'Change “Need a screenshot”' }).waitFor();
    await page.getByLabel('Text').fill('Hello {{requester.name | there}}, a screenshot of “{{ticket.title}}”, please.');
    await page.getByRole('button', { name: 'Save' }).click();
    await mine.getByText('a screenshot of “{{ticket.title}}”, please.').waitFor();
    await saveScreenshot(page, 'console-canned');

    // From a ticket: Alt+C, the name, Enter fills it in for this ticket.
    const ticket = await site.t.database.db.ticket.findFirstOrThrow({
      where: { status: 'NEW' },
      orderBy: { number: 'asc' },
    });
    await page.getByRole('link', { name: 'Queue' }).click();
    await page.getByRole('link', { name: ticket.title }).click();
    await page.getByLabel('Reply to the client').focus();
    await page.keyboard.press('Alt+c');
    await page.keyboard.type('Need a screenshot');
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('Reply to the client').inputValue()).toMatch(
      new RegExp(`^Hello .+, a screenshot of “${ticket.title}”, please\\.$`),
    );

    await page.getByRole('link', { name: 'Canned responses' }).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Remove “Need a screenshot”' }).click();
    await page.getByRole('list', { name: 'Mine' }).waitFor({ state: 'detached' });
    expect(await stored('Need a screenshot')).toEqual([]);
    await page.close();
  });

  it('should refuse a template with an unknown placeholder, saying so, and keep nothing', async () => {
    await signInAs('LINE1');
    await write('Broken', 'Your password is {{requester.password}}');
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('unknown placeholder {{requester.password}}');
    expect(await stored('Broken')).toEqual([]);
    // What was typed stays in the form to be corrected.
    expect(await page.getByLabel('Text').inputValue()).toBe('Your password is {{requester.password}}');
    await page.close();
  });
});
