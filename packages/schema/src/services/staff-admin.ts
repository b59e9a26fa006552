import type { Db } from '../db/client.ts';
import { defaultSupportLine, StaffRole } from '../domain/staff-role.ts';
import { announceRevoked, type CredentialKey, credentialKey, type RevocationBus } from './access-revoked.ts';
import type { ActorRef } from './actor.ts';
import { audit } from './audit.ts';
import { normalizeEmail } from './contact-sign-in.ts';
import { DomainError } from './domain-error.ts';
import { issuePasswordLink } from './staff-password-links.ts';
import { isUniqueViolation } from './unique-violation.ts';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
type Change = { staffId: string; actor: ActorRef; now: Date };

const isRole = (value: string): value is StaffRole => (Object.values(StaffRole) as string[]).includes(value);

/** The support line a member works at: the one asked for (1–3), or the role's default. */
function supportLineFor(role: StaffRole, asked: number | null | undefined): number | null {
  if (asked === null || asked === undefined) return defaultSupportLine(role);
  if (!Number.isInteger(asked) || asked < 1 || asked > 3) throw new DomainError('INVALID_INPUT', 'supportLine', '1–3');
  return asked;
}

function roleOf(role: string): StaffRole {
  if (!isRole(role)) throw new DomainError('INVALID_INPUT', 'role', `one of ${Object.values(StaffRole).join(', ')}`);
  return role;
}

async function memberOf(db: Pick<Db, 'staffMember'>, staffId: string) {
  const member = await db.staffMember.findUnique({ where: { id: staffId } });
  if (!member) throw new DomainError('NOT_FOUND', 'staffMember');
  return member;
}

/** An admin may not disable or demote themselves: someone else has to. */
function notOnYourself(actor: ActorRef, staffId: string) {
  if (actor.staffId === staffId) throw new DomainError('NOT_ON_YOURSELF', 'staffMember');
}

/**
 * Refuses (rolling the transaction back) a change that left the studio without an active admin.
 * It first writes every active admin's row, so that on PostgreSQL two such changes at once (two
 * admins disabling each other) wait for each other and the second counts what the first did; on
 * SQLite transactions run one at a time anyway.
 */
async function keepAnAdmin(tx: Tx, now: Date) {
  await tx.staffMember.updateMany({ where: { role: 'ADMIN', active: true }, data: { updatedAt: now } });
}
async function stillAnAdmin(tx: Tx) {
  const admins = await tx.staffMember.count({ where: { role: 'ADMIN', active: true } });
  if (admins === 0) throw new DomainError('LAST_ADMIN', 'staffMember');
}

/**
 * An admin invites a person to the studio: a staff member without a password, and a one-time
 * set-password link (mailed through the outbox in their language, and returned once).
 */
