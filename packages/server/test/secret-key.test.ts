import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeEachDatabase } from '@caredesk/schema/testing';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/** Without SECRET_KEY, one key is generated once into the data folder and used for everything. */
describeEachDatabase('the secret key of an installation without SECRET_KEY', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const shop = 'https://flowers.example';

  beforeAll(async () => {
    t = await createTestApp(provider);
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
  });
  afterAll(() => t.close());

  it('should keep one key in the data folder, readable by its owner only, so sealed secrets open after a restart', async () => {
    const submitted = await t.gql<{ submitTicket: { accessToken: string; ticket: { id: string } } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { accessToken ticket { id } } } }',
      {
        i: {
          siteKey: demo.siteKeys[0],
          title: 'Доступ к хостингу',
          description: 'Ниже',
          idempotencyKey: 'key-restart-01',
        },
      },
      undefined,
      { origin: shop },
    );
    const { accessToken, ticket } = submitted.data?.submitTicket ?? { accessToken: '', ticket: { id: '' } };
    const added = await t.gql<{ addTicketSecret: { label: string } }>(
      'mutation ($i: AddTicketSecretInput!) { addTicketSecret(input: $i) { ... on AddTicketSecretPayload { label } } }',
      { i: { ticketId: ticket.id, label: 'Хостинг', value: 'root / Hosting-Pa55' } },
      accessToken,
      { origin: shop },
    );
    expect(added.data?.addTicketSecret.label).toBe('Хостинг');
    await t.app.stop();

    const keyFile = join(dirname(t.attachmentsDir), 'secret-key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);

    // The same installation started again: same database, same data folder, still no SECRET_KEY.
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DATABASE_URL: t.database.url,
      ATTACHMENTS_DIR: t.attachmentsDir,
    });
    expect(config.secretKey).toBeNull();
    const restarted = buildApp(config, { db: t.database.db, logger: pino({ level: 'silent' }) });
    try {
      const staff = demo.staff.find((s) => s.role === 'LINE2')?.token ?? '';
      // biome-ignore lint/suspicious/noExplicitAny: the answer's shape is checked by the expectations
      const ask = async (query: string, variables: Record<string, unknown>): Promise<any> => {
        const response = await restarted.yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${staff}` },
          body: JSON.stringify({ query, variables }),
        });
        return response.json();
      };
      const listed = await ask('query ($id: ID!) { ticket(id: $id) { secrets { id } } }', { id: ticket.id });
      const secretId = listed.data.ticket.secrets[0].id;
      const revealed = await ask(
        'mutation ($i: RevealTicketSecretInput!) { revealTicketSecret(input: $i) { ... on RevealedSecret { value } ... on DomainError { code } } }',
        { i: { secretId } },
      );
      expect(revealed.data.revealTicketSecret).toEqual({ value: 'root / Hosting-Pa55' });
    } finally {
      await restarted.stop();
    }
  });
});
