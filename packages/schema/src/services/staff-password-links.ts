import type { Db } from '../db/client.ts';
import type { Locale } from '../domain/error-codes.ts';
import { renderStaffPasswordLetter, type StaffPasswordLetterKind } from '../domain/mail/staff-password-letters.ts';
import type { StaffRole } from '../domain/staff-role.ts';
import { announceRevoked, credentialKey, type RevocationBus } from './access-revoked.ts';
import { hashSecret, newSecret } from './access-tokens.ts';
import { audit } from './audit.ts';
import { DomainError } from './domain-error.ts';
import { publicUrlPlaceholder } from './notify.ts';
import { checkPasswordPolicy, hashPassword } from './passwords.ts';

/** How long a set-password link works. */
export const passwordLinkHours = 72;

/** Where a link leads: the console's page that reads the secret from the fragment (never sent to a server). */
export const setPasswordPath = (secret: string) => `/console/set-password#token=${secret}`;

type LinkClient = Pick<Db, 'staffPasswordLink' | 'outboxMail'>;

/**
 * Gives a staff member a new one-time set-password link, valid `passwordLinkHours`: their older
 * unused links stop working, the new one is stored only as its hash, and a letter carrying it goes
 * into the outbox (always at once: it is no ticket news to hold for a digest). Returns the secret,
 * shown this once to the admin who asked. Call inside the transaction of the change it belongs to.
 */
export async function issuePasswordLink(
  tx: LinkClient,
  member: { id: string; email: string; name: string; locale: string },
  kind: StaffPasswordLetterKind,
  now: Date,
): Promise<{ secret: string; expiresAt: Date }> {
  await tx.staffPasswordLink.deleteMany({ where: { staffId: member.id, usedAt: null } });
  const { secret, hash } = newSecret('password');
  const expiresAt = new Date(now.getTime() + passwordLinkHours * 3_600_000);
  await tx.staffPasswordLink.create({ data: { staffId: member.id, tokenHash: hash, createdAt: now, expiresAt } });
  const locale: Locale = member.locale === 'en' ? 'en' : 'ru';
  // The sender puts PUBLIC_URL in place of the placeholder.
  const link = `${publicUrlPlaceholder}${setPasswordPath(secret)}`;
  const letter = renderStaffPasswordLetter(kind, locale, { name: member.name, link, validHours: passwordLinkHours });
  await tx.outboxMail.create({
    data: { kind, to: member.email, locale, ...letter, nextAttemptAt: now, createdAt: now },
  });
  return { secret, expiresAt };
}

/** Any refusal of a link, the same whether it is unknown, used, expired or its member disabled. */
const invalidLink = () => new DomainError('INVALID_LINK', 'token');

/**
 * Sets a staff member's password with a one-time link. The password policy is checked first (a
 * refused password leaves the link usable); then one conditional update takes the link (unused
 * and unexpired), so of two uses at once exactly one succeeds, and the password is set in the
 * same transaction. Sessions the member has open end (told on `bus`). Returns the member's e-mail,
 * to sign in with.
 */
export async function setPasswordWithLink(
  db: Db,
  request: { token: string; password: string; now: Date },
  bus?: RevocationBus,
): Promise<{ staffId: string; email: string }> {
  const reason = checkPasswordPolicy(request.password);
  if (reason) throw new DomainError('INVALID_INPUT', 'password', reason);
  const { now } = request;
  const link = await db.staffPasswordLink.findUnique({
    where: { tokenHash: hashSecret(request.token.trim()) },
    select: { id: true, staff: { select: { id: true, email: true, role: true, active: true } } },
  });
  if (!link?.staff.active) throw invalidLink();
  const { staff } = link;
  const passwordHash = await hashPassword(request.password);
  const sessionIds = await db.$transaction(async (tx) => {
    const taken = await tx.staffPasswordLink.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (taken.count !== 1) throw invalidLink();
    // Disabled since the link was read: the link is refused and stays unused (rolled back).
    const member = await tx.staffMember.updateMany({ where: { id: staff.id, active: true }, data: { passwordHash } });
    if (member.count !== 1) throw invalidLink();
    const open = await tx.session.findMany({ where: { staffId: staff.id, revokedAt: null }, select: { id: true } });
    await tx.session.updateMany({ where: { id: { in: open.map((s) => s.id) } }, data: { revokedAt: now } });
    const actor = { kind: 'STAFF', role: staff.role as StaffRole, staffId: staff.id } as const;
    await audit(tx, actor, 'staff.password.set', 'StaffMember', staff.id, { sessionsEnded: open.length }, now);
    return open.map((s) => s.id);
  });
  announceRevoked(
    bus,
    sessionIds.map((id) => credentialKey.session(id)),
  );
  return { staffId: staff.id, email: staff.email };
}
