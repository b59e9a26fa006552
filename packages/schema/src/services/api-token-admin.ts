import type { Db } from '../db/client.ts';
import { isTokenScope, type StaffRole, type TokenScope } from '../domain/staff-role.ts';
import { announceRevoked, credentialKey, type RevocationBus } from './access-revoked.ts';
import { newSecret, tokenPrefixes } from './access-tokens.ts';
import { DomainError } from './domain-error.ts';

/** How long a token's name may be, in characters. */
export const tokenNameMaxLength = 100;

/** The columns of a token anyone may be shown: never its hash. */
export const apiTokenPublicFields = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  staffId: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  staff: { select: { name: true, email: true } },
} as const;

/** The scopes stored on a token, as the known scopes they are (anything else is dropped). */
export function tokenScopesOf(stored: unknown): TokenScope[] {
  return Array.isArray(stored) ? stored.filter((s): s is TokenScope => typeof s === 'string' && isTokenScope(s)) : [];
}

/** Checks requested scopes: known, at least one; returns them without repeats, in the order given. */
export function parseTokenScopes(scopes: readonly string[]): TokenScope[] {
  const unknown = scopes.filter((s) => !isTokenScope(s));
  if (unknown.length) throw new DomainError('INVALID_INPUT', 'scopes', `unknown scope: ${unknown.join(', ')}`);
  if (scopes.length === 0) throw new DomainError('INVALID_INPUT', 'scopes', 'give at least one scope');
  return [...new Set(scopes as TokenScope[])];
}

/**
 * Creates an API token for an active staff member and returns its secret, the only time it
 * exists in clear, and its id. Audited as 'token.create' (actor: the staff member, or the
 * system when `byStaffId` is null, e.g. the CLI).
 */
export async function createApiToken(
  db: Db,
  request: {
    staffId: string;
    name: string;
    scopes: readonly string[];
    expiresAt?: Date | null;
    now: Date;
    /** Who creates it; defaults to the token's owner. Null: a local operator. */
    byStaffId?: string | null;
  },
): Promise<{ secret: string; id: string }> {
  const { staffId, now } = request;
  const name = request.name.trim();
  const length = [...name].length;
  if (length < 1 || length > tokenNameMaxLength)
    throw new DomainError('INVALID_INPUT', 'name', `a name of 1 to ${tokenNameMaxLength} characters`);
  const scopes = parseTokenScopes(request.scopes);
  const expiresAt = request.expiresAt ?? null;
  if (expiresAt && !(expiresAt.getTime() > now.getTime()))
    throw new DomainError('INVALID_INPUT', 'expiresAt', 'the expiry must lie in the future');
  const byStaffId = request.byStaffId === undefined ? staffId : request.byStaffId;

  const { secret, hash } = newSecret('api');
  const prefix = secret.slice(0, tokenPrefixes.api.length + 6);
  const id = await db.$transaction(async (tx) => {
    const owner = await tx.staffMember.findUnique({ where: { id: staffId }, select: { active: true } });
    if (!owner?.active) throw new DomainError('NOT_FOUND', 'staffId');
    const token = await tx.apiToken.create({
      data: { name, tokenHash: hash, prefix, scopes, staffId, createdAt: now, expiresAt },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: {
        action: 'token.create',
        actorKind: byStaffId ? 'STAFF' : 'SYSTEM',
        actorId: byStaffId,
        subjectType: 'ApiToken',
        subjectId: token.id,
        data: { staffId, name, prefix, scopes, expiresAt: expiresAt?.toISOString() ?? null },
        createdAt: now,
      },
    });
    return token.id;
  });
  return { secret, id };
}

/**
 * Revokes a token: it stops working at once. Staff may revoke their own tokens, ADMIN anyone's;
 * for anyone else the token does not exist (NOT_FOUND, so ids of others' tokens are not confirmed).
 * `byStaffId` null is a local operator (the CLI), who acts as ADMIN and is audited as the system.
 * Returns whether this call revoked it: false when it already was (no second audit row).
 * Once committed, announces it on `bus`, so subscriptions opened with the token end everywhere.
 */
export async function revokeApiToken(
  db: Db,
  request: { tokenId: string; byStaffId: string | null; byRole: StaffRole; now: Date },
  bus?: RevocationBus,
): Promise<{ revoked: boolean; staffId: string | null }> {
  const { tokenId, byStaffId, byRole, now } = request;
  const outcome = await db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({
      where: { id: tokenId },
      select: { id: true, staffId: true, name: true, prefix: true },
    });
    const allowed = token && (byRole === 'ADMIN' || (byStaffId !== null && token.staffId === byStaffId));
    if (!token || !allowed) throw new DomainError('NOT_FOUND', 'tokenId');
    const { count } = await tx.apiToken.updateMany({
      where: { id: token.id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) return { revoked: false, staffId: token.staffId };
    await tx.auditEvent.create({
      data: {
        action: 'token.revoke',
        actorKind: byStaffId ? 'STAFF' : 'SYSTEM',
        actorId: byStaffId,
        subjectType: 'ApiToken',
        subjectId: token.id,
        data: { staffId: token.staffId, name: token.name, prefix: token.prefix },
        createdAt: now,
      },
    });
    return { revoked: true, staffId: token.staffId };
  });
  // Told again when it was revoked already: an earlier word may not have reached every server.
  announceRevoked(bus, [credentialKey.token(tokenId)]);
  return outcome;
}

/** A staff member's tokens (null: everyone's), newest first, revoked and expired ones included; never hashes. */
export function listApiTokens(db: Db, staffId: string | null) {
  return db.apiToken.findMany({
    where: staffId === null ? {} : { staffId },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    select: apiTokenPublicFields,
  });
}
