import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { memoryMailer } from '../src/mail/memory-mailer.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { signInContact } from './support/contact-sign-in.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const shop = 'https://flowers.example';
type Rejected = {
  rejectTicket: {
    ticket?: { status: string; rejectReasonCode: string; rejectReasonLabel: string };
    code?: string;
    field?: string;
  };
};
const rejectMutation = `mutation ($i: RejectTicketInput!) { rejectTicket(input: $i) {
  ... on TicketPayload { ticket { status rejectReasonCode rejectReasonLabel } } ... on DomainError { code field } } }`;

/** Rule 5: every refusal names its reason, shown to the client in its language and counted. */
describeEachDatabase('reasons of refusals', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const mailer = memoryMailer();
  const staff = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';
  let owner = '';
  let orgId = '';

  beforeAll(async () => {
    // Mid-month in Moscow, so that the month's statistics hold every refusal of the test.
    t = await createTestApp(provider, { mailer, now: () => new Date('2026-12-10T10:00:00Z') });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    owner = await signInContact(t, mailer, 'owner@flowers.example');
    const contact = await t.database.db.contact.findUniqueOrThrow({ where: { email: 'owner@flowers.example' } });
    orgId = Buffer.from(`Organization:${contact.organizationId}`).toString('base64');
  });
  afterAll(() => t.close());

  const file = async (title: string, key: string) => {
    const filed = await t.gql<{ submitTicket: { ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { ticket { id } } } }',
      { i: { title, description: 'Подробности', idempotencyKey: key } },
      owner,
    );
    return filed.data?.submitTicket.ticket.id ?? '';
  };
  const reject = (input: Record<string, unknown>, token = staff('LINE1'), headers: Record<string, string> = {}) =>
    t.gql<Rejected>(rejectMutation, { i: input }, token, headers);

  it('should record the reason staff name and show it to the client in its language', async () => {
    const ticketId = await file('Сделайте нам CRM', 'reasons-scope');
    const answer = await reject({ ticketId, reason: 'CRM не входит в поддержку сайта', reasonCode: 'OUT_OF_SCOPE' });
    expect(answer.data?.rejectTicket.ticket).toMatchObject({ status: 'REJECTED', rejectReasonCode: 'OUT_OF_SCOPE' });
    const read = (language: string) =>
      t.gql<{ ticket: { rejectReasonLabel: string; rejectReason: string } }>(
        'query ($id: ID!) { ticket(id: $id) { rejectReasonLabel rejectReason } }',
        { id: ticketId },
        owner,
        { 'accept-language': language },
      );
    expect((await read('ru')).data?.ticket).toEqual({
      rejectReasonLabel: 'Вне рамок договора поддержки',
      rejectReason: 'CRM не входит в поддержку сайта',
    });
    expect((await read('en')).data?.ticket.rejectReasonLabel).toBe('Outside the support contract');
  });

  it('should take a duplicate only with the ticket it repeats, and default to DUPLICATE or OTHER', async () => {
    const original = await file('Не работает корзина', 'reasons-original');
    const repeat = await file('Корзина не работает', 'reasons-repeat');
    const refused = await reject({ ticketId: repeat, reason: 'Повтор', reasonCode: 'DUPLICATE' });
    expect(refused.data?.rejectTicket).toEqual({ code: 'INVALID_INPUT', field: 'duplicateOf' });
    const still = await t.gql<{ ticket: { status: string } }>(
      'query ($id: ID!) { ticket(id: $id) { status } }',
      { id: repeat },
      owner,
    );
    expect(still.data?.ticket.status).toBe('NEW');
    const linked = await reject({ ticketId: repeat, reason: 'Повтор', duplicateOf: original });
    expect(linked.data?.rejectTicket.ticket?.rejectReasonCode).toBe('DUPLICATE');
    const other = await file('Просто так', 'reasons-other');
    expect(
      (await reject({ ticketId: other, reason: 'Не по адресу' })).data?.rejectTicket.ticket?.rejectReasonCode,
    ).toBe('OTHER');
  });

  it('should cite the article that already answers the question as a link in the refusal', async () => {
    const created = await t.gql<{ createArticle: { id: string } }>(
      'mutation ($i: ArticleInput!) { createArticle(input: $i) { ... on Article { id } } }',
      {
        i: {
          title: 'Как сменить баннер',
          body: 'Настройки → Баннеры → Загрузить.',
          locale: 'ru',
          visibility: 'PUBLIC',
        },
      },
      staff('LINE2'),
    );
    const articleId = created.data?.createArticle.id ?? '';
    await t.gql('mutation ($id: ID!) { publishArticle(id: $id) { __typename } }', { id: articleId }, staff('LINE2'));
    const ticketId = await file('Как сменить баннер?', 'reasons-answered');
    const answer = await reject({ ticketId, reason: 'Ответ есть в статье', reasonCode: 'ALREADY_ANSWERED', articleId });
    expect(answer.data?.rejectTicket.ticket?.rejectReasonCode).toBe('ALREADY_ANSWERED');
    const thread = await t.gql<{
      ticket: { messages: { body: string; citedArticles: { articleId: string; title: string }[] }[] };
    }>(
      'query ($id: ID!) { ticket(id: $id) { messages { body citedArticles { articleId title } } } }',
      { id: ticketId },
      owner,
    );
    const refusal = thread.data?.ticket.messages.find((m) => m.body === 'Ответ есть в статье');
    expect(refusal?.citedArticles).toEqual([{ articleId, title: 'Как сменить баннер' }]);
  });

  it('should record a client withdrawal as WITHDRAWN whatever code it sends, and count every reason of the month', async () => {
    const filed = await t.gql<{ submitTicket: { accessToken: string; ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { accessToken ticket { id } } } }',
      {
        i: {
          siteKey: demo.siteKeys[0],
          title: 'Уже не нужно',
          description: 'Сами решили',
          idempotencyKey: 'reasons-visitor',
        },
      },
      undefined,
      { origin: shop },
    );
    const { accessToken, ticket } = filed.data?.submitTicket ?? { accessToken: '', ticket: { id: '' } };
    const withdrawn = await reject({ ticketId: ticket.id, reason: 'Отзываю', reasonCode: 'OFFENSIVE' }, accessToken, {
      origin: shop,
    });
    expect(withdrawn.data?.rejectTicket.ticket?.rejectReasonCode).toBe('WITHDRAWN');

    const month = '2026-12';
    const stats = await t.gql<{ organizationStatistics: { rejections: { reason: string; count: number }[] } }>(
      'query ($o: ID!, $m: String!) { organizationStatistics(organizationId: $o, month: $m) { rejections { reason count } } }',
      { o: orgId, m: month },
      owner,
    );
    expect(stats.data?.organizationStatistics.rejections).toEqual([
      { reason: 'ALREADY_ANSWERED', count: 1 },
      { reason: 'DUPLICATE', count: 1 },
      { reason: 'OTHER', count: 1 },
      { reason: 'OUT_OF_SCOPE', count: 1 },
      { reason: 'WITHDRAWN', count: 1 },
    ]);
  });
});
