import { acceptDueTickets, moveTicket, postMessage } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { memoryMailer } from '../src/mail/memory-mailer.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { signInContact } from './support/contact-sign-in.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const day = 86_400_000;
const ticketFields = 'id displayNumber status priority paid rejectReason duplicateOf { id } estimateKopecks';
const result = (name: string) =>
  `... on ${name} { ticket { ${ticketFields} } } ... on DomainError { code message field }`;

type Ticket = {
  id: string;
  displayNumber: string;
  status: string;
  priority: string;
  paid: boolean;
  rejectReason: string | null;
  duplicateOf: { id: string } | null;
};
type Outcome = { ticket?: Ticket; code?: string; message?: string; field?: string | null };

describeEachDatabase('working a ticket through GraphQL', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const mailer = memoryMailer();
  const token = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';
  let orgId: string;
  // The server's clock: moved forward where a test needs days to pass.
  let clockOffset = 0;

  beforeAll(async () => {
    t = await createTestApp(provider, { now: () => new Date(Date.now() + clockOffset), mailer });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    const orgs = await t.gql<{ organizations: { edges: { node: { id: string } }[] } }>(
      '{ organizations { edges { node { id } } } }',
      {},
      token('HEAD'),
    );
    orgId = orgs.data?.organizations.edges[0]?.node.id ?? '';
  });
  afterAll(() => t.close());
  afterEach(() => {
    clockOffset = 0;
  });

  async function submit(input: Record<string, unknown>, role = 'LINE1') {
    const response = await t.gql<{ submitTicket: { ticket: Ticket; created: boolean } & Outcome }>(
      `mutation ($input: SubmitTicketInput!) { submitTicket(input: $input) { ... on SubmitTicketPayload { created ticket { ${ticketFields} } } ... on DomainError { code message field } } }`,
      { input: { organizationId: orgId, description: 'Подробности', ...input } },
      token(role),
    );
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data?.submitTicket as { ticket: Ticket; created: boolean } & Outcome;
  }

  async function act(
    mutation: string,
    input: Record<string, unknown>,
    role: string,
    language = 'ru',
  ): Promise<Outcome> {
    const name = `${mutation[0]?.toUpperCase()}${mutation.slice(1)}`;
    const inputType = ['acceptTicket', 'confirmEstimate', 'confirmPayment'].includes(mutation)
      ? 'TicketOnlyInput'
      : `${name}Input`;
    const response = await t.app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token(role)}`,
        'accept-language': language,
      },
      body: JSON.stringify({
        query: `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { ${result('TicketPayload')} } }`,
        variables: { input },
      }),
    });
    const body = (await response.json()) as { data?: Record<string, Outcome>; errors?: unknown };
    if (body.errors) return { code: JSON.stringify(body.errors) };
    return body.data?.[mutation] as Outcome;
  }

  const dbId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1] ?? '';

  it('should take a paid ticket from NEW through IN_PROGRESS and RESOLVED to ACCEPTED after 7 silent days, and to PAID by the accountant', async () => {
    const { ticket } = await submit({ title: 'Новый раздел «Доставка»', paid: true, idempotencyKey: 'path-to-paid-1' });
    expect(ticket.status).toBe('NEW');
    const id = dbId(ticket.id);
    // Paid work starts after the client's authorized contact confirms the estimate.
    const asked = await act(
      'requestFeedback',
      { ticketId: ticket.id, question: '5 ч, 4 000 ₽', estimateKopecks: 400_000 },
      'LINE2',
    );
    expect(asked.ticket?.status).toBe('FEEDBACK');
    const { organizationId } = await t.database.db.ticket.findUniqueOrThrow({ where: { id } });
    const authorized = await t.database.db.contact.findFirstOrThrow({
      where: { organizationId: organizationId ?? undefined, authorized: true },
    });
    const owner = await signInContact(t, mailer, authorized.email);
    const confirmed = await t.gql<{ confirmEstimate: Outcome }>(
      `mutation ($input: TicketOnlyInput!) { confirmEstimate(input: $input) { ${result('TicketPayload')} } }`,
      { input: { ticketId: ticket.id } },
      owner,
    );
    expect(confirmed.data?.confirmEstimate.ticket?.status).toBe('NEW');
    expect((await act('startTicket', { ticketId: ticket.id }, 'LINE2')).ticket?.status).toBe('IN_PROGRESS');
    const resolved = await act('resolveTicket', { ticketId: ticket.id, report: 'Раздел готов: /delivery' }, 'LINE2');
    expect(resolved.ticket?.status).toBe('RESOLVED');

    const stored = await t.database.db.ticket.findUniqueOrThrow({ where: { id } });
    expect(await acceptDueTickets(t.database.db, t.app.events, new Date(stored.resolvedAt?.getTime() ?? 0))).toBe(0);
    expect(
      await acceptDueTickets(t.database.db, t.app.events, new Date((stored.resolvedAt?.getTime() ?? 0) + 7 * day)),
    ).toBeGreaterThanOrEqual(1);
    expect((await t.database.db.ticket.findUniqueOrThrow({ where: { id } })).status).toBe('ACCEPTED');
    clockOffset = 8 * day;

    expect((await act('confirmPayment', { ticketId: ticket.id }, 'LINE1')).code).toBe('ACTOR_NOT_ALLOWED');
    expect((await act('confirmPayment', { ticketId: ticket.id }, 'ACCOUNTANT')).ticket?.status).toBe('PAID');

    const history = await t.database.db.statusChange.findMany({
      where: { ticketId: id },
      orderBy: { createdAt: 'asc' },
    });
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.actorKind])).toEqual([
      [null, 'NEW', 'STAFF'],
      ['NEW', 'FEEDBACK', 'STAFF'],
      ['FEEDBACK', 'NEW', 'CONTACT'],
      ['NEW', 'IN_PROGRESS', 'STAFF'],
      ['IN_PROGRESS', 'RESOLVED', 'STAFF'],
      ['RESOLVED', 'ACCEPTED', 'SYSTEM'],
      ['ACCEPTED', 'PAID', 'STAFF'],
    ]);
    expect((await t.database.db.message.findMany({ where: { ticketId: id } })).map((m) => m.body)).toContain(
      'Раздел готов: /delivery',
    );
  });

  it('should reject a duplicate with its reason and a link to the original', async () => {
    const original = (await submit({ title: 'Не грузится каталог', idempotencyKey: 'dup-original' })).ticket;
    const repeat = (await submit({ title: 'Каталог не грузится', idempotencyKey: 'dup-repeat' })).ticket;
    const rejected = await act(
      'rejectTicket',
      { ticketId: repeat.id, reason: 'Дубликат', duplicateOf: original.id },
      'LINE1',
    );
    expect(rejected.ticket).toMatchObject({
      status: 'REJECTED',
      rejectReason: 'Дубликат',
      duplicateOf: { id: original.id },
    });
    const self = await act('rejectTicket', { ticketId: original.id, reason: 'x', duplicateOf: original.id }, 'LINE1');
    expect(self).toMatchObject({ code: 'DUPLICATE_OF_ITSELF', field: 'duplicateOf' });
  });

  it('should refuse a move with a typed error in the reader’s language and change nothing', async () => {
    const { ticket } = await submit({ title: 'Опечатка', idempotencyKey: 'refuse-1' });
    const id = dbId(ticket.id);
    const before = await t.database.db.ticket.findUniqueOrThrow({
      where: { id },
      include: { statusChanges: true, messages: true },
    });

    expect(await act('rejectTicket', { ticketId: ticket.id, reason: '   ' }, 'LINE1', 'ru')).toEqual({
      code: 'REASON_REQUIRED',
      message: 'Укажите причину отклонения заявки.',
      field: null,
    });
    expect((await act('resolveTicket', { ticketId: ticket.id, report: '' }, 'LINE1', 'en')).message).toBe(
      'Write a report of the work done.',
    );
    expect((await act('confirmPayment', { ticketId: ticket.id }, 'ACCOUNTANT')).code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await act('startTicket', { ticketId: ticket.id }, 'ACCOUNTANT')).code).toBe('ACTOR_NOT_ALLOWED');
    expect((await act('acceptTicket', { ticketId: ticket.id }, 'HEAD')).code).toBe('TRANSITION_NOT_ALLOWED');

    const after = await t.database.db.ticket.findUniqueOrThrow({
      where: { id },
      include: { statusChanges: true, messages: true },
    });
    expect(after).toEqual(before);
  });

  it('should return the first ticket, and create nothing, when a submission is retried — also all at once', async () => {
    const first = await submit({ title: 'Повтор запроса', idempotencyKey: 'retry-key-0001' });
    const again = await submit({ title: 'Повтор запроса', idempotencyKey: 'retry-key-0001' });
    expect(again).toMatchObject({ created: false, ticket: { id: first.ticket.id } });

    const racing = await Promise.all(
      Array.from({ length: 6 }, () => submit({ title: 'Гонка', idempotencyKey: 'racing-key-0001' })),
    );
    expect(new Set(racing.map((r) => r.ticket.id)).size).toBe(1);
    expect(racing.filter((r) => r.created)).toHaveLength(1);
    expect(await t.database.db.ticket.count({ where: { title: 'Гонка' } })).toBe(1);
    const numbers = await t.database.db.ticket.findMany({ select: { number: true } });
    expect(new Set(numbers.map((n) => n.number)).size).toBe(numbers.length);
  });

  it('should refuse bad input with the field to correct and create nothing', async () => {
    const count = await t.database.db.ticket.count();
    expect(await submit({ title: '  ', idempotencyKey: 'bad-input-1' })).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'title',
    });
    expect(await submit({ title: 'x'.repeat(201), idempotencyKey: 'bad-input-2' })).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'title',
    });
    expect(await submit({ title: 'ok', idempotencyKey: 'short' })).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'idempotencyKey',
    });
    expect(await t.database.db.ticket.count()).toBe(count);
  });

  it('should order the queue by priority, then by waiting time, and send a ticket the client updates to the end', async () => {
    const normal1 = (await submit({ title: 'Q normal 1', idempotencyKey: 'queue-n1' })).ticket;
    const urgent = (await submit({ title: 'Q urgent', priority: 'URGENT', idempotencyKey: 'queue-u1' })).ticket;
    const normal2 = (await submit({ title: 'Q normal 2', idempotencyKey: 'queue-n2' })).ticket;
    const queue = async () => {
      const response = await t.gql<{ queue: { edges: { node: { id: string } }[] } }>(
        'query { queue(first: 100, filter: { search: "Q " }) { edges { node { id } } } }',
        {},
        token('LINE1'),
      );
      return response.data?.queue.edges.map((e) => e.node.id);
    };
    expect(await queue()).toEqual([urgent.id, normal1.id, normal2.id]);

    const contact = await t.database.db.contact.findFirstOrThrow({ where: { authorized: true } });
    await postMessage(t.database.db, t.app.events, {
      ticketId: dbId(normal1.id),
      body: 'Добавлю: и на мобильном тоже',
      internal: false,
      actor: { kind: 'CONTACT', authorized: true, contactId: contact.id },
      idempotencyKey: 'contact-reply-1',
      now: new Date(Date.now() + 1000),
    });
    expect(await queue()).toEqual([urgent.id, normal2.id, normal1.id]);
  });

  it('should return a ticket in FEEDBACK to NEW when the client answers, and keep ACCEPTED read-only for the client', async () => {
    const { ticket } = await submit({ title: 'Уточнить задачу', idempotencyKey: 'feedback-1' });
    const asked = await act('requestFeedback', { ticketId: ticket.id, question: 'На какой странице?' }, 'LINE1');
    expect(asked.ticket?.status).toBe('FEEDBACK');
    const contact = await t.database.db.contact.findFirstOrThrow({ where: { authorized: false } });
    const actor = { kind: 'CONTACT' as const, authorized: false, contactId: contact.id };
    const answered = await postMessage(t.database.db, t.app.events, {
      ticketId: dbId(ticket.id),
      body: 'На главной',
      internal: false,
      actor,
      idempotencyKey: 'answer-1',
      now: new Date(),
    });
    expect(answered.status).toBe('NEW');
    // Retrying the same reply adds nothing.
    await postMessage(t.database.db, t.app.events, {
      ticketId: dbId(ticket.id),
      body: 'На главной',
      internal: false,
      actor,
      idempotencyKey: 'answer-1',
      now: new Date(),
    });
    expect(await t.database.db.message.count({ where: { ticketId: dbId(ticket.id), body: 'На главной' } })).toBe(1);

    await act('resolveTicket', { ticketId: ticket.id, report: 'Исправили' }, 'LINE1');
    await expect(
      moveTicket(t.database.db, t.app.events, { ticketId: dbId(ticket.id), action: 'accept', actor, now: new Date() }),
    ).rejects.toMatchObject({ code: 'ACTOR_NOT_ALLOWED' });
    await moveTicket(t.database.db, t.app.events, {
      ticketId: dbId(ticket.id),
      action: 'accept',
      actor: { kind: 'CONTACT', authorized: true, contactId: contact.id },
      now: new Date(),
    });
    await expect(
      postMessage(t.database.db, t.app.events, {
        ticketId: dbId(ticket.id),
        body: 'Ещё вопрос',
        internal: false,
        actor,
        idempotencyKey: 'late-1',
        now: new Date(),
      }),
    ).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
  });

  it('should let staff assign, reprioritise and add internal notes, audited and shown only to staff', async () => {
    const { ticket } = await submit({ title: 'Назначить', idempotencyKey: 'assign-1' });
    const staff = await t.gql<{ queue: { edges: { node: { assignee: null } }[] } }>(
      '{ viewer { staff { id } } }',
      {},
      token('LINE2'),
    );
    const me = (staff.data as unknown as { viewer: { staff: { id: string } } }).viewer.staff.id;
    const updated = await t.gql<{ updateTicket: Outcome & { ticket: Ticket & { assignee: { name: string } } } }>(
      'mutation ($input: UpdateTicketInput!) { updateTicket(input: $input) { ... on TicketPayload { ticket { priority assignee { name } } } ... on DomainError { code } } }',
      { input: { ticketId: ticket.id, assigneeId: me, priority: 'HIGH' } },
      token('HEAD'),
    );
    expect(updated.data?.updateTicket.ticket).toEqual({ priority: 'HIGH', assignee: { name: 'Пётр Второй' } });
    const audit = await t.database.db.auditEvent.findFirstOrThrow({
      where: { subjectId: dbId(ticket.id), action: 'ticket.edit' },
    });
    expect(audit.data).toMatchObject({ priority: { from: 'NORMAL', to: 'HIGH' } });

    const note = await t.gql(
      'mutation ($input: ReplyToTicketInput!) { replyToTicket(input: $input) { ... on TicketPayload { ticket { messages { body internal } } } } }',
      { input: { ticketId: ticket.id, body: 'Проверить логи', internal: true, idempotencyKey: 'note-0001' } },
      token('LINE2'),
    );
    expect(JSON.stringify(note.data)).toContain('"body":"Проверить логи","internal":true');
    expect((await act('updateTicket', { ticketId: ticket.id, priority: 'URGENT' }, 'ACCOUNTANT')).code).toContain(
      'FORBIDDEN',
    );
  });

  it('should let a stranger change nothing', async () => {
    const count = await t.database.db.ticket.count();
    for (const [mutation, input] of [
      ['submitTicket', '{ title: "x", description: "y", idempotencyKey: "stranger-0001" }'],
      ['rejectTicket', '{ ticketId: "VGlja2V0OnRlc3Q=", reason: "x" }'],
    ]) {
      const response = await t.gql(`mutation { ${mutation}(input: ${input}) { __typename } }`);
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await t.database.db.ticket.count()).toBe(count);
  });
});
