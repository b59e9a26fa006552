import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { memoryMailer } from '../src/mail/memory-mailer.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/** Every row of every table, as text: what a leaked database dump would show. */
async function dump(t: TestApp): Promise<string> {
  const { db } = t.database;
  const tables = await Promise.all([
    db.apiToken.findMany(),
    db.session.findMany(),
    db.signInCode.findMany(),
    db.ticket.findMany(),
    db.secret.findMany(),
    db.auditEvent.findMany(),
    db.message.findMany(),
  ]);
  return JSON.stringify(tables);
}

describeEachDatabase('what the database keeps of secrets', (provider) => {
  let t: TestApp;
  const mailer = memoryMailer();
  beforeAll(async () => {
    t = await createTestApp(provider, { mailer });
  });
  afterAll(() => t.close());

  it('should hold no usable token, code or credential: a dump reveals none of them', async () => {
    const demo = await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' });
    const issued: string[] = demo?.staff.map((s) => s.token) ?? [];
    const visitor = await t.gql<{ submitTicket: { accessToken: string; ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { accessToken ticket { id } } } }',
      {
        i: { siteKey: demo?.siteKeys[0], title: 'Пароль от FTP', description: 'ниже', idempotencyKey: 'dump-test-001' },
      },
      undefined,
      { origin: 'https://flowers.example' },
    );
    const { accessToken, ticket } = visitor.data?.submitTicket ?? { accessToken: '', ticket: { id: '' } };
    issued.push(accessToken);
    await t.gql(
      'mutation ($id: ID!) { addTicketSecret(input: { ticketId: $id, label: "FTP", value: "ftp-user / Tr0ub4dor&3" }) { __typename } }',
      { id: ticket.id },
      accessToken,
      { origin: 'https://flowers.example' },
    );
    await t.gql('mutation { requestSignInCode(input: { email: "owner@flowers.example" }) { __typename } }');
    const code = mailer.sent.at(-1)?.subject.match(/\d{6}/)?.[0] ?? '';
    const session = await t.gql<{ signIn: { token: string } }>(
      `mutation { signIn(input: { email: "owner@flowers.example", code: "${code}" }) { ... on SessionPayload { token } } }`,
    );
    issued.push(session.data?.signIn.token ?? '');

    const text = await dump(t);
    expect(issued.every((secret) => secret.length > 40)).toBe(true);
    for (const secret of issued) expect(text).not.toContain(secret.slice(4));
    expect(text).not.toContain('Tr0ub4dor');
    expect(text).not.toContain(`"${code}"`);
  });
});
