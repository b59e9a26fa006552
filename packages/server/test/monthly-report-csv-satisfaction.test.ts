import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { memoryMailer } from '../src/mail/memory-mailer.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { signInContact } from './support/contact-sign-in.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const month = '2027-03';
const rate = `mutation ($i: RateTicketInput!) { rateTicket(input: $i) {
  ... on TicketPayload { ticket { satisfaction { score } } } ... on DomainError { code } } }`;

/** The monthly CSV's satisfaction row, read through the signed download link as a client would. */
describeEachDatabase('client satisfaction in the monthly report CSV', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const mailer = memoryMailer();
  const clock = new Date(`${month}-15T09:00:00Z`);
  const staff = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';
  const owners = { flowers: '', bikes: '' };
  const orgIds = { flowers: '', bikes: '' };

  beforeAll(async () => {
    t = await createTestApp(provider, { mailer, now: () => clock, env: { PUBLIC_URL: 'http://localhost' } });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost', now: clock })) as DemoCredentials;
    for (const org of ['flowers', 'bikes'] as const) {
      const email = `owner@${org}.example`;
      owners[org] = await signInContact(t, mailer, email);
      const contact = await t.database.db.contact.findUniqueOrThrow({ where: { email } });
      orgIds[org] = Buffer.from(`Organization:${contact.organizationId}`).toString('base64');
    }
  });
  afterAll(() => t.close());

  /** A ticket the owner files, line 1 resolves and the owner accepts (which asks for a rating). */
  const acceptedTicket = async (org: keyof typeof owners, key: string) => {
    const filed = await t.gql<{ submitTicket: { ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { ticket { id } } } }',
      { i: { title: `Правка ${key}`, description: 'Поправить текст', idempotencyKey: `csv-csat-${key}` } },
      owners[org],
    );
    const ticketId = filed.data?.submitTicket.ticket.id ?? '';
    await t.gql(
      'mutation ($i: ResolveTicketInput!) { resolveTicket(input: $i) { __typename } }',
      { i: { ticketId, report: 'Готово' } },
      staff('LINE1'),
    );
    const accepted = await t.gql<{ acceptTicket: { ticket?: { status: string } } }>(
      'mutation ($i: TicketOnlyInput!) { acceptTicket(input: $i) { ... on TicketPayload { ticket { status } } } }',
      { i: { ticketId } },
      owners[org],
    );
    expect(accepted.data?.acceptTicket.ticket?.status).toBe('ACCEPTED');
    return ticketId;
  };
  const rated = async (org: keyof typeof owners, ticketId: string, score: number) => {
    const answer = await t.gql<{ rateTicket: { ticket?: { satisfaction: { score: number } } } }>(
      rate,
      { i: { ticketId, score } },
      owners[org],
    );
    expect(answer.data?.rateTicket.ticket?.satisfaction.score).toBe(score);
  };
  /** The CSV's rows, downloaded by the link monthlyReport gives in the reader's language. */
  const csvRows = async (org: keyof typeof owners, locale: 'ru' | 'en') => {
    const report = await t.gql<{ monthlyReport: { csvUrl: string } }>(
      'query ($o: ID!, $m: String!) { monthlyReport(organizationId: $o, month: $m) { csvUrl } }',
      { o: orgIds[org], m: month },
      owners[org],
      { 'accept-language': locale },
    );
    const response = await t.app.yoga.fetch(report.data?.monthlyReport.csvUrl ?? '');
    expect(response.status).toBe(200);
    return (await response.text())
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
  };

  it('should add a satisfaction row after the total with the average and count of this organization’s rated tickets only', async () => {
    const first = await acceptedTicket('flowers', 'flowers-1');
    const second = await acceptedTicket('flowers', 'flowers-2');
    await acceptedTicket('flowers', 'flowers-3'); // accepted, never rated
    const bikesTicket = await acceptedTicket('bikes', 'bikes-1');

    // Accepted but nobody rated yet: the CSV is as before, the total is the last row.
    const before = { ru: await csvRows('flowers', 'ru'), en: await csvRows('flowers', 'en') };
    expect(before.ru.at(-1)).toMatch(new RegExp(`^${month},TOTAL,,Итого,`));
    expect(before.en.at(-1)).toMatch(new RegExp(`^${month},TOTAL,,Total,`));
    const bikesBefore = await csvRows('bikes', 'en');
    expect(bikesBefore.join('\n')).not.toContain('SATISFACTION');

    await rated('flowers', first, 5);
    await rated('flowers', second, 2);
    await rated('bikes', bikesTicket, 1);

    // The flower shop: (5 + 2) / 2; the unrated ticket and the bike rental's 1 are not counted.
    // Every earlier row, the total included, is unchanged; the new row has no amount.
    expect(await csvRows('flowers', 'ru')).toEqual([
      ...before.ru,
      `${month},SATISFACTION,,"Оценка клиентов: 3,50 из 5 (оценок: 2)",,,,,,,`,
    ]);
    expect(await csvRows('flowers', 'en')).toEqual([
      ...before.en,
      `${month},SATISFACTION,,Client satisfaction: 3.50 of 5 (ratings: 2),,,,,,,`,
    ]);
    // The bike rental (billed for work this month) sees its own rating only, after its lines and total.
    expect(await csvRows('bikes', 'en')).toEqual([
      ...bikesBefore,
      `${month},SATISFACTION,,Client satisfaction: 1.00 of 5 (ratings: 1),,,,,,,`,
    ]);
  });
});
