import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/** The demo (`pnpm start`): the page and its widget work at every local name of the server. */
describeEachDatabase('the demo page at 127.0.0.1 as well as localhost', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let port = '';

  beforeAll(async () => {
    t = await createTestApp(provider, { env: { PUBLIC_URL: 'http://localhost:4000' } });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    port = '4000';
  });
  afterAll(() => t.close());

  const submitFrom = (origin: string, key: string) =>
    t.gql<{ submitTicket: { __typename: string; code?: string } }>(
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { __typename ... on DomainError { code } } }',
      { i: { siteKey: demo.siteKeys[0], title: 'Демо', description: 'С демо-страницы', idempotencyKey: key } },
      undefined,
      { origin },
    );

  it('should name the address the page was opened at in its script tag', async () => {
    for (const opened of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const page = await (await t.app.yoga.fetch(`${opened}/demo`)).text();
      expect(page).toContain(`<script src="${opened}/widget.js" data-site-key="${demo.siteKeys[0]}" async>`);
    }
    // Another host (behind a proxy, say) gets the public address.
    const proxied = await (await t.app.yoga.fetch('http://10.0.0.5:8080/demo')).text();
    expect(proxied).toContain('<script src="http://localhost:4000/widget.js"');
  });

  it('should accept a report from the demo page opened at 127.0.0.1, and still refuse other origins', async () => {
    expect((await submitFrom(`http://127.0.0.1:${port}`, 'demo-page-0001')).data?.submitTicket.__typename).toBe(
      'SubmitTicketPayload',
    );
    expect((await submitFrom('http://[::1]:4000', 'demo-page-0002')).data?.submitTicket.__typename).toBe(
      'SubmitTicketPayload',
    );
    const elsewhere = await submitFrom('http://127.0.0.1:5000', 'demo-page-0003');
    expect(elsewhere.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