export async function inviteStaff(
  db: Db,
  request: {
    email: string;
    name: string;
    role: string;
    supportLine?: number | null;
    locale?: string | null;
    actor: ActorRef;
    now: Date;
  },
) {
  const email = normalizeEmail(request.email);
  if (!/^[^\s@]{1,64}@[^\s@]{1,189}$/.test(email))
    throw new DomainError('INVALID_INPUT', 'email', 'not an e-mail address');
  const name = request.name.trim();
  if (!name || name.length > 100) throw new DomainError('INVALID_INPUT', 'name', '1–100 characters');
  const role = roleOf(request.role);
  const supportLine = supportLineFor(role, request.supportLine);
  const locale = request.locale ?? 'ru';
  if (locale !== 'ru' && locale !== 'en') throw new DomainError('INVALID_INPUT', 'locale', 'ru or en');
  const taken = () => new DomainError('INVALID_INPUT', 'email', 'a staff member with this address exists');
  if (await db.staffMember.findUnique({ where: { email }, select: { id: true } })) throw taken();
  const { now } = request;
  try {
    return await db.$transaction(async (tx) => {
      const member = await tx.staffMember.create({
        data: { email, name, role, supportLine, locale, createdAt: now },
      });
      const link = await issuePasswordLink(tx, member, 'STAFF_INVITE', now);
      await audit(tx, request.actor, 'staff.invite', 'StaffMember', member.id, { role, supportLine }, now);
      return { member, ...link };
    });
  } catch (error) {
    // Invited by someone else at the same moment.
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}

/**
 * An admin gives a member another role (and support line, by default the role's). The member's
 * open subscriptions end at once and every request from now on sees the new role. Nobody changes
 * their own role, and the last active admin stays one.
 */
export async function changeStaffRole(
  db: Db,
  request: Change & { role: string; supportLine?: number | null },
  bus?: RevocationBus,
) {
  const role = roleOf(request.role);
  const supportLine = supportLineFor(role, request.supportLine);
  notOnYourself(request.actor, request.staffId);
  const member = await memberOf(db, request.staffId);
  if (member.role === role && member.supportLine === supportLine) return member;
  const { now } = request;
  const demotesAdmin = member.role === 'ADMIN' && role !== 'ADMIN';
  const updated = await db.$transaction(async (tx) => {
    if (demotesAdmin) await keepAnAdmin(tx, now);
    const updated = await tx.staffMember.update({ where: { id: member.id }, data: { role, supportLine } });
    if (demotesAdmin) await stillAnAdmin(tx);
    const change = { from: member.role, to: role, supportLine };
    await audit(tx, request.actor, 'staff.role', 'StaffMember', member.id, change, now);
    return updated;
  });
  // Subscriptions were opened with the old role; cached viewers hold it too (forgotten on announce).
  if (member.role !== role) announceRevoked(bus, [credentialKey.staff(member.id)]);
  return updated;
}

/**
 * An admin disables a member (someone who left): they can no longer sign in, their sessions and
 * API tokens are revoked, open subscriptions end at once, and unused set-password links stop
 * working. Their tickets stay assigned; the tokens of monitoring agents they registered pass to
 * the disabling admin, so remote monitoring goes on. Nobody disables themselves, nor the last active admin.
 */
export async function disableStaffMember(db: Db, request: Change, bus?: RevocationBus) {
  notOnYourself(request.actor, request.staffId);
  const member = await memberOf(db, request.staffId);
  if (!member.active) return member;
  const { now } = request;
  const { updated, keys } = await db.$transaction(async (tx) => {
    if (member.role === 'ADMIN') await keepAnAdmin(tx, now);
    const updated = await tx.staffMember.update({ where: { id: member.id }, data: { active: false } });
    if (member.role === 'ADMIN') await stillAnAdmin(tx);
    // Remote monitoring agents keep reporting: their tokens pass to the admin who disabled the member.
    const heir = request.actor.kind === 'STAFF' ? request.actor.staffId : null;
    const moved = heir
      ? await tx.apiToken.updateMany({
          where: { staffId: member.id, revokedAt: null, agents: { some: {} } },
          data: { staffId: heir },
        })
      : { count: 0 };
    const [sessions, tokens] = await Promise.all([
      tx.session.findMany({ where: { staffId: member.id, revokedAt: null }, select: { id: true } }),
      tx.apiToken.findMany({ where: { staffId: member.id, revokedAt: null }, select: { id: true } }),
    ]);
    await tx.session.updateMany({ where: { id: { in: sessions.map((s) => s.id) } }, data: { revokedAt: now } });
    await tx.apiToken.updateMany({ where: { id: { in: tokens.map((t) => t.id) } }, data: { revokedAt: now } });
    await tx.staffPasswordLink.deleteMany({ where: { staffId: member.id, usedAt: null } });
    const ended = { sessionsEnded: sessions.length, tokensRevoked: tokens.length, agentTokensMoved: moved.count };
    await audit(tx, request.actor, 'staff.disable', 'StaffMember', member.id, ended, now);
    const keys: CredentialKey[] = [
      credentialKey.staff(member.id),
      ...sessions.map((s) => credentialKey.session(s.id)),
      ...tokens.map((t) => credentialKey.token(t.id)),
    ];
    return { updated, keys };
  });
  announceRevoked(bus, keys);
  return updated;
}

/** An admin enables a disabled member again: they sign in anew (their sessions and tokens stay revoked). */
export async function enableStaffMember(db: Db, request: Change) {
  const member = await memberOf(db, request.staffId);
  if (member.active) return member;
  return db.$transaction(async (tx) => {
    const updated = await tx.staffMember.update({ where: { id: member.id }, data: { active: true } });
    await audit(tx, request.actor, 'staff.enable', 'StaffMember', member.id, {}, request.now);
    return updated;
  });
}

/**
 * An admin resets a member's password: it is cleared, their sessions end (API tokens stay), older
 * set-password links stop working, and a new one is mailed and returned once. A disabled member
 * is refused: enable them first.
 */
export async function resetStaffPassword(db: Db, request: Change, bus?: RevocationBus) {
  const member = await memberOf(db, request.staffId);
  if (!member.active) throw new DomainError('INVALID_INPUT', 'staffMember', 'disabled: enable the member first');
  const { now } = request;
  const { link, sessionIds, updated } = await db.$transaction(async (tx) => {
    const updated = await tx.staffMember.update({ where: { id: member.id }, data: { passwordHash: null } });
    const sessions = await tx.session.findMany({
      where: { staffId: member.id, revokedAt: null },
      select: { id: true },
    });
    await tx.session.updateMany({ where: { id: { in: sessions.map((s) => s.id) } }, data: { revokedAt: now } });
    const link = await issuePasswordLink(tx, member, 'STAFF_PASSWORD_RESET', now);
    const ended = { sessionsEnded: sessions.length };
    await audit(tx, request.actor, 'staff.password.reset', 'StaffMember', member.id, ended, now);
    return { link, sessionIds: sessions.map((s) => s.id), updated };
  });
  announceRevoked(
    bus,
    sessionIds.map((id) => credentialKey.session(id)),
  );
  return { member: updated, ...link };
}
