import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSmtpSink } from '../../../server/test/support/smtp-sink.ts';
import { describeInChromium } from '../../../widget/test/browser/support/chromium.ts';
import { saveScreenshot, seriousViolations } from '../../../widget/test/browser/support/page-helpers.ts';
import { type ConsoleSite, startConsoleSite } from './support/console-site.ts';

/** The studio's settings in the console: hours, the calendar, SLA targets, billing rules, notifications. */
describeInChromium('the studio settings of the staff console (headless Chromium)', () => {
  let site: ConsoleSite;
  let page: Page;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    sink = await startSmtpSink();
    site = await startConsoleSite(undefined, { MONITORING_ENABLED: 'false', SMTP_URL: sink.url });
  });
  afterAll(async () => {
    await site?.close();
    await sink?.close();
  });

  const openSection = async (role: string, section: string) => {
    page = await site.signInAs(role);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: section }).click();
  };
  const staffToken = (role: string) => site.demo.staff.find((s) => s.role === role)?.token ?? '';
  const localDate = (at: Date) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Moscow',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(at);
  const dayButton = (date: string) => page.getByRole('button', { name: new RegExp(`^\\d+ ${date}:`) });

  it('should let the head make a ticket’s due day a holiday in the year view and move its due time', async () => {
    const db = site.t.database.db;
    const ticket = await db.ticket.findFirstOrThrow({
      where: { reactedAt: null, reactionDueAt: { gt: new Date() } },
      orderBy: { reactionDueAt: 'asc' },
    });
    const due = ticket.reactionDueAt as Date;
    const date = localDate(due);
    await openSection('HEAD', 'Calendar');
    if (Number(date.slice(0, 4)) > new Date().getFullYear()) await page.getByRole('button', { name: /→$/ }).click();
    await dayButton(date).click();
    const editor = page.getByRole('form', { name: /^Change / });
    await editor.getByLabel('The day is').selectOption('HOLIDAY');
    await editor.getByLabel('Note').fill('Studio anniversary');
    await editor.getByRole('button', { name: 'Save the day' }).click();
    await page
      .getByRole('status')
      .getByText(/Due times of [1-9]\d* open tickets followed/)
      .waitFor();
    await page.getByRole('button', { name: new RegExp(`^\\d+ ${date}: holiday — Studio anniversary`) }).waitFor();
    const moved = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect((moved.reactionDueAt as Date).getTime()).toBeGreaterThan(due.getTime());
    expect(localDate(moved.reactionDueAt as Date)).not.toBe(date);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'console-settings-calendar');

    // The year exported holds the day; a file imported adds another.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Export \d+ \(JSON\)$/ }).click(),
    ]);
    const exported = JSON.parse(await streamText(await download.createReadStream()));
    expect(exported.days).toContainEqual({ date, kind: 'HOLIDAY', note: 'Studio anniversary' });
    const year = Number(date.slice(0, 4));
    const file = { year: year + 1, days: [{ date: `${year + 1}-03-10`, kind: 'HOLIDAY', note: 'Team day' }] };
    const importForm = page.getByRole('form', { name: 'Import a calendar' });
    await importForm.getByLabel('Replace every day').uncheck();
    await importForm
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await importForm.getByRole('button', { name: 'Import' }).click();
    await page
      .getByRole('status')
      .getByText(`Imported 1 days of ${year + 1}.`, { exact: false })
      .waitFor();
    const days = await site.t.gql<{ calendarDays: { type: string; note: string }[] }>(
      'query ($d: Date!) { calendarDays(from: $d, to: $d) { type note } }',
      { d: `${year + 1}-03-10` },
    );
    expect(days.data?.calendarDays).toEqual([{ type: 'HOLIDAY', note: 'Team day' }]);
    await page.close();
  });

  it('should let the head change the weekly hours, SLA targets and billing rules, refusing nonsense with the reason', async () => {
    await openSection('HEAD', 'Working hours');
    const hours = page.getByRole('form', { name: 'Working hours and time zone' });
    await hours.getByLabel('Saturday', { exact: true }).check();
    await hours.getByLabel('Saturday: opens').fill('11:00');
    await hours.getByLabel('Saturday: closes').fill('15:00');
    await hours.getByRole('button', { name: 'Save hours' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    const week = await site.t.gql<{ workingHours: { days: { weekday: string; opens: string; closes: string }[] } }>(
      '{ workingHours { days { weekday opens closes } } }',
    );
    expect(week.data?.workingHours.days).toContainEqual({ weekday: 'SAT', opens: '11:00', closes: '15:00' });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'SLA targets' }).click();
    await page.getByLabel('High, Reaction: how many').fill('120');
    await page.getByLabel('High, Reaction: unit').selectOption('minutes');
    await page.getByRole('button', { name: 'Save targets' }).click();
    await page
      .getByRole('status')
      .getByText(/^Saved\. Due times of \d+ open tickets followed\.$/)
      .waitFor();
    const read = async () =>
      (await site.t.gql<{ slaTargets: { priority: { HIGH: unknown } } }>('{ slaTargets }', {}, staffToken('HEAD'))).data
        ?.slaTargets;
    expect((await read())?.priority.HIGH).toEqual({ reaction: { workingMinutes: 120 } });
    // A unit without an amount: the server's reason, and nothing changes.
    await page.getByLabel('Emergency, Resolution: unit').selectOption('minutes');
    await page.getByRole('button', { name: 'Save targets' }).click();
    await page
      .getByRole('alert')
      .getByText(/category\.EMERGENCY\.resolution/)
      .waitFor();
    expect((await read()) as unknown).not.toHaveProperty('category.EMERGENCY.resolution');
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'console-settings-sla');

    await page.getByRole('link', { name: 'Billing rules' }).click();
    await page.getByLabel('Line 1, ₽/h').fill('600,50');
    await page.getByLabel('Urgent').fill('180');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    const rules = async () =>
      (
        await site.t.gql<{
          billingRules: {
            hourlyRateKopecksByLine: Record<string, number>;
            priorityCoefficientPercent: Record<string, number>;
          };
        }>('{ billingRules }', {}, staffToken('HEAD'))
      ).data?.billingRules;
    expect((await rules())?.hourlyRateKopecksByLine['1']).toBe(60050);
    expect((await rules())?.priorityCoefficientPercent.URGENT).toBe(180);
    await page.getByLabel('Line 2, ₽/h').fill('eight hundred');
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page.getByRole('alert').getByText('Line 2, ₽/h: not an amount in roubles').waitFor();
    expect((await rules())?.hourlyRateKopecksByLine['2']).toBe(80000);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('should show a specialist the rules read-only, let them choose their notifications, and the server refuse their changes', async () => {
    await openSection('LINE1', 'Calendar');
    await page.getByText('Shown read-only').waitFor();
    await page.getByRole('button', { name: /^1 \d{4}-01-01:/ }).click();
    expect(await page.getByRole('button', { name: 'Save the day' }).count()).toBe(0);
    await page.getByRole('link', { name: 'SLA targets' }).click();
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('button', { name: 'Save targets' }).count()).toBe(0);
    const refused = await site.t.gql(
      'mutation { setCalendarDay(input: { date: "2027-02-01", kind: HOLIDAY }) { __typename } }',
      {},
      staffToken('LINE1'),
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await page.getByRole('link', { name: 'My notifications' }).click();
    await page.getByLabel('a daily digest').check();
    await page.getByRole('status').getByText('Saved.').waitFor();
    const mode = await site.t.gql<{ myNotificationMode: string }>('{ myNotificationMode }', {}, staffToken('LINE1'));
    expect(mode.data?.myNotificationMode).toBe('DIGEST');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('should show an admin the mail settings read-only with the live check of the SMTP server, and nobody else', async () => {
    await openSection('ADMIN', 'Mail');
    const mail = page.getByRole('region', { name: 'Mail' });
    await mail.getByText(`OK smtp: ${sink.url}: accepts mail`).waitFor();
    await mail.getByText(sink.url, { exact: true }).waitFor();
    expect(await mail.getByRole('textbox').count()).toBe(0);
    await mail.getByRole('button', { name: 'Check again' }).click();
    await mail.getByText(`OK smtp: ${sink.url}: accepts mail`).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();

    page = await site.signInAs('HEAD');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Working hours' }).waitFor();
    expect(
      await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Mail' }).count(),
    ).toBe(0);
    await page.close();
  });

  it('should fit a 390 px phone without sideways scrolling, in Russian', async () => {
    await openSection('HEAD', 'Calendar');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('heading', { name: /^Производственный календарь \d{4}$/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'console-settings-calendar-phone');
    for (const section of ['Сроки SLA', 'Сотрудники', 'Рабочее время']) {
      await page.getByRole('navigation', { name: 'Разделы настроек' }).getByRole('link', { name: section }).click();
      await page
        .getByRole('heading', {
          name: section === 'Рабочее время' ? 'Рабочее время и часовой пояс' : section,
          level: 3,
        })
        .waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), section).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page)).toEqual([]);
    }
    await page.close();
  });
});

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
