import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const shop = 'https://flowers.example';

/** Rule 6: every update of a ticket tells its client, a visitor who left an e-mail included. */
describeEachDatabase('letters to a visitor who left an e-mail', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const staff = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';

  beforeAll(async () => {
    t = await createTestApp(provider);
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
  });
  afterAll(() => t.close());

  it('should tell the visitor of a staff reply, of the work starting and of the resolution, but not of internal notes or their own reply', async () => {
    const address = 'visitor@mail.example';
    const filed = await t.gql<{ submitTicket: { accessToken: string; ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { accessToken ticket { id } } } }',
      {
        i: {
          siteKey: demo.siteKeys[0],
          title: 'Не работает корзина',
          description: 'Кнопка не нажимается',
          idempotencyKey: 'visitor-letters-01',
          visitorEmail: address,
        },
      },
      undefined,
      { origin: shop },
    );
    const { accessToken, ticket } = filed.data?.submitTicket ?? { accessToken: '', ticket: { id: '' } };
    const kinds = async () =>
      (await t.database.db.outboxMail.findMany({ where: { to: address }, orderBy: { createdAt: 'asc' } })).map(
        (letter) => letter.kind,
      );
    expect(await kinds()).toEqual(['RECEIVED']);

    const reply = (body: string, token: string, extra: Record<string, unknown> = {}, headers = {}) =>
      t.gql<{ replyToTicket: { __typename: string } }>(
        'mutation ($i: ReplyToTicketInput!) { replyToTicket(input: $i) { __typename } }',
        {
          i: {
            ticketId: ticket.id,
            body,
            idempotencyKey: `visitor-letters-${body.length}-${token.slice(-4)}`,
            ...extra,
          },
        },
        token,
        headers,
      );
    expect((await reply('Проверим сегодня.', staff('LINE1'))).data?.replyToTicket.__typename).toBe('TicketPayload');
    expect(await kinds()).toEqual(['RECEIVED', 'STAFF_REPLY']);
    await reply('Похоже на кэш CDN', staff('LINE1'), { internal: true });
    expect(await kinds()).toEqual(['RECEIVED', 'STAFF_REPLY']);
    await reply('Спасибо, жду', accessToken, {}, { origin: shop });
    expect(await kinds()).toEqual(['RECEIVED', 'STAFF_REPLY']);

    const move = (mutation: string, inputType: string, input: Record<string, unknown>) =>
      t.gql(
        `mutation ($i: ${inputType}!) { ${mutation}(input: $i) { __typename } }`,
        { i: { ticketId: ticket.id, ...input } },
        staff('LINE2'),
      );
    await move('startTicket', 'StartTicketInput', {});
    await move('resolveTicket', 'ResolveTicketInput', { report: 'Починили кнопку' });
    const letters = await kinds();
    expect(letters.slice(0, 2)).toEqual(['RECEIVED', 'STAFF_REPLY']);
    expect(letters.slice(2)).toEqual(['STATUS_CHANGED', 'RESOLVED']);
    const resolved = await t.database.db.outboxMail.findFirstOrThrow({ where: { to: address, kind: 'RESOLVED' } });
    expect(resolved.text).toContain('Починили кнопку');
    expect(resolved.text).not.toContain('Похоже на кэш CDN');
  });
});
