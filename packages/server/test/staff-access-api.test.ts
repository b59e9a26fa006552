// Registers the staff-access fields with the builder before anything builds the schema. Remove
// once packages/schema/src/graphql/index.ts imports './types/staff-access.ts'.
import '../../schema/src/graphql/types/staff-access.ts';

import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { setStaffPassword } from '../../schema/src/services/staff-sign-in.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const password = 'correct horse battery staple';

type Outcome = { code?: string; field?: string | null; token?: string; secret?: string; revoked?: boolean };
type TokenView = { id: string; name: string; prefix: string; scopes: string[]; staffName: string | null };
const tokenFields = 'id name prefix scopes createdAt lastUsedAt expiresAt revokedAt staffName';

describeEachDatabase('staff sign-in and API tokens over GraphQL', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  const demoToken = (role: string) => demo.staff.find((s) => s.role === role)?.token ?? '';

  beforeAll(async () => {
    t = await createTestApp(provider);
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    for (const email of ['line1@studio.example', 'line2@studio.example', 'admin@studio.example'])
      await setStaffPassword(t.database.db, { email, password });
  });
  afterAll(() => t.close());

  const signIn = async (email: string, given = password) =>
    (
      await t.gql<{ signInStaff: Outcome }>(
        `mutation ($i: StaffSignInInput!) { signInStaff(input: $i) {
          ... on StaffSessionPayload { token expiresAt } ... on DomainError { code field } } }`,
        { i: { email, password: given } },
      )
    ).data?.signInStaff ?? {};

  const create = async (token: string, input: Record<string, unknown>) => {
    const response = await t.gql<{ createApiToken: Outcome & { token?: TokenView } }>(
      `mutation ($i: CreateApiTokenInput!) { createApiToken(input: $i) {
        ... on CreateApiTokenPayload { secret token { ${tokenFields} } } ... on DomainError { code field } } }`,
      { i: input },
      token,
    );
    return { result: response.data?.createApiToken, code: response.errors?.[0]?.extensions?.code };
  };

  const revoke = async (token: string, tokenId: string) => {
    const response = await t.gql<{ revokeApiToken: Outcome }>(
      `mutation ($i: RevokeApiTokenInput!) { revokeApiToken(input: $i) {
        ... on RevokeApiTokenPayload { revoked } ... on DomainError { code field } } }`,
      { i: { tokenId } },
      token,
    );
    return { result: response.data?.revokeApiToken, code: response.errors?.[0]?.extensions?.code };
  };

  const list = async (token: string) => {
    const response = await t.gql<{ apiTokens: TokenView[] }>(`{ apiTokens { ${tokenFields} } }`, {}, token);
    return { tokens: response.data?.apiTokens, code: response.errors?.[0]?.extensions?.code };
  };

  const viewerOf = async (token: string) =>
    (
      await t.gql<{ viewer: { kind: string; staff: { email: string } | null } }>(
        '{ viewer { kind staff { email } } }',
        {},
        token,
      )
    ).data?.viewer;

  it('should sign staff in with e-mail and password, and refuse wrong passwords and strangers alike', async () => {
    const session = await signIn(' Line1@Studio.example');
    expect(session.token).toMatch(/^cds_/);
    expect(await viewerOf(session.token ?? '')).toEqual({ kind: 'STAFF', staff: { email: 'line1@studio.example' } });
    expect(await signIn('line1@studio.example', 'not the password')).toEqual({
      code: 'INVALID_CREDENTIALS',
      field: 'password',
    });
    expect(await signIn('stranger@studio.example')).toEqual({ code: 'INVALID_CREDENTIALS', field: 'password' });
    // No password was ever set for the head of support.
    expect(await signIn('head@studio.example')).toEqual({ code: 'INVALID_CREDENTIALS', field: 'password' });
  });

  it('should limit password attempts per account from one address (more in password-attempts.test.ts)', async () => {
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push((await signIn('accountant@studio.example', `guess ${i}`)).code);
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
    expect(outcomes[5]).toBe('RATE_LIMITED');
  });

  it('should create a token from a session, show its secret once, and let it work with its scopes only', async () => {
    const session = (await signIn('line2@studio.example')).token ?? '';
    const { result } = await create(session, { name: 'monitoring', scopes: ['monitoring:report', 'tickets:read'] });
    expect(result?.secret).toMatch(/^cdk_/);
    expect(result?.token).toMatchObject({
      name: 'monitoring',
      prefix: result?.secret?.slice(0, 10),
      scopes: ['monitoring:report', 'tickets:read'],
      staffName: 'Пётр Второй',
    });
    expect(await viewerOf(result?.secret ?? '')).toEqual({ kind: 'STAFF', staff: { email: 'line2@studio.example' } });
    // A tickets:read token manages no tokens, let alone mints them.
    expect((await create(result?.secret ?? '', { name: 'more', scopes: ['tickets:read'] })).code).toBe('FORBIDDEN');
    expect((await list(result?.secret ?? '')).code).toBe('FORBIDDEN');
    // Anonymous callers are told to sign in.
    expect((await create('', { name: 'x', scopes: ['tickets:read'] })).code).toBe('UNAUTHENTICATED');
    expect((await list('')).code).toBe('UNAUTHENTICATED');
  });

  it('should refuse bad input as typed errors, and let an admin-scoped token mint tokens', async () => {
    const session = (await signIn('line2@studio.example')).token ?? '';
    expect((await create(session, { name: 'x', scopes: ['root'] })).result).toEqual({
      code: 'INVALID_INPUT',
      field: 'scopes',
    });
    expect((await create(session, { name: '', scopes: ['tickets:read'] })).result).toEqual({
      code: 'INVALID_INPUT',
      field: 'name',
    });
    expect(
      (await create(session, { name: 'old', scopes: ['tickets:read'], expiresAt: '2000-01-01T00:00:00.000Z' })).result,
    ).toEqual({ code: 'INVALID_INPUT', field: 'expiresAt' });
    const minted = await create(demoToken('ADMIN'), { name: 'ci', scopes: ['tickets:write'] });
    expect(minted.result?.token?.scopes).toEqual(['tickets:write']);
    expect(minted.result?.token?.staffName).toBe('Анна Админова');
  });

  it('should list own tokens to staff and every token to ADMIN, never exposing the hash', async () => {
    const session = (await signIn('line1@studio.example')).token ?? '';
    await create(session, { name: 'line1 script', scopes: ['tickets:read'] });
    const own = await list(session);
    expect(own.tokens?.map((token) => token.name).sort()).toEqual(['demo sign-in', 'line1 script']);
    const all = await list(demoToken('ADMIN'));
    expect(all.tokens?.length).toBe(await t.database.db.apiToken.count());
    expect(new Set(all.tokens?.map((token) => token.staffName)).size).toBeGreaterThan(3);
    const hash = await t.gql('{ apiTokens { tokenHash } }', {}, session);
    expect(hash.errors?.[0]?.message).toMatch(/Cannot query field "tokenHash"/);

    // Another's token is not reachable through node(id:) either.
    const adminTokenId = all.tokens?.find((token) => token.staffName === 'Анна Админова')?.id ?? '';
    const node = await t.gql<{ node: unknown }>(
      'query ($id: ID!) { node(id: $id) { ... on ApiToken { name } } }',
      { id: adminTokenId },
      session,
    );
    // The same null as for an id of nothing, so that the answer tells nothing.
    expect(node).toEqual({ data: { node: null } });
  });

  it('should let staff revoke their own tokens only, and ADMIN anyone’s', async () => {
    const line1 = (await signIn('line1@studio.example')).token ?? '';
    const line2 = (await signIn('line2@studio.example')).token ?? '';
    const created = (await create(line1, { name: 'to revoke', scopes: ['tickets:read'] })).result;
    const tokenId = created?.token?.id ?? '';

    expect((await revoke(line2, tokenId)).result).toEqual({ code: 'NOT_FOUND', field: 'tokenId' });
    expect((await revoke(demoToken('LINE2'), tokenId)).code).toBe('FORBIDDEN');
    expect(await viewerOf(created?.secret ?? '')).toMatchObject({ kind: 'STAFF' });

    expect((await revoke(line1, tokenId)).result).toEqual({ revoked: true });
    expect((await revoke(line1, tokenId)).result).toEqual({ revoked: false });
    expect(await viewerOf(created?.secret ?? '')).toEqual({ kind: 'ANONYMOUS', staff: null });
    const listed = (await list(line1)).tokens?.find((token) => token.id === tokenId) as TokenView & {
      revokedAt: string | null;
    };
    expect(listed.revokedAt).not.toBeNull();

    const another = (await create(line1, { name: 'admin revokes', scopes: ['tickets:read'] })).result;
    expect((await revoke(demoToken('ADMIN'), another?.token?.id ?? '')).result).toEqual({ revoked: true });
    expect(await viewerOf(another?.secret ?? '')).toEqual({ kind: 'ANONYMOUS', staff: null });
    expect(await t.database.db.auditEvent.count({ where: { action: 'token.revoke' } })).toBe(2);
  });
});
