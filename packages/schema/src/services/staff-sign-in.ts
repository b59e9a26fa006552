import type { Db } from '../db/client.ts';
import { newSecret } from './access-tokens.ts';
import { normalizeEmail, signIn } from './contact-sign-in.ts';
import { DomainError } from './domain-error.ts';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts';

/**
 * A real scrypt hash (same cost and key length as hashPassword) of a random password nobody
 * knows. Unknown addresses, inactive staff and staff without a password are checked against it,
 * so every refusal costs one scrypt, just like a wrong password: the answer's timing does not
 * tell which addresses belong to staff.
 */
const dummyHash =
  'scrypt$32768$8$1$h4fLatav5f00d6+ITQ+PFQ==$e6RF7RmODI/9LM+3Ov04p1BjVIWxUIR/rdweobc8QhYxm9yOEQs+BYWTGulLqF5FlqukS+V3is1BUpBoHIxiMA==';

/** Refusal of a staff sign-in, the same whatever the reason. */
// TODO: a dedicated INVALID_CREDENTIALS error code would say this better than INVALID_CODE.
const invalidCredentials = () => new DomainError('INVALID_CODE', 'password');

/**
 * Trades a staff member's e-mail and password for a session token (shown once), valid for
 * as long as a contact's session. Unknown address, wrong password, no password set and
 * inactive staff are refused alike, and take alike long.
 */
export async function signInStaff(
  db: Db,
  request: { email: string; password: string; now: Date },
): Promise<{ token: string; expiresAt: Date; staffId: string }> {
  const { now } = request;
  const member = await db.staffMember.findUnique({
    where: { email: normalizeEmail(request.email) },
    select: { id: true, active: true, passwordHash: true },
  });
  const usable = member?.active && member.passwordHash ? member : null;
  // Always one scrypt, even when the answer is already known to be no.
  const matches = await verifyPassword(request.password, usable?.passwordHash ?? dummyHash);
  if (!usable || !matches) throw invalidCredentials();
  const { secret, hash } = newSecret('session');
  const expiresAt = new Date(now.getTime() + signIn.sessionHours * 3_600_000);
  await db.session.create({ data: { tokenHash: hash, staffId: usable.id, createdAt: now, expiresAt } });
  return { token: secret, expiresAt, staffId: usable.id };
}

/**
 * Sets (or replaces) a staff member's password after checking the policy, and ends the
 * sessions they have open: a password is changed when it may be known to someone else.
 * API tokens stay valid (revoke those separately). Returns how many sessions it ended.
 */
export async function setStaffPassword(
  db: Db,
  request: { email: string; password: string; now?: Date },
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
  return db.$transaction(async (tx) => {
    await tx.staffMember.update({ where: { id: member.id }, data: { passwordHash } });
    const ended = await tx.session.updateMany({
      where: { staffId: member.id, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    return { sessionsEnded: ended.count };
  });
}
