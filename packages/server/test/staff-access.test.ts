import type { Db } from '@caredesk/schema/db';
import { DomainError, hashSecret } from '@caredesk/schema/services';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
// Not yet exported by '@caredesk/schema/services'.
import { createApiToken, listApiTokens, revokeApiToken } from '../../schema/src/services/api-token-admin.ts';
import { setStaffPassword, signInStaff } from '../../schema/src/services/staff-sign-in.ts';
import { viewerForToken } from '../src/auth/authenticate.ts';
import { loadConfig } from '../src/config.ts';
import { memoryRateLimiter } from '../src/limits/memory-rate-limiter.ts';
import { runCli } from './support/run-cli.ts';

const password = 'correct horse battery staple';

/** The DomainError a promise rejects with (fails the test if it resolves or throws something else). */
async function domainError(promise: Promise<unknown>): Promise<{ code: string; field: string | null }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  const { code, field } = error as DomainError;
  return { code, field };
}

// Every password check is recorded (and still made), so a test can see how much work a refusal did.
const passwordChecks = vi.hoisted(() => [] as string[]);
vi.mock('../../schema/src/services/passwords.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../schema/src/services/passwords.ts')>();
  return {
    ...original,
    verifyPassword: (plain: string, encoded: string) => {
      passwordChecks.push(encoded);
      return original.verifyPassword(plain, encoded);
    },
  };
});

/** The scrypt cost of an encoded hash: N, r, p and the key length in bytes. */
const costOf = (encoded: string) => {
  const [, n, r, p, , hash] = encoded.split('$');
  return { n, r, p, keyBytes: Buffer.from(hash ?? '', 'base64').length };
};

