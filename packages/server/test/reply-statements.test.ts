import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { insertsInto, isCommit, readsFrom } from './support/sql-statements.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const submit = /* GraphQL */ `
  mutation ($input: SubmitTicketInput!) {
    submitTicket(input: $input) { ... on SubmitTicketPayload { ticketId } }
  }
`;
const reply = /* GraphQL */ `
  mutation ($input: ReplyToTicketInput!) {
    replyToTicket(input: $input) {
      __typename
      ... on TicketPayload { ticket { id displayNumber status } }
    }
  }
`;

describeEachDatabase('the statements a staff answer costs', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let ticketId: string;
  const statements: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(provider, { onQuery: (e) => statements.push(e.query) });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    const filed = await t.gql<{ submitTicket: { ticketId: string } }>(
      submit,
      {
        input: {
          siteKey: demo.siteKeys[0],
          title: 'Не грузится каталог',
          description: 'Белый экран',
          idempotencyKey: `reply-statements-${provider}`,
          visitorEmail: 'buyer@mail.example',
        },
      },
      undefined,
      { origin: 'https://flowers.example' },
    );
    ticketId = filed.data?.submitTicket.ticketId as string;
  });
  afterAll(() => t.close());

  const answer = (key: string, internal: boolean) =>
    t.gql<{ replyToTicket: { __typename: string } }>(
      reply,
      { input: { ticketId, body: 'Смотрим', internal, idempotencyKey: key } },
      demo.staff.find((member) => member.role === 'LINE1')?.token,
    );

  it('should write a public answer, its letter and the ticket in one transaction of writes, and not read the ticket back', async () => {
    statements.length = 0;
    expect((await answer(`public-${provider}`, false)).data?.replyToTicket.__typename).toBe('TicketPayload');
    const inserted = statements.findIndex(insertsInto('Message'));
    const committed = statements.findIndex(isCommit);
    expect(inserted).toBeGreaterThan(0);
    const insideTheTransaction = statements.slice(inserted, committed);
    expect(insideTheTransaction.every((sql) => /^(INSERT|UPDATE)\b/i.test(sql.trim()))).toBe(true);
    expect(insideTheTransaction.some(insertsInto('OutboxMail'))).toBe(true);
    expect(statements.slice(committed + 1).filter(readsFrom('Ticket'))).toHaveLength(0);
  });

  it('should write an internal note without any letter and not read the ticket back', async () => {
    statements.length = 0;
    expect((await answer(`note-${provider}`, true)).data?.replyToTicket.__typename).toBe('TicketPayload');
    expect(statements.some((sql) => /OutboxMail/.test(sql))).toBe(false);
    const committed = statements.findIndex(isCommit);
    expect(statements.slice(committed + 1).filter(readsFrom('Ticket'))).toHaveLength(0);
  });
});
