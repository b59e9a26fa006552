import type { Db } from '../db/client.ts';
import { normalizeEmail } from './contact-sign-in.ts';
import { DomainError } from './domain-error.ts';

/**
 * An authorized contact (or the studio's head or admin) authorizes another person of the same
 * organization to file paid and prioritized work, creating the contact if it is new.
 */
export async function authorizeContact(
  db: Db,
  request: { organizationId: string; email: string; name: string | null; byContactId: string | null; now: Date },
) {
  const email = normalizeEmail(request.email);
  if (!/^[^\s@]{1,64}@[^\s@]{1,189}$/.test(email))
    throw new DomainError('INVALID_INPUT', 'email', 'not an e-mail address');
  const existing = await db.contact.findUnique({ where: { email } });
  if (existing && existing.organizationId !== request.organizationId)
    throw new DomainError('INVALID_INPUT', 'email', 'a contact of another client');
  if (existing?.deactivatedAt)
    throw new DomainError('INVALID_INPUT', 'email', 'deactivated by the studio: reactivate the contact first');
  const data = { authorized: true, authorizedAt: request.now, authorizedById: request.byContactId };
  if (existing) return db.contact.update({ where: { id: existing.id }, data });
  const name = request.name?.trim();
  if (!name) throw new DomainError('INVALID_INPUT', 'name', 'a new contact needs a name');
  return db.contact.create({
    data: { ...data, organizationId: request.organizationId, email, name, createdAt: request.now },
  });
}
