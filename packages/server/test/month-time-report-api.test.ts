import { newSecret } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const msk = (local: string) => new Date(`${local}+03:00`);
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

const reportQuery = `query ($month: String!, $org: ID) { monthTimeReport(month: $month, organizationId: $org) {
  month totalMinutes billableMinutes ticketsTotal
  bySpecialist { staff { name } minutes billableMinutes tickets }
  byLine { supportLine minutes billableMinutes }
  byTicket { ticket { number } organizationName minutes billableMinutes byLine { supportLine minutes billableMinutes } }
  entries(first: 50) { edges { node { minutes billable staff { name } ticket { number } } } } } }`;

interface Split {
  minutes: number;
  billableMinutes: number;
}
interface Report extends Omit<Split, 'minutes'> {
  month: string;
  totalMinutes: number;
  ticketsTotal: number;
  bySpecialist: (Split & { staff: { name: string }; tickets: number })[];
  byLine: (Split & { supportLine: number })[];
  byTicket: (Split & {
    ticket: { number: number };
    organizationName: string | null;
    byLine: (Split & { supportLine: number })[];
  })[];
  entries: { edges: { node: { minutes: number } }[] };
}

const line1 = 'Ольга Первая';
const line2 = 'Пётр Второй';

describeEachDatabase("the money page's month of time entries", (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  // Logged in May, about March, April and May (logTime takes no time in the future).
  let clock = msk('2027-04-20T10:00');
  const queries: string[] = [];
  const staff = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';
  let contact = '';
  let flowersId = '';
  const tickets: Record<string, string> = {};

  async function ok<T>(query: string, variables: Record<string, unknown>, token: string) {
    const response = await t.gql<T>(query, variables, token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data as T;
  }
  const logTime = async (
    role: string,
    ticket: string,
    minutes: number,
    startedAt: string,
    extra: { billable?: boolean; supportLine?: number } = {},
  ) => {
    const data = await ok<{ logTime: { __typename: string; code?: string } }>(
      'mutation ($i: LogTimeInput!) { logTime(input: $i) { __typename ... on DomainError { code } } }',
      { i: { ticketId: tickets[ticket], minutes, startedAt: msk(startedAt).toISOString(), ...extra } },
      staff(role),
    );
    expect(data.logTime).toEqual({ __typename: 'TimeEntryPayload' });
  };
  const report = (month: string, token = staff('ACCOUNTANT'), org?: string) =>
    t.gql<{ monthTimeReport: Report }>(reportQuery, { month, org }, token);

  beforeAll(async () => {
    t = await createTestApp(provider, { now: () => clock, onQuery: (e) => queries.push(e.query) });
    demo = (await seedDemo(t.database.db, {
      publicUrl: 'http://localhost:4000',
      now: msk('2026-11-20T12:00'),
    })) as DemoCredentials;
    const { db } = t.database;
    const owner = await db.contact.findUniqueOrThrow({ where: { email: 'owner@flowers.example' } });
    flowersId = owner.organizationId;
    const bikes = await db.organization.findFirstOrThrow({ where: { name: 'Bike Rental Ltd' } });
    const s = newSecret('session');
    await db.session.create({ data: { tokenHash: s.hash, contactId: owner.id, expiresAt: new Date('2030-01-01') } });
    contact = s.secret;
    const make = async (key: string, number: number, organizationId: string) => {
      const ticket = await db.ticket.create({
        data: {
          number,
          title: `Время ${number}`,
          description: 'x',
          source: 'EMAIL',
          status: 'IN_PROGRESS',
          organizationId,
        },
      });
      tickets[key] = gid('Ticket', ticket.id);
    };
    await make('A', 90_001, flowersId);
    await make('B', 90_002, bikes.id);
    await make('C', 90_003, bikes.id);
    await make('D', 90_004, flowersId);

    // A timer started in April and never stopped counts nowhere.
    await ok(
      'mutation ($i: StartTimerInput!) { startTimer(input: $i) { __typename } }',
      { i: { ticketId: tickets.A } },
      staff('LINE3'),
    );
    clock = msk('2027-05-10T12:00');
    await logTime('LINE1', 'A', 30, '2027-03-31T23:30'); // March in Moscow
    await logTime('LINE1', 'A', 45, '2027-04-01T00:10'); // April in Moscow (still March 31 in UTC)
    await logTime('LINE1', 'B', 20, '2027-04-05T10:00', { billable: false }); // not billable
    await logTime('LINE2', 'A', 60, '2027-04-02T11:00');
    await logTime('LINE2', 'B', 15, '2027-04-30T23:50'); // April in Moscow, still
    await logTime('LINE2', 'B', 25, '2027-05-01T00:05'); // May
  });
  afterAll(() => t.close());

  it('should count April by specialist, line and ticket exactly, by the studio’s month boundaries', async () => {
    const response = await report('2027-04');
    expect(response.errors).toBeUndefined();
    const r = response.data?.monthTimeReport as Report;
    expect({ ...r, entries: r.entries.edges.map((e) => e.node.minutes) }).toEqual({
      month: '2027-04',
      totalMinutes: 140,
      billableMinutes: 120,
      ticketsTotal: 2,
      bySpecialist: [
        { staff: { name: line2 }, minutes: 75, billableMinutes: 75, tickets: 2 },
        { staff: { name: line1 }, minutes: 65, billableMinutes: 45, tickets: 2 },
      ],
      byLine: [
        { supportLine: 1, minutes: 65, billableMinutes: 45 },
        { supportLine: 2, minutes: 75, billableMinutes: 75 },
      ],
      byTicket: [
        {
          ticket: { number: 90_001 },
          organizationName: 'ООО «Цветочная лавка»',
          minutes: 105,
          billableMinutes: 105,
          byLine: [
            { supportLine: 1, minutes: 45, billableMinutes: 45 },
            { supportLine: 2, minutes: 60, billableMinutes: 60 },
          ],
        },
        {
          ticket: { number: 90_002 },
          organizationName: 'Bike Rental Ltd',
          minutes: 35,
          billableMinutes: 15,
          byLine: [
            { supportLine: 1, minutes: 20, billableMinutes: 0 },
            { supportLine: 2, minutes: 15, billableMinutes: 15 },
          ],
        },
      ],
      entries: [45, 60, 20, 15],
    });
  });

  it('should leave the running timer out and keep the neighbouring months apart', async () => {
    const march = (await report('2027-03')).data?.monthTimeReport;
    const may = (await report('2027-05')).data?.monthTimeReport;
    expect([march?.totalMinutes, march?.bySpecialist.map((s) => [s.staff.name, s.minutes])]).toEqual([
      30,
      [[line1, 30]],
    ]);
    expect([may?.totalMinutes, may?.byTicket.map((x) => x.ticket.number)]).toEqual([25, [90_002]]);
    const april = (await report('2027-04')).data?.monthTimeReport;
    expect(april?.bySpecialist.map((s) => s.staff.name)).not.toContain('Сергей Третий');
    expect(april?.byLine.map((l) => l.supportLine)).toEqual([1, 2]);
  });

  it("should count one client's tickets only when asked for an organization", async () => {
    const r = (await report('2027-04', staff('HEAD'), gid('Organization', flowersId))).data?.monthTimeReport;
    expect([r?.totalMinutes, r?.billableMinutes, r?.ticketsTotal, r?.entries.edges.length]).toEqual([105, 105, 1, 2]);
  });

  it('should refuse a month not written YYYY-MM with a clear message', async () => {
    const response = await report('2027-4', staff('ADMIN'));
    expect(response.data).toBeNull();
    expect(response.errors?.[0]).toMatchObject({
      message: 'month must be written YYYY-MM',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('should refuse line staff, contacts and strangers, showing them nothing', async () => {
    for (const [token, code] of [
      [staff('LINE1'), 'FORBIDDEN'],
      [staff('LINE3'), 'FORBIDDEN'],
      [contact, 'FORBIDDEN'],
      ['', 'UNAUTHENTICATED'],
    ] as const) {
      const response = await t.gql(reportQuery, { month: '2027-04' }, token || undefined);
      expect(response.data ?? null).toBeNull();
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    }
  });

  it('should read the report in as many SQL queries however many entries, specialists and tickets there are', async () => {
    const count = async () => {
      await report('2027-04'); // the caller's credentials are read and cached first
      queries.length = 0;
      const response = await report('2027-04');
      expect(response.errors).toBeUndefined();
      return { queries: queries.length, report: response.data?.monthTimeReport as Report };
    };
    const before = await count();
    await logTime('LINE3', 'C', 10, '2027-04-12T10:00');
    await logTime('LINE3', 'D', 12, '2027-04-13T10:00');
    await logTime('HEAD', 'D', 8, '2027-04-14T10:00', { supportLine: 3 });
    await logTime('LINE1', 'C', 5, '2027-04-15T10:00');
    const after = await count();
    expect(after.report.totalMinutes).toBe(140 + 35);
    expect([after.report.bySpecialist.length, after.report.byTicket.length, after.report.byLine.length]).toEqual([
      4, 4, 3,
    ]);
    expect(after.queries).toBe(before.queries);
  });
});
