import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium } from '../../../widget/test/browser/support/chromium.ts';
import { saveScreenshot, seriousViolations } from '../../../widget/test/browser/support/page-helpers.ts';
import { type ConsoleSite, startConsoleSite } from './support/console-site.ts';

const flowerShop = 'ООО «Цветочная лавка»';
const bikeRental = 'Bike Rental Ltd';

/** Money in the console: a client's month on screen, its invoice issued and its payment recorded. */
describeInChromium('the money page of the staff console (headless Chromium)', () => {
  let site: ConsoleSite;
  let page: Page;

  beforeAll(async () => {
    site = await startConsoleSite(undefined, { MONITORING_ENABLED: 'false' });
  });
  afterAll(() => site?.close());

  const openMonth = async (role: string, month: string, client = flowerShop) => {
    page = await site.signInAs(role);
    await page.getByRole('link', { name: 'Money' }).click();
    await page.getByRole('heading', { name: 'Money', level: 2 }).waitFor();
    await page.getByLabel('Client').selectOption({ label: client });
    await page.getByLabel('Month', { exact: true }).fill(month);
    await page.getByLabel('Month', { exact: true }).dispatchEvent('change');
  };

  it('should let the accountant see a client’s month, issue a correction for late-logged work and record that the payment arrived', async () => {
    const { db } = site.t.database;
    const org = await db.organization.findFirstOrThrow({ where: { name: bikeRental } });
    const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
    // The month-end run already invoiced November; a specialist then logs work done in it.
    const ticket = await db.ticket.findFirstOrThrow({ where: { organizationId: org.id, paid: false } });
    const logged = await site.t.gql(
      'mutation ($i: LogTimeInput!) { logTime(input: $i) { __typename ... on DomainError { code detail } } }',
      { i: { ticketId: gid('Ticket', ticket.id), minutes: 300, startedAt: '2026-11-20T10:00:00Z' } },
      site.line1().token,
    );
    expect(JSON.stringify(logged.data)).not.toContain('DomainError');

    await openMonth('ACCOUNTANT', '2026-11', bikeRental);
    const totals = page.getByRole('region', { name: 'Totals' });
    await totals.getByText(/Contract №/).waitFor();
    const report = await site.t.gql<{ monthlyReport: { totals: { totalKopecks: number } } }>(
      'query ($o: ID!) { monthlyReport(organizationId: $o, month: "2026-11") { totals { totalKopecks } } }',
      { o: gid('Organization', org.id) },
      site.demo.adminToken,
    );
    const total = new Intl.NumberFormat('en', { style: 'currency', currency: 'RUB' }).format(
      (report.data?.monthlyReport.totals.totalKopecks ?? 0) / 100,
    );
    await totals.getByText(total, { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Report (PDF)' }).waitFor();

    const documents = page.getByRole('region', { name: 'Documents' });
    await documents.getByRole('button', { name: 'Issue this month’s invoice now' }).click();
    await page
      .getByRole('status')
      .getByText(/^Issued: /)
      .waitFor();
    const correction = await db.invoice.findFirstOrThrow({
      where: { organizationId: org.id, month: '2026-11', kind: 'CORRECTION' },
    });
    const row = documents.getByRole('row', { name: new RegExp(correction.number) });
    await row.getByText('correction').waitFor();
    await row.getByText('awaiting payment').waitFor();
    // 300 more minutes of actual work: 5 h at the tariff's rate, less what the minimum fee covered.
    expect(correction.totalKopecks).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'console-money');

    await row.getByRole('button', { name: `Payment arrived: ${correction.number}` }).click();
    await row.getByText(/^paid /).waitFor();
    expect((await db.invoice.findUniqueOrThrow({ where: { id: correction.id } })).status).toBe('PAID');

    // Issuing again finds nothing new.
    await documents.getByRole('button', { name: 'Issue this month’s invoice now' }).click();
    await page.getByRole('status').getByText('Nothing new to issue.').waitFor();
    await page.close();
  });

  it('should let the head of support see money but not record payments', async () => {
    await openMonth('HEAD', '2026-10');
    await page.getByRole('region', { name: 'Documents' }).getByRole('table').waitFor();
    expect(await page.getByRole('button', { name: /^Payment arrived/ }).count()).toBe(0);
    await page.close();
  });

  it('should give a specialist no entry to money, and the server refuse them', async () => {
    page = await site.signInAs('LINE1');
    expect(await page.getByRole('link', { name: 'Money' }).count()).toBe(0);
    const org = await site.t.database.db.organization.findFirstOrThrow({ where: { name: flowerShop } });
    const refused = await site.t.gql(
      'mutation ($o: ID!) { issueMonthlyInvoices(input: { month: "2026-11", organizationId: $o }) { __typename } }',
      { o: Buffer.from(`Organization:${org.id}`).toString('base64') },
      site.line1().token,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await page.close();
  });

  it('should let the head add a tariff and a client’s contract on it, and the accountant add contracts but not tariffs', async () => {
    await openMonth('HEAD', '2026-11', bikeRental);
    const tariffForm = page.getByRole('form', { name: 'New tariff' });
    await tariffForm.getByLabel('Name').fill('Support Plus');
    await tariffForm.getByLabel('Monthly fee, ₽').fill('5 000');
    await tariffForm.getByLabel('Prepaid hours a month').fill('10');
    await tariffForm.getByLabel('1', { exact: true }).check();
    await tariffForm.getByLabel('2', { exact: true }).check();
    await tariffForm.getByLabel('Extra hour, ₽').fill('1500');
    await tariffForm.getByRole('button', { name: 'Add tariff' }).click();
    await page.getByRole('status').getByText('Tariff “Support Plus” added.').waitFor();
    const tariff = await site.t.database.db.tariff.findFirstOrThrow({ where: { name: 'Support Plus' } });
    expect(tariff).toMatchObject({ monthlyFeeKopecks: 500_000, includedMinutes: 600, extraHourRateKopecks: 150_000 });
    await page.getByRole('row', { name: /Support Plus/ }).waitFor();

    const contractForm = page.getByRole('form', { name: 'New contract' });
    await contractForm.getByLabel('Number').fill('BR-2027/1');
    await contractForm.getByLabel('Tariff').selectOption({ label: 'Support Plus' });
    await contractForm.getByLabel('Starts on').fill('2027-01-01');
    await contractForm.getByLabel('A newly built site').check();
    await contractForm.getByRole('button', { name: 'Add contract' }).click();
    await page.getByRole('status').getByText(`Contract BR-2027/1 of ${bikeRental} added.`).waitFor();
    const row = page.getByRole('row', { name: /BR-2027\/1/ });
    await row.getByText('Support Plus').waitFor();
    // Free support for the three months of a new site: paid from April 2027, Moscow time.
    await row.getByText('04/01/2027').waitFor();
    const contract = await site.t.database.db.contract.findFirstOrThrow({ where: { number: 'BR-2027/1' } });
    expect(contract.freeSupportUntil?.toISOString()).toBe('2027-03-31T21:00:00.000Z');
    // A contract ending before it starts: the server's reason, and nothing is added.
    await contractForm.getByLabel('Number').fill('BR-bad');
    await contractForm.getByLabel('Starts on').fill('2027-02-01');
    await contractForm.getByLabel('Ends on (optional)').fill('2027-01-01');
    await contractForm.getByRole('button', { name: 'Add contract' }).click();
    await page.getByRole('alert').waitFor();
    expect(await site.t.database.db.contract.count({ where: { number: 'BR-bad' } })).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();

    await openMonth('ACCOUNTANT', '2026-11', bikeRental);
    await page.getByRole('form', { name: 'New contract' }).waitFor();
    expect(await page.getByRole('form', { name: 'New tariff' }).count()).toBe(0);
    const accountant = site.demo.staff.find((s) => s.role === 'ACCOUNTANT')?.token ?? '';
    const refused = await site.t.gql(
      'mutation { createTariff(input: { name: "Cheap", billingMode: ACTUAL, monthlyFeeKopecks: 0, extraHourRateKopecks: 1 }) { __typename } }',
      {},
      accountant,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await page.close();
  });

  it('should show the month’s time by specialist, line and ticket, for the studio or one client, as the API counts it', async () => {
    const { db } = site.t.database;
    const org = await db.organization.findFirstOrThrow({ where: { name: bikeRental } });
    const accountant = site.demo.staff.find((s) => s.role === 'ACCOUNTANT')?.token ?? '';
    type Time = {
      monthTimeReport: {
        totalMinutes: number;
        billableMinutes: number;
        ticketsTotal: number;
        bySpecialist: { staff: { name: string }; minutes: number }[];
      };
    };
    const api = async (organizationId: string | null) =>
      (
        await site.t.gql<Time>(
          'query ($o: ID) { monthTimeReport(month: "2026-11", organizationId: $o) { totalMinutes billableMinutes ticketsTotal bySpecialist { staff { name } minutes } } }',
          { o: organizationId },
          accountant,
        )
      ).data?.monthTimeReport;
    const hm = (minutes: number) =>
      minutes >= 60 ? `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min` : `${minutes} min`;

    await openMonth('ACCOUNTANT', '2026-11', bikeRental);
    const time = page.getByRole('region', { name: 'Time recorded in 2026-11' });
    const studio = await api(null);
    expect(studio?.totalMinutes).toBeGreaterThan(0);
    await time
      .getByText(
        `${hm(studio?.totalMinutes ?? 0)} in all, ${hm(studio?.billableMinutes ?? 0)} billable, on ${studio?.ticketsTotal} tickets.`,
      )
      .waitFor();

    await time.getByLabel(`Only ${bikeRental}`).check();
    const client = await api(Buffer.from(`Organization:${org.id}`).toString('base64'));
    await time
      .getByText(
        `${hm(client?.totalMinutes ?? 0)} in all, ${hm(client?.billableMinutes ?? 0)} billable, on ${client?.ticketsTotal} tickets.`,
      )
      .waitFor();
    // The 5 hours the first test logged for line 1 in November are among them.
    const line1 = await db.staffMember.findUniqueOrThrow({ where: { email: site.line1().email } });
    const row = time.getByRole('table', { name: 'By specialist' }).getByRole('row', { name: new RegExp(line1.name) });
    const minutes = client?.bySpecialist.find((s) => s.staff.name === line1.name)?.minutes ?? 0;
    expect(minutes).toBeGreaterThanOrEqual(300);
    await row.getByText(hm(minutes), { exact: true }).first().waitFor();
    await time
      .getByRole('table', { name: 'By support line' })
      .getByRole('row', { name: /line 1/ })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
