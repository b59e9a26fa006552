import { issueDueMonthlyInvoices, newSecret } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const msk = (local: string) => new Date(`${local}+03:00`);
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const secretNote = 'СЕКРЕТНАЯ ЗАМЕТКА про пароль';

const reportQuery = `query ($org: ID!, $month: String!) { monthlyReport(organizationId: $org, month: $month) {
  month tariffName contractNumber freeSupport extraMinutes
  works { ticketNumber title paid priority totalMinutes billableMinutes byLevel { supportLine minutes } }
  prepaid { includedMinutes carriedInMinutes drawnMinutes remainingMinutes carriesOverMinutes }
  lines { kind ticketNumber description minutes rateKopecks coefficientPercent amountKopecks invoiceNumber }
  paidTickets { ticketNumber amountKopecks invoice { number status } }
  uptime { siteName monitored uptimePercent }
  statistics { tickets }
  invoices { number kind totalKopecks status }
  totals { monthKopecks paidTicketsKopecks totalKopecks }
  pdfUrl csvUrl } }`;

interface Report {
  lines: {
    kind: string;
    ticketNumber: number | null;
    amountKopecks: number;
    description: string;
    invoiceNumber: string | null;
  }[];
  works: { ticketNumber: number; totalMinutes: number; byLevel: { supportLine: number; minutes: number }[] }[];
  uptime: { siteName: string; monitored: boolean; uptimePercent: number | null }[];
  prepaid: Record<string, number> | null;
  totals: { monthKopecks: number; paidTicketsKopecks: number; totalKopecks: number };
  paidTickets: { ticketNumber: number; amountKopecks: number; invoice: { number: string; status: string } }[];
  invoices: { number: string; kind: string; totalKopecks: number; status: string }[];
  extraMinutes: number;
  pdfUrl: string;
  csvUrl: string;
}

