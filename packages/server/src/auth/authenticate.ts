import type { Db } from '@caredesk/schema/db';
import { isTokenScope, type StaffRole, type TokenScope } from '@caredesk/schema/domain';
import { anonymous, type Viewer } from '@caredesk/schema/graphql';
import { hashToken } from './api-tokens.ts';

// Writing lastUsedAt on every request would turn reads into writes; once a minute is enough.
const lastUseResolutionMs = 60_000;

/** Resolves a bearer secret to the staff member behind an API token, or anonymous. */
export async function viewerForToken(db: Db, secret: string | null, now: Date): Promise<Viewer> {
  if (!secret) return anonymous;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
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
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > lastUseResolutionMs) {
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  const scopes = new Set<TokenScope>(
    (Array.isArray(token.scopes) ? token.scopes : []).filter(
      (s): s is TokenScope => typeof s === 'string' && isTokenScope(s),
    ),
  );
  return { kind: 'staff', staffId: token.staff.id, role: token.staff.role as StaffRole, scopes };
}
