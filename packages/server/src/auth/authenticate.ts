import type { Db } from '@caredesk/schema/db';
import { isTokenScope, type StaffRole, type TokenScope } from '@caredesk/schema/domain';
import { anonymous, type Viewer } from '@caredesk/schema/graphql';
import { hashSecret, tokenPrefixes } from '@caredesk/schema/services';

// Writing lastUsedAt on every request would turn reads into writes; once a minute is enough.
const lastUseResolutionMs = 60_000;
const stale = (last: Date | null, now: Date) => !last || now.getTime() - last.getTime() > lastUseResolutionMs;

/**
 * Resolves a bearer secret to the caller: an API token (staff), a session (contact or staff),
 * or a ticket access token (visitor, accepted only from its site's origins). Anything else,
 * revoked or expired, is anonymous.
 */
export async function viewerForToken(
  db: Db,
  secret: string | null,
  now: Date,
  origin: string | null = null,
): Promise<Viewer> {
  if (!secret) return anonymous;
  if (secret.startsWith(tokenPrefixes.api)) return viewerForApiToken(db, secret, now);
  if (secret.startsWith(tokenPrefixes.session)) return viewerForSession(db, secret, now);
  if (secret.startsWith(tokenPrefixes.ticket)) return viewerForTicketToken(db, secret, origin);
  return anonymous;
}

async function viewerForApiToken(db: Db, secret: string, now: Date): Promise<Viewer> {
  // Taken before the read: a revocation heard after this moment ends what this viewer opens.
  const checkedAt = performance.now();
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashSecret(secret) },
    select: {
      id: true,
      scopes: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      staff: { select: { id: true, role: true, active: true } },
    },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now) || !token.staff?.active)
    return anonymous;
  if (stale(token.lastUsedAt, now)) await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  const scopes = new Set<TokenScope>(
    (Array.isArray(token.scopes) ? token.scopes : []).filter(
      (s): s is TokenScope => typeof s === 'string' && isTokenScope(s),
    ),
  );
  return {
    kind: 'staff',
    staffId: token.staff.id,
    role: token.staff.role as StaffRole,
    scopes,
    tokenId: token.id,
    credential: { checkedAt, expiresAt: token.expiresAt },
  };
}

async function viewerForSession(db: Db, secret: string, now: Date): Promise<Viewer> {
  const checkedAt = performance.now();
  const session = await db.session.findUnique({
    where: { tokenHash: hashSecret(secret) },
    select: {
      id: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      contact: { select: { id: true, organizationId: true, authorized: true, deactivatedAt: true } },
      staff: { select: { id: true, role: true, active: true } },
    },
  });
  if (!session || session.revokedAt || session.expiresAt <= now) return anonymous;
  if (stale(session.lastUsedAt, now)) await db.session.update({ where: { id: session.id }, data: { lastUsedAt: now } });
  if (session.contact && !session.contact.deactivatedAt) {
    const { contact } = session;
    return {
      kind: 'contact',
      contactId: contact.id,
      organizationId: contact.organizationId,
      authorized: contact.authorized,
      sessionId: session.id,
      credential: { checkedAt, expiresAt: session.expiresAt },
    };
  }
  if (session.staff?.active) {
    return {
      kind: 'staff',
      staffId: session.staff.id,
      role: session.staff.role as StaffRole,
      scopes: null,
      sessionId: session.id,
      credential: { checkedAt, expiresAt: session.expiresAt },
    };
  }
  return anonymous;
}

async function viewerForTicketToken(db: Db, secret: string, origin: string | null): Promise<Viewer> {
  const ticket = await db.ticket.findUnique({
    where: { accessTokenHash: hashSecret(secret) },
    select: { id: true, siteId: true, visitorId: true, site: { select: { allowedOrigins: true } } },
  });
  if (!ticket) return anonymous;
  // A browser using the token must be on the ticket's site; scripts without an Origin may too.
  const allowed = Array.isArray(ticket.site?.allowedOrigins) ? ticket.site.allowedOrigins.map(String) : [];
  if (origin && !allowed.includes(origin)) return anonymous;
  return { kind: 'visitor', ticketId: ticket.id, siteId: ticket.siteId, visitorId: ticket.visitorId };
}
