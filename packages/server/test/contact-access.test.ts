import { acceptDueTickets } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { memoryMailer } from '../src/mail/memory-mailer.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { signInContact } from './support/contact-sign-in.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

type Outcome = {
  code?: string;
  ticket?: { id: string; status: string; priority: string; paid: boolean; needsAuthorization: boolean };
};
const fields =
  '... on TicketPayload { ticket { id status priority paid needsAuthorization } } ... on DomainError { code }';

describeEachDatabase('client contacts', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const mailer = memoryMailer();
  const staff = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';

  beforeAll(async () => {
    t = await createTestApp(provider, { mailer });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
  });
  afterAll(() => t.close());

  const signIn = (email: string) => signInContact(t, mailer, email);

  const act = async (token: string, mutation: string, inputType: string, input: Record<string, unknown>) =>
    ((
      await t.gql<Record<string, Outcome>>(
        `mutation ($i: ${inputType}!) { ${mutation}(input: $i) { ${fields} } }`,
        { i: input },
        token,
      )
    ).data?.[mutation] ?? {}) as Outcome;

  it('should sign a contact in with an e-mailed code, in the contact’s language, and out again', async () => {
    const token = await signIn('Owner@Flowers.example ');
    expect(token).toMatch(/^cds_/);
    expect(mailer.sent.at(-1)).toMatchObject({
      to: 'owner@flowers.example',
      subject: expect.stringMatching(/^Код для входа: \d{6}$/),
    });
    const viewer = await t.gql<{ viewer: { kind: string; contact: { name: string; organization: { name: string } } } }>(
      '{ viewer { kind contact { name organization { name } } } }',
      {},
      token,
    );
    expect(viewer.data?.viewer).toEqual({
      kind: 'CONTACT',
      contact: { name: 'Елена Цветкова', organization: { name: 'ООО «Цветочная лавка»' } },
    });
    expect((await signIn('owner@bikes.example')) && mailer.sent.at(-1)?.subject).toMatch(/^Your sign-in code: \d{6}$/);

    await t.gql('mutation { signOut { signedOut } }', {}, token);
    expect((await t.gql('{ tickets { edges { node { id } } } }', {}, token)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('should not tell whether an address is known, and refuse a wrong code, and every code after five wrong tries', async () => {
    const sent = mailer.sent.length;
    const unknown = await t.gql<{ requestSignInCode: { sent: boolean } }>(
      'mutation { requestSignInCode(input: { email: "stranger@nowhere.example" }) { ... on SignInCodePayload { sent } } }',
    );
    expect(unknown.data?.requestSignInCode.sent).toBe(true);
    expect(mailer.sent.length).toBe(sent);

    await t.gql('mutation { requestSignInCode(input: { email: "manager@flowers.example" }) { __typename } }');
    const code = mailer.sent.at(-1)?.subject.match(/\d{6}/)?.[0] ?? '';
    const wrong = code === '000000' ? '111111' : '000000';
    const attempt = async (value: string) =>
      (
        await t.gql<{ signIn: { code?: string; token?: string } }>(
          'mutation ($i: SignInInput!) { signIn(input: $i) { ... on SessionPayload { token } ... on DomainError { code } } }',
          { i: { email: 'manager@flowers.example', code: value } },
        )
      ).data?.signIn;
    for (let i = 0; i < 5; i++) expect(await attempt(wrong)).toEqual({ code: 'INVALID_CODE' });
    expect(await attempt(code)).toEqual({ code: 'INVALID_CODE' });
  });

  it('should show a contact its organization’s tickets only', async () => {
    const flowers = await signIn('owner@flowers.example');
    const bikes = await signIn('owner@bikes.example');
    const list = async (token: string) =>
      (
        await t.gql<{ tickets: { edges: { node: { organization: { name: string } } }[] } }>(
          '{ tickets(first: 50) { edges { node { organization { name } } } } }',
          {},
          token,
        )
      ).data?.tickets.edges.map((e) => e.node.organization.name);
    expect(new Set(await list(flowers))).toEqual(new Set(['ООО «Цветочная лавка»']));
    expect(new Set(await list(bikes))).toEqual(new Set(['Bike Rental Ltd']));
    const bikeTicket = await t.database.db.ticket.findFirstOrThrow({
      where: { organization: { name: 'Bike Rental Ltd' } },
    });
    const id = Buffer.from(`Ticket:${bikeTicket.id}`).toString('base64');
    expect(
      (await t.gql<{ ticket: null }>('query ($id: ID!) { ticket(id: $id) { title } }', { id }, flowers)).data?.ticket,
    ).toBeNull();
    expect(await act(flowers, 'rejectTicket', 'RejectTicketInput', { ticketId: id, reason: 'not mine' })).toEqual({
      code: 'NOT_FOUND',
    });
    expect(
      (await t.gql('{ organizations { edges { node { name } } } }', {}, flowers)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('should file an unauthorized contact’s ticket at normal priority, free, and flagged for staff', async () => {
    // A new code works after the five wrong tries of the test before: the lock is per code.
    const fresh = await signIn('manager@flowers.example');
    const response = await t.gql<{ submitTicket: { ticket: Outcome['ticket'] } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { ticket { id status priority paid needsAuthorization } } } }',
      {
        i: {
          title: 'Срочно поменять баннер',
          description: 'Сегодня',
          priority: 'IMMEDIATE',
          paid: true,
          idempotencyKey: 'manager-key-01',
        },
      },
      fresh,
    );
    expect(response.data?.submitTicket.ticket).toMatchObject({
      priority: 'NORMAL',
      paid: false,
      needsAuthorization: true,
    });
  });

  it('should run the typical paid scenario from NEW to PAID with the authorized contact and staff', async () => {
    const client = await signIn('owner@flowers.example');
    const submitted = await t.gql<{
      submitTicket: { ticket: { id: string; priority: string; paid: boolean; needsAuthorization: boolean } };
    }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { ticket { id priority paid needsAuthorization } } } }',
      {
        i: {
          title: 'Раздел «Отзывы»',
          description: 'Нужен новый раздел',
          priority: 'HIGH',
          paid: true,
          idempotencyKey: 'owner-paid-001',
        },
      },
      client,
    );
    const ticket = submitted.data?.submitTicket.ticket;
    expect(ticket).toMatchObject({ priority: 'HIGH', paid: true, needsAuthorization: false });
    const ticketId = ticket?.id;

    expect((await act(staff('LINE2'), 'startTicket', 'StartTicketInput', { ticketId })).code).toBe(
      'ESTIMATE_NOT_CONFIRMED',
    );
    expect(
      (
        await act(staff('LINE2'), 'requestFeedback', 'RequestFeedbackInput', {
          ticketId,
          question: 'Оценка: 6 часов, 4 800 ₽',
          estimateKopecks: 480_000,
        })
      ).ticket?.status,
    ).toBe('FEEDBACK');
    expect((await act(client, 'confirmEstimate', 'TicketOnlyInput', { ticketId })).ticket?.status).toBe('NEW');
    expect((await act(staff('LINE2'), 'startTicket', 'StartTicketInput', { ticketId })).ticket?.status).toBe(
      'IN_PROGRESS',
    );
    expect(
      (await act(staff('LINE2'), 'resolveTicket', 'ResolveTicketInput', { ticketId, report: 'Раздел готов' })).ticket
        ?.status,
    ).toBe('RESOLVED');
    expect((await act(client, 'acceptTicket', 'TicketOnlyInput', { ticketId })).ticket?.status).toBe('ACCEPTED');
    const byClient = await t.gql(
      'mutation ($i: TicketOnlyInput!) { confirmPayment(input: $i) { __typename } }',
      { i: { ticketId } },
      client,
    );
    expect(byClient.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await act(staff('ACCOUNTANT'), 'confirmPayment', 'TicketOnlyInput', { ticketId })).ticket?.status).toBe(
      'PAID',
    );
    const reply = await t.gql<{ replyToTicket: { code?: string } }>(
      'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { ... on DomainError { code } } }',
      { i: { ticketId, body: 'Спасибо!', idempotencyKey: 'owner-late-01' } },
      client,
    );
    expect(reply.data?.replyToTicket.code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('should let no paid work be finished, accepted or auto-accepted before the client confirms its estimate', async () => {
    const client = await signIn('owner@flowers.example');
    const submitted = await t.gql<{ submitTicket: { ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { ticket { id } } } }',
      { i: { title: 'Раздел «Блог»', description: 'Нужен блог', paid: true, idempotencyKey: 'owner-paid-unagreed' } },
      client,
    );
    const ticketId = submitted.data?.submitTicket.ticket.id ?? '';
    const rowId = Buffer.from(ticketId, 'base64').toString().split(':')[1] ?? '';
    const resolve = () => act(staff('LINE2'), 'resolveTicket', 'ResolveTicketInput', { ticketId, report: 'Готово' });
    // NEW → RESOLVED skipping IN_PROGRESS: refused, no estimate was agreed.
    expect((await resolve()).code).toBe('ESTIMATE_NOT_CONFIRMED');
    const asked = await act(staff('LINE2'), 'requestFeedback', 'RequestFeedbackInput', {
      ticketId,
      question: 'Оценка: 3 часа, 2 400 ₽',
      estimateKopecks: 240_000,
    });
    expect(asked.ticket?.status).toBe('FEEDBACK');
    expect((await resolve()).code).toBe('ESTIMATE_NOT_CONFIRMED');

    // A free question waiting in FEEDBACK at the same time, due for acceptance too.
    const free = await t.gql<{ submitTicket: { ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { ticket { id } } } }',
      { i: { title: 'Вопрос по форме', description: 'Как поменять текст?', idempotencyKey: 'owner-free-silent' } },
      client,
    );
    const freeId = free.data?.submitTicket.ticket.id ?? '';
    await act(staff('LINE1'), 'requestFeedback', 'RequestFeedbackInput', { ticketId: freeId, question: 'Какой?' });

    // The client stays silent for 8 days: the auto-accept job runs.
    await acceptDueTickets(t.database.db, t.app.events, new Date(Date.now() + 8 * 86_400_000));
    const paid = await t.database.db.ticket.findUniqueOrThrow({ where: { id: rowId } });
    expect(paid).toMatchObject({ status: 'FEEDBACK', autoAcceptAt: null, acceptedAt: null });
    expect(await t.database.db.invoice.count({ where: { key: `ticket:${rowId}` } })).toBe(0);
    const freeRow = Buffer.from(freeId, 'base64').toString().split(':')[1] ?? '';
    expect((await t.database.db.ticket.findUniqueOrThrow({ where: { id: freeRow } })).status).toBe('ACCEPTED');
    // Staff are told why in an internal note; the client does not see it.
    const thread = (token: string) =>
      t.gql<{ ticket: { messages: { body: string; internal: boolean }[] } }>(
        'query ($id: ID!) { ticket(id: $id) { messages { body internal } } }',
        { id: ticketId },
        token,
      );
    const staffThread = (await thread(staff('LINE2'))).data?.ticket.messages ?? [];
    expect(staffThread.find((m) => m.body.includes('не принята автоматически'))).toMatchObject({ internal: true });
    const clientThread = (await thread(client)).data?.ticket.messages ?? [];
    expect(clientThread.some((m) => m.body.includes('не принята автоматически'))).toBe(false);
  });

  it('should let an authorized contact authorize a colleague, who may then accept work', async () => {
    const owner = await signIn('owner@flowers.example');
    const manager = await signIn('manager@flowers.example');
    // Work of the shop's, done and waiting for acceptance.
    const filed = await t.gql<{ submitTicket: { ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { ticket { id } } } }',
      { i: { title: 'Поменять баннер', description: 'Новый баннер к 8 марта', idempotencyKey: 'manager-accepts-01' } },
      owner,
    );
    const ticketId = filed.data?.submitTicket.ticket.id ?? '';
    const done = await act(staff('LINE1'), 'resolveTicket', 'ResolveTicketInput', {
      ticketId,
      report: 'Баннер на месте',
    });
    expect(done.ticket?.status).toBe('RESOLVED');
    const accept = () => act(manager, 'acceptTicket', 'TicketOnlyInput', { ticketId });
    expect((await accept()).code).toBe('ACTOR_NOT_ALLOWED');
    const refused = await t.gql<{ authorizeContact: { code?: string } }>(
      'mutation { authorizeContact(input: { email: "owner@flowers.example" }) { ... on DomainError { code } } }',
      {},
      manager,
    );
    expect(refused.data?.authorizeContact.code).toBe('ACTOR_NOT_ALLOWED');
    const granted = await t.gql<{ authorizeContact: { contact: { authorized: boolean } } }>(
      'mutation { authorizeContact(input: { email: "manager@flowers.example" }) { ... on ContactPayload { contact { authorized } } } }',
      {},
      owner,
    );
    expect(granted.data?.authorizeContact.contact.authorized).toBe(true);
    // The colleague, in the session they already had, may now accept the work.
    expect((await accept()).ticket?.status).toBe('ACCEPTED');
    const other = await t.gql<{ authorizeContact: { code?: string } }>(
      'mutation { authorizeContact(input: { email: "owner@bikes.example" }) { ... on DomainError { code } } }',
      {},
      owner,
    );
    expect(other.data?.authorizeContact.code).toBe('INVALID_INPUT');
    const newcomer = await t.gql<{ authorizeContact: { contact: { email: string; authorized: boolean } } }>(
      'mutation { authorizeContact(input: { email: "new@flowers.example", name: "Новый Сотрудник" }) { ... on ContactPayload { contact { email authorized } } } }',
      {},
      owner,
    );
    expect(newcomer.data?.authorizeContact.contact).toEqual({ email: 'new@flowers.example', authorized: true });
  });
});
