import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { memoryMailer } from '../src/mail/memory-mailer.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { signInContact } from './support/contact-sign-in.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

type Escalated = {
  escalateTicket: { ticket?: { escalatedAt: string | null; status: string }; code?: string; field?: string };
};
const escalate = `mutation ($i: EscalateTicketInput!) { escalateTicket(input: $i) {
  ... on TicketPayload { ticket { escalatedAt status } } ... on DomainError { code field } } }`;

/** Rule 7: a client who thinks a ticket was closed too early may escalate it to the head of support. */
describeEachDatabase('a client escalating a ticket to the head of support', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const mailer = memoryMailer();
  const staff = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';
  let owner = '';
  let clock = new Date('2026-12-10T10:00:00Z');

  beforeAll(async () => {
    t = await createTestApp(provider, { mailer, now: () => clock });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    owner = await signInContact(t, mailer, 'owner@flowers.example');
  });
  afterAll(() => t.close());

  async function acceptedTicket(key: string) {
    const filed = await t.gql<{ submitTicket: { ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { ticket { id } } } }',
      { i: { title: 'Не приходят письма с формы', description: 'С сайта не приходят заявки', idempotencyKey: key } },
      owner,
    );
    const ticketId = filed.data?.submitTicket.ticket.id ?? '';
    await t.gql(
      'mutation ($i: ResolveTicketInput!) { resolveTicket(input: $i) { __typename } }',
      { i: { ticketId, report: 'Проверили, всё работает' } },
      staff('LINE1'),
    );
    const accepted = await t.gql<{ acceptTicket: { ticket: { status: string } } }>(
      'mutation ($i: TicketOnlyInput!) { acceptTicket(input: $i) { ... on TicketPayload { ticket { status } } } }',
      { i: { ticketId } },
      owner,
    );
    expect(accepted.data?.acceptTicket.ticket.status).toBe('ACCEPTED');
    return ticketId;
  }
  const flagged = async () =>
    (
      await t.gql<{ tickets: { edges: { node: { id: string; escalationReason: string } }[] } }>(
        '{ tickets(first: 50, filter: { escalated: true }) { edges { node { id escalationReason } } } }',
        {},
        staff('HEAD'),
      )
    ).data?.tickets.edges.map((e) => e.node) ?? [];

  it('should flag the ticket, keep the reason, and write to the head of support', async () => {
    const ticketId = await acceptedTicket('escalate-01');
    const answer = await t.gql<Escalated>(escalate, { i: { ticketId, reason: 'Письма всё равно не приходят' } }, owner);
    expect(answer.data?.escalateTicket.ticket).toEqual({ escalatedAt: clock.toISOString(), status: 'ACCEPTED' });
    expect(await flagged()).toEqual([{ id: ticketId, escalationReason: 'Письма всё равно не приходят' }]);
    const letters = await t.database.db.outboxMail.findMany({ where: { kind: 'CLIENT_ESCALATED' } });
    expect(letters.map((l) => l.to)).toEqual(['head@studio.example']);
    expect(letters[0]?.text).toContain('Письма всё равно не приходят');
    // Asking again while flagged changes nothing.
    clock = new Date(clock.getTime() + 60_000);
    await t.gql<Escalated>(escalate, { i: { ticketId, reason: 'Ещё раз' } }, owner);
    expect(await t.database.db.outboxMail.count({ where: { kind: 'CLIENT_ESCALATED' } })).toBe(1);
  });

  it('should keep the flag through a specialist’s internal note and clear it when the head answers in public', async () => {
    const [{ id: ticketId } = { id: '' }] = await flagged();
    await t.gql(
      'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename } }',
      { i: { ticketId, body: 'Смотрю логи', internal: true, idempotencyKey: 'esc-note' } },
      staff('HEAD'),
    );
    expect(await flagged()).toHaveLength(1);
    const headAnswer = await t.gql<{ replyToTicket: { __typename: string; code?: string } }>(
      'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename ... on DomainError { code } } }',
      { i: { ticketId, body: 'Нашли причину: SPF. Исправили.', idempotencyKey: 'esc-answer' } },
      staff('HEAD'),
    );
    // The head answers on the closed ticket too.
    expect(headAnswer.data?.replyToTicket.__typename).toBe('TicketPayload');
    expect(await flagged()).toEqual([]);
  });

  it('should refuse an empty reason, staff callers and strangers, changing nothing', async () => {
    const ticketId = await acceptedTicket('escalate-02');
    expect((await t.gql<Escalated>(escalate, { i: { ticketId, reason: '  ' } }, owner)).data?.escalateTicket).toEqual({
      code: 'INVALID_INPUT',
      field: 'reason',
    });
    const byStaff = await t.gql<Escalated>(escalate, { i: { ticketId, reason: 'x' } }, staff('LINE1'));
    expect(byStaff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const stranger = await signInContact(t, mailer, 'owner@bikes.example');
    expect(
      (await t.gql<Escalated>(escalate, { i: { ticketId, reason: 'x' } }, stranger)).data?.escalateTicket.code,
    ).toBe('NOT_FOUND');
    expect(await flagged()).toEqual([]);
  });
});
