import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const msk = (local: string) => new Date(`${local}+03:00`);
const weekdays = ['MON', 'TUE', 'WED', 'THU', 'FRI'];

/** The studio's schedule decides every due time: changing it moves those of open tickets. */
describeEachDatabase('working hours set through GraphQL', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let orgId = '';
  let clock = msk('2026-12-02T16:00');
  const token = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';

  beforeAll(async () => {
    t = await createTestApp(provider, { now: () => clock });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    const contact = await t.database.db.contact.findFirstOrThrow({ where: { authorized: true } });
    orgId = Buffer.from(`Organization:${contact.organizationId}`).toString('base64');
  });
  afterAll(() => t.close());

  const setHours = async (closes: string, preHolidayShorteningMinutes: number) => {
    const answer = await t.gql<{ setWorkingHours: { preHolidayShorteningMinutes?: number; code?: string } }>(
      `mutation ($i: SetWorkingHoursInput!) { setWorkingHours(input: $i) {
        ... on WorkingHours { preHolidayShorteningMinutes } ... on DomainError { code } } }`,
      {
        i: {
          timeZone: 'Europe/Moscow',
          days: weekdays.map((weekday) => ({ weekday, opens: '09:00', closes })),
          preHolidayShorteningMinutes,
        },
      },
      token('HEAD'),
    );
    expect(answer.data?.setWorkingHours).toEqual({ preHolidayShorteningMinutes });
  };
  const file = async (key: string) => {
    const answer = await t.gql<{ submitTicket: { ticket: { id: string; reactionDueAt: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { ticket { id reactionDueAt } } } }',
      {
        i: {
          organizationId: orgId,
          title: 'Форма не отправляется',
          description: 'С утра',
          priority: 'HIGH',
          idempotencyKey: key,
        },
      },
      token('LINE1'),
    );
    return answer.data?.submitTicket.ticket as { id: string; reactionDueAt: string };
  };
  const dueOf = async (id: string) =>
    (
      await t.gql<{ ticket: { reactionDueAt: string } }>(
        'query ($id: ID!) { ticket(id: $id) { reactionDueAt } }',
        { id },
        token('HEAD'),
      )
    ).data?.ticket.reactionDueAt;

  it('should move the due times of open tickets when the head of support changes the hours', async () => {
    await setHours('18:00', 60);
    clock = msk('2026-12-02T16:00');
    // HIGH: 3 working hours. Wednesday 16:00–18:00 is two, Thursday 09:00–10:00 the third.
    const ticket = await file('hours-move-1');
    expect(ticket.reactionDueAt).toBe(msk('2026-12-03T10:00').toISOString());
    await setHours('20:00', 60);
    expect(await dueOf(ticket.id)).toBe(msk('2026-12-02T19:00').toISOString());
    // Refused hours change nothing.
    const refused = await t.gql<{ setWorkingHours: { code?: string } }>(
      `mutation { setWorkingHours(input: { timeZone: "Europe/Moscow", days: [{ weekday: MON, opens: "18:00", closes: "09:00" }] }) { ... on DomainError { code } } }`,
      {},
      token('HEAD'),
    );
    expect(refused.data?.setWorkingHours.code).toBe('INVALID_INPUT');
    expect(await dueOf(ticket.id)).toBe(msk('2026-12-02T19:00').toISOString());
  });

  it('should shorten a pre-holiday day by the minutes the studio set, not only by an hour', async () => {
    await setHours('18:00', 60);
    const short = await t.gql<{ setCalendarDay: { __typename: string } }>(
      'mutation { setCalendarDay(input: { date: "2026-12-09", kind: SHORT, note: "Перед праздником студии" }) { __typename } }',
      {},
      token('HEAD'),
    );
    expect(short.data?.setCalendarDay.__typename).toBe('CalendarChangePayload');
    clock = msk('2026-12-09T14:00');
    // Shortened by 60: the day ends at 17:00, so 14:00 + 3 h is 17:00 the same day.
    const ticket = await file('hours-short-1');
    expect(ticket.reactionDueAt).toBe(msk('2026-12-09T17:00').toISOString());
    // Shortened by 120: it ends at 16:00; two hours that day, the third on Thursday from 09:00.
    await setHours('18:00', 120);
    expect(await dueOf(ticket.id)).toBe(msk('2026-12-10T10:00').toISOString());
    const days = await t.gql<{ calendarDays: { date: string; workingMinutes: number }[] }>(
      '{ calendarDays(from: "2026-12-09", to: "2026-12-10") { date workingMinutes } }',
    );
    expect(days.data?.calendarDays).toEqual([
      { date: '2026-12-09', workingMinutes: 420 },
      { date: '2026-12-10', workingMinutes: 540 },
    ]);
  });
});
