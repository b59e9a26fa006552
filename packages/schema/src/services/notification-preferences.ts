import type { Db } from '../db/client.ts';

export type NotificationMode = 'OFF' | 'IMMEDIATE' | 'DIGEST';

/** The e-mail address a signed-in contact or staff member is written to. */
export async function addressOf(db: Db, person: { contactId?: string; staffId?: string }): Promise<string | null> {
  if (person.contactId)
    return (await db.contact.findUnique({ where: { id: person.contactId }, select: { email: true } }))?.email ?? null;
  if (person.staffId)
    return (await db.staffMember.findUnique({ where: { id: person.staffId }, select: { email: true } }))?.email ?? null;
  return null;
}

/** How the address wants to hear of changes; IMMEDIATE unless it chose otherwise. */
export async function notificationModeOf(db: Db, address: string): Promise<NotificationMode> {
  const preference = await db.notificationPreference.findUnique({ where: { address } });
  return (preference?.mode as NotificationMode | undefined) ?? 'IMMEDIATE';
}

/** Sets the address's mode; letters already in the outbox keep theirs. */
export async function setNotificationMode(db: Db, address: string, mode: NotificationMode): Promise<NotificationMode> {
  await db.notificationPreference.upsert({ where: { address }, create: { address, mode }, update: { mode } });
  return mode;
}
