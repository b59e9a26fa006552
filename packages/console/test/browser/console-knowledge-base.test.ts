import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Chromium, describeInChromium, launchChromium } from '../../../widget/test/browser/support/chromium.ts';
import { saveScreenshot, seriousViolations } from '../../../widget/test/browser/support/page-helpers.ts';
import { embedPage, startWidgetSite, type WidgetSite } from '../../../widget/test/browser/support/widget-site.ts';

const title = 'Password reset letter never arrives';

/** The knowledge base in the console: an article drafted, versioned, published, then suggested by the widget. */
describeInChromium('the knowledge base in the staff console (headless Chromium)', () => {
  let s: WidgetSite;
  let staff: Chromium;
  let visitor: Chromium;

  beforeAll(async () => {
    [s, staff, visitor] = await Promise.all([
      startWidgetSite(),
      launchChromium({ viewport: { width: 1280, height: 900 }, bypassCSP: true }),
      launchChromium(),
    ]);
    s.page('/', embedPage({ server: s.server, siteKey: s.siteKey }));
  });
  afterAll(async () => {
    await staff?.close();
    await visitor?.close();
    await s?.close();
  });

  const signIn = async (role: string): Promise<Page> => {
    const who = s.demo.staff.find((m) => m.role === role) ?? { email: '', password: '' };
    await staff.context.clearCookies();
    const page = await staff.context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${s.server}/console`);
    await page.getByLabel('E-mail').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('table', { name: 'Queue' }).waitFor();
    return page;
  };

  it('should let a specialist draft, publish, revise and republish an article that the widget then suggests, and show its figures', async () => {
    const page = await signIn('LINE1');
    await page.getByRole('link', { name: 'Knowledge base' }).click();
    await page.getByRole('button', { name: 'New article' }).click();
    const editor = page.locator('caredesk-article-editor');
    await editor.getByLabel('Title').fill(title);
    await editor.getByLabel('Language').selectOption('en');
    await editor
      .getByLabel('Text (Markdown)')
      .fill('Check the **spam** folder.\nAsk for a new letter after 5 minutes.');
    // The preview follows the typing, Markdown rendered.
    await editor.getByRole('region', { name: 'Preview' }).locator('strong', { hasText: 'spam' }).waitFor();
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await editor.getByText('Draft saved.').waitFor();
    await editor.getByText('draft', { exact: true }).waitFor();

    await editor.getByRole('button', { name: 'Publish', exact: true }).click();
    await editor.getByText('Published as version 1.').waitFor();

    await editor
      .getByLabel('Text (Markdown)')
      .fill('Check the **spam** folder.\nAsk for a new letter after 2 minutes.');
    await editor.getByRole('button', { name: 'Save draft' }).click();
    await editor.getByText('unpublished changes').waitFor();
    await editor.getByRole('button', { name: 'Compare version 1 with the draft' }).click();
    const diff = editor.getByRole('region', { name: 'Version 1 → draft' });
    expect(await diff.locator('del').allTextContents()).toEqual(['− Ask for a new letter after 5 minutes.']);
    expect(await diff.locator('ins').allTextContents()).toEqual(['+ Ask for a new letter after 2 minutes.']);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'console-knowledge-base');
    await editor.getByRole('button', { name: 'Publish', exact: true }).click();
    await editor.getByText('Published as version 2.').waitFor();

    // A visitor on a client site is offered it while typing, and it solves their problem.
    const site = await visitor.context.newPage();
    await site.goto(`${s.site}/`);
    await site.getByRole('button', { name: 'Support' }).click();
    await site.getByLabel('Subject').pressSequentially('password reset letter', { delay: 30 });
    await site.getByText(title).waitFor();
    const [popup] = await Promise.all([site.waitForEvent('popup'), site.getByRole('link', { name: 'Read' }).click()]);
    await popup.getByText('Ask for a new letter after 2 minutes.').waitFor();
    await popup.close();
    await site.getByRole('button', { name: 'This solved it' }).click();
    await site.getByRole('button', { name: 'Support' }).waitFor();

    // Its figures this month, as staff see them.
    await expect
      .poll(async () => {
        await page.reload();
        const row = page
          .locator('caredesk-article-editor')
          .getByRole('table', { name: 'Figures by month' })
          .getByRole('row')
          .nth(1);
        return (await row.count()) ? (await row.getByRole('cell').allTextContents()).slice(1) : [];
      })
      .toEqual(['1', '0', '0', '1']);
    await page.close();
  });

  it('should draft an article from a resolved ticket and open it in the editor', async () => {
    const { db } = s.t.database;
    const ticket = await db.ticket.findFirstOrThrow({
      where: {
        status: { in: ['RESOLVED', 'ACCEPTED'] },
        messages: { some: { authorKind: 'STAFF', internal: false } },
      },
    });
    const page = await signIn('HEAD');
    await page.goto(`${s.server}/console/tickets/${Buffer.from(`Ticket:${ticket.id}`).toString('base64')}`);
    await page.getByRole('button', { name: 'Article from this ticket' }).click();
    const editor = page.locator('caredesk-article-editor');
    await expect.poll(() => editor.getByLabel('Title').inputValue()).toBe(ticket.title);
    await editor.getByText('Made from a ticket').waitFor();
    await editor.getByText('draft', { exact: true }).waitFor();
    expect(await db.article.count({ where: { sourceTicketId: ticket.id } })).toBe(1);
    await page.close();
  });

  it('should give the accountant no entry to the knowledge base, and the server refuse them', async () => {
    const page = await signIn('ACCOUNTANT');
    expect(await page.getByRole('link', { name: 'Knowledge base' }).count()).toBe(0);
    await page.goto(`${s.server}/console/kb`);
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    expect(await page.getByRole('button', { name: 'New article' }).count()).toBe(0);
    const accountant = s.demo.staff.find((m) => m.role === 'ACCOUNTANT')?.token;
    const refused = await s.t.gql(
      'mutation { createArticle(input: { title: "Sneaky", body: "x" }) { __typename } }',
      {},
      accountant,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await page.close();
  });
});
