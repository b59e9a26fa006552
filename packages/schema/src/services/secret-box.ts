import { createCipheriv, createDecipheriv, createSecretKey, hkdfSync, type KeyObject, randomBytes } from 'node:crypto';

const keyInfo = 'caredesk ticket secrets';
const minimumSecretLength = 32;

/** A value encrypted with AES-256-GCM, each part base64: what a `Secret` row stores. */
export interface SealedValue {
  ciphertext: string;
  iv: string;
  authTag: string;
}

/**
 * The 32-byte AES key for ticket secrets, derived with HKDF-SHA256 from the configured
 * secret string. A KeyObject, so the key bytes never show up when an object is logged.
 * HKDF does not stretch a weak input, so the configured secret must itself be random:
 * shorter than 32 characters is refused.
 */
export function secretBoxKey(configuredSecret: string): KeyObject {
  if (configuredSecret.length < minimumSecretLength)
    throw new Error(`The ticket secrets key must be at least ${minimumSecretLength} random characters`);
  // No salt: the input is already a random key, and the info string separates this use of it.
  const bytes = hkdfSync('sha256', configuredSecret, Buffer.alloc(0), keyInfo, 32);
  return createSecretKey(Buffer.from(bytes));
}

/**
 * Encrypts `plain` with a fresh random 96-bit IV. `context` is authenticated but not stored
 * (e.g. the ticket id), so a ciphertext copied onto another ticket's row will not open.
 */
export function sealValue(plain: string, key: KeyObject, context: string): SealedValue {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return {
    ciphertext: ciphertext.toString('base64'),
    iv: iv.toString('base64'),
    authTag: cipher.getAuthTag().toString('base64'),
  };
}

/** Decrypts a sealed value; throws when the key, the context or any stored part is wrong. */
export function openValue(sealed: SealedValue, key: KeyObject, context: string): string {
  const iv = Buffer.from(sealed.iv, 'base64');
  const authTag = Buffer.from(sealed.authTag, 'base64');
  // Checked here because GCM would otherwise accept other IV and (short, forgeable) tag lengths.
  if (iv.length !== 12 || authTag.length !== 16) throw new Error('A sealed value is malformed');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(authTag);
  return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
}
