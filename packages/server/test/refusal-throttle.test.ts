import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { doublingFragments } from './support/hostile-documents.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

/**
 * An address that floods the API with documents it refuses is answered 429 at once (before its
 * body is read) until its window ends; staff and other addresses go on as before.
 */
describeEachDatabase('anonymous addresses that keep sending refused documents', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let url = '';

  beforeAll(async () => {
    t = await createTestApp(provider, { env: { RATE_LIMIT_REFUSED_IP: '3/600' } });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    url = `${(await t.app.start()).url.replace('localhost', '127.0.0.1')}/graphql`;
  });
  afterAll(() => t.close());

  const post = (query: string, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
  const codeOf = async (response: Response) =>
    ((await response.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;

  it('should answer 429 after three refused documents, to everyone but staff, naming when to try again', async () => {
    const hostile = doublingFragments(22);
    for (let i = 0; i < 3; i++) expect(await codeOf(await post(hostile))).toBe('QUERY_TOO_COMPLEX');
    // The fourth, and even a harmless one, is answered at once.
    const held = await post('{ viewer { kind } }');
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toBe('600');
    expect(await codeOf(held)).toBe('RATE_LIMITED');
    // A made-up credential does not get around it: only staff go on.
    const madeUp = await post('{ viewer { kind } }', { authorization: `Bearer cdk_${'x'.repeat(43)}` });
    expect(madeUp.status).toBe(429);
    // A staff member on the same address is not held back.
    const staff = await post('{ viewer { kind } }', { authorization: `Bearer ${demo.adminToken}` });
    expect(staff.status).toBe(200);
    expect(await staff.json()).toEqual({ data: { viewer: { kind: 'STAFF' } } });
    // Another address (a proxy is not trusted here, so the socket's address counts) is untouched:
    // yoga.fetch has no socket, and such callers share the key "local".
    const other = await t.app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { kind } }' }),
    });
    expect(other.status).toBe(200);
  });
});
