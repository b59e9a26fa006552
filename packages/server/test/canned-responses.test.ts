import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { memoryMailer } from '../src/mail/memory-mailer.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { signInContact } from './support/contact-sign-in.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

type Saved = {
  createCannedResponse: {
    cannedResponse?: { id: string; shared: boolean };
    code?: string;
    field?: string;
    detail?: string;
  };
};
const create = `mutation ($i: CreateCannedResponseInput!) { createCannedResponse(input: $i) {
  ... on CannedResponsePayload { cannedResponse { id shared } } ... on DomainError { code field detail } } }`;
const update = `mutation ($i: UpdateCannedResponseInput!) { updateCannedResponse(input: $i) {
  __typename ... on DomainError { code field } } }`;

/** Canned responses: shared and personal reply templates, filled in for a ticket. */
describeEachDatabase('canned responses and saved queue views', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const mailer = memoryMailer();
  const staff = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';
  let ticketId = '';
  let ticketNumber = '';

  beforeAll(async () => {
    t = await createTestApp(provider, { mailer });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    const owner = await signInContact(t, mailer, 'owner@flowers.example');
    const filed = await t.gql<{ submitTicket: { ticket: { id: string; displayNumber: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { ticket { id displayNumber } } } }',
      { i: { title: 'Не открывается корзина', description: 'Белый экран', idempotencyKey: 'canned-ticket-0001' } },
      owner,
    );
    ticketId = filed.data?.submitTicket.ticket.id ?? '';
    ticketNumber = filed.data?.submitTicket.ticket.displayNumber ?? '';
  });
  afterAll(() => t.close());

  const textFor = async (id: string, token: string) =>
    (
      await t.gql<{ node: { text: string } | null }>(
        'query ($id: ID!, $t: ID!) { node(id: $id) { ... on CannedResponse { text(ticketId: $t) } } }',
        { id, t: ticketId },
        token,
      )
    ).data?.node?.text;

  it('should fill a specialist’s own response in for the ticket: number, requester, organization and the specialist', async () => {
    const saved = await t.gql<Saved>(
      create,
      {
        i: {
          name: 'Взяли в работу',
          locale: 'ru',
          body: 'Здравствуйте, {{requester.name | коллеги}}! Заявка {{ticket.number}} ({{organization.name}}) в работе. {{staff.name}}',
        },
      },
      staff('LINE1'),
    );
    const response = saved.data?.createCannedResponse.cannedResponse;
    expect(response?.shared).toBe(false);
    const contact = await t.database.db.contact.findUniqueOrThrow({
      where: { email: 'owner@flowers.example' },
      include: { organization: true },
    });
    const line1 = await t.database.db.staffMember.findFirstOrThrow({ where: { role: 'LINE1' } });
    expect(await textFor(response?.id ?? '', staff('LINE1'))).toBe(
      `Здравствуйте, ${contact.name}! Заявка ${ticketNumber} (${contact.organization.name}) в работе. ${line1.name}`,
    );
    // Personal: another specialist neither lists nor reads nor changes it.
    const listed = await t.gql<{ cannedResponses: { name: string }[] }>(
      '{ cannedResponses { name } }',
      {},
      staff('LINE2'),
    );
    expect(listed.data?.cannedResponses.map((r) => r.name)).not.toContain('Взяли в работу');
    expect(await textFor(response?.id ?? '', staff('LINE2'))).toBeUndefined();
    expect((await t.gql(update, { i: { id: response?.id, body: 'чужое' } }, staff('LINE2'))).data).toEqual({
      updateCannedResponse: { __typename: 'DomainError', code: 'NOT_FOUND', field: 'id' },
    });
  });

  it('should refuse an unknown placeholder, naming it, and save nothing', async () => {
    const before = await t.database.db.cannedResponse.count();
    const refused = await t.gql<Saved>(
      create,
      { i: { name: 'Опечатка', locale: 'ru', body: 'Заявка {{ticket.numbr}}' } },
      staff('LINE1'),
      { 'accept-language': 'en' },
    );
    expect(refused.data?.createCannedResponse).toMatchObject({ code: 'INVALID_INPUT', field: 'body' });
    expect(refused.data?.createCannedResponse.detail).toContain('{{ticket.numbr}}');
    expect(await t.database.db.cannedResponse.count()).toBe(before);
  });

  it('should let only the head of support and admins share a response, and every answerer use it', async () => {
    const byLine1 = await t.gql<Saved>(
      create,
      { i: { name: 'Готово', locale: 'en', body: 'Done: {{ticket.number}}', shared: true } },
      staff('LINE1'),
    );
    expect(byLine1.data?.createCannedResponse.code).toBe('ACTOR_NOT_ALLOWED');
    const byHead = await t.gql<Saved>(
      create,
      { i: { name: 'Готово', locale: 'en', body: 'Done: {{ticket.number}}. {{studio.name}}', shared: true } },
      staff('HEAD'),
    );
    const shared = byHead.data?.createCannedResponse.cannedResponse;
    expect(shared?.shared).toBe(true);
    const studio = await t.database.db.studioSettings.findUniqueOrThrow({ where: { id: 'studio' } });
    expect(await textFor(shared?.id ?? '', staff('LINE2'))).toBe(`Done: ${ticketNumber}. ${studio.name}`);
    expect((await t.gql(update, { i: { id: shared?.id, body: 'Mine now' } }, staff('LINE2'))).data).toEqual({
      updateCannedResponse: { __typename: 'DomainError', code: 'ACTOR_NOT_ALLOWED', field: 'id' },
    });
    // The same name twice in one language is refused; clients and strangers see none.
    const twice = await t.gql<Saved>(
      create,
      { i: { name: 'Готово', locale: 'en', body: 'x', shared: true } },
      staff('ADMIN'),
    );
    expect(twice.data?.createCannedResponse).toMatchObject({ code: 'INVALID_INPUT', field: 'name' });
    const owner = await signInContact(t, mailer, 'owner@flowers.example');
    expect((await t.gql('{ cannedResponses { name } }', {}, owner)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await textFor(shared?.id ?? '', owner)).toBeUndefined();
  });

  it('should keep a staff member’s saved queue views to themselves and replace one saved again under its name', async () => {
    const save = (name: string, filter: Record<string, unknown>, token: string) =>
      t.gql<{ saveQueueView: { queueView: { id: string } } }>(
        `mutation ($i: SaveQueueViewInput!) { saveQueueView(input: $i) { ... on QueueViewPayload { queueView { id } } } }`,
        { i: { name, filter, order: 'DUE_SOONEST' } },
        token,
      );
    const org = await t.database.db.organization.findFirstOrThrow();
    const orgId = Buffer.from(`Organization:${org.id}`).toString('base64');
    await save('Срочное', { priorities: ['CRITICAL'], unassigned: true }, staff('LINE1'));
    const again = await save('Срочное', { organizationId: orgId, statuses: ['NEW'] }, staff('LINE1'));
    const views = await t.gql<{ queueViews: unknown[] }>(
      '{ queueViews { name order filter { statuses priorities organizationId unassigned } } }',
      {},
      staff('LINE1'),
    );
    expect(views.data?.queueViews).toEqual([
      {
        name: 'Срочное',
        order: 'DUE_SOONEST',
        filter: { statuses: ['NEW'], priorities: null, organizationId: orgId, unassigned: null },
      },
    ]);
    expect(
      (await t.gql<{ queueViews: unknown[] }>('{ queueViews { name } }', {}, staff('LINE2'))).data?.queueViews,
    ).toEqual([]);
    const id = again.data?.saveQueueView.queueView.id;
    const remove =
      'mutation ($id: ID!) { deleteQueueView(input: { id: $id }) { __typename ... on DomainError { code } } }';
    expect((await t.gql(remove, { id }, staff('LINE2'))).data).toEqual({
      deleteQueueView: { __typename: 'DomainError', code: 'NOT_FOUND' },
    });
    expect((await t.gql(remove, { id }, staff('LINE1'))).data).toEqual({
      deleteQueueView: { __typename: 'DeleteQueueViewPayload' },
    });
  });
});
