import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { memoryMailer } from '../src/mail/memory-mailer.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { signInContact } from './support/contact-sign-in.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const read = 'query ($id: ID!) { ticket(id: $id) { requester { kind name email authorized } clientReplied } }';
type Read = { ticket: { requester: unknown; clientReplied: boolean } | null };

/** What the console's queue row shows of a ticket: who asked, and whether the client wrote last. */
describeEachDatabase('the requester and the “client replied” flag', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const mailer = memoryMailer();
  const staff = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';

  beforeAll(async () => {
    t = await createTestApp(provider, { mailer });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
  });
  afterAll(() => t.close());

  let replies = 0;
  const reply = async (ticketId: string, body: string, token: string, internal = false) => {
    replies++;
    const answer = await t.gql<{ replyToTicket: { __typename: string } }>(
      'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename ... on DomainError { code } } }',
      { i: { ticketId, body, internal, idempotencyKey: `requester-reply-${replies}` } },
      token,
    );
    expect(answer.data?.replyToTicket.__typename).toBe('TicketPayload');
  };

  it('should show staff the contact who asked, and flag the ticket once the client answers a staff reply', async () => {
    const owner = await signInContact(t, mailer, 'owner@flowers.example');
    const filed = await t.gql<{ submitTicket: { ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { ticket { id } } } }',
      { i: { title: 'Поменять телефон', description: 'В шапке старый номер', idempotencyKey: 'requester-ticket-01' } },
      owner,
    );
    const id = filed.data?.submitTicket.ticket.id ?? '';
    const contact = await t.database.db.contact.findUniqueOrThrow({ where: { email: 'owner@flowers.example' } });
    const asStaff = async () => (await t.gql<Read>(read, { id }, staff('LINE1'))).data?.ticket;
    expect(await asStaff()).toEqual({
      requester: { kind: 'CONTACT', name: contact.name, email: contact.email, authorized: true },
      clientReplied: false,
    });
    await reply(id, 'Какой номер поставить?', staff('LINE1'));
    expect((await asStaff())?.clientReplied).toBe(false);
    await reply(id, '+7 900 000-00-00', owner);
    expect((await asStaff())?.clientReplied).toBe(true);
    // An internal note is not an answer to the client.
    await reply(id, 'Проверить и в подвале', staff('LINE1'), true);
    expect((await asStaff())?.clientReplied).toBe(true);
    await reply(id, 'Заменили', staff('LINE1'));
    expect((await asStaff())?.clientReplied).toBe(false);

    // The client reads its ticket, but not these staff fields.
    const asClient = await t.gql<Read>(read, { id }, owner);
    expect(asClient.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });

  it('should show a visitor as the requester, with the e-mail they left', async () => {
    const filed = await t.gql<{ submitTicket: { ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { ticket { id } } } }',
      {
        i: {
          siteKey: demo.siteKeys[0],
          title: 'Не грузятся фото',
          description: 'Пустая галерея',
          idempotencyKey: 'requester-ticket-02',
          visitorEmail: 'buyer@mail.example',
          visitorName: 'Вера',
        },
      },
      undefined,
      { origin: 'https://flowers.example' },
    );
    const id = filed.data?.submitTicket.ticket.id ?? '';
    expect((await t.gql<Read>(read, { id }, staff('HEAD'))).data?.ticket?.requester).toEqual({
      kind: 'VISITOR',
      name: 'Вера',
      email: 'buyer@mail.example',
      authorized: false,
    });
  });
});
