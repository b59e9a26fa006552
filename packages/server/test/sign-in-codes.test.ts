import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { memoryMailer } from '../src/mail/memory-mailer.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const requestCode =
  'mutation ($i: RequestSignInCodeInput!) { requestSignInCode(input: $i) { ... on SignInCodePayload { sent } } }';
const signIn =
  'mutation ($i: SignInInput!) { signIn(input: $i) { ... on SessionPayload { token } ... on DomainError { code } } }';

describeEachDatabase('sign-in codes tried at once', (provider) => {
  let t: TestApp;
  const mailer = memoryMailer();

  beforeAll(async () => {
    // Many tries from one address: the per-address limit stays out of the way, the code's own count is tested.
    t = await createTestApp(provider, { mailer, env: { RATE_LIMIT_SIGNIN_IP: '1000/600' } });
    const organization = await t.database.db.organization.create({ data: { name: 'Burst Ltd' } });
    for (const email of ['burst@client.example', 'twice@client.example'])
      await t.database.db.contact.create({ data: { organizationId: organization.id, email, name: email } });
  });
  afterAll(() => t.close());

  /** Asks for a code for `email` and reads it from the letter. */
  async function codeFor(email: string): Promise<string> {
    await t.gql(requestCode, { i: { email } });
    const letter = mailer.sent.filter((mail) => mail.to === email).at(-1);
    return letter?.subject.match(/\d{6}/)?.[0] ?? '';
  }

  const tryCode = async (email: string, code: string) =>
    (await t.gql<{ signIn: { token?: string; code?: string } }>(signIn, { i: { email, code } })).data?.signIn ?? {};

  const sessionsOf = (email: string) => t.database.db.session.count({ where: { contact: { email } } });

  it('should leave a code dead after five of fifty wrong codes sent at once, so the right code then fails', async () => {
    const email = 'burst@client.example';
    const code = await codeFor(email);
    const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, i) => tryCode(email, wrong(i))));
    expect(outcomes).toEqual(Array(50).fill({ code: 'INVALID_CODE' }));
    // Every try took one attempt first, in one conditional update: five, however many came at once.
    const row = await t.database.db.signInCode.findFirstOrThrow({ where: { email } });
    expect(row.attempts).toBe(5);
    expect(await tryCode(email, code)).toEqual({ code: 'INVALID_CODE' });
    expect(await sessionsOf(email)).toBe(0);
  });

  it('should sign in once when the right code is sent twice at once', async () => {
    const email = 'twice@client.example';
    const code = await codeFor(email);
    const outcomes = await Promise.all([tryCode(email, code), tryCode(email, code)]);
    expect(outcomes.filter((outcome) => outcome.token?.startsWith('cds_'))).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.code === 'INVALID_CODE')).toHaveLength(1);
    expect(await sessionsOf(email)).toBe(1);
  });
});
