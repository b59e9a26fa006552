import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describeEachDatabase('credentials handed over on a ticket', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const staff = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';
  const shop = 'https://flowers.example';

  beforeAll(async () => {
    t = await createTestApp(provider);
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
  });
  afterAll(() => t.close());

  it('should keep them sealed, show them to staff only, audit every read, and purge them when the ticket is rejected', async () => {
    const submitted = await t.gql<{ submitTicket: { accessToken: string; ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { accessToken ticket { id } } } }',
      {
        i: {
          siteKey: demo.siteKeys[0],
          title: 'Не входит в админку',
          description: 'Пароль ниже',
          idempotencyKey: 'secret-flow-01',
        },
      },
      undefined,
      { origin: shop },
    );
    const { accessToken, ticket } = submitted.data?.submitTicket ?? { accessToken: '', ticket: { id: '' } };
    const added = await t.gql<{ addTicketSecret: { label: string; secret: null } }>(
      'mutation ($i: AddTicketSecretInput!) { addTicketSecret(input: $i) { ... on AddTicketSecretPayload { label secret { id } } ... on DomainError { code } } }',
      { i: { ticketId: ticket.id, label: 'Админка', value: 'admin / S3cret-Pa55' } },
      accessToken,
      { origin: shop },
    );
    expect(added.errors).toBeUndefined();
    expect(added.data?.addTicketSecret).toEqual({ label: 'Админка', secret: null });
    const listed = await t.gql<{ ticket: { secrets: { id: string; label: string }[] } }>(
      'query ($id: ID!) { ticket(id: $id) { secrets { id label } } }',
      { id: ticket.id },
      staff('LINE2'),
    );
    const secret = listed.data?.ticket.secrets[0];
    expect(secret?.label).toBe('Админка');

    const stored = await t.database.db.secret.findMany({ where: { label: 'Админка' } });
    expect(JSON.stringify(stored)).not.toContain('S3cret');

    const asVisitor = await t.gql<{ ticket: { secrets: unknown[] } }>(
      'query ($id: ID!) { ticket(id: $id) { secrets { label } } }',
      { id: ticket.id },
      accessToken,
      { origin: shop },
    );
    expect(asVisitor.data?.ticket.secrets).toEqual([]);
    const reveal = (token: string) =>
      t.gql<{ revealTicketSecret: { value?: string; code?: string } }>(
        'mutation ($i: RevealTicketSecretInput!) { revealTicketSecret(input: $i) { ... on RevealedSecret { value } ... on DomainError { code } } }',
        { i: { secretId: secret?.id } },
        token,
      );
    expect((await reveal(accessToken)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await reveal(staff('ACCOUNTANT'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await reveal(staff('LINE2'))).data?.revealTicketSecret.value).toBe('admin / S3cret-Pa55');
    expect(await t.database.db.auditEvent.count({ where: { action: 'secret.read' } })).toBe(1);

    await t.gql(
      'mutation ($i: RejectTicketInput!) { rejectTicket(input: $i) { __typename } }',
      { i: { ticketId: ticket.id, reason: 'Решено по телефону' } },
      staff('LINE1'),
    );
    expect((await reveal(staff('LINE2'))).data?.revealTicketSecret.code).toBe('NOT_FOUND');
    const after = await t.database.db.secret.findFirstOrThrow({ where: { label: 'Админка' } });
    expect(after).toMatchObject({ ciphertext: null, iv: null, authTag: null });
    const messages = await t.gql<{ ticket: { messages: { body: string; authorKind: string }[] } }>(
      'query ($id: ID!) { ticket(id: $id) { messages { body authorKind } } }',
      { id: ticket.id },
      accessToken,
      { origin: shop },
    );
    expect(messages.data?.ticket.messages.at(-1)).toMatchObject({
      authorKind: 'SYSTEM',
      body: expect.stringContaining('Доступы, переданные для этой заявки, удалены'),
    });
  });

  it('should let staff purge one secret before the ticket closes, audited, and refuse the client', async () => {
    const submitted = await t.gql<{ submitTicket: { accessToken: string; ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { accessToken ticket { id } } } }',
      { i: { siteKey: demo.siteKeys[0], title: 'FTP', description: 'Доступ ниже', idempotencyKey: 'secret-purge-01' } },
      undefined,
      { origin: shop },
    );
    const { accessToken, ticket } = submitted.data?.submitTicket ?? { accessToken: '', ticket: { id: '' } };
    await t.gql(
      'mutation ($i: AddTicketSecretInput!) { addTicketSecret(input: $i) { __typename } }',
      { i: { ticketId: ticket.id, label: 'FTP магазина', value: 'ftp / Purge-Me-1' } },
      accessToken,
      { origin: shop },
    );
    const listed = await t.gql<{ ticket: { secrets: { id: string }[] } }>(
      'query ($id: ID!) { ticket(id: $id) { secrets { id } } }',
      { id: ticket.id },
      staff('LINE1'),
    );
    const secretId = listed.data?.ticket.secrets[0]?.id;
    const purge = (token: string, origin?: string) =>
      t.gql<{ purgeTicketSecret: { label?: string; purgedAt?: string | null; code?: string } }>(
        'mutation ($i: PurgeTicketSecretInput!) { purgeTicketSecret(input: $i) { ... on Secret { label purgedAt } ... on DomainError { code } } }',
        { i: { secretId } },
        token,
        origin ? { origin } : undefined,
      );
    expect((await purge(accessToken, shop)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const purged = await purge(staff('LINE1'));
    expect(purged.data?.purgeTicketSecret).toMatchObject({ label: 'FTP магазина', purgedAt: expect.any(String) });
    expect((await purge(staff('LINE1'))).data?.purgeTicketSecret.code).toBe('NOT_FOUND');
    const stored = await t.database.db.secret.findFirstOrThrow({ where: { label: 'FTP магазина' } });
    expect(stored).toMatchObject({ ciphertext: null, iv: null, authTag: null });
    const audit = await t.database.db.auditEvent.findMany({ where: { action: 'secret.purge', subjectId: stored.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorKind).toBe('STAFF');
    const status = await t.gql<{ ticket: { status: string } }>(
      'query ($id: ID!) { ticket(id: $id) { status } }',
      { id: ticket.id },
      staff('LINE1'),
    );
    expect(status.data?.ticket.status).toBe('NEW');
  });
});
