import { hashPassword } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { gqlFrom } from './support/from-address.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const password = 'correct horse battery staple';
const signInStaff = `mutation ($i: StaffSignInInput!) { signInStaff(input: $i) {
  ... on StaffSessionPayload { token } ... on DomainError { code field message retryAfterSeconds } } }`;

type Outcome = { token?: string; code?: string; field?: string; message?: string; retryAfterSeconds?: number };

// Through a real server on 127.0.0.1, reached from other loopback addresses: each is a client address.
describeEachDatabase('staff password attempts, per account and address', (provider) => {
  let t: TestApp;
  let url = '';

  beforeAll(async () => {
    t = await createTestApp(provider, {
      // Sign-in per address stays out of the way: these tests are about the password limits.
      env: { RATE_LIMIT_SIGNIN_IP: '1000/600', RATE_LIMIT_PASSWORD_ACCOUNT: '13/600' },
    });
    ({ url } = await t.app.start());
    const passwordHash = await hashPassword(password);
    // One account per test, so each test's attempts count alone.
    for (const name of ['reader', 'target', 'burst', 'fresh', 'spread'])
      await t.database.db.staffMember.create({
        data: { email: `${name}@studio.example`, name, role: 'LINE1', passwordHash },
      });
  });
  afterAll(() => t.close());

  const attempt = async (from: string, email: string, given: string, language = 'ru') =>
    (
      await gqlFrom<{ signInStaff: Outcome }>(
        url,
        from,
        signInStaff,
        { i: { email, password: given } },
        { 'accept-language': language },
      )
    ).data?.signInStaff ?? {};

  it('should answer a wrong password with INVALID_CREDENTIALS in the reader’s language, not INVALID_CODE', async () => {
    expect(await attempt('127.0.0.2', 'reader@studio.example', 'not the password')).toEqual({
      code: 'INVALID_CREDENTIALS',
      field: 'password',
      message: 'Неверный адрес почты или пароль.',
      retryAfterSeconds: null,
    });
    expect(await attempt('127.0.0.2', 'nobody@studio.example', password, 'en')).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'The e-mail or the password is wrong.',
    });
  });

  it('should lock out only the address the wrong passwords came from, even for the right password', async () => {
    for (let i = 0; i < 5; i++)
      expect((await attempt('127.0.0.3', 'target@studio.example', `guess ${i}`)).code).toBe('INVALID_CREDENTIALS');
    const refused = await attempt('127.0.0.3', 'target@studio.example', password);
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(600);
    // The member, elsewhere, is not locked out.
    expect((await attempt('127.0.0.4', 'target@studio.example', password)).token).toMatch(/^cds_/);
  });

  it('should check no more than five passwords of fifty sent at once from one address', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => attempt('127.0.0.5', 'burst@studio.example', `guess ${i}`)),
    );
    const codes = outcomes.map((outcome) => outcome.code);
    expect(codes.filter((code) => code === 'INVALID_CREDENTIALS')).toHaveLength(5);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(45);
    expect((await attempt('127.0.0.5', 'burst@studio.example', password)).code).toBe('RATE_LIMITED');
  });

  it('should start an address afresh after the right password', async () => {
    for (let i = 0; i < 4; i++)
      expect((await attempt('127.0.0.6', 'fresh@studio.example', `typo ${i}`)).code).toBe('INVALID_CREDENTIALS');
    expect((await attempt('127.0.0.6', 'fresh@studio.example', password)).token).toMatch(/^cds_/);
    for (let i = 0; i < 5; i++)
      expect((await attempt('127.0.0.6', 'fresh@studio.example', `typo ${i}`)).code).toBe('INVALID_CREDENTIALS');
    expect((await attempt('127.0.0.6', 'fresh@studio.example', `typo 5`)).code).toBe('RATE_LIMITED');
  });

  it('should refuse new addresses once guesses from many have spent the account’s cap, but let the member in from theirs', async () => {
    const member = '127.0.0.7';
    expect((await attempt(member, 'spread@studio.example', password)).token).toMatch(/^cds_/);
    // That sign-in, from an address new then, took one of the cap's 13; twelve guesses from three
    // addresses (none locked out by its own count) take the rest.
    for (const from of ['127.0.1.1', '127.0.1.2', '127.0.1.3'])
      for (let i = 0; i < 4; i++)
        expect((await attempt(from, 'spread@studio.example', `guess ${i}`)).code).toBe('INVALID_CREDENTIALS');
    expect((await attempt('127.0.1.4', 'spread@studio.example', 'guess 0')).code).toBe('RATE_LIMITED');
    expect((await attempt('127.0.1.5', 'spread@studio.example', password)).code).toBe('RATE_LIMITED');
    // The member's own address, where they signed in before, still works; so does the member's wrong guess there.
    expect((await attempt(member, 'spread@studio.example', 'typo')).code).toBe('INVALID_CREDENTIALS');
    expect((await attempt(member, 'spread@studio.example', password)).token).toMatch(/^cds_/);
  });
});
