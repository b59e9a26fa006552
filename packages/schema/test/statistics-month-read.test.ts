import { afterAll, beforeAll, expect, it } from 'vitest';
import { summarize, summarizeWorked, ticketStatistics } from '../src/domain/sla/statistics.ts';
import { workedTicketsOfMonth } from '../src/services/month-tickets.ts';
import { loadWorkingCalendar } from '../src/services/sla.ts';
import { monthRange, ticketTimesOf, ticketTimesSelect } from '../src/services/statistics.ts';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../src/testing/index.ts';

const msk = (local: string) => new Date(`${local}+03:00`);

describeEachDatabase("a month's tickets read for the statistics", (provider) => {
  let database: TestDatabase;
  const month = '2026-11';

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    const { db } = database;
    const [x, y] = [
      await db.organization.create({ data: { name: 'X' } }),
      await db.organization.create({ data: { name: 'Y' } }),
    ];
    const a = await db.staffMember.create({
      data: { name: 'A', email: 'a@studio.example', role: 'LINE1', supportLine: 1 },
    });
    const b = await db.staffMember.create({
      data: { name: 'B', email: 'b@studio.example', role: 'LINE2', supportLine: 2 },
    });
    type Spec = {
      created: string;
      first?: string;
      reacted?: string;
      resolved?: string;
      target?: number;
      org?: string;
      staff?: string;
      reject?: string;
      score?: number | null;
      breaches?: ('REACTION_BREACHED' | 'RESOLUTION_BREACHED' | 'REACTION_WARNING')[];
    };
    const specs: Spec[] = [
      // Milliseconds kept; answered, reacted, resolved, rated.
      {
        created: '2026-11-02T10:00:00.123',
        first: '2026-11-02T10:30:00.456',
        reacted: '2026-11-02T10:30:00.456',
        resolved: '2026-11-03T12:00:00.789',
        target: 960,
        org: x.id,
        staff: a.id,
        score: 4,
      },
      // Friday evening, answered on Monday without a reaction stamp, reaction breached.
      {
        created: '2026-11-06T18:00',
        first: '2026-11-09T11:00',
        target: 960,
        org: x.id,
        staff: b.id,
        breaches: ['REACTION_BREACHED'],
      },
      // Refused, never answered; a warning is no breach.
      { created: '2026-11-10T12:00', reject: 'DUPLICATE', org: y.id, breaches: ['REACTION_WARNING'] },
      // Reacted without a public answer, resolved late: both clocks breached; rated 5.
      {
        created: '2026-11-12T09:00',
        reacted: '2026-11-12T09:30',
        resolved: '2026-11-20T15:00',
        target: 960,
        org: y.id,
        staff: a.id,
        score: 5,
        breaches: ['REACTION_BREACHED', 'RESOLUTION_BREACHED'],
      },
      // Resolved without a target; answered more than a year later (past the month's timeline).
      { created: '2026-11-13T12:00', first: '2027-12-20T11:00', resolved: '2026-11-16T11:15', reject: 'OTHER' },
      // An answer stamped before the ticket (an import); asked to rate, not rated.
      { created: '2026-11-14T12:00', first: '2026-11-14T11:00', org: y.id, staff: b.id, score: null },
      // The month's first and last instants; the next month and the one before are not in it.
      { created: '2026-11-01T00:00', first: '2026-11-02T10:00', reacted: '2026-11-02T10:00', org: x.id, staff: a.id },
      { created: '2026-11-30T23:59:59.999', reject: 'DUPLICATE', org: x.id },
      { created: '2026-12-01T00:00', first: '2026-12-01T10:00', org: x.id, staff: a.id },
      { created: '2026-10-31T23:59:59.999', first: '2026-11-02T10:00', org: x.id, staff: a.id },
    ];
    let number = 1;
    for (const s of specs) {
      const ticket = await db.ticket.create({
        data: {
          number: number++,
          title: s.created,
          description: 'x',
          source: 'EMAIL',
          status: s.reject ? 'REJECTED' : s.resolved ? 'RESOLVED' : 'NEW',
          organizationId: s.org ?? null,
          assigneeId: s.staff ?? null,
          createdAt: msk(s.created),
          firstResponseAt: s.first ? msk(s.first) : null,
          reactedAt: s.reacted ? msk(s.reacted) : null,
          resolvedAt: s.resolved ? msk(s.resolved) : null,
          resolutionTargetMinutes: s.target ?? null,
          rejectReasonCode: s.reject ?? null,
        },
      });
      for (const kind of s.breaches ?? [])
        await db.slaEvent.create({
          data: { ticketId: ticket.id, kind, dueAt: msk(s.created), createdAt: msk(s.created) },
        });
      if (s.score !== undefined)
        await db.ticketRating.create({
          data: {
            ticketId: ticket.id,
            score: s.score,
            linkTokenHash: `hash-${number}`,
            openUntil: msk('2026-12-31T00:00'),
            createdAt: msk(s.created),
          },
        });
    }
  });
  afterAll(() => database.drop());

  /** What the figures were before the month was read as numbers: every ticket through Prisma and the calendar. */
  async function byPrisma(organizationId?: string) {
    const { db } = database;
    const calendar = await loadWorkingCalendar(db);
    const range = monthRange(month, calendar.timeZone);
    const rows = await db.ticket.findMany({
      where: { createdAt: { gte: range.from, lt: range.to }, ...(organizationId ? { organizationId } : {}) },
      select: ticketTimesSelect,
      orderBy: { createdAt: 'asc' },
    });
    return rows.map((row) => ({ row, times: ticketTimesOf(row) }));
  }

  async function read(organizationId?: string, of = month) {
    const calendar = await loadWorkingCalendar(database.db);
    const range = monthRange(of, calendar.timeZone);
    const tickets = await workedTicketsOfMonth(database.db, calendar, range, organizationId ? { organizationId } : {});
    return { calendar, tickets };
  }

  it('should work out each ticket as the calendar does, with its breaches, refusal, rating and whose it is', async () => {
    const { calendar, tickets } = await read();
    const expected = (await byPrisma()).map(({ row, times }) => ({
      ...ticketStatistics(calendar, times),
      breached: Boolean(times.reactionBreached || times.resolutionBreached),
      rejectReasonCode: row.rejectReasonCode,
      satisfaction: row.rating?.score ?? null,
      assigneeId: row.assigneeId,
      organizationId: row.organizationId,
    }));
    expect(tickets).toHaveLength(8);
    const key = (t: object) => JSON.stringify(t);
    expect(tickets.map(key).sort()).toEqual(expected.map(key).sort());
  });

  it('should give the same totals as summing up the tickets read through Prisma, whole and for one client', async () => {
    const { calendar, tickets } = await read();
    const whole = summarize(
      calendar,
      (await byPrisma()).map((t) => t.times),
    );
    expect(summarizeWorked(tickets)).toEqual(whole);
    expect(whole).toMatchObject({ tickets: 8, breaches: 2, satisfactionCount: 2, satisfactionAverage: 4.5 });
    expect(whole.rejections).toEqual([
      { reason: 'DUPLICATE', count: 2 },
      { reason: 'OTHER', count: 1 },
    ]);
    const organization = (await database.db.organization.findFirstOrThrow({ where: { name: 'Y' } })).id;
    const one = await read(organization);
    expect(one.tickets).toHaveLength(3);
    expect(summarizeWorked(one.tickets)).toEqual(
      summarize(
        calendar,
        (await byPrisma(organization)).map((t) => t.times),
      ),
    );
  });

  it('should read a month without tickets as none', async () => {
    const { tickets } = await read(undefined, '2026-08');
    expect(tickets).toEqual([]);
    expect(summarizeWorked(tickets)).toMatchObject({ tickets: 0, answered: 0, medianFirstResponseMinutes: null });
  });
});
