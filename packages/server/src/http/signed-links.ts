import { createHmac, timingSafeEqual } from 'node:crypto';

export interface Signer {
  /** A path with an expiry and a signature over both. */
  sign(path: string, expiresAt: Date): string;
  /** Whether a signed path is genuine and not expired at `now`. */
  verify(path: string, expires: string | null, signature: string | null, now: Date): boolean;
}

export function hmacSigner(secret: string): Signer {
  const mac = (path: string, expires: string) =>
    createHmac('sha256', secret).update(`${path}\n${expires}`).digest('base64url');
  return {
    sign(path, expiresAt) {
      const expires = String(Math.floor(expiresAt.getTime() / 1000));
      return `${path}?expires=${expires}&sig=${mac(path, expires)}`;
    },
    verify(path, expires, signature, now) {
      if (!expires || !signature || !/^\d+$/.test(expires)) return false;
      if (Number(expires) * 1000 < now.getTime()) return false;
      const expected = Buffer.from(mac(path, expires));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
