import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { memoryMailer } from '../src/mail/memory-mailer.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { signInContact } from './support/contact-sign-in.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const msk = (local: string) => new Date(`${local}+03:00`);
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

describeEachDatabase('support statistics', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const ids: Record<string, string> = {};
  const queries: string[] = [];
  let orgId = '';
  const token = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';
  const mailer = memoryMailer();

  beforeAll(async () => {
    t = await createTestApp(provider, { onQuery: (e) => queries.push(e.query), mailer });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    const { db } = t.database;
    const org = await db.organization.create({ data: { name: 'Счётная палата' } });
    // The client's accountant, who reads the month herself.
    await db.contact.create({ data: { organizationId: org.id, email: 'buh@palata.example', name: 'Бухгалтер' } });
    orgId = globalId('Organization', org.id);
    const line1 = await db.staffMember.findFirstOrThrow({ where: { role: 'LINE1' } });
    const line2 = await db.staffMember.findFirstOrThrow({ where: { role: 'LINE2' } });
    // October 2025, Moscow, 10:00–19:00 on weekdays. Worked out by hand:
    const tickets = [
      // Monday: answered in 30 working minutes, resolved the same day after 360.
      {
        key: 'quick',
        created: '2025-10-06T10:00',
        first: '2025-10-06T10:30',
        resolved: '2025-10-06T16:00',
        staff: line1.id,
      },
      // Friday 18:00: 60 min that evening + 60 on Monday = 120; resolved Tuesday 12:00 = 60+540+120 = 720.
      {
        key: 'late',
        created: '2025-10-10T18:00',
        first: '2025-10-13T11:00',
        resolved: '2025-10-14T12:00',
        staff: line2.id,
      },
      // Not answered yet: counts as filed, not in the shares.
      { key: 'open', created: '2025-10-20T12:00', first: null, resolved: null, staff: null },
      // September: not in October's figures.
      { key: 'before', created: '2025-09-30T12:00', first: '2025-09-30T13:00', resolved: null, staff: line1.id },
    ];
    let number = 90_000;
    for (const x of tickets) {
      const ticket = await db.ticket.create({
        data: {
          number: number++,
          title: x.key,
          description: x.key,
          source: 'EMAIL',
          status: x.resolved ? 'ACCEPTED' : 'NEW',
          organizationId: org.id,
          assigneeId: x.staff,
          createdAt: msk(x.created),
          firstResponseAt: x.first ? msk(x.first) : null,
          reactedAt: x.first ? msk(x.first) : null,
          resolvedAt: x.resolved ? msk(x.resolved) : null,
          resolutionTargetMinutes: 1620,
        },
      });
      ids[x.key] = ticket.id;
    }
    // The late one missed its reaction target.
    await db.slaEvent.create({
      data: {
        ticketId: ids.late as string,
        kind: 'REACTION_BREACHED',
        dueAt: msk('2025-10-13T10:30'),
        createdAt: msk('2025-10-13T10:31'),
      },
    });
  });
  afterAll(() => t.close());

  it('should give a client the month of its organization in working minutes, matching the hand calculation', async () => {
    const month = (viewer: string) =>
      t.gql<{ organizationStatistics: Record<string, unknown> }>(
        'query ($id: ID!) { organizationStatistics(organizationId: $id, month: "2025-10") { month tickets answered resolved averageFirstResponseMinutes medianFirstResponseMinutes averageResolutionMinutes medianResolutionMinutes reactionWithinTargetShare resolutionWithinTargetShare breaches } }',
        { id: orgId },
        viewer,
      );
    const client = await signInContact(t, mailer, 'buh@palata.example');
    const response = await month(client);
    expect(response.errors).toBeUndefined();
    expect(response.data?.organizationStatistics).toEqual({
      month: '2025-10',
      tickets: 3,
      answered: 2,
      resolved: 2,
      averageFirstResponseMinutes: 75,
      medianFirstResponseMinutes: 75,
      averageResolutionMinutes: 540,
      medianResolutionMinutes: 540,
      reactionWithinTargetShare: 0.5,
      resolutionWithinTargetShare: 1,
      breaches: 1,
    });
    // Staff see the same figures; another organization's contact sees none of them.
    expect((await month(token('HEAD'))).data?.organizationStatistics).toEqual(response.data?.organizationStatistics);
    const stranger = await month(await signInContact(t, mailer, 'owner@flowers.example'));
    expect(stranger.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(stranger.data ?? null)).not.toContain('540');
  });

  it('should give the times of a whole page of tickets without a query per ticket', async () => {
    const page = async (fields: string) => {
      queries.length = 0;
      const response = await t.gql<{ tickets: { edges: unknown[] } }>(
        `{ tickets(first: 30) { edges { node { id ${fields} } } } }`,
        {},
        token('HEAD'),
      );
      return { count: queries.length, tickets: response.data?.tickets.edges.length ?? 0 };
    };
    const plain = await page('');
    const withTimes = await page('statistics { firstResponseMinutes reactionWithinTarget }');
    expect(withTimes.tickets).toBeGreaterThanOrEqual(15);
    // The breach events come with the tickets; the calendar is read once for the request.
    expect(withTimes.count - plain.count).toBeLessThanOrEqual(3);
  });

  it("should give one ticket's times and whether it met its targets", async () => {
    const response = await t.gql<{ ticket: { statistics: Record<string, unknown> } }>(
      'query ($id: ID!) { ticket(id: $id) { statistics { firstResponseMinutes resolutionMinutes reactionWithinTarget resolutionWithinTarget } } }',
      { id: globalId('Ticket', ids.late as string) },
      token('HEAD'),
    );
    expect(response.data?.ticket.statistics).toEqual({
      firstResponseMinutes: 120,
      resolutionMinutes: 720,
      reactionWithinTarget: false,
      resolutionWithinTarget: true,
    });
  });

  it('should give staff the same figures per specialist and per line', async () => {
    const response = await t.gql<{
      specialistStatistics: { line: number; statistics: { tickets: number; averageFirstResponseMinutes: number } }[];
      lineStatistics: { line: number; statistics: { tickets: number; reactionWithinTargetShare: number | null } }[];
    }>(
      '{ specialistStatistics(month: "2025-10") { line statistics { tickets averageFirstResponseMinutes } } lineStatistics(month: "2025-10") { line statistics { tickets reactionWithinTargetShare } } }',
      {},
      token('HEAD'),
    );
    const byLine = (line: number) => response.data?.specialistStatistics.find((s) => s.line === line)?.statistics;
    expect(byLine(1)).toEqual({ tickets: 1, averageFirstResponseMinutes: 30 });
    expect(byLine(2)).toEqual({ tickets: 1, averageFirstResponseMinutes: 120 });
    expect(response.data?.lineStatistics.filter((l) => l.statistics.tickets > 0)).toEqual([
      { line: 1, statistics: { tickets: 1, reactionWithinTargetShare: 1 } },
      { line: 2, statistics: { tickets: 1, reactionWithinTargetShare: 0 } },
    ]);
  });

  it("should give staff the studio's month: its totals, each client's, and the breaches listed", async () => {
    queries.length = 0;
    const response = await t.gql<{
      studioStatistics: {
        total: { tickets: number; breaches: number };
        organizations: {
          organization: { name: string };
          statistics: { tickets: number; reactionWithinTargetShare: number };
        }[];
        breaches: {
          kind: string;
          title: string;
          ticketNumber: number;
          organizationName: string;
          assigneeName: string;
        }[];
      };
    }>(
      '{ studioStatistics(month: "2025-10") { total { tickets breaches } organizations { organization { name } statistics { tickets reactionWithinTargetShare } } breaches { kind title ticketNumber organizationName assigneeName } } }',
      {},
      token('HEAD'),
    );
    expect(response.errors).toBeUndefined();
    const month = response.data?.studioStatistics;
    expect(month?.total).toEqual({ tickets: 3, breaches: 1 });
    expect(month?.organizations).toEqual([
      { organization: { name: 'Счётная палата' }, statistics: { tickets: 3, reactionWithinTargetShare: 0.5 } },
    ]);
    const line2 = await t.database.db.staffMember.findFirstOrThrow({ where: { role: 'LINE2' } });
    expect(month?.breaches).toEqual([
      {
        kind: 'REACTION_BREACHED',
        title: 'late',
        ticketNumber: expect.any(Number),
        organizationName: 'Счётная палата',
        assigneeName: line2.name,
      },
    ]);
    // Names come in one query for the clients and one for the breaches' tickets, however many there are.
    expect(queries.filter((q) => /FROM [`"](main|public)[`"]\.[`"]Organization[`"]/.test(q))).toHaveLength(2);
  });

  it("should refuse the studio's month to a client", async () => {
    const client = await signInContact(t, mailer, 'buh@palata.example');
    const response = await t.gql('{ studioStatistics(month: "2025-10") { total { tickets } } }', {}, client);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('should refuse a month written otherwise than YYYY-MM', async () => {
    const response = await t.gql(
      'query ($id: ID!) { organizationStatistics(organizationId: $id, month: "10.2025") { tickets } }',
      { id: orgId },
      token('HEAD'),
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
