import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Chromium, describeInChromium, launchChromium } from '../../../widget/test/browser/support/chromium.ts';
import { embedPage, startWidgetSite, type WidgetSite } from '../../../widget/test/browser/support/widget-site.ts';

/**
 * The whole path in two browsers: a visitor files through the widget on a client's site; a
 * specialist works the ticket in the console; the visitor's open widget follows it live.
 */
describeInChromium('the console and the widget together (two headless Chromiums)', () => {
  let s: WidgetSite;
  let visitor: Chromium;
  let staff: Chromium;

  beforeAll(async () => {
    [s, visitor, staff] = await Promise.all([
      startWidgetSite(),
      launchChromium(),
      launchChromium({ viewport: { width: 1280, height: 900 } }),
    ]);
    s.page('/', embedPage({ server: s.server, siteKey: s.siteKey }));
  });
  afterAll(async () => {
    await visitor?.close();
    await staff?.close();
    await s?.close();
  });

  it('should show the visitor the reply and the resolution live as staff work the ticket, and never the note', async () => {
    const title = 'Contact form sends nothing';
    const site = await visitor.context.newPage();
    site.setDefaultTimeout(10_000);
    await site.goto(`${s.site}/`);
    await site.getByRole('button', { name: 'Support' }).click();
    await site.getByLabel('Subject').fill(title);
    await site.getByLabel('What happened?').fill('The button spins for ever');
    await site.getByRole('button', { name: 'Send' }).click();
    await site.getByRole('heading', { name: new RegExp(title) }).waitFor();
    await site.getByText('Live').waitFor();

    const desk = await staff.context.newPage();
    desk.setDefaultTimeout(10_000);
    const line1 = s.demo.staff.find((m) => m.role === 'LINE1') ?? { email: '', password: '' };
    await desk.goto(`${s.server}/console`);
    await desk.getByLabel('E-mail').fill(line1.email);
    await desk.getByLabel('Password').fill(line1.password);
    await desk.getByRole('button', { name: 'Sign in' }).click();
    // Filed a moment ago: in the open queue without a reload.
    await desk.getByRole('link', { name: title }).click();
    await desk.getByRole('heading', { name: new RegExp(title) }).waitFor();

    await desk.getByLabel('Reply to the client').fill('Which page is the form on?');
    await desk.getByRole('button', { name: 'Send', exact: true }).click();
    await site.getByText('Which page is the form on?').waitFor();

    await desk.getByRole('button', { name: 'Internal note' }).click();
    await desk.getByLabel('Internal note (never shown to the client)').fill('Looks like the SMTP password expired');
    await desk.getByRole('button', { name: 'Add note' }).click();
    await desk.locator('li.note').getByText('Looks like the SMTP password expired').waitFor();

    await desk.getByRole('button', { name: 'Resolve' }).click();
    const resolving = desk.getByRole('dialog', { name: /Resolve/ });
    await resolving.getByLabel('Report of the work done').fill('Renewed the mail password; the form sends again');
    await resolving.getByRole('button', { name: 'Confirm' }).click();

    // The visitor's widget, never reloaded: the report and the new status arrive; the note,
    // written before the report, never does.
    await site.getByText('Renewed the mail password; the form sends again').waitFor();
    await site.locator('caredesk-widget >> .badge[data-status=RESOLVED]').waitFor();
    expect(await site.getByText('SMTP password').count()).toBe(0);
    const ticket = await s.t.database.db.ticket.findFirstOrThrow({ where: { title } });
    expect(ticket.status).toBe('RESOLVED');
    await Promise.all([site.close(), desk.close()]);
  });
});
