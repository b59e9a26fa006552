import { acceptDueTickets } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { memoryMailer } from '../src/mail/memory-mailer.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { signInContact } from './support/contact-sign-in.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const day = 86_400_000;
const shop = 'https://flowers.example';
type Rated = {
  rateTicket: { ticket?: { satisfaction: { score: number; comment: string | null } }; code?: string; field?: string };
};
const rate = `mutation ($i: RateTicketInput!) { rateTicket(input: $i) {
  ... on TicketPayload { ticket { satisfaction { score comment } } } ... on DomainError { code field } } }`;

/** Client satisfaction: accepted work is rated 1–5, by one click in the letter or through the API. */
describeEachDatabase('client satisfaction', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const mailer = memoryMailer();
  let clock = new Date('2026-12-07T09:00:00Z');
  const staff = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';
  let owner = '';
  let orgId = '';

  beforeAll(async () => {
    t = await createTestApp(provider, { mailer, now: () => clock, env: { PUBLIC_URL: 'http://localhost' } });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost' })) as DemoCredentials;
    owner = await signInContact(t, mailer, 'owner@flowers.example');
    const contact = await t.database.db.contact.findUniqueOrThrow({ where: { email: 'owner@flowers.example' } });
    orgId = Buffer.from(`Organization:${contact.organizationId}`).toString('base64');
  });
  afterAll(() => t.close());

  const rowOf = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1] ?? '';
  const satisfaction = async (ticketId: string, token: string) => {
    const answer = await t.gql<{
      ticket: { satisfaction: { score: number | null; comment: string | null } | null } | null;
    }>('query ($id: ID!) { ticket(id: $id) { satisfaction { score comment } } }', { id: ticketId }, token);
    if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    return answer.data?.ticket?.satisfaction;
  };
  const mayRate = async (ticketId: string, token: string) =>
    (
      await t.gql<{ ticket: { satisfaction: { mayRate: boolean } | null } | null }>(
        'query ($id: ID!) { ticket(id: $id) { satisfaction { mayRate } } }',
        { id: ticketId },
        token,
      )
    ).data?.ticket?.satisfaction?.mayRate;

  it('should ask the client who accepted the work for a rating, and record one click on a score', async () => {
    const filed = await t.gql<{ submitTicket: { ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { ticket { id } } } }',
      { i: { title: 'Обновить цены', description: 'Новый прайс во вложении', idempotencyKey: 'csat-ticket-0001' } },
      owner,
    );
    const ticketId = filed.data?.submitTicket.ticket.id ?? '';
    await t.gql(
      'mutation ($i: ResolveTicketInput!) { resolveTicket(input: $i) { __typename } }',
      { i: { ticketId, report: 'Цены обновлены' } },
      staff('LINE1'),
    );
    expect(await satisfaction(ticketId, owner)).toBeNull();
    await t.gql(
      'mutation ($i: TicketOnlyInput!) { acceptTicket(input: $i) { __typename } }',
      { i: { ticketId } },
      owner,
    );

    const letter = await t.database.db.outboxMail.findFirstOrThrow({
      where: { kind: 'RATE_REQUEST', ticketId: rowOf(ticketId) },
    });
    expect(letter.to).toBe('owner@flowers.example');
    const links = [...letter.text.matchAll(/\/rate\/(cdr_[A-Za-z0-9_-]{43})\?score=(\d)/g)];
    expect(links.map((m) => m[2])).toEqual(['1', '2', '3', '4', '5']);
    expect(await satisfaction(ticketId, owner)).toEqual({ score: null, comment: null });
    // The widget offers the scores to the requester only; staff read the rating, never give it.
    expect(await mayRate(ticketId, owner)).toBe(true);
    expect(await mayRate(ticketId, staff('HEAD'))).toBe(false);

    const clicked = await t.app.yoga.fetch(`http://localhost/rate/${links[3]?.[1]}?score=4`);
    expect(clicked.status).toBe(200);
    expect(await clicked.text()).toContain('4 из 5');
    expect(await satisfaction(ticketId, staff('HEAD'))).toEqual({ score: 4, comment: null });

    // Changed through the API with a comment; refused past 7 days, and for scores out of range.
    clock = new Date(clock.getTime() + 2 * day);
    owner = await signInContact(t, mailer, 'owner@flowers.example'); // sessions last 12 hours
    const changed = await t.gql<Rated>(rate, { i: { ticketId, score: 5, comment: 'Быстро, спасибо' } }, owner);
    expect(changed.data?.rateTicket.ticket?.satisfaction).toEqual({ score: 5, comment: 'Быстро, спасибо' });
    expect((await t.gql<Rated>(rate, { i: { ticketId, score: 6 } }, owner)).data?.rateTicket).toEqual({
      code: 'INVALID_INPUT',
      field: 'score',
    });
    const stranger = await signInContact(t, mailer, 'owner@bikes.example');
    expect((await t.gql<Rated>(rate, { i: { ticketId, score: 1 } }, stranger)).data?.rateTicket.code).toBe('NOT_FOUND');
    expect(await satisfaction(ticketId, stranger)).toBeUndefined();
    clock = new Date(clock.getTime() + 6 * day);
    owner = await signInContact(t, mailer, 'owner@flowers.example');
    expect(await mayRate(ticketId, owner)).toBe(false);
    expect((await t.gql<Rated>(rate, { i: { ticketId, score: 1 } }, owner)).data?.rateTicket.code).toBe(
      'RATING_CLOSED',
    );
    expect((await t.app.yoga.fetch(`http://localhost/rate/${links[0]?.[1]}?score=1`)).status).toBe(410);
    expect(await satisfaction(ticketId, owner)).toEqual({ score: 5, comment: 'Быстро, спасибо' });
  });

  it('should ask a visitor too when the work is accepted automatically, and count the month’s ratings', async () => {
    const filed = await t.gql<{ submitTicket: { accessToken: string; ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { accessToken ticket { id } } } }',
      {
        i: {
          siteKey: demo.siteKeys[0],
          title: 'Опечатка на главной',
          description: '«Цвиты»',
          idempotencyKey: 'csat-ticket-0002',
          visitorEmail: 'buyer@mail.example',
        },
      },
      undefined,
      { origin: shop },
    );
    const { accessToken, ticket } = filed.data?.submitTicket ?? { accessToken: '', ticket: { id: '' } };
    await t.gql(
      'mutation ($i: ResolveTicketInput!) { resolveTicket(input: $i) { __typename } }',
      { i: { ticketId: ticket.id, report: 'Исправили' } },
      staff('LINE1'),
    );
    clock = new Date(clock.getTime() + 8 * day);
    await acceptDueTickets(t.database.db, t.app.events, clock);
    const letter = await t.database.db.outboxMail.findFirstOrThrow({
      where: { kind: 'RATE_REQUEST', ticketId: rowOf(ticket.id) },
    });
    expect(letter.to).toBe('buyer@mail.example');
    const rated = await t.gql<Rated>(rate, { i: { ticketId: ticket.id, score: 3 } }, accessToken, { origin: shop });
    expect(rated.data?.rateTicket.ticket?.satisfaction.score).toBe(3);

    const stats = await t.gql<{ organizationStatistics: { satisfactionAverage: number; satisfactionCount: number } }>(
      'query ($o: ID!) { organizationStatistics(organizationId: $o, month: "2026-12") { satisfactionAverage satisfactionCount } }',
      { o: orgId },
      staff('HEAD'),
    );
    expect(stats.data?.organizationStatistics).toEqual({ satisfactionAverage: 4, satisfactionCount: 2 });

    // The monthly report shows the same, in the reader's language.
    const report = await t.gql<{ monthlyReport: { pdfUrl: string; csvUrl: string } }>(
      'query ($o: ID!) { monthlyReport(organizationId: $o, month: "2026-12") { pdfUrl csvUrl } }',
      { o: orgId },
      staff('HEAD'),
      { 'accept-language': 'ru' },
    );
    const pdf = await t.app.yoga.fetch(report.data?.monthlyReport.pdfUrl ?? '');
    expect(pdf.status).toBe(200);
    const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
    const text = (await parser.getText()).text.replace(/\u00a0/g, ' ');
    await parser.destroy();
    expect(text).toContain('оценка клиентов: 4,00 из 5 (оценок: 2)');
    const csv = await (await t.app.yoga.fetch(report.data?.monthlyReport.csvUrl ?? '')).text();
    expect(csv.trim().split('\r\n').at(-1)).toBe(
      '2026-12,SATISFACTION,,"Оценка клиентов: 4,00 из 5 (оценок: 2)",,,,,,,',
    );
  });
});
