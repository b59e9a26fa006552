import { createHash, randomBytes } from 'node:crypto';

const prefix = 'cdk_';

/** A new API token secret: 256 random bits, shown once, stored only as its hash. */
export function newTokenSecret(): { secret: string; hash: string; prefix: string } {
  const secret = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashToken(secret), prefix: secret.slice(0, prefix.length + 6) };
}

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The bearer secret of an `Authorization: Bearer …` header, if any. */
export function bearerSecret(header: string | null | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}
