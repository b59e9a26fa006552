import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const submit = /* GraphQL */ `
  mutation ($input: SubmitTicketInput!) {
    submitTicket(input: $input) { __typename ... on SubmitTicketPayload { created ticket { id displayNumber } } }
  }
`;

describeEachDatabase('the statements a visitor’s report costs', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const statements: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(provider, { onQuery: (e) => statements.push(e.query) });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
  });
  afterAll(() => t.close());

  const report = (key: string) =>
    t.gql<{ submitTicket: { created: boolean } }>(
      submit,
      {
        input: {
          siteKey: demo.siteKeys[0],
          title: 'Корзина не открывается',
          description: 'Пустая страница после «В корзину»',
          idempotencyKey: key,
          visitorEmail: 'buyer@mail.example',
        },
      },
      undefined,
      { origin: 'https://flowers.example' },
    );

  it('should file a visitor’s report, with its letter, reading the studio’s settings once and the new ticket no more than Prisma does', async () => {
    await report(`statements-${provider}-warm`); // the allowed origins and the calendar are read once per process
    statements.length = 0;
    const answer = await report(`statements-${provider}-1`);
    expect(answer.data?.submitTicket.created).toBe(true);

    const settingsReads = statements.filter((sql) => /^SELECT/i.test(sql.trim()) && /\bStudioSettings\b/.test(sql));
    expect(settingsReads).toHaveLength(1);
    expect(statements.filter((sql) => /^SELECT/i.test(sql.trim()) && /\bOrganization\b/.test(sql))).toHaveLength(0);
    // 26 before the SLA context read the settings once, the site's organization was trusted and
    // the letter was written from the ticket just created; the figure may only go down.
    expect(statements.length).toBeLessThanOrEqual(19);
  });
});
