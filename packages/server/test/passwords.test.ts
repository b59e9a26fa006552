import { beforeAll, describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../src/auth/passwords.ts';

const password = 'correct horse battery staple';

describe('password hashing', () => {
  let encoded: string;
  beforeAll(async () => {
    encoded = await hashPassword(password);
  });

  it('should encode the scrypt parameters, a 16-byte salt and a 64-byte hash', () => {
    const [scheme, N, r, p, salt, hash] = encoded.split('$');
    expect([scheme, N, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(hash ?? '', 'base64')).toHaveLength(64);
  });

  it('should verify the right password', async () => {
    expect(await verifyPassword(password, encoded)).toBe(true);
  });

  it('should not verify a wrong password', async () => {
    expect(await verifyPassword('correct horse battery stapler', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
  });

  it('should hash the same password differently every time', async () => {
    const again = await hashPassword(password);
    expect(again).not.toBe(encoded);
    expect(again.split('$')[4]).not.toBe(encoded.split('$')[4]);
    expect(await verifyPassword(password, again)).toBe(true);
  });

  it('should match the same password written in another Unicode form', async () => {
    const composed = await hashPassword('пароль-йод-café');
    expect(await verifyPassword('пароль-йод-café'.normalize('NFD'), composed)).toBe(true);
  });

  it('should return false, not throw, for tampered encodings', async () => {
    const parts = encoded.split('$');
    const withPart = (index: number, value: string) => parts.map((p, i) => (i === index ? value : p)).join('$');
    const hash = Buffer.from(parts[5] ?? '', 'base64');
    hash[0] = (hash[0] ?? 0) ^ 1;
    const tampered = [
      withPart(5, hash.toString('base64')), // one bit of the hash
      withPart(4, Buffer.alloc(16, 7).toString('base64')), // another salt
      withPart(1, '16384'), // another cost
      withPart(2, '9'),
      withPart(5, (parts[5] ?? '').slice(0, 20)), // a truncated hash
    ];
    for (const bad of tampered) expect(await verifyPassword(password, bad)).toBe(false);
  });

  it('should return false, not throw, for malformed encodings', async () => {
    const parts = encoded.split('$');
    const withPart = (index: number, value: string) => parts.map((p, i) => (i === index ? value : p)).join('$');
    const malformed = [
      '',
      password,
      'scrypt',
      `${encoded}$extra`,
      `bcrypt$${parts.slice(1).join('$')}`,
      withPart(1, '0'),
      withPart(1, '-32768'),
      withPart(1, '32767'), // not a power of two
      withPart(1, '1048576'), // far too costly to try
      withPart(1, '32768.5'),
      withPart(2, 'eight'),
      withPart(3, '0'),
      withPart(4, ''),
      withPart(4, 'not base64!'),
      withPart(4, Buffer.alloc(4).toString('base64')), // too short a salt
      withPart(5, ''),
    ];
    for (const bad of malformed) expect(await verifyPassword(password, bad)).toBe(false);
  });
});

describe('the password policy', () => {
  it('should accept a password of at least 12 characters', () => {
    expect(checkPasswordPolicy('abcdefghijkl')).toBeNull();
    expect(checkPasswordPolicy(password)).toBeNull();
    expect(checkPasswordPolicy('aaaaaaaaaaab')).toBeNull();
  });

  it('should refuse a password shorter than 12 characters', () => {
    expect(checkPasswordPolicy('')).toMatch(/12 characters/);
    expect(checkPasswordPolicy('abcdefghijk')).toMatch(/12 characters/);
  });

  it('should count characters, not UTF-16 units', () => {
    expect(checkPasswordPolicy('🔑🔐🗝️🔒🔓🔏')).toMatch(/12 characters/);
  });

  it('should refuse one character repeated, however long', () => {
    expect(checkPasswordPolicy('aaaaaaaaaaaa')).toMatch(/more than one/);
    expect(checkPasswordPolicy('🔑'.repeat(20))).toMatch(/more than one/);
  });
});
