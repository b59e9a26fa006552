import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { insertsInto, readsFrom } from './support/sql-statements.ts';
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
    // At most once: a read of the SLA settings is used again for a second.
    expect(settingsReads.length).toBeLessThanOrEqual(1);
    expect(statements.filter((sql) => /^SELECT/i.test(sql.trim()) && /\bOrganization\b/.test(sql))).toHaveLength(0);
    // 26 before the SLA context read the settings once, the site's organization was trusted and
    // the letter was written from the ticket just created; 18 before the ticket was no longer
    // read back, inside the transaction or by Pothos. The figure may only go down.
    expect(statements.length).toBeLessThanOrEqual(16);
    expect(onlyWritesAfterTheNumber(statements)).toBe(true);
    expect(ticketReadsAfterItsInsert(statements)).toBe(0);
  });

  it('should file a staff member’s ticket in seven statements, taking the number only after every read', async () => {
    const line1 = demo.staff.find((member) => member.role === 'LINE1')?.token;
    const file = (key: string) =>
      t.gql<{ submitTicket: { created: boolean } }>(
        submit,
        { input: { title: 'Обновить сертификат', description: 'Истекает через неделю', idempotencyKey: key } },
        line1,
      );
    await file(`staff-statements-${provider}-warm`);
    statements.length = 0;
    expect((await file(`staff-statements-${provider}-1`)).data?.submitTicket.created).toBe(true);
    // The idempotency look-up and the SLA settings; then the number, the ticket, its message and
    // status record, and the commit.
    expect(statements.length).toBeLessThanOrEqual(7);
    expect(onlyWritesAfterTheNumber(statements)).toBe(true);
    expect(ticketReadsAfterItsInsert(statements)).toBe(0);
  });
});

/**
 * On PostgreSQL the counter's row stays locked from its update to the commit: every submit
 * waits for it, so nothing but the writes that need the number may follow it.
 */
function onlyWritesAfterTheNumber(statements: string[]): boolean {
  const taken = statements.findIndex((sql) => /^UPDATE\b.*\bStudioSettings\b.*nextTicketNumber/is.test(sql.trim()));
  if (taken < 0) return false;
  return statements.slice(taken + 1).every((sql) => /^(INSERT|COMMIT)\b/i.test(sql.trim()));
}

/** SELECTs of the Ticket table after the new ticket was inserted: each a read-back of what the insert returned. */
function ticketReadsAfterItsInsert(statements: string[]): number {
  const inserted = statements.findIndex(insertsInto('Ticket'));
  if (inserted < 0) return Number.NaN;
  return statements.slice(inserted + 1).filter(readsFrom('Ticket')).length;
}
