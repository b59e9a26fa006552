import type { Db } from '../db/client.ts';
import { announceRevoked, credentialKey, type RevocationBus } from './access-revoked.ts';
import { newSecret } from './access-tokens.ts';
import { normalizeEmail, signIn } from './contact-sign-in.ts';
import { DomainError } from './domain-error.ts';
import { countPasswordAttempt, passwordAccepted } from './password-attempts.ts';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts';
import type { RateLimiter } from './rate-limiter.ts';

/**
 * A real scrypt hash (same cost and key length as hashPassword) of a random password nobody
 * knows. Unknown addresses, inactive staff and staff without a password are checked against it,
 * so every refusal costs one scrypt, just like a wrong password: the answer's timing does not
 * tell which addresses belong to staff.
 */
const dummyHash =
  'scrypt$32768$8$1$h4fLatav5f00d6+ITQ+PFQ==$e6RF7RmODI/9LM+3Ov04p1BjVIWxUIR/rdweobc8QhYxm9yOEQs+BYWTGulLqF5FlqukS+V3is1BUpBoHIxiMA==';

/** Refusal of a staff sign-in, the same whatever the reason. */
const invalidCredentials = () => new DomainError('INVALID_CREDENTIALS', 'password');

/**
 * Trades a staff member's e-mail and password for a session token (shown once), valid for
 * as long as a contact's session. Unknown address, wrong password, no password set and
 * inactive staff are refused alike (INVALID_CREDENTIALS), and take alike long. Attempts are
 * limited per account and client `address` (see password-attempts.ts): too many answer
 * RATE_LIMITED before any password is checked.
 */
export async function signInStaff(
  db: Db,
  limiter: RateLimiter,
  request: { email: string; password: string; now: Date; address: string },
): Promise<{ token: string; expiresAt: Date; staffId: string }> {
  const { now, address } = request;
  const email = normalizeEmail(request.email);
  await countPasswordAttempt(limiter, email, address);
  const member = await db.staffMember.findUnique({
    where: { email },
    select: { id: true, active: true, passwordHash: true },
  });
  const usable = member?.active && member.passwordHash ? member : null;
  // Always one scrypt, even when the answer is already known to be no.
  const matches = await verifyPassword(request.password, usable?.passwordHash ?? dummyHash);
  if (!usable || !matches) throw invalidCredentials();
  await passwordAccepted(limiter, email, address);
  const { secret, hash } = newSecret('session');
  const expiresAt = new Date(now.getTime() + signIn.sessionHours * 3_600_000);
  await db.session.create({ data: { tokenHash: hash, staffId: usable.id, createdAt: now, expiresAt } });
  return { token: secret, expiresAt, staffId: usable.id };
}

/**
 * Sets (or replaces) a staff member's password after checking the policy, cancels any unused
 * set-password link, and ends the sessions they have open: a password is changed when it may be known to someone else.
 * API tokens stay valid (revoke those separately). Returns how many sessions it ended; once
 * committed, tells `bus`, so subscriptions opened with those sessions end too.
 */
export async function setStaffPassword(
  db: Db,
  request: { email: string; password: string; now?: Date },
  bus?: RevocationBus,
): Promise<{ sessionsEnded: number }> {
  const reason = checkPasswordPolicy(request.password);
  if (reason) throw new DomainError('INVALID_INPUT', 'password', reason);
  const member = await db.staffMember.findUnique({
    where: { email: normalizeEmail(request.email) },
    select: { id: true },
  });
  if (!member) throw new DomainError('NOT_FOUND', 'email');
  const passwordHash = await hashPassword(request.password);
  const now = request.now ?? new Date();
  const ended = await db.$transaction(async (tx) => {
    await tx.staffMember.update({ where: { id: member.id }, data: { passwordHash } });
    // A pending invitation or reset link must not overwrite the password chosen here.
    await tx.staffPasswordLink.deleteMany({ where: { staffId: member.id, usedAt: null } });
    const { count } = await tx.session.updateMany({
      where: { staffId: member.id, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    const sessions = await tx.session.findMany({ where: { staffId: member.id, revokedAt: now }, select: { id: true } });
    return { count, sessionIds: sessions.map((session) => session.id) };
  });
  announceRevoked(
    bus,
    ended.sessionIds.map((id) => credentialKey.session(id)),
  );
  return { sessionsEnded: ended.count };
}
