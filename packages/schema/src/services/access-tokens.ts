import { createHash, randomBytes } from 'node:crypto';

/** The kinds of bearer secrets, told apart by their prefix. */
export const tokenPrefixes = {
  api: 'cdk_',
  session: 'cds_',
  ticket: 'cdt_',
  rating: 'cdr_',
  password: 'cdp_',
} as const;

/** A new secret of a kind: 256 random bits, shown once, stored only as its sha256. */
export function newSecret(kind: keyof typeof tokenPrefixes): { secret: string; hash: string } {
  const secret = `${tokenPrefixes[kind]}${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
