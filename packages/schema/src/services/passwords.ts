import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

interface Cost {
  N: number;
  r: number;
  p: number;
}

/** The cost of new hashes; old hashes keep theirs, as it is part of the encoding. */
const cost: Cost = { N: 2 ** 15, r: 8, p: 1 };
const saltBytes = 16;
const keyBytes = 64;
/** The shortest password the policy accepts. */
export const passwordMinLength = 12;

function derive(plain: string, salt: Buffer, length: number, options: Cost): Promise<Buffer> {
  // scrypt needs a little over 128·N·r bytes: 32 MiB at N=2^15, r=8, just over Node's default cap.
  const maxmem = 2 * 128 * options.N * options.r;
  return new Promise((resolve, reject) =>
    scrypt(plain.normalize('NFC'), salt, length, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * Hashes a password with scrypt (N=2^15, r=8, p=1, a random 16-byte salt, a 64-byte key),
 * encoded with its parameters as `scrypt$N$r$p$saltB64$hashB64`. Runs on the libuv thread pool
 * (about 100 ms, 32 MiB), not the event loop. The password is NFC-normalized first, so the same
 * word typed on another keyboard still matches.
 */
export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(saltBytes);
  const hash = await derive(plain, salt, keyBytes, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/**
 * True when `plain` is the password `encoded` was made from. False, never an exception,
 * for a wrong password and for anything that is not a sound encoding.
 */
export async function verifyPassword(plain: string, encoded: string): Promise<boolean> {
  const parsed = parse(encoded);
  if (!parsed) return false;
  try {
    const actual = await derive(plain, parsed.salt, parsed.hash.length, parsed.options);
    return timingSafeEqual(actual, parsed.hash);
  } catch {
    return false;
  }
}

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;

function parse(encoded: string): { options: Cost; salt: Buffer; hash: Buffer } | null {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^[1-9]\d{0,9}$/.test(part) ? Number(part) : 0));
  const [salt, hash] = parts.slice(4).map((part) => (base64.test(part) ? Buffer.from(part, 'base64') : null));
  if (!N || !r || !p || !salt || !hash) return null;
  // Bounds keep a stored (or planted) encoding from costing next to nothing, or 256 MiB and seconds.
  if (N < 2 ** 14 || N > 2 ** 17 || (N & (N - 1)) !== 0 || r < 8 || r > 16 || p > 4) return null;
  if (salt.length < 16 || hash.length < 32 || hash.length > 128) return null;
  return { options: { N, r, p }, salt, hash };
}

/** Why a new password is refused, or null when it is acceptable. */
export function checkPasswordPolicy(plain: string): string | null {
  const characters = [...plain];
  if (characters.length < passwordMinLength) return `Use at least ${passwordMinLength} characters.`;
  if (new Set(characters).size === 1) return 'Use more than one different character.';
  return null;
}
