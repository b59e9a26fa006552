import type { Db } from '@caredesk/schema/db';
import type { EndReason, OpenSubscription } from './open-subscriptions.ts';
import type { WatchedCredential } from './watched-credential.ts';

/** A token's or session's row as the re-check reads it; null: it is gone. */
interface CredentialRow {
  revokedAt: Date | null;
  expiresAt: Date | null;
  staff: { id: string; role: string; active: boolean } | null;
  contact?: { id: string; organizationId: string; authorized: boolean; deactivatedAt: Date | null } | null;
}

const holder = {
  staff: { select: { id: true, role: true, active: true } },
  contact: { select: { id: true, organizationId: true, authorized: true, deactivatedAt: true } },
} as const;

/**
 * Whether a subscription's credential still holds as it was when the subscription started;
 * else why it must end. A staff member disabled or given another role, or a contact that lost
 * its authorization, was deactivated or moved to another organization, ends it too.
 */
export function stillHolds(credential: WatchedCredential, row: CredentialRow | null, now: Date): EndReason | null {
  if (!row || row.revokedAt) return 'revoked';
  if (row.expiresAt && row.expiresAt <= now) return 'expired';
  const was = credential.holder;
  if (was.kind === 'staff') {
    return row.staff?.id === was.staffId && row.staff.active && row.staff.role === was.role ? null : 'revoked';
  }
  const contact = row.contact;
  if (
    !contact ||
    contact.deactivatedAt ||
    contact.id !== was.contactId ||
    contact.organizationId !== was.organizationId
  )
    return 'revoked';
  return was.authorized && !contact.authorized ? 'revoked' : null;
}

/**
 * Re-reads the credentials of the open subscriptions (one query per kind, tokens and sessions,
 * however many are open) and ends those that no longer hold. Catches what no announcement
 * reached: a change made by a script without Redis, or straight in the database.
 */
export async function recheckOpenSubscriptions(db: Db, open: OpenSubscription[], now: Date): Promise<number> {
  if (open.length === 0) return 0;
  const ids = (kind: 'token' | 'session') => [
    ...new Set(open.filter((o) => o.credential.source.kind === kind).map((o) => o.credential.source.id)),
  ];
  const [tokenIds, sessionIds] = [ids('token'), ids('session')];
  const [tokens, sessions] = await Promise.all([
    tokenIds.length
      ? db.apiToken.findMany({
          where: { id: { in: tokenIds } },
          select: { id: true, revokedAt: true, expiresAt: true, staff: holder.staff },
        })
      : [],
    sessionIds.length
      ? db.session.findMany({
          where: { id: { in: sessionIds } },
          select: { id: true, revokedAt: true, expiresAt: true, ...holder },
        })
      : [],
  ]);
  const rows = new Map<string, CredentialRow>([
    ...tokens.map((row) => [`token:${row.id}`, row] as const),
    ...sessions.map((row) => [`session:${row.id}`, row] as const),
  ]);
  let ended = 0;
  for (const subscription of open) {
    const { source } = subscription.credential;
    const reason = stillHolds(subscription.credential, rows.get(`${source.kind}:${source.id}`) ?? null, now);
    if (reason && !subscription.ended) {
      subscription.end(reason);
      ended += 1;
    }
  }
  return ended;
}
