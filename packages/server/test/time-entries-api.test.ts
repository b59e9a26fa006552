import { newSecret } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const msk = (local: string) => new Date(`${local}+03:00`);
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');
const note = 'Внутреннее: пароль от FTP в менеджере';

const summaryQuery = `query ($id: ID!) { ticket(id: $id) {
  timeSummary { totalMinutes billableMinutes byLine { supportLine minutes } bySpecialist { staff { name } minutes } }
  timeEntries { minutes note running supportLine billable staff { name } } } }`;

interface Summary {
  ticket: {
    timeSummary: {
      totalMinutes: number;
      billableMinutes: number;
      byLine: { supportLine: number; minutes: number }[];
      bySpecialist: { staff: { name: string }; minutes: number }[];
    };
    timeEntries: { minutes: number; note: string | null; running: boolean; supportLine: number }[];
  } | null;
}

describeEachDatabase('time tracking through GraphQL', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let clock = msk('2026-11-23T11:00');
  const staff = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';
  let contact = '';
  let ticketA = '';
  let ticketB = '';
  let closed = '';

  const run = async <T = Record<string, { __typename: string; code?: string; timeEntry?: Record<string, unknown> }>>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ) => t.gql<T>(query, variables, token);
  const start = (ticketId: string, token: string, extra: Record<string, unknown> = {}) =>
    run(
      'mutation ($i: StartTimerInput!) { startTimer(input: $i) { __typename ... on TimeEntryPayload { timeEntry { id running minutes } } ... on DomainError { code field } } }',
      { i: { ticketId, ...extra } },
      token,
    );
  const stop = (token: string) =>
    run(
      'mutation { stopTimer { __typename ... on TimeEntryPayload { timeEntry { id running minutes startedAt endedAt } } ... on DomainError { code } } }',
      {},
      token,
    );
  const log = (ticketId: string, minutes: number, token: string, extra: Record<string, unknown> = {}) =>
    run(
      'mutation ($i: LogTimeInput!) { logTime(input: $i) { __typename ... on TimeEntryPayload { timeEntry { minutes supportLine billable } } ... on DomainError { code field } } }',
      { i: { ticketId, minutes, ...extra } },
      token,
    );

  beforeAll(async () => {
    t = await createTestApp(provider, { now: () => clock });
    demo = (await seedDemo(t.database.db, {
      publicUrl: 'http://localhost:4000',
      now: msk('2026-11-20T12:00'),
    })) as DemoCredentials;
    const { db } = t.database;
    const flowers = await db.contact.findUniqueOrThrow({ where: { email: 'owner@flowers.example' } });
    const s = newSecret('session');
    await db.session.create({ data: { tokenHash: s.hash, contactId: flowers.id, expiresAt: new Date('2030-01-01') } });
    contact = s.secret;
    const make = async (number: number, status: 'IN_PROGRESS' | 'ACCEPTED') =>
      gid(
        'Ticket',
        (
          await db.ticket.create({
            data: {
              number,
              title: `Время ${number}`,
              description: 'x',
              source: 'EMAIL',
              status,
              organizationId: flowers.organizationId,
            },
          })
        ).id,
      );
    ticketA = await make(80_001, 'IN_PROGRESS');
    ticketB = await make(80_002, 'IN_PROGRESS');
    closed = await make(80_003, 'ACCEPTED');
  });
  afterAll(() => t.close());

  it('should time work with a timer, rounding 90 seconds up to 2 minutes, and stop a running timer when another starts', async () => {
    const started = (await start(ticketA, staff('LINE1'), { note })).data?.startTimer;
    const mine = await t.gql<{ myRunningTimer: { minutes: number; ticket: { number: number } } | null }>(
      '{ myRunningTimer { minutes ticket { number } } }',
      {},
      staff('LINE1'),
    );
    expect(mine.data?.myRunningTimer).toEqual({ minutes: 0, ticket: { number: 80_001 } });
    expect(started?.timeEntry).toMatchObject({ running: true, minutes: 0 });
    clock = new Date(clock.getTime() + 90_000);
    const stopped = (await stop(staff('LINE1'))).data?.stopTimer;
    expect(stopped?.timeEntry).toMatchObject({ running: false, minutes: 2 });
    expect((await stop(staff('LINE1'))).data?.stopTimer?.code).toBe('TIMER_NOT_RUNNING');

    await start(ticketA, staff('LINE2'));
    clock = new Date(clock.getTime() + 44 * 60_000 + 29_000);
    // Starting on B stops the timer on A first: 44 min 29 s round to 44 minutes.
    await start(ticketB, staff('LINE2'));
    clock = new Date(clock.getTime() + 10 * 60_000);
    await stop(staff('LINE2'));
    const a = await t.gql<Summary>(summaryQuery, { id: ticketA }, staff('HEAD'));
    expect(a.data?.ticket?.timeEntries.map((e) => [e.supportLine, e.minutes, e.running])).toEqual([
      [1, 2, false],
      [2, 44, false],
    ]);
  });

  it('should log time by hand, at the line given or the specialist’s own, billable or not', async () => {
    expect((await log(ticketB, 30, staff('LINE3'))).data?.logTime?.timeEntry).toEqual({
      minutes: 30,
      supportLine: 3,
      billable: true,
    });
    expect(
      (await log(ticketB, 15, staff('HEAD'), { supportLine: 2, billable: false })).data?.logTime?.timeEntry,
    ).toEqual({
      minutes: 15,
      supportLine: 2,
      billable: false,
    });
    // The head of support has no line of their own: it must be named.
    expect((await log(ticketB, 15, staff('HEAD'))).data?.logTime).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'supportLine',
    });
    expect((await log(ticketB, 0, staff('LINE1'))).data?.logTime).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'minutes',
    });
    expect((await log(ticketB, 30, staff('LINE1'), { startedAt: '2027-01-01T00:00:00Z' })).data?.logTime?.code).toBe(
      'INVALID_INPUT',
    );
    expect((await log(closed, 30, staff('LINE1'))).data?.logTime?.code).toBe('TICKET_CLOSED');
    expect((await start(closed, staff('LINE1'))).data?.startTimer?.code).toBe('TICKET_CLOSED');
  });

  it('should bill a specialist’s work at their own line only, letting the head of support and admins name another', async () => {
    // A first-line specialist may not bill at line 3 (a higher rate), by hand, by timer or by correction.
    expect((await log(ticketB, 20, staff('LINE1'), { supportLine: 3 })).data?.logTime).toMatchObject({
      code: 'ACTOR_NOT_ALLOWED',
      field: 'supportLine',
    });
    expect((await start(ticketB, staff('LINE1'), { supportLine: 2 })).data?.startTimer).toMatchObject({
      code: 'ACTOR_NOT_ALLOWED',
      field: 'supportLine',
    });
    expect((await log(ticketB, 20, staff('LINE1'), { supportLine: 1 })).data?.logTime?.timeEntry?.supportLine).toBe(1);
    const own = await t.gql<{ logTime: { timeEntry: { id: string } } }>(
      'mutation ($i: LogTimeInput!) { logTime(input: $i) { ... on TimeEntryPayload { timeEntry { id } } } }',
      { i: { ticketId: ticketB, minutes: 25 } },
      staff('LINE1'),
    );
    const moveTo = (line: number, token: string) =>
      t.gql<{ updateTimeEntry: { timeEntry?: { supportLine: number }; code?: string } }>(
        'mutation ($i: UpdateTimeEntryInput!) { updateTimeEntry(input: $i) { ... on TimeEntryPayload { timeEntry { supportLine } } ... on DomainError { code } } }',
        { i: { timeEntryId: own.data?.logTime.timeEntry.id, supportLine: line } },
        token,
      );
    expect((await moveTo(3, staff('LINE1'))).data?.updateTimeEntry.code).toBe('ACTOR_NOT_ALLOWED');
    expect((await moveTo(2, staff('HEAD'))).data?.updateTimeEntry.timeEntry).toEqual({ supportLine: 2 });
    expect((await moveTo(3, staff('ADMIN'))).data?.updateTimeEntry.timeEntry).toEqual({ supportLine: 3 });
    expect((await moveTo(4, staff('ADMIN'))).data?.updateTimeEntry.code).toBe('INVALID_INPUT');
    // Of all the first-line specialist's entries, only the one an admin moved is not at line 1.
    const lines = await t.database.db.timeEntry.findMany({
      where: { staff: { role: 'LINE1' } },
      select: { supportLine: true },
    });
    expect(lines.map((l) => l.supportLine).filter((line) => line !== 1)).toEqual([3]);
  });

  it('should show staff the totals per ticket and per specialist, and the client only hours by level without notes', async () => {
    // A timer still running is not counted yet.
    await start(ticketA, staff('LINE3'));
    const staffView = (await t.gql<Summary>(summaryQuery, { id: ticketA }, staff('HEAD'))).data?.ticket;
    expect(staffView?.timeSummary).toEqual({
      totalMinutes: 46,
      billableMinutes: 46,
      byLine: [
        { supportLine: 1, minutes: 2 },
        { supportLine: 2, minutes: 44 },
      ],
      bySpecialist: expect.arrayContaining([
        { staff: { name: 'Ольга Первая' }, minutes: 2 },
        { staff: { name: 'Пётр Второй' }, minutes: 44 },
      ]),
    });
    expect(staffView?.timeEntries.some((e) => e.note === note)).toBe(true);
    const clientView = await t.gql<Summary>(summaryQuery, { id: ticketA }, contact);
    expect(clientView.errors).toBeUndefined();
    expect(clientView.data?.ticket?.timeSummary).toEqual({
      totalMinutes: 46,
      billableMinutes: 46,
      byLine: [
        { supportLine: 1, minutes: 2 },
        { supportLine: 2, minutes: 44 },
      ],
      bySpecialist: [],
    });
    expect(clientView.data?.ticket?.timeEntries).toEqual([]);
    expect(JSON.stringify(clientView)).not.toContain('FTP');
    await stop(staff('LINE3'));
  });

  it('should let only working staff record time', async () => {
    expect((await log(ticketA, 10, contact)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await log(ticketA, 10, staff('ACCOUNTANT'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await log(ticketA, 10, '')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('should let a specialist correct or remove a mistaken entry, the head of support anyone’s, never on a closed ticket', async () => {
    const logged = await t.gql<{ logTime: { timeEntry: { id: string } } }>(
      'mutation ($i: LogTimeInput!) { logTime(input: $i) { ... on TimeEntryPayload { timeEntry { id } } } }',
      { i: { ticketId: ticketB, minutes: 600 } },
      staff('LINE2'),
    );
    const id = logged.data?.logTime.timeEntry.id as string;
    const update = (input: Record<string, unknown>, token: string) =>
      t.gql<{ updateTimeEntry: { timeEntry?: { minutes: number; note: string | null }; code?: string } }>(
        'mutation ($i: UpdateTimeEntryInput!) { updateTimeEntry(input: $i) { ... on TimeEntryPayload { timeEntry { minutes note } } ... on DomainError { code } } }',
        { i: { timeEntryId: id, ...input } },
        token,
      );
    expect((await update({ minutes: 60 }, staff('LINE2'))).data?.updateTimeEntry.timeEntry).toEqual({
      minutes: 60,
      note: null,
    });
    expect((await update({ minutes: 30 }, staff('LINE1'))).data?.updateTimeEntry.code).toBe('ACTOR_NOT_ALLOWED');
    expect((await update({ note: 'проверено' }, staff('HEAD'))).data?.updateTimeEntry.timeEntry).toEqual({
      minutes: 60,
      note: 'проверено',
    });
    expect((await update({ minutes: 0 }, staff('LINE2'))).data?.updateTimeEntry.code).toBe('INVALID_INPUT');
    const remove = (token: string) =>
      t.gql<{ deleteTimeEntry: { deletedId?: string; code?: string } }>(
        'mutation ($id: ID!) { deleteTimeEntry(input: { timeEntryId: $id }) { ... on DeleteTimeEntryPayload { deletedId } ... on DomainError { code } } }',
        { id },
        token,
      );
    expect((await remove(staff('LINE3'))).data?.deleteTimeEntry.code).toBe('ACTOR_NOT_ALLOWED');
    expect((await remove(staff('LINE2'))).data?.deleteTimeEntry.deletedId).toBe(id);
    expect((await remove(staff('LINE2'))).data?.deleteTimeEntry.code).toBe('NOT_FOUND');

    // Once the ticket is closed its time stays as it was (it may be invoiced).
    const kept = await t.gql<{ logTime: { timeEntry: { id: string } } }>(
      'mutation ($i: LogTimeInput!) { logTime(input: $i) { ... on TimeEntryPayload { timeEntry { id } } } }',
      { i: { ticketId: ticketB, minutes: 5 } },
      staff('LINE2'),
    );
    const ticketRow = Buffer.from(ticketB, 'base64').toString().split(':')[1] as string;
    await t.database.db.ticket.update({ where: { id: ticketRow }, data: { status: 'ACCEPTED' } });
    const closedEdit = await t.gql<{ deleteTimeEntry: { code?: string } }>(
      'mutation ($id: ID!) { deleteTimeEntry(input: { timeEntryId: $id }) { ... on DomainError { code } } }',
      { id: kept.data?.logTime.timeEntry.id },
      staff('HEAD'),
    );
    expect(closedEdit.data?.deleteTimeEntry.code).toBe('TICKET_CLOSED');
  });
});
