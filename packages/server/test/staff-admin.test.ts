import type { StaffRole } from '@caredesk/schema/domain';
import {
  changeStaffRole,
  DomainError,
  disableStaffMember,
  hashSecret,
  setStaffPassword,
  systemActor,
} from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { issueApiToken } from '../src/auth/issue-token.ts';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { errorOf, globalId, revocationFixture } from './support/revocation-fixture.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const publicUrl = 'https://desk.studio.example';
const password = 'a brand new and long password';
const memberFields = 'id email name role supportLine active passwordSet passwordLinkExpiresAt createdAt';
const linkFields = `setPasswordUrl expiresAt staffMember { ${memberFields} }`;

type Member = {
  id: string;
  email: string;
  role: StaffRole;
  supportLine: number | null;
  active: boolean;
  passwordSet: boolean;
  passwordLinkExpiresAt: string | null;
};
type Answer = { __typename: string; code?: string; field?: string; staffMember?: Member } & Record<string, unknown>;

/** The secret of a set-password link (its fragment). */
const secretOf = (url: string) => new URL(url).hash.replace(/^#token=/, '');

describeEachDatabase('the studio’s admins manage its staff', (provider) => {
  const f = revocationFixture(provider, { PUBLIC_URL: publicUrl, RATE_LIMIT_SIGNIN_IP: '1000/600' });
  const db = () => f.t.database.db;
  const tokenOf = (role: string) => f.demo.staff.find((s) => s.role === role)?.token ?? '';
  const idOf = async (email: string) =>
    globalId('StaffMember', (await db().staffMember.findUniqueOrThrow({ where: { email } })).id);
  const call = async (field: string, inputType: string, input: Record<string, unknown>, token?: string) => {
    const payload =
      field === 'setStaffPassword'
        ? '... on SetStaffPasswordPayload { email }'
        : field === 'inviteStaff' || field === 'resetStaffPassword'
          ? `... on StaffPasswordLinkPayload { ${linkFields} }`
          : `... on StaffMemberPayload { staffMember { ${memberFields} } }`;
    const answer = await f.t.gql<Record<string, Answer>>(
      `mutation ($i: ${inputType}!) { ${field}(input: $i) { __typename ${payload} ... on DomainError { code field } } }`,
      { i: input },
      token,
    );
    return { answer: answer.data?.[field], errors: answer.errors };
  };
  const invite = async (input: Record<string, unknown>, token = f.demo.adminToken) =>
    (await call('inviteStaff', 'InviteStaffInput', input, token)).answer as Answer;
  const setPassword = async (token: string, chosen = password) =>
    (await call('setStaffPassword', 'SetStaffPasswordInput', { token, password: chosen })).answer as Answer;
  const onMember = async (field: string, email: string, token = f.demo.adminToken) =>
    (await call(field, 'StaffMemberInput', { staffMember: await idOf(email) }, token)).answer as Answer;
  const changeRole = async (email: string, role: StaffRole, token = f.demo.adminToken) =>
    (await call('changeStaffRole', 'ChangeStaffRoleInput', { staffMember: await idOf(email), role }, token))
      .answer as Answer;
  const signIn = async (email: string, chosen = password) =>
    (
      await f.t.gql<{ signInStaff: { token?: string; code?: string } }>(
        'mutation ($i: StaffSignInInput!) { signInStaff(input: $i) { ... on StaffSessionPayload { token } ... on DomainError { code } } }',
        { i: { email, password: chosen } },
      )
    ).data?.signInStaff;
  const kindOf = async (token: string) =>
    (await f.t.gql<{ viewer: { kind: string } }>('{ viewer { kind } }', {}, token)).data?.viewer.kind;
  const studioStaff = (token: string) =>
    f.t.gql<{ studioStaff: Member[] }>(`{ studioStaff { ${memberFields} } }`, {}, token);

  it('should invite a member with a mailed one-time link that sets the password they then sign in with', async () => {
    const invited = await invite({
      email: ' New.Line@Studio.example ',
      name: 'Нина Новая',
      role: 'LINE2',
      locale: 'en',
    });
    expect(invited.__typename).toBe('StaffPasswordLinkPayload');
    expect(invited.staffMember).toMatchObject({
      email: 'new.line@studio.example',
      role: 'LINE2',
      supportLine: 2,
      active: true,
      passwordSet: false,
      passwordLinkExpiresAt: invited.expiresAt,
    });
    const hours = (Date.parse(String(invited.expiresAt)) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    const url = String(invited.setPasswordUrl);
    expect(url).toMatch(/^https:\/\/desk\.studio\.example\/console\/set-password#token=cdp_[\w-]{43}$/);
    const secret = secretOf(url);

    // The letter waits in the outbox, in the member's language, with the link; only the hash is stored.
    const letter = await db().outboxMail.findFirstOrThrow({ where: { to: 'new.line@studio.example' } });
    expect(letter).toMatchObject({
      kind: 'STAFF_INVITE',
      locale: 'en',
      subject: 'You are invited to the support desk',
    });
    expect(letter.text).toContain(`{{PUBLIC_URL}}/console/set-password#token=${secret}`);
    expect(letter.html).toContain(`{{PUBLIC_URL}}/console/set-password#token=${secret}`);
    const link = await db().staffPasswordLink.findFirstOrThrow({
      where: { staff: { email: 'new.line@studio.example' } },
    });
    expect(link.tokenHash).toBe(hashSecret(secret));
    expect(JSON.stringify(link)).not.toContain(secret);

    // A password the policy refuses leaves the link usable.
    expect(await setPassword(secret, 'short')).toMatchObject({ code: 'INVALID_INPUT', field: 'password' });
    expect(await setPassword(secret)).toEqual({
      __typename: 'SetStaffPasswordPayload',
      email: 'new.line@studio.example',
    });
    expect((await signIn('new.line@studio.example'))?.token).toMatch(/^cds_/);
    const listed = (await studioStaff(f.demo.adminToken)).data?.studioStaff.find(
      (m) => m.email === 'new.line@studio.example',
    );
    expect(listed).toMatchObject({ passwordSet: true, passwordLinkExpiresAt: null });
    const audited = await db().auditEvent.findMany({
      where: { subjectId: link.staffId },
      orderBy: { createdAt: 'asc' },
    });
    expect(audited.map((event) => event.action)).toEqual(['staff.invite', 'staff.password.set']);
  });

  it('should take a link once, not after 72 hours, and refuse a used, an expired and a made-up link alike', async () => {
    const first = await invite({ email: 'once@studio.example', name: 'Однажды', role: 'LINE1' });
    const secret = secretOf(String(first.setPasswordUrl));
    expect((await setPassword(secret)).__typename).toBe('SetStaffPasswordPayload');
    expect(await setPassword(secret, 'another long enough password')).toMatchObject({
      code: 'INVALID_LINK',
      field: 'token',
    });
    expect((await signIn('once@studio.example', 'another long enough password'))?.code).toBe('INVALID_CREDENTIALS');

    const late = await invite({ email: 'late@studio.example', name: 'Поздний', role: 'LINE1' });
    await db().staffPasswordLink.updateMany({
      where: { staff: { email: 'late@studio.example' } },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await setPassword(secretOf(String(late.setPasswordUrl)))).toMatchObject({ code: 'INVALID_LINK' });
    expect(await setPassword('cdp_made-up')).toMatchObject({ code: 'INVALID_LINK' });
    const member = await db().staffMember.findUniqueOrThrow({ where: { email: 'late@studio.example' } });
    expect(member.passwordHash).toBeNull();
  });

  it('should let only one of two uses of the same link at once succeed', async () => {
    const invited = await invite({ email: 'twice@studio.example', name: 'Дважды', role: 'LINE3' });
    const secret = secretOf(String(invited.setPasswordUrl));
    const passwords = ['the first long password', 'the second long password'];
    const answers = await Promise.all(passwords.map((chosen) => setPassword(secret, chosen)));
    expect(answers.map((a) => a.__typename).sort()).toEqual(['DomainError', 'SetStaffPasswordPayload']);
    const won = passwords[answers.findIndex((a) => a.__typename === 'SetStaffPasswordPayload')] as string;
    const lost = passwords.find((p) => p !== won) as string;
    expect((await signIn('twice@studio.example', won))?.token).toMatch(/^cds_/);
    expect((await signIn('twice@studio.example', lost))?.code).toBe('INVALID_CREDENTIALS');
  });

  it('should refuse a taken address and bad input with typed errors, and change nothing', async () => {
    const count = async () => [
      await db().staffMember.count(),
      await db().staffPasswordLink.count(),
      await db().outboxMail.count(),
    ];
    const before = await count();
    const base = { email: 'fresh@studio.example', name: 'Свежий', role: 'LINE1' };
    expect(await invite({ ...base, email: 'LINE1@studio.example' })).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'email',
    });
    expect(await invite({ ...base, email: 'not an address' })).toMatchObject({ field: 'email' });
    expect(await invite({ ...base, name: '   ' })).toMatchObject({ code: 'INVALID_INPUT', field: 'name' });
    expect(await invite({ ...base, supportLine: 7 })).toMatchObject({ code: 'INVALID_INPUT', field: 'supportLine' });
    expect(await invite({ ...base, locale: 'de' })).toMatchObject({ code: 'INVALID_INPUT', field: 'locale' });
    const badRole = await call('inviteStaff', 'InviteStaffInput', { ...base, role: 'OWNER' }, f.demo.adminToken);
    expect(badRole.errors?.length).toBeGreaterThan(0);
    const unknown = globalId('StaffMember', 'cl00000000000000000000000');
    const changed = await call(
      'changeStaffRole',
      'ChangeStaffRoleInput',
      { staffMember: unknown, role: 'LINE2' },
      f.demo.adminToken,
    );
    expect(changed.answer).toMatchObject({ code: 'NOT_FOUND', field: 'staffMember' });
    for (const field of ['disableStaffMember', 'enableStaffMember', 'resetStaffPassword'])
      expect((await call(field, 'StaffMemberInput', { staffMember: unknown }, f.demo.adminToken)).answer).toMatchObject(
        { code: 'NOT_FOUND' },
      );
    expect(await count()).toEqual(before);
  });

  it('should keep the monitoring agents a disabled member registered reporting, their tokens passed to the admin', async () => {
    const invited = await invite({ email: 'agents@studio.example', name: 'Agent keeper', role: 'HEAD' });
    await setPassword(secretOf(String(invited.setPasswordUrl)));
    const session = (await signIn('agents@studio.example'))?.token ?? '';
    const registered = await f.t.gql<{ registerMonitorAgent: { token?: string } }>(
      'mutation { registerMonitorAgent(name: "probe-kept", location: "Riga") { ... on RegisterMonitorAgentPayload { token } } }',
      {},
      session,
    );
    const agentToken = registered.data?.registerMonitorAgent.token ?? '';
    expect(agentToken).toMatch(/^cdk_/);
    expect((await onMember('disableStaffMember', 'agents@studio.example')).staffMember?.active).toBe(false);
    expect(await kindOf(session)).toBe('ANONYMOUS');
    expect(await kindOf(agentToken)).toBe('STAFF');
    const admin = await db().staffMember.findUniqueOrThrow({ where: { email: 'admin@studio.example' } });
    const token = await db().apiToken.findFirstOrThrow({ where: { agents: { some: { name: 'probe-kept' } } } });
    expect(token).toMatchObject({ staffId: admin.id, revokedAt: null });
  });

  it('should cancel a pending link when the password is set from the command line', async () => {
    const invited = await invite({ email: 'cli@studio.example', name: 'Set by script', role: 'LINE1' });
    await setStaffPassword(db(), { email: 'cli@studio.example', password: 'chosen on the command line' });
    expect(await setPassword(secretOf(String(invited.setPasswordUrl)))).toMatchObject({ code: 'INVALID_LINK' });
    expect((await signIn('cli@studio.example', 'chosen on the command line'))?.token).toMatch(/^cds_/);
  });

  it('should end the member’s session and open subscription on a password reset, keep their API token, and honour only the newest link', async () => {
    const email = 'line3@studio.example';
    const session = await f.staffSession(email);
    const apiToken = tokenOf('LINE3');
    const subscription = await f.watch(session);
    const older = await onMember('resetStaffPassword', email);
    expect(older.staffMember).toMatchObject({ passwordSet: false, active: true });
    expect(errorOf((await subscription.ended).payloads.at(-1))?.extensions).toEqual({
      code: 'FORBIDDEN',
      reason: 'ACCESS_REVOKED',
    });
    expect(await kindOf(session)).toBe('ANONYMOUS');
    expect(await kindOf(apiToken)).toBe('STAFF');
    const newer = await onMember('resetStaffPassword', email);
    const letters = await db().outboxMail.findMany({ where: { to: email, kind: 'STAFF_PASSWORD_RESET' } });
    expect(letters.map((l) => l.subject)).toEqual(['Задайте новый пароль', 'Задайте новый пароль']);
    expect(await setPassword(secretOf(String(older.setPasswordUrl)))).toMatchObject({ code: 'INVALID_LINK' });
    expect((await setPassword(secretOf(String(newer.setPasswordUrl)))).__typename).toBe('SetStaffPasswordPayload');
    expect((await signIn(email))?.token).toMatch(/^cds_/);
  });

  it('should make a disabled member’s session and API token anonymous at once, end their subscription and leave their tickets assigned', async () => {
    const email = 'line2@studio.example';
    const member = await db().staffMember.findUniqueOrThrow({ where: { email } });
    await db().ticket.update({ where: { id: f.ticketId }, data: { assigneeId: member.id } });
    const session = await f.staffSession(email);
    const token = await issueApiToken(db(), { staffId: member.id, name: 'line 2', scopes: ['tickets:read'] });
    const subscription = await f.watch(token);
    // Both are in the viewer cache now.
    expect([await kindOf(session), await kindOf(token)]).toEqual(['STAFF', 'STAFF']);

    const disabled = await onMember('disableStaffMember', email);
    expect(disabled.staffMember).toMatchObject({ active: false });
    expect([await kindOf(session), await kindOf(token), await kindOf(tokenOf('LINE2'))]).toEqual([
      'ANONYMOUS',
      'ANONYMOUS',
      'ANONYMOUS',
    ]);
    expect(errorOf((await subscription.ended).payloads.at(-1))?.extensions?.reason).toBe('ACCESS_REVOKED');
    expect((await signIn(email, 'a long and correct horse battery'))?.code).toBe('INVALID_CREDENTIALS');
    expect((await db().ticket.findUniqueOrThrow({ where: { id: f.ticketId } })).assigneeId).toBe(member.id);
    const everyone = (await studioStaff(tokenOf('HEAD'))).data?.studioStaff ?? [];
    expect(everyone.find((m) => m.email === email)).toMatchObject({ active: false });
    expect(await onMember('resetStaffPassword', email)).toMatchObject({ code: 'INVALID_INPUT', field: 'staffMember' });

    const enabled = await onMember('enableStaffMember', email);
    expect(enabled.staffMember).toMatchObject({ active: true });
    expect([await kindOf(session), await kindOf(token)]).toEqual(['ANONYMOUS', 'ANONYMOUS']);
    expect((await signIn(email, 'a long and correct horse battery'))?.token).toMatch(/^cds_/);
  });

  it('should give a head of support demoted to line 1 only line 1’s access on the very next request', async () => {
    const email = 'head@studio.example';
    const session = await f.staffSession(email);
    expect((await studioStaff(session)).errors).toBeUndefined();
    expect((await studioStaff(session)).errors).toBeUndefined();
    const subscription = await f.watch(session);
    const demoted = await changeRole(email, 'LINE1');
    expect(demoted.staffMember).toMatchObject({ role: 'LINE1', supportLine: 1, active: true });
    expect(errorOf((await subscription.ended).payloads.at(-1))?.extensions?.code).toBe('FORBIDDEN');
    expect((await studioStaff(session)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await kindOf(session)).toBe('STAFF');
    expect((await changeRole(email, 'HEAD')).staffMember).toMatchObject({ role: 'HEAD', supportLine: null });
    expect((await studioStaff(session)).errors).toBeUndefined();
  });

  it('should refuse an admin disabling or demoting themselves, and never leave the studio without an active admin', async () => {
    const admin = await db().staffMember.findUniqueOrThrow({ where: { email: 'admin@studio.example' } });
    expect(await onMember('disableStaffMember', admin.email)).toMatchObject({ code: 'NOT_ON_YOURSELF' });
    expect(await changeRole(admin.email, 'HEAD')).toMatchObject({ code: 'NOT_ON_YOURSELF' });
    // Only a script could try it on the last admin: the guard holds there too.
    const request = { staffId: admin.id, actor: systemActor, now: new Date() };
    await expect(disableStaffMember(db(), request)).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    await expect(changeStaffRole(db(), { ...request, role: 'HEAD' })).rejects.toBeInstanceOf(DomainError);
    expect(await db().staffMember.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
      role: 'ADMIN',
      active: true,
    });
    expect(await kindOf(f.demo.adminToken)).toBe('STAFF');
  });

  it('should refuse line staff, the head of support, the accountant, contacts and strangers, and change nothing', async () => {
    const contact = await f.contactSession('owner@flowers.example');
    const snapshot = async () =>
      JSON.stringify([
        await db().staffMember.findMany({ orderBy: { id: 'asc' } }),
        await db().staffPasswordLink.count(),
        await db().outboxMail.count(),
        await db().session.count({ where: { revokedAt: null } }),
      ]);
    const before = await snapshot();
    const target = await idOf('line1@studio.example');
    const attempts: [string, string, Record<string, unknown>][] = [
      ['inviteStaff', 'InviteStaffInput', { email: 'sneaky@studio.example', name: 'S', role: 'ADMIN' }],
      ['changeStaffRole', 'ChangeStaffRoleInput', { staffMember: target, role: 'ADMIN' }],
      ['disableStaffMember', 'StaffMemberInput', { staffMember: target }],
      ['enableStaffMember', 'StaffMemberInput', { staffMember: target }],
      ['resetStaffPassword', 'StaffMemberInput', { staffMember: target }],
    ];
    const callers = {
      LINE1: tokenOf('LINE1'),
      HEAD: tokenOf('HEAD'),
      ACCOUNTANT: tokenOf('ACCOUNTANT'),
      contact,
      anonymous: undefined,
    };
    for (const [who, token] of Object.entries(callers)) {
      for (const [field, inputType, input] of attempts) {
        const { answer, errors } = await call(field, inputType, input, token);
        expect(answer, `${field} as ${who}`).toBeUndefined();
        expect(errors?.[0]?.extensions?.code).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      }
      const read = await studioStaff(token as string);
      if (who === 'HEAD') expect(read.errors).toBeUndefined();
      else expect(read.errors?.[0]?.extensions?.code).toBe(who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
    expect(await snapshot()).toBe(before);
    // The head of support sees every role.
    const everyone = (await studioStaff(tokenOf('HEAD'))).data?.studioStaff ?? [];
    expect(new Set(everyone.map((m) => m.role))).toEqual(
      new Set(['ADMIN', 'HEAD', 'LINE1', 'LINE2', 'LINE3', 'ACCOUNTANT']),
    );
    // Line staff keep seeing what they saw, not the new fields.
    const seen = await f.t.gql('{ staffMembers { name passwordSet } }', {}, tokenOf('LINE1'));
    expect(seen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  // Last: it may disable the demo admin (it puts everything back).
  it('should keep exactly one active admin when two admins disable each other at once', async () => {
    const invited = await invite({ email: 'second.admin@studio.example', name: 'Второй Админ', role: 'ADMIN' });
    await setPassword(secretOf(String(invited.setPasswordUrl)));
    const second = (await signIn('second.admin@studio.example'))?.token ?? '';
    const results = await Promise.all([
      onMember('disableStaffMember', 'second.admin@studio.example', f.demo.adminToken),
      onMember('disableStaffMember', 'admin@studio.example', second),
    ]);
    const admins = await db().staffMember.findMany({ where: { role: 'ADMIN', active: true } });
    expect(admins).toHaveLength(1);
    expect(results.filter((r) => r?.__typename === 'StaffMemberPayload')).toHaveLength(1);
    // Put the demo admin back as it was.
    const demoAdmin = await db().staffMember.update({
      where: { email: 'admin@studio.example' },
      data: { active: true },
    });
    await db().apiToken.updateMany({ where: { staffId: demoAdmin.id }, data: { revokedAt: null } });
  });
});

describeEachDatabase('set-password links are rate-limited like sign-in', (provider) => {
  let t: TestApp;
  let demo: DemoCredentials;
  beforeAll(async () => {
    t = await createTestApp(provider, { env: { RATE_LIMIT_SIGNIN_IP: '3/600' } });
    demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
  });
  afterAll(() => t.close());

  it('should answer RATE_LIMITED after the address’s sign-in attempts are spent, even for a good link', async () => {
    const invited = await t.gql<{ inviteStaff: { setPasswordUrl: string } }>(
      'mutation { inviteStaff(input: { email: "limited@studio.example", name: "L", role: LINE1 }) { ... on StaffPasswordLinkPayload { setPasswordUrl } } }',
      {},
      demo.adminToken,
    );
    const good = secretOf(invited.data?.inviteStaff.setPasswordUrl ?? '');
    const use = async (token: string) =>
      (
        await t.gql<{ setStaffPassword: { code?: string; retryAfterSeconds?: number } }>(
          'mutation ($i: SetStaffPasswordInput!) { setStaffPassword(input: $i) { ... on DomainError { code retryAfterSeconds } } }',
          { i: { token, password } },
        )
      ).data?.setStaffPassword;
    for (let i = 0; i < 3; i++) expect((await use(`cdp_guess${i}`))?.code).toBe('INVALID_LINK');
    const refused = await use(good);
    expect(refused?.code).toBe('RATE_LIMITED');
    expect(refused?.retryAfterSeconds).toBeGreaterThan(0);
    const member = await t.database.db.staffMember.findUniqueOrThrow({ where: { email: 'limited@studio.example' } });
    expect(member.passwordHash).toBeNull();
  });
});
