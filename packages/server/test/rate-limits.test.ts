import { createServer } from 'node:net';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { gqlFrom } from './support/from-address.ts';
import { anotherInstance, askCode } from './support/rate-limited-app.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

type Refusal = { code?: string; retryAfterSeconds?: number };

/** A port nothing listens on: a Redis that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describeEachDatabase('rate limits in one process (no REDIS_URL)', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let url = '';
  const shop = 'https://flowers.example';

  beforeAll(async () => {
    t = await createTestApp(provider, {
      env: {
        RATE_LIMIT_SUBMIT_IP: '2/60',
        RATE_LIMIT_SUBMIT_SITE: '4/60',
        RATE_LIMIT_SIGNIN_EMAIL: '1/60',
        RATE_LIMIT_KB_SEARCH_IP: '2/60',
        RATE_LIMIT_KB_EVENTS_IP: '2/60',
      },
    });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    ({ url } = await t.app.start());
  });
  afterEach(() => vi.useRealTimers());
  afterAll(() => t.close());

  const submit = (from: string, key: string) =>
    gqlFrom<{ submitTicket: Refusal & { ticket?: { id: string } } }>(
      url,
      from,
      'mutation ($i: SubmitTicketInput!) { submitTicket(input: $i) { ... on SubmitTicketPayload { ticket { id } } ... on DomainError { code retryAfterSeconds } } }',
      { i: { siteKey: demo.siteKeys[0], title: 'Спам?', description: 'x', idempotencyKey: key } },
      { origin: shop },
    );

  it('should answer RATE_LIMITED with a retry time once a visitor has filed too many tickets, and file nothing more', async () => {
    expect((await submit('127.0.0.2', 'rate-key-0001')).data?.submitTicket.ticket).toBeDefined();
    expect((await submit('127.0.0.2', 'rate-key-0002')).data?.submitTicket.ticket).toBeDefined();
    const count = await t.database.db.ticket.count();
    const limited = (await submit('127.0.0.2', 'rate-key-0003')).data?.submitTicket;
    expect(limited?.code).toBe('RATE_LIMITED');
    expect(limited?.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited?.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await t.database.db.ticket.count()).toBe(count);
  });

  it('should limit visitor tickets per site, from whatever address they come', async () => {
    // The site has two of its four left (the test before filed two); two new addresses take them.
    expect((await submit('127.0.0.3', 'site-key-0001')).data?.submitTicket.ticket).toBeDefined();
    expect((await submit('127.0.0.4', 'site-key-0002')).data?.submitTicket.ticket).toBeDefined();
    expect((await submit('127.0.0.5', 'site-key-0003')).data?.submitTicket.code).toBe('RATE_LIMITED');
  });

  it('should limit sign-in codes per e-mail address, until the window passes', async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    expect(await askCode(t.app, 'owner@flowers.example')).toEqual({ sent: true });
    expect((await askCode(t.app, 'owner@flowers.example')).code).toBe('RATE_LIMITED');
    expect(await askCode(t.app, 'manager@flowers.example')).toEqual({ sent: true });
    vi.setSystemTime(Date.now() + 61_000);
    expect(await askCode(t.app, 'owner@flowers.example')).toEqual({ sent: true });
  });

  it('should limit knowledge-base searches per address, as a GraphQL error with the retry time', async () => {
    const search = () =>
      t.gql('{ searchArticles(query: "доставка") { id } }', {}, undefined, { 'accept-language': 'en' });
    for (let i = 0; i < 2; i++) expect((await search()).errors).toBeUndefined();
    const refused = (await search()).errors?.[0] as { message: string; extensions?: Record<string, unknown> };
    expect(refused.message).toBe('Too many attempts. Try again a little later.');
    expect(refused.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
  });

  it('should limit knowledge-base counters per address, before looking the article up', async () => {
    const view = async () =>
      (
        await t.gql<{ recordArticleView: Refusal }>(
          'mutation ($id: ID!) { recordArticleView(id: $id) { ... on DomainError { code retryAfterSeconds } } }',
          { id: Buffer.from('Article:no-such-article').toString('base64') },
        )
      ).data?.recordArticleView;
    for (let i = 0; i < 2; i++) expect((await view())?.code).toBe('NOT_FOUND');
    expect(await view()).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
  });

  it('should keep counting in this process when Redis does not answer, without making callers wait', async () => {
    const port = await closedPort();
    const app = anotherInstance(t, { REDIS_URL: `redis://127.0.0.1:${port}`, RATE_LIMIT_SIGNIN_EMAIL: '2/60' });
    try {
      // The first count finds Redis gone (after one reconnection at most) and falls back.
      expect(await askCode(app, 'nobody@client.example')).toEqual({ sent: true });
      // From then on counts go straight to memory: no waiting out the 1 s command timeout each.
      const started = performance.now();
      expect(await askCode(app, 'nobody@client.example')).toEqual({ sent: true });
      expect((await askCode(app, 'nobody@client.example')).code).toBe('RATE_LIMITED');
      expect(performance.now() - started).toBeLessThan(1500);
    } finally {
      await app.stop();
    }
  });
});
