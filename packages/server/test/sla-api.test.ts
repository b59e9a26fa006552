import { fireDueSlaEvents, newSecret } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const msk = (local: string) => new Date(`${local}+03:00`);
const ticketFields =
  'id status reactionDueAt reactionWarningAt reactedAt resolutionDueAt slaDueAt slaPaused deliveredPriority slaEvents { kind dueAt escalatedTo { name } } assignee { name }';

interface Ticket {
  id: string;
  status: string;
  reactionDueAt: string | null;
  reactionWarningAt: string | null;
  reactedAt: string | null;
  resolutionDueAt: string | null;
  slaDueAt: string | null;
  slaPaused: boolean;
  deliveredPriority: string | null;
  slaEvents: { kind: string; dueAt: string; escalatedTo: { name: string } | null }[];
  assignee: { name: string } | null;
}

describeEachDatabase('SLA clocks through GraphQL', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let clock = msk('2026-11-23T11:00');
  let orgId: string;
  let contactToken: string;
  const token = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';

  beforeAll(async () => {
    t = await createTestApp(provider, { now: () => clock });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    const { db } = t.database;
    const contact = await db.contact.findFirstOrThrow({ where: { authorized: true } });
    orgId = Buffer.from(`Organization:${contact.organizationId}`).toString('base64');
    const session = newSecret('session');
    await db.session.create({
      data: { tokenHash: session.hash, contactId: contact.id, expiresAt: new Date('2030-01-01') },
    });
    contactToken = session.secret;
  });
  afterAll(() => t.close());

  async function gql<T>(query: string, variables: Record<string, unknown>, bearer: string): Promise<T> {
    const response = await t.gql<T>(query, variables, bearer);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data as T;
  }
  const submit = async (input: Record<string, unknown>) =>
    (
      await gql<{ submitTicket: { ticket: Ticket } }>(
        `mutation ($input: SubmitTicketInput!) { submitTicket(input: $input) { ... on SubmitTicketPayload { ticket { ${ticketFields} } } ... on DomainError { code } } }`,
        { input: { organizationId: orgId, description: 'Подробности', ...input } },
        token('LINE1'),
      )
    ).submitTicket.ticket;
  const act = async (mutation: string, input: Record<string, unknown>, bearer: string) =>
    (
      await gql<Record<string, { ticket: Ticket; code?: string }>>(
        `mutation ($input: ${mutation === 'replyToTicket' ? 'ReplyToTicketInput' : `${mutation[0]?.toUpperCase()}${mutation.slice(1)}Input`}!) { ${mutation}(input: $input) { ... on TicketPayload { ticket { ${ticketFields} } } ... on DomainError { code } } }`,
        { input },
        bearer,
      )
    )[mutation]?.ticket as Ticket;
  const read = async (id: string) =>
    (await gql<{ ticket: Ticket }>(`query ($id: ID!) { ticket(id: $id) { ${ticketFields} } }`, { id }, token('HEAD')))
      .ticket;

  it('should pause the resolution clock in FEEDBACK over a weekend and restart the reaction clock on the client answer', async () => {
    clock = msk('2026-11-19T10:00');
    const filed = await submit({ title: 'Перенести блог', idempotencyKey: 'sla-pause-1' });
    expect(filed.reactionDueAt).toBe(msk('2026-11-20T19:00').toISOString());
    expect(filed.resolutionDueAt).toBe(msk('2026-11-24T19:00').toISOString());

    clock = msk('2026-11-20T18:00');
    const asked = await act('requestFeedback', { ticketId: filed.id, question: 'Какой домен?' }, token('LINE2'));
    expect(asked).toMatchObject({ status: 'FEEDBACK', slaPaused: true, deliveredPriority: 'NORMAL', slaDueAt: null });

    clock = msk('2026-11-23T12:00');
    const answered = await act(
      'replyToTicket',
      { ticketId: filed.id, body: 'blog.example.ru', idempotencyKey: 'sla-pause-reply-1' },
      contactToken,
    );
    expect(answered).toMatchObject({ status: 'NEW', slaPaused: false, reactedAt: null });
    expect(answered.resolutionDueAt).toBe(msk('2026-11-25T13:00').toISOString());
    expect(answered.reactionDueAt).toBe(msk('2026-11-24T19:00').toISOString());
  });

  it('should warn at 80 %, record the breach and escalate to the head of support once, however often the job runs', async () => {
    clock = msk('2026-11-23T11:00');
    const filed = await submit({ title: 'Упала форма заказа', priority: 'HIGH', idempotencyKey: 'sla-breach-1' });
    expect(filed.reactionWarningAt).toBe(msk('2026-11-23T13:24').toISOString());
    const { db } = t.database;
    const events = t.app.events;
    expect(await fireDueSlaEvents(db, events, msk('2026-11-23T13:00'))).toMatchObject({ warnings: 0, breaches: 0 });
    // Two instances at the same moment, then a late third run: still one of each.
    const runs = await Promise.all([
      fireDueSlaEvents(db, events, msk('2026-11-23T14:05')),
      fireDueSlaEvents(db, events, msk('2026-11-23T14:05')),
    ]);
    await fireDueSlaEvents(db, events, msk('2026-11-23T15:00'));
    expect(runs.reduce((n, r) => n + r.breaches, 0)).toBeGreaterThanOrEqual(1);
    const after = await read(filed.id);
    const mine = after.slaEvents.map((e) => e.kind);
    expect(mine).toEqual(['REACTION_WARNING', 'REACTION_BREACHED', 'ESCALATED']);
    expect(after.slaEvents[2]?.escalatedTo?.name).toBeTruthy();
    expect(after.assignee?.name).toBe(after.slaEvents[2]?.escalatedTo?.name);

    // The late reaction is billed at the priority it met: NORMAL (HIGH's three hours ran out).
    clock = msk('2026-11-23T15:30');
    const started = await act('startTicket', { ticketId: filed.id }, token('LINE2'));
    expect(started).toMatchObject({ status: 'IN_PROGRESS', deliveredPriority: 'NORMAL' });
    expect((await read(filed.id)).slaEvents.filter((e) => e.kind === 'REACTION_BREACHED')).toHaveLength(1);
  });

  it('should hide SLA events from the client but show the due time', async () => {
    clock = msk('2026-11-23T11:00');
    const filed = await submit({ title: 'Вопрос по тарифу', category: 'QUESTION', idempotencyKey: 'sla-client-1' });
    const seen = await gql<{ ticket: Ticket }>(
      `query ($id: ID!) { ticket(id: $id) { ${ticketFields} } }`,
      { id: filed.id },
      contactToken,
    );
    expect(seen.ticket.reactionDueAt).toBe(msk('2026-11-23T16:00').toISOString());
    expect(seen.ticket.slaEvents).toEqual([]);
    expect(seen.ticket.assignee).toBeNull();
  });

  it('should order the queue by the soonest running due time when asked', async () => {
    clock = msk('2026-11-24T11:00');
    const slow = await submit({ title: 'Обновить баннер', idempotencyKey: 'sla-order-normal' });
    const fast = await submit({ title: 'Сайт лежит', priority: 'IMMEDIATE', idempotencyKey: 'sla-order-immediate' });
    const queue = await gql<{ queue: { edges: { node: { id: string; slaDueAt: string | null } }[] } }>(
      '{ queue(order: DUE_SOONEST, first: 100) { edges { node { id slaDueAt } } } }',
      {},
      token('HEAD'),
    );
    const ids = queue.queue.edges.map((e) => e.node.id);
    expect(ids.indexOf(fast.id)).toBeLessThan(ids.indexOf(slow.id));
    const dues = queue.queue.edges.flatMap((e) => (e.node.slaDueAt ? [e.node.slaDueAt] : []));
    expect(dues).toEqual([...dues].sort());
    // Tickets without a running clock come last.
    const firstWithout = queue.queue.edges.findIndex((e) => e.node.slaDueAt === null);
    if (firstWithout >= 0)
      expect(queue.queue.edges.slice(firstWithout).every((e) => e.node.slaDueAt === null)).toBe(true);
  });

  it('should list only tickets past their SLA due time when the queue is filtered by overdue', async () => {
    clock = msk('2026-11-26T11:00');
    const late = await submit({ title: 'Не грузится каталог', priority: 'HIGH', idempotencyKey: 'sla-overdue-late' });
    clock = msk('2026-11-26T15:00');
    const fresh = await submit({ title: 'Поменять телефон в шапке', idempotencyKey: 'sla-overdue-fresh' });
    const queue = async (overdue: boolean) =>
      (
        await gql<{ queue: { edges: { node: { id: string; slaDueAt: string | null } }[] } }>(
          'query ($overdue: Boolean) { queue(first: 100, filter: { overdue: $overdue }) { edges { node { id slaDueAt } } } }',
          { overdue },
          token('HEAD'),
        )
      ).queue.edges.map((e) => e.node);
    const overdue = await queue(true);
    expect(overdue.map((n) => n.id)).toContain(late.id);
    expect(overdue.map((n) => n.id)).not.toContain(fresh.id);
    expect(overdue.every((n) => n.slaDueAt !== null && Date.parse(n.slaDueAt) < clock.getTime())).toBe(true);
    const onTime = await queue(false);
    expect(onTime.map((n) => n.id)).toContain(fresh.id);
    expect(onTime.map((n) => n.id)).not.toContain(late.id);
  });

  it('should move due times of open tickets when a holiday is declared, and say the day in the public calendar', async () => {
    clock = msk('2026-11-25T11:00');
    const filed = await submit({ title: 'Ошибка 500', priority: 'HIGH', idempotencyKey: 'sla-holiday-1' });
    expect(filed.reactionDueAt).toBe(msk('2026-11-25T14:00').toISOString());
    const changed = await gql<{ setCalendarDay: { ticketsRecomputed: number; day: { working: boolean } } }>(
      'mutation { setCalendarDay(input: { date: "2026-11-25", kind: HOLIDAY, note: "Day of the studio" }) { ... on CalendarChangePayload { ticketsRecomputed day { working } } } }',
      {},
      token('HEAD'),
    );
    expect(changed.setCalendarDay.day.working).toBe(false);
    expect(changed.setCalendarDay.ticketsRecomputed).toBeGreaterThan(0);
    expect((await read(filed.id)).reactionDueAt).toBe(msk('2026-11-26T13:00').toISOString());
    const days = await t.gql<{
      calendarDays: { date: string; working: boolean; workingMinutes: number; type: string }[];
    }>('{ calendarDays(from: "2026-11-24", to: "2026-11-26") { date working workingMinutes type } }');
    expect(days.data?.calendarDays).toEqual([
      { date: '2026-11-24', working: true, workingMinutes: 540, type: 'REGULAR' },
      { date: '2026-11-25', working: false, workingMinutes: 0, type: 'HOLIDAY' },
      { date: '2026-11-26', working: true, workingMinutes: 540, type: 'REGULAR' },
    ]);
  });

  it('should refuse a malformed calendar file with the line and change nothing', async () => {
    const before = await t.database.db.calendarOverride.count();
    const refused = await gql<{ importCalendar: { code: string; detail: string; field: string } }>(
      'mutation ($c: String!) { importCalendar(input: { format: CSV, content: $c }) { ... on DomainError { code detail field } } }',
      { c: 'date,kind\n2027-01-11,HOLIDAY\n2027-02-30,HOLIDAY\n' },
      token('HEAD'),
    );
    expect(refused.importCalendar).toMatchObject({ code: 'INVALID_INPUT', field: 'content' });
    expect(refused.importCalendar.detail).toContain('line 3');
    expect(await t.database.db.calendarOverride.count()).toBe(before);
  });

  it('should file the very next ticket by SLA targets changed a moment before (the settings are kept for a second, but not past a change)', async () => {
    clock = msk('2026-11-23T11:00');
    const before = await submit({ title: 'Проверить кэш', priority: 'HIGH', idempotencyKey: 'sla-change-1' });
    expect(before.reactionDueAt).toBe(msk('2026-11-23T14:00').toISOString());
    const set = (minutes: number) =>
      gql<{ setSlaTargets: { __typename: string } }>(
        'mutation ($t: JSON!) { setSlaTargets(targets: $t) { __typename } }',
        { t: { priority: { HIGH: { reaction: { workingMinutes: minutes } } } } },
        token('ADMIN'),
      );
    await set(60);
    const after = await submit({ title: 'Проверить кэш снова', priority: 'HIGH', idempotencyKey: 'sla-change-2' });
    expect(after.reactionDueAt).toBe(msk('2026-11-23T12:00').toISOString());
    await set(180);
    const restored = await submit({ title: 'И ещё раз', priority: 'HIGH', idempotencyKey: 'sla-change-3' });
    expect(restored.reactionDueAt).toBe(msk('2026-11-23T14:00').toISOString());
  });
});
