import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { memoryMailer } from '../src/mail/memory-mailer.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { signInContact } from './support/contact-sign-in.ts';
import { subscribeOverWebSocket, until } from './support/live-subscription.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const viewerQuery = JSON.stringify({ query: '{ viewer { kind staff { email role } } }' });

/**
 * The staff console's session: signed in with e-mail and password, kept in an HttpOnly,
 * SameSite=Strict cookie that the API accepts only from the console's own origin with the
 * CSRF prevention header; signing out ends it and its sockets.
 */
describeEachDatabase('the staff console’s session cookie', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  let url = '';
  const mailer = memoryMailer();
  const line1 = () => demo.staff.find((s) => s.role === 'LINE1') ?? { email: '', password: '' };

  beforeAll(async () => {
    t = await createTestApp(provider, { mailer });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    url = (await t.app.start()).url.replace('localhost', '127.0.0.1');
  });
  afterAll(() => t.close());

  const signIn = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/console/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url, 'x-graphql-yoga-csrf': '1', ...headers },
      body: JSON.stringify(body),
    });
  const cookieOf = (response: Response) => response.headers.get('set-cookie')?.split(';')[0] ?? '';
  const viewer = async (headers: Record<string, string>) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: viewerQuery,
    });
    return ((await response.json()) as { data: { viewer: { kind: string } } }).data.viewer;
  };

  it('should sign a staff member in with the demo password and keep the session only in an HttpOnly, SameSite=Strict cookie', async () => {
    const response = await signIn({ email: line1().email, password: line1().password });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      staff: { id: expect.any(String), name: expect.any(String), email: line1().email, role: 'LINE1' },
    });
    expect(body).not.toContain('cds_');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^caredesk_console=cds_[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);

    const cookie = cookieOf(response);
    expect(await viewer({ cookie, origin: url, 'x-graphql-yoga-csrf': '1' })).toEqual({
      kind: 'STAFF',
      staff: { email: line1().email, role: 'LINE1' },
    });
  });

  it('should not accept the cookie without the CSRF header, from another origin, or with no origin at all', async () => {
    const cookie = cookieOf(await signIn({ email: line1().email, password: line1().password }));
    const anonymous = { kind: 'ANONYMOUS', staff: null };
    expect(await viewer({ cookie, origin: url })).toEqual(anonymous);
    expect(await viewer({ cookie, origin: 'https://flowers.example', 'x-graphql-yoga-csrf': '1' })).toEqual(anonymous);
    expect(await viewer({ cookie, 'x-graphql-yoga-csrf': '1' })).toEqual(anonymous);
    // Signing in from another origin, or without the header, is refused before any password is checked.
    const foreign = await signIn(
      { email: line1().email, password: line1().password },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('set-cookie')).toBeNull();
  });

  it('should refuse a wrong password with INVALID_CREDENTIALS in the reader’s language, and set no cookie', async () => {
    const wrong = await signIn(
      { email: line1().email, password: 'not the password at all' },
      { 'accept-language': 'ru' },
    );
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      error: { code: 'INVALID_CREDENTIALS', message: 'Неверный адрес почты или пароль.' },
    });
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const malformed = await signIn('just a string');
    expect(malformed.status).toBe(400);
  });

  it('should never take a contact’s session from the cookie, and keep bearer tokens working beside it', async () => {
    const contact = await signInContact(t, mailer, 'owner@flowers.example');
    expect(
      await viewer({ cookie: `caredesk_console=${contact}`, origin: url, 'x-graphql-yoga-csrf': '1' }),
    ).toMatchObject({ kind: 'ANONYMOUS' });
    expect(await viewer({ authorization: `Bearer ${demo.adminToken}` })).toMatchObject({ kind: 'STAFF' });
  });

  it('should follow the queue over a socket opened with the cookie, and end it when the console signs out', async () => {
    const cookie = cookieOf(await signIn({ email: line1().email, password: line1().password }));
    const queue = subscribeOverWebSocket(
      url,
      '',
      'subscription { queueUpdated { title } }',
      {},
      { cookie, origin: url },
    );
    const ticket = await t.database.db.ticket.findFirstOrThrow({ where: { status: 'NEW' } });
    await until(queue.payload(), () => t.app.events.publish('queueUpdated', 'all', { ticketId: ticket.id }));
    expect(queue.payloads[0]).toEqual({ data: { queueUpdated: { title: ticket.title } } });

    // A socket from a client site's page with the same cookie is refused its staff rights.
    const foreign = subscribeOverWebSocket(
      url,
      '',
      'subscription { queueUpdated { title } }',
      {},
      { cookie, origin: 'https://flowers.example' },
    );
    const refused = await Promise.race([foreign.payload(), foreign.ended.then((e) => e.payloads[0])]);
    expect(JSON.stringify(refused)).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    await foreign.close();

    const out = await fetch(`${url}/console/session`, {
      method: 'DELETE',
      headers: { cookie, origin: url, 'x-graphql-yoga-csrf': '1' },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^caredesk_console=; .*Max-Age=0/);
    const ending = await queue.ended;
    expect(ending.how).toBe('complete');
    expect(JSON.stringify(ending.payloads.at(-1))).toContain('ACCESS_REVOKED');
    expect(await viewer({ cookie, origin: url, 'x-graphql-yoga-csrf': '1' })).toMatchObject({ kind: 'ANONYMOUS' });
  });

  it('should mark the cookie Secure with the __Host- prefix when caredesk is served over https', async () => {
    const secure = await createTestApp(provider, { env: { PUBLIC_URL: 'https://desk.studio.example' } });
    try {
      await seedDemo(secure.database.db, { publicUrl: 'https://desk.studio.example' });
      const member = (await secure.database.db.staffMember.findFirstOrThrow({ where: { role: 'ADMIN' } })).email;
      const password = 'a long and correct horse battery';
      const { setStaffPassword } = await import('@caredesk/schema/services');
      await setStaffPassword(secure.database.db, { email: member, password });
      const response = await secure.app.yoga.fetch('https://desk.studio.example/console/session', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'https://desk.studio.example',
          'x-graphql-yoga-csrf': '1',
        },
        body: JSON.stringify({ email: member, password }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('set-cookie')).toMatch(
        /^__Host-caredesk_console=cds_[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/,
      );
    } finally {
      await secure.close();
    }
  });
});