describeEachDatabase('the monthly report and invoices', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let clock = msk('2026-10-05T10:00');
  const staff = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';
  let org = '';
  let orgId = '';
  let owner = '';
  let otherOrg = '';
  let visitor = '';
  const tickets: Record<string, { id: string; number: number }> = {};
  let queries = 0;

  async function ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token?: string) {
    const response = await t.gql<T>(query, variables, token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data as T;
  }
  const report = async (token: string | undefined, month = '2026-10', locale = 'ru') =>
    t.gql<{ monthlyReport: Report | null }>(reportQuery, { org, month }, token, { 'accept-language': locale });
  const logTime = (ticket: string, minutes: number, startedAt: string, note: string | null = null, role = 'LINE2') =>
    ok(
      'mutation ($i: LogTimeInput!) { logTime(input: $i) { __typename ... on DomainError { code } } }',
      {
        i: {
          ticketId: gid('Ticket', tickets[ticket]?.id ?? ''),
          minutes,
          startedAt: msk(startedAt).toISOString(),
          note,
        },
      },
      staff(role),
    );
  const move = (mutation: string, ticket: string, token: string, extra = '') =>
    ok<Record<string, { __typename: string; code?: string; ticket?: { status: string } }>>(
      `mutation ($id: ID!) { ${mutation}(input: { ticketId: $id${extra} }) { __typename ... on TicketPayload { ticket { status } } ... on DomainError { code } } }`,
      { id: gid('Ticket', tickets[ticket]?.id ?? '') },
      token,
    );

  beforeAll(async () => {
    t = await createTestApp(provider, {
      now: () => clock,
      env: { PUBLIC_URL: 'http://localhost' },
      onQuery: () => {
        queries++;
      },
    });
    demo = (await seedDemo(t.database.db, {
      publicUrl: 'http://localhost',
      now: msk('2026-09-01T12:00'),
    })) as DemoCredentials;
    const { db } = t.database;
    const complex = await db.tariff.findUniqueOrThrow({ where: { name: 'Комплексный' } });
    const palace = await db.organization.create({ data: { name: 'ООО «Счётная палата»' } });
    orgId = palace.id;
    org = gid('Organization', palace.id);
    await db.contract.create({
      data: { organizationId: palace.id, tariffId: complex.id, number: 'D-TEST-1', startsOn: msk('2026-10-01T00:00') },
    });
    const site = await db.site.create({
      data: { organizationId: palace.id, name: 'Палата', url: 'https://palace.example', publicKey: 'pk_palace_test' },
    });
    const contact = await db.contact.create({
      data: { organizationId: palace.id, email: 'boss@palace.example', name: 'Босс', authorized: true },
    });
    const session = async (contactId: string) => {
      const s = newSecret('session');
      await db.session.create({ data: { tokenHash: s.hash, contactId, expiresAt: new Date('2030-01-01') } });
      return s.secret;
    };
    owner = await session(contact.id);
    otherOrg = await session((await db.contact.findUniqueOrThrow({ where: { email: 'owner@bikes.example' } })).id);
    let number = 70_000;
    for (const [key, extra] of [
      ['a', {}],
      ['b', {}],
      ['paid', { paid: true, priority: 'URGENT', deliveredPriority: 'URGENT', estimateKopecks: 340_000 }],
    ] as const) {
      const ticket = await db.ticket.create({
        data: {
          number: number++,
          title: `Задача ${key}`,
          description: 'работа',
          source: 'EMAIL',
          status: 'IN_PROGRESS',
          organizationId: palace.id,
          siteId: site.id,
          contactId: contact.id,
          estimateConfirmedAt: 'paid' in extra ? msk('2026-10-01T12:00') : null,
          createdAt: msk('2026-10-02T12:00'),
          ...extra,
        },
      });
      tickets[key] = { id: ticket.id, number: ticket.number };
    }
    const v = newSecret('ticket');
    await db.ticket.update({ where: { id: tickets.a?.id }, data: { accessTokenHash: v.hash } });
    visitor = v.secret;

    // October: 5 h and 4 h of free work (9 h on a 7-hour tariff), the paid URGENT ticket 2.5 h at line 2.
    clock = msk('2026-10-30T18:00');
    await logTime('a', 300, '2026-10-05T11:00');
    await logTime('b', 240, '2026-10-12T11:00', secretNote);
    await logTime('paid', 150, '2026-10-20T11:00');
    expect(
      (await move('resolveTicket', 'paid', staff('LINE2'), ', report: "Готово"')).resolveTicket?.ticket?.status,
    ).toBe('RESOLVED');
    expect((await move('acceptTicket', 'paid', owner)).acceptTicket?.ticket?.status).toBe('ACCEPTED');
  });
  afterAll(() => t.close());

  it('should give the client its month: 9 h on "Complex" is the fee and 2 extra hours, and the paid ticket at 800 × 2.5 × 1.7', async () => {
    const { data, errors } = await report(owner);
    expect(errors).toBeUndefined();
    const r = data?.monthlyReport as Report;
    expect(r.lines.map((l) => [l.kind, l.ticketNumber, l.amountKopecks])).toEqual([
      ['FEE', null, 420_000],
      ['EXTRA_HOURS', tickets.b?.number, 300_000],
      ['PAID_TICKET', tickets.paid?.number, 340_000],
    ]);
    expect(r.prepaid).toEqual({
      includedMinutes: 420,
      carriedInMinutes: 0,
      drawnMinutes: 420,
      remainingMinutes: 0,
      carriesOverMinutes: 0,
    });
    expect(r.extraMinutes).toBe(120);
    expect(r.totals).toEqual({ monthKopecks: 720_000, paidTicketsKopecks: 340_000, totalKopecks: 1_060_000 });
    expect(r.works.map((w) => [w.ticketNumber, w.totalMinutes, w.byLevel])).toEqual([
      [tickets.a?.number, 300, [{ supportLine: 2, minutes: 300 }]],
      [tickets.b?.number, 240, [{ supportLine: 2, minutes: 240 }]],
      [tickets.paid?.number, 150, [{ supportLine: 2, minutes: 150 }]],
    ]);
    expect(r.paidTickets).toEqual([
      {
        ticketNumber: tickets.paid?.number,
        amountKopecks: 340_000,
        invoice: { number: `T-${tickets.paid?.number}`, status: 'ISSUED' },
      },
    ]);
    expect(r.lines[1]?.description).toContain('Часы сверх тарифа');
    // Uptime comes from monitoring; this site has no monitors.
    expect(r.uptime).toEqual([{ siteName: 'Палата', monitored: false, uptimePercent: null }]);
    expect(JSON.stringify(r)).not.toContain('СЕКРЕТНАЯ');
    // Staff see the same figures, in English when they ask for it.
    const en = (await report(staff('HEAD'), '2026-10', 'en')).data?.monthlyReport as Report;
    expect(en.totals.totalKopecks).toBe(1_060_000);
    expect(en.lines[1]?.description).toContain('Hours beyond the tariff');
  });

  it('should show the report to nobody outside the organization', async () => {
    expect((await report(otherOrg)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await report(visitor)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await report(undefined)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const invoice = await t.database.db.invoice.findFirstOrThrow({ where: { organizationId: orgId } });
    const node = await t.gql<{ node: unknown }>(
      'query ($id: ID!) { node(id: $id) { id } }',
      { id: gid('Invoice', invoice.id) },
      otherOrg,
    );
    expect(node.data?.node ?? null).toBeNull();
  });

  it('should serve the PDF by its signed link, with Russian text and the sums, and without internal notes', async () => {
    const r = (await report(owner)).data?.monthlyReport as Report;
    const response = await t.app.yoga.fetch(r.pdfUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) });
    const text = (await parser.getText()).text.replace(/\u00a0/g, ' ');
    await parser.destroy();
    expect(text).toContain('Отчёт о работах: октябрь 2026');
    expect(text).toContain('ООО «Счётная палата»');
    expect(text).toContain('Часы сверх тарифа');
    expect(text).toContain('4 200,00 ₽');
    expect(text).toContain('3 000,00 ₽');
    expect(text).toContain('3 400,00 ₽');
    expect(text).toContain('Итого: 10 600,00 ₽');
    expect(text).not.toContain('СЕКРЕТНАЯ');
  });

  it('should serve the CSV by its signed link, its lines adding up to the total', async () => {
    const r = (await report(owner)).data?.monthlyReport as Report;
    const response = await t.app.yoga.fetch(r.csvUrl);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csv = await response.text();
    const rows = csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toContain('Сумма, коп.');
    const amounts = rows.slice(1, -1).map((row) => Number(row.split(',').at(-2)));
    expect(amounts).toEqual([420_000, 300_000, 340_000]);
    expect(rows.at(-1)).toBe('2026-10,TOTAL,,Итого,,,,,,1060000,10600.00');
    expect(csv).not.toContain('СЕКРЕТНАЯ');
  });

  it('should refuse a download link that was altered or has expired', async () => {
    const r = (await report(owner)).data?.monthlyReport as Report;
    const altered = r.pdfUrl.replace('2026-10', '2026-09');
    expect((await t.app.yoga.fetch(altered)).status).toBe(403);
    expect((await t.app.yoga.fetch(r.csvUrl.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
    const saved = clock;
    clock = new Date(clock.getTime() + 16 * 60_000);
    expect((await t.app.yoga.fetch(r.pdfUrl)).status).toBe(403);
    clock = saved;
  });

  it('should close the loop: the accountant confirms the payment and the ticket and its invoice are PAID', async () => {
    expect((await move('confirmPayment', 'paid', staff('LINE2'))).confirmPayment?.code).toBe('ACTOR_NOT_ALLOWED');
    expect((await move('confirmPayment', 'paid', staff('ACCOUNTANT'))).confirmPayment?.ticket?.status).toBe('PAID');
    const r = (await report(owner)).data?.monthlyReport as Report;
    expect(r.paidTickets[0]?.invoice.status).toBe('PAID');
  });

  it('should issue the month-end invoice once, and a correction — a new document — when time is logged late', async () => {
    clock = msk('2026-10-31T20:00');
    const issue = (token: string) =>
      t.gql<{
        issueMonthlyInvoices: { invoices?: { number: string; kind: string; totalKopecks: number }[]; code?: string };
      }>(
        'mutation ($org: ID) { issueMonthlyInvoices(input: { month: "2026-10", organizationId: $org }) { ... on IssueMonthlyInvoicesPayload { invoices { number kind totalKopecks lines { kind amountKopecks } } } ... on DomainError { code } } }',
        { org },
        token,
      );
    // Not before the month has ended.
    expect((await issue(staff('ACCOUNTANT'))).data?.issueMonthlyInvoices.code).toBe('INVALID_INPUT');
    expect((await issue(staff('LINE2'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    clock = msk('2026-11-01T09:00');
    // The month-end job issues it by itself…
    expect(await issueDueMonthlyInvoices(t.database.db, clock)).toBeGreaterThanOrEqual(1);
    const first = await t.database.db.invoice.findFirstOrThrow({
      where: { organizationId: orgId, kind: 'MONTHLY' },
      include: { lines: { orderBy: { position: 'asc' } } },
    });
    expect(first.totalKopecks).toBe(720_000);
    expect(first.lines.map((l) => [l.kind, l.amountKopecks])).toEqual([
      ['FEE', 420_000],
      ['EXTRA_HOURS', 300_000],
    ]);
    // …once: neither the job nor the accountant issue it again when nothing changed.
    expect(await issueDueMonthlyInvoices(t.database.db, clock)).toBe(0);
    expect((await issue(staff('ACCOUNTANT'))).data?.issueMonthlyInvoices.invoices).toEqual([]);
    // An hour of October logged late: the issued invoice stays, a correction adds the hour.
    await logTime('a', 60, '2026-10-28T15:00');
    const correction = (await issue(staff('ACCOUNTANT'))).data?.issueMonthlyInvoices.invoices;
    expect(correction).toEqual([
      {
        number: expect.stringMatching(/^К-202610-/),
        kind: 'CORRECTION',
        totalKopecks: 150_000,
        lines: [{ kind: 'EXTRA_HOURS', amountKopecks: 150_000 }],
      },
    ]);
    const again = await t.database.db.invoice.findUniqueOrThrow({ where: { id: first.id }, include: { lines: true } });
    expect(again.totalKopecks).toBe(720_000);
    expect(again.lines).toHaveLength(2);
    const r = (await report(owner)).data?.monthlyReport as Report;
    expect(r.invoices.map((i) => [i.kind, i.totalKopecks])).toEqual([
      ['TICKET', 340_000],
      ['MONTHLY', 720_000],
      ['CORRECTION', 150_000],
    ]);
    expect(r.totals.monthKopecks).toBe(870_000);
  });

  it('should issue a month’s invoice once when two instances run the month-end job at the same moment', async () => {
    clock = msk('2026-12-01T00:30');
    await Promise.all([issueDueMonthlyInvoices(t.database.db, clock), issueDueMonthlyInvoices(t.database.db, clock)]);
    const november = await t.database.db.invoice.findMany({
      where: { organizationId: orgId, month: '2026-11', kind: 'MONTHLY' },
      include: { lines: true },
    });
    expect(november.map((i) => [i.totalKopecks, i.lines.map((l) => l.kind)])).toEqual([[420_000, ['FEE']]]);
  });

  it('should build the report in the same number of queries whatever the number of tickets', async () => {
    const count = async () => {
      const before = queries;
      const { errors } = await report(owner);
      expect(errors).toBeUndefined();
      return queries - before;
    };
    // Once to warm what the app caches (the working calendar, the session's last use).
    await count();
    const few = await count();
    const { db } = t.database;
    const staffMember = await db.staffMember.findFirstOrThrow({ where: { role: 'LINE1' } });
    for (let i = 0; i < 30; i++) {
      const ticket = await db.ticket.create({
        data: { number: 71_000 + i, title: `Ещё ${i}`, description: 'x', source: 'EMAIL', organizationId: orgId },
      });
      await db.timeEntry.createMany({
        data: ['03', '17'].map((day) => ({
          ticketId: ticket.id,
          staffId: staffMember.id,
          supportLine: 1,
          startedAt: msk(`2026-10-${day}T12:00`),
          endedAt: msk(`2026-10-${day}T12:20`),
          minutes: 20,
        })),
      });
    }
    const r = (await report(owner)).data?.monthlyReport as Report;
    expect(r.works).toHaveLength(33);
    expect(await count()).toBe(few);
  });

  it('should refuse, in the database itself, to change or delete an issued invoice, and record only its payment', async () => {
    const { db } = t.database;
    const invoice = await db.invoice.findFirstOrThrow({
      where: { organizationId: orgId, kind: 'MONTHLY' },
      include: { lines: true },
    });
    const line = invoice.lines[0];
    await expect(db.invoice.update({ where: { id: invoice.id }, data: { totalKopecks: 1 } })).rejects.toThrow();
    await expect(db.invoiceLine.update({ where: { id: line?.id }, data: { amountKopecks: 1 } })).rejects.toThrow();
    await expect(db.invoiceLine.delete({ where: { id: line?.id } })).rejects.toThrow();
    await expect(db.invoice.delete({ where: { id: invoice.id } })).rejects.toThrow();
    // (SQLite's driver adapter reports the trigger's abort as a constraint violation.)
    const after = await db.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: { lines: true } });
    expect(after).toEqual(invoice);
    const paid = await t.gql<{ confirmInvoicePayment: { invoice?: { status: string; totalKopecks: number } } }>(
      'mutation ($id: ID!) { confirmInvoicePayment(input: { invoiceId: $id }) { ... on InvoicePayload { invoice { status totalKopecks } } } }',
      { id: gid('Invoice', invoice.id) },
      staff('ACCOUNTANT'),
    );
    expect(paid.data?.confirmInvoicePayment.invoice).toEqual({ status: 'PAID', totalKopecks: invoice.totalKopecks });
  });
});
