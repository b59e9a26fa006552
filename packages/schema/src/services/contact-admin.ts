import type { Db } from '../db/client.ts';
import { announceRevoked, type CredentialKey, credentialKey, type RevocationBus } from './access-revoked.ts';
import type { ActorRef } from './actor.ts';
import { audit } from './audit.ts';
import { DomainError } from './domain-error.ts';

async function contactOf(db: Db, contactId: string) {
  const contact = await db.contact.findUnique({ where: { id: contactId } });
  if (!contact) throw new DomainError('NOT_FOUND', 'contactId');
  return contact;
}

/**
 * The studio takes a contact's authorization away: it may still sign in and see its
 * organization's tickets, but no longer files paid or prioritized work. Subscriptions opened
 * while it was authorized end (they may have been granted more).
 */
export async function deauthorizeContact(
  db: Db,
  request: { contactId: string; actor: ActorRef; now: Date },
  bus?: RevocationBus,
) {
  const contact = await contactOf(db, request.contactId);
  if (!contact.authorized) return contact;
  const updated = await db.contact.update({ where: { id: contact.id }, data: { authorized: false } });
  await audit(db, request.actor, 'contact.deauthorize', 'Contact', contact.id, {}, request.now);
  announceRevoked(bus, [credentialKey.contact(contact.id)]);
  return updated;
}

/**
 * The studio deactivates a contact (someone who left the client): it loses its authorization,
 * every session ends at once, and it can no longer sign in. Its tickets and messages stay.
 */
export async function deactivateContact(
  db: Db,
  request: { contactId: string; actor: ActorRef; now: Date },
  bus?: RevocationBus,
) {
  const contact = await contactOf(db, request.contactId);
  if (contact.deactivatedAt) return contact;
  const { now } = request;
  const { updated, sessionIds } = await db.$transaction(async (tx) => {
    const updated = await tx.contact.update({
      where: { id: contact.id },
      data: { deactivatedAt: now, authorized: false },
    });
    const open = await tx.session.findMany({
      where: { contactId: contact.id, revokedAt: null },
      select: { id: true },
    });
    await tx.session.updateMany({ where: { id: { in: open.map((s) => s.id) } }, data: { revokedAt: now } });
    return { updated, sessionIds: open.map((s) => s.id) };
  });
  await audit(
    db,
    request.actor,
    'contact.deactivate',
    'Contact',
    contact.id,
    { sessionsEnded: sessionIds.length },
    now,
  );
  const keys: CredentialKey[] = [
    credentialKey.contact(contact.id),
    ...sessionIds.map((id) => credentialKey.session(id)),
  ];
  announceRevoked(bus, keys);
  return updated;
}

/** The studio lets a deactivated contact sign in again (not authorized until someone authorizes it). */
export async function reactivateContact(db: Db, request: { contactId: string; actor: ActorRef; now: Date }) {
  const contact = await contactOf(db, request.contactId);
  if (!contact.deactivatedAt) return contact;
  const updated = await db.contact.update({ where: { id: contact.id }, data: { deactivatedAt: null } });
  await audit(db, request.actor, 'contact.reactivate', 'Contact', contact.id, {}, request.now);
  return updated;
}
