import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { memoryMailer } from '../src/mail/memory-mailer.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { signInContact } from './support/contact-sign-in.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

type Split = { splitTicket: { created?: boolean; ticket?: { id: string; displayNumber: string }; code?: string } };
const split = `mutation ($i: SplitTicketInput!) { splitTicket(input: $i) {
  ... on SplitTicketPayload { created ticket { id displayNumber } } ... on DomainError { code } } }`;

/** Rule 3, one task a ticket: staff split a message asking for something else into its own ticket. */
describeEachDatabase('splitting a ticket', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const mailer = memoryMailer();
  const staff = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';
  let owner = '';

  beforeAll(async () => {
    t = await createTestApp(provider, { mailer });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    owner = await signInContact(t, mailer, 'owner@flowers.example');
  });
  afterAll(() => t.close());

  it('should file the other task for the same client and requester, at the original’s priority, linked both ways', async () => {
    const filed = await t.gql<{ submitTicket: { ticket: { id: string; displayNumber: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { ticket { id displayNumber } } } }',
      {
        i: {
          title: 'Не работает поиск',
          description: 'Поиск ничего не находит',
          priority: 'HIGH',
          idempotencyKey: 'split-01',
        },
      },
      owner,
    );
    const original = filed.data?.submitTicket.ticket ?? { id: '', displayNumber: '' };
    await t.gql(
      'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename } }',
      {
        i: {
          ticketId: original.id,
          body: 'И ещё: поменяйте телефон в шапке на +7 900 000-00-00',
          idempotencyKey: 'split-01-r',
        },
      },
      owner,
    );
    const thread = await t.gql<{ ticket: { messages: { id: string; body: string }[] } }>(
      'query ($id: ID!) { ticket(id: $id) { messages { id body } } }',
      { id: original.id },
      staff('LINE1'),
    );
    const message = thread.data?.ticket.messages.find((m) => m.body.startsWith('И ещё'));
    const answer = await t.gql<Split>(
      split,
      { i: { ticketId: original.id, messageId: message?.id, title: 'Сменить телефон в шапке' } },
      staff('LINE1'),
    );
    expect(answer.data?.splitTicket.created).toBe(true);
    const created = answer.data?.splitTicket.ticket ?? { id: '', displayNumber: '' };

    const read = await t.gql<{
      ticket: {
        title: string;
        description: string;
        priority: string;
        splitFrom: { id: string } | null;
      };
    }>(
      'query ($id: ID!) { ticket(id: $id) { title description priority splitFrom { id } } }',
      { id: created.id },
      owner,
    );
    expect(read.data?.ticket).toEqual({
      title: 'Сменить телефон в шапке',
      description: 'И ещё: поменяйте телефон в шапке на +7 900 000-00-00',
      priority: 'HIGH',
      splitFrom: { id: original.id },
    });
    // The same requester: the contact who wrote both tasks.
    const rows = await t.database.db.ticket.findMany({
      where: {
        id: { in: [original.id, created.id].map((g) => Buffer.from(g, 'base64').toString().split(':')[1] ?? '') },
      },
      select: { contactId: true, organizationId: true },
    });
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => `${r.contactId}:${r.organizationId}`)).size).toBe(1);
    const back = await t.gql<{ ticket: { splitInto: { id: string }[]; messages: { body: string }[] } }>(
      'query ($id: ID!) { ticket(id: $id) { splitInto { id } messages { body } } }',
      { id: original.id },
      owner,
    );
    expect(back.data?.ticket.splitInto).toEqual([{ id: created.id }]);
    expect(back.data?.ticket.messages.at(-1)?.body).toContain(created.displayNumber);
    // The requester hears of the new ticket as of any other.
    const newRow = Buffer.from(created.id, 'base64').toString().split(':')[1] ?? '';
    expect(
      await t.database.db.outboxMail.count({
        where: { kind: 'RECEIVED', to: 'owner@flowers.example', ticketId: newRow },
      }),
    ).toBe(1);

    // The same split again files nothing more.
    const again = await t.gql<Split>(
      split,
      { i: { ticketId: original.id, messageId: message?.id, title: 'Сменить телефон в шапке' } },
      staff('LINE1'),
    );
    expect(again.data?.splitTicket).toEqual({ created: false, ticket: created });
  });

  it('should let only staff split, and show a stranger nothing of either ticket', async () => {
    const ticket = await t.database.db.ticket.findFirstOrThrow({
      where: { idempotencyKey: { endsWith: ':split-01' } },
    });
    const id = Buffer.from(`Ticket:${ticket.id}`).toString('base64');
    const byClient = await t.gql<Split>(split, { i: { ticketId: id, title: 'x', description: 'y' } }, owner);
    expect(byClient.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const stranger = await signInContact(t, mailer, 'owner@bikes.example');
    const seen = await t.gql<{ ticket: unknown }>(
      'query ($id: ID!) { ticket(id: $id) { splitInto { id } } }',
      { id },
      stranger,
    );
    expect(seen.data?.ticket ?? null).toBeNull();
    const empty = await t.gql<Split>(split, { i: { ticketId: id, title: 'Без текста' } }, staff('LINE1'));
    expect(empty.data?.splitTicket.code).toBe('INVALID_INPUT');
  });
});