describeEachDatabase('staff sign-in and API token administration', (provider) => {
  let database: TestDatabase;
  let db: Db;
  const ids: Record<'admin' | 'agent' | 'other' | 'gone', string> = { admin: '', agent: '', other: '', gone: '' };
  const now = new Date('2026-03-02T09:00:00.000Z');
  // Limits of password attempts are tested through the API (password-attempts.test.ts); here they stay out of the way.
  const limiter = memoryRateLimiter(
    loadConfig({ RATE_LIMIT_PASSWORD_ADDRESS: '1000/600', RATE_LIMIT_PASSWORD_ACCOUNT: '1000/600' }).rateLimits.rules,
  );
  const address = '192.0.2.1';

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    db = database.db;
    const people = [
      ['admin', 'admin@studio.example', 'ADMIN', true],
      ['agent', 'agent@studio.example', 'LINE1', true],
      ['other', 'other@studio.example', 'LINE2', true],
      ['gone', 'gone@studio.example', 'LINE1', false],
    ] as const;
    for (const [key, email, role, active] of people) {
      const member = await db.staffMember.create({ data: { email, name: `${key} person`, role, active } });
      ids[key] = member.id;
    }
  });
  afterAll(() => database.drop());

  it('should refuse a password against the policy or for an unknown address, and store only an scrypt hash', async () => {
    expect(await domainError(setStaffPassword(db, { email: 'agent@studio.example', password: 'short' }))).toEqual({
      code: 'INVALID_INPUT',
      field: 'password',
    });
    await expect(setStaffPassword(db, { email: 'agent@studio.example', password: 'aaaaaaaaaaaaaaaa' })).rejects.toThrow(
      /more than one/,
    );
    expect(await domainError(setStaffPassword(db, { email: 'nobody@studio.example', password }))).toEqual({
      code: 'NOT_FOUND',
      field: 'email',
    });
    expect((await db.staffMember.findUniqueOrThrow({ where: { id: ids.agent } })).passwordHash).toBeNull();

    for (const email of [' Agent@Studio.example', 'gone@studio.example', 'other@studio.example'])
      await setStaffPassword(db, { email, password });
    const stored = await db.staffMember.findUniqueOrThrow({ where: { id: ids.agent } });
    expect(stored.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored.passwordHash).not.toContain(password);
  });

  it('should sign staff in with the right password: a 12-hour session that authenticates as staff', async () => {
    const session = await signInStaff(db, limiter, { address, email: ' AGENT@studio.example ', password, now });
    expect(session.token).toMatch(/^cds_[A-Za-z0-9_-]{43}$/);
    expect(session.expiresAt).toEqual(new Date(now.getTime() + 12 * 3_600_000));
    const row = await db.session.findUniqueOrThrow({ where: { tokenHash: hashSecret(session.token) } });
    expect(row).toMatchObject({ staffId: ids.agent, contactId: null, createdAt: now, revokedAt: null });
    expect(await viewerForToken(db, session.token, now)).toEqual({
      kind: 'staff',
      staffId: ids.agent,
      role: 'LINE1',
      scopes: null,
      sessionId: row.id,
      credential: { checkedAt: expect.any(Number), expiresAt: session.expiresAt },
    });
  });

  it('should refuse a wrong password, an unknown address, staff without a password and inactive staff alike', async () => {
    const sessions = await db.session.count();
    const attempts = [
      { email: 'agent@studio.example', password: `${password}!` },
      { email: 'agent@studio.example', password: '' },
      { email: 'nobody@studio.example', password },
      { email: 'admin@studio.example', password }, // no password set
      { email: 'gone@studio.example', password }, // the right password, but inactive
    ];
    for (const attempt of attempts)
      expect(await domainError(signInStaff(db, limiter, { address, ...attempt, now }))).toEqual({
        code: 'INVALID_CREDENTIALS',
        field: 'password',
      });
    expect(await db.session.count()).toBe(sessions);
  });

  it('should do the same scrypt work for an unknown address, inactive staff and staff without a password as for a wrong password', async () => {
    const work = async (email: string) => {
      passwordChecks.length = 0;
      await signInStaff(db, limiter, { address, email, password: 'x', now }).catch(() => {});
      return passwordChecks.map(costOf);
    };
    const wrong = await work('agent@studio.example');
    // One check, at the cost of a real password hash (N=2^15, r=8, p=1, 64 bytes).
    expect(wrong).toEqual([{ n: '32768', r: '8', p: '1', keyBytes: 64 }]);
    for (const email of ['nobody@studio.example', 'admin@studio.example', 'gone@studio.example'])
      expect(await work(email), email).toEqual(wrong);
  });

  it('should end open sessions when the password is changed', async () => {
    const { token } = await signInStaff(db, limiter, { address, email: 'other@studio.example', password, now });
    const { sessionsEnded } = await setStaffPassword(db, {
      email: 'other@studio.example',
      password: 'another correct horse',
      now,
    });
    expect(sessionsEnded).toBe(1);
    expect(await viewerForToken(db, token, now)).toEqual({ kind: 'anonymous' });
    expect(
      await domainError(signInStaff(db, limiter, { address, email: 'other@studio.example', password, now })),
    ).toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    await signInStaff(db, limiter, { address, email: 'other@studio.example', password: 'another correct horse', now });
  });

  it('should create a token shown once, stored as its hash with a prefix, its scopes, and an audit row', async () => {
    const expiresAt = new Date(now.getTime() + 30 * 86_400_000);
    const { secret, id } = await createApiToken(db, {
      staffId: ids.agent,
      name: '  deploy script ',
      scopes: ['tickets:read', 'monitoring:report', 'tickets:read'],
      expiresAt,
      now,
    });
    expect(secret).toMatch(/^cdk_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      name: 'deploy script',
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, 10),
      scopes: ['tickets:read', 'monitoring:report'],
      staffId: ids.agent,
      createdAt: now,
      expiresAt,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(await viewerForToken(db, secret, now)).toEqual({
      kind: 'staff',
      staffId: ids.agent,
      role: 'LINE1',
      scopes: new Set(['tickets:read', 'monitoring:report']),
      tokenId: id,
      credential: { checkedAt: expect.any(Number), expiresAt },
    });
    const audit = await db.auditEvent.findMany({ where: { subjectType: 'ApiToken', subjectId: id } });
    expect(audit).toMatchObject([{ action: 'token.create', actorKind: 'STAFF', actorId: ids.agent }]);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('should refuse bad names, scopes and expiries, and inactive or unknown staff, creating nothing', async () => {
    const tokens = await db.apiToken.count();
    const audit = await db.auditEvent.count();
    const base = { staffId: ids.agent, name: 'x', scopes: ['tickets:read'], now };
    const refusals: [Parameters<typeof createApiToken>[1], { code: string; field: string }][] = [
      [
        { ...base, name: '   ' },
        { code: 'INVALID_INPUT', field: 'name' },
      ],
      [
        { ...base, name: 'n'.repeat(101) },
        { code: 'INVALID_INPUT', field: 'name' },
      ],
      [
        { ...base, scopes: [] },
        { code: 'INVALID_INPUT', field: 'scopes' },
      ],
      [
        { ...base, scopes: ['tickets:read', 'everything'] },
        { code: 'INVALID_INPUT', field: 'scopes' },
      ],
      [
        { ...base, expiresAt: now },
        { code: 'INVALID_INPUT', field: 'expiresAt' },
      ],
      [
        { ...base, staffId: ids.gone },
        { code: 'NOT_FOUND', field: 'staffId' },
      ],
      [
        { ...base, staffId: 'no-such-staff' },
        { code: 'NOT_FOUND', field: 'staffId' },
      ],
    ];
    for (const [request, expected] of refusals)
      expect(await domainError(createApiToken(db, request))).toEqual(expected);
    expect(await db.apiToken.count()).toBe(tokens);
    expect(await db.auditEvent.count()).toBe(audit);
    // 100 characters (not UTF-16 units) is still fine.
    await createApiToken(db, { ...base, name: '🔑'.repeat(100) });
  });

  it('should list a staff member’s own tokens, or everyone’s, never with hashes', async () => {
    await createApiToken(db, { staffId: ids.admin, name: 'admin tool', scopes: ['admin'], now });
    const own = await listApiTokens(db, ids.agent);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((token) => token.staffId === ids.agent)).toBe(true);
    expect(own[0]?.staff?.name).toBe('agent person');
    const all = await listApiTokens(db, null);
    expect(all.length).toBe(await db.apiToken.count());
    expect(new Set(all.map((token) => token.staffId))).toEqual(new Set([ids.agent, ids.admin]));
    for (const token of all) expect(token).not.toHaveProperty('tokenHash');
  });

  it('should let staff revoke their own tokens, ADMIN anyone’s, others not even see them; audit and keep lastUsedAt', async () => {
    const mine = await createApiToken(db, { staffId: ids.agent, name: 'mine', scopes: ['tickets:read'], now });
    const later = new Date(now.getTime() + 5 * 60_000);
    await viewerForToken(db, mine.secret, later); // sets lastUsedAt
    const used = await db.apiToken.findUniqueOrThrow({ where: { id: mine.id } });
    expect(used.lastUsedAt).toEqual(later);

    // Someone else (not ADMIN) learns nothing, and changes nothing.
    expect(
      await domainError(revokeApiToken(db, { tokenId: mine.id, byStaffId: ids.other, byRole: 'LINE2', now: later })),
    ).toEqual({ code: 'NOT_FOUND', field: 'tokenId' });
    expect(
      await domainError(revokeApiToken(db, { tokenId: 'no-such-token', byStaffId: ids.agent, byRole: 'LINE1', now })),
    ).toEqual({ code: 'NOT_FOUND', field: 'tokenId' });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: mine.id } })).revokedAt).toBeNull();
    await listApiTokens(db, ids.agent);

    const revokedAt = new Date(later.getTime() + 60_000);
    expect(
      await revokeApiToken(db, { tokenId: mine.id, byStaffId: ids.agent, byRole: 'LINE1', now: revokedAt }),
    ).toEqual({ revoked: true, staffId: ids.agent });
    expect(
      await revokeApiToken(db, { tokenId: mine.id, byStaffId: ids.agent, byRole: 'LINE1', now: new Date() }),
    ).toEqual({ revoked: false, staffId: ids.agent });
    const after = await db.apiToken.findUniqueOrThrow({ where: { id: mine.id } });
    expect(after).toMatchObject({ revokedAt, lastUsedAt: later });
    expect(await viewerForToken(db, mine.secret, revokedAt)).toEqual({ kind: 'anonymous' });

    // ADMIN revokes someone else's token.
    const theirs = await createApiToken(db, { staffId: ids.agent, name: 'theirs', scopes: ['tickets:write'], now });
    expect(
      await revokeApiToken(db, { tokenId: theirs.id, byStaffId: ids.admin, byRole: 'ADMIN', now: revokedAt }),
    ).toEqual({ revoked: true, staffId: ids.agent });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: theirs.id } })).lastUsedAt).toBeNull();

    const audit = await db.auditEvent.findMany({
      where: { action: 'token.revoke', subjectId: { in: [mine.id, theirs.id] } },
      orderBy: { subjectId: 'asc' },
    });
    expect(audit).toHaveLength(2);
    expect(audit.find((event) => event.subjectId === mine.id)).toMatchObject({
      actorKind: 'STAFF',
      actorId: ids.agent,
      subjectType: 'ApiToken',
      createdAt: revokedAt,
      data: { staffId: ids.agent, name: 'mine', prefix: mine.secret.slice(0, 10) },
    });
    expect(audit.find((event) => event.subjectId === theirs.id)).toMatchObject({
      actorKind: 'STAFF',
      actorId: ids.admin,
    });
  });

  it('should set a password from stdin with `caredesk password`, printing nothing, or exit 2 with the reason', async () => {
    const env = { DATABASE_URL: database.url };
    const ok = await runCli(['password', '--email', 'Admin@Studio.example'], env, 'a fine admin password\nnext');
    expect(ok).toEqual({ code: 0, stdout: '', stderr: '' });
    await signInStaff(db, limiter, { address, email: 'admin@studio.example', password: 'a fine admin password', now });

    const weak = await runCli(['password', '--email', 'admin@studio.example'], env, 'short\n');
    expect(weak.code).toBe(2);
    expect(weak.stdout).toBe('');
    expect(weak.stderr).toContain('Use at least 12 characters.');
    const unknown = await runCli(['password', '--email', 'ghost@studio.example'], env, `${password}\n`);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no staff member');
    const usage = await runCli(['password'], env, '');
    expect(usage.code).toBe(2);
    await signInStaff(db, limiter, { address, email: 'admin@studio.example', password: 'a fine admin password', now });
  });

  it('should revoke any token with `caredesk revoke --token-id`, audited as the system', async () => {
    const env = { DATABASE_URL: database.url };
    const { id } = await createApiToken(db, { staffId: ids.agent, name: 'cli victim', scopes: ['tickets:read'], now });
    const result = await runCli(['revoke', '--token-id', id], env, '');
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).not.toBeNull();
    expect(await db.auditEvent.findFirst({ where: { action: 'token.revoke', subjectId: id } })).toMatchObject({
      actorKind: 'SYSTEM',
      actorId: null,
    });
    // The global id the API shows works too; a second revocation only says so.
    const globalId = Buffer.from(`ApiToken:${id}`).toString('base64');
    const again = await runCli(['revoke', '--token-id', globalId], env, '');
    expect(again).toMatchObject({ code: 0, stdout: '' });
    expect(again.stderr).toContain('already revoked');
    const missing = await runCli(['revoke', '--token-id', 'no-such-token'], env, '');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no API token');
  });
});
