import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { Locale } from '../domain/error-codes.ts';
import { announceRevoked, credentialKey, type RevocationBus } from './access-revoked.ts';
import { newSecret } from './access-tokens.ts';
import { DomainError } from './domain-error.ts';
import type { Mailer } from './mailer.ts';

export const signIn = { codeMinutes: 10, maxAttempts: 5, sessionHours: 12 } as const;

const codeHash = (email: string, code: string) => createHash('sha256').update(`${email}\n${code}`).digest('hex');
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

const letter = {
  ru: (code: string) => ({
    subject: `Код для входа: ${code}`,
    text: `Ваш код для входа в поддержку: ${code}\nОн действует ${signIn.codeMinutes} минут. Если вы не запрашивали код, просто удалите это письмо.`,
  }),
  en: (code: string) => ({
    subject: `Your sign-in code: ${code}`,
    text: `Your code to sign in to support: ${code}\nIt is valid for ${signIn.codeMinutes} minutes. If you did not ask for it, delete this letter.`,
  }),
};

/**
 * Sends a one-time code to a known contact. Answers the same whether or not the address is
 * known, so nobody learns who the studio's clients are.
 */
export async function requestSignInCode(db: Db, mailer: Mailer, request: { email: string; now: Date; locale: Locale }) {
  const email = normalizeEmail(request.email);
  const contact = await db.contact.findUnique({ where: { email }, select: { locale: true, deactivatedAt: true } });
  // A deactivated contact gets no code, and the answer is the same as for a stranger.
  if (!contact || contact.deactivatedAt) return;
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await db.signInCode.create({
    data: {
      email,
      codeHash: codeHash(email, code),
      expiresAt: new Date(request.now.getTime() + signIn.codeMinutes * 60_000),
      createdAt: request.now,
    },
  });
  const locale: Locale = contact.locale === 'en' ? 'en' : 'ru';
  await mailer.send({ to: email, ...letter[locale](code) });
}

/**
 * Trades a valid code for a session token (shown once). Each code allows `signIn.maxAttempts`
 * tries, right or wrong, and signs in once.
 */
export async function signInWithCode(db: Db, request: { email: string; code: string; now: Date }) {
  const email = normalizeEmail(request.email);
  const { now } = request;
  const live = { consumedAt: null, expiresAt: { gt: now }, attempts: { lt: signIn.maxAttempts } };
  const pending = await db.signInCode.findFirst({
    where: { email, ...live },
    orderBy: { createdAt: 'desc' },
    select: { id: true, codeHash: true },
  });
  if (!pending) throw new DomainError('INVALID_CODE', 'code');
  // A try first takes one of the code's attempts, in one conditional update (atomic on SQLite
  // and PostgreSQL alike): however many tries arrive at once, at most maxAttempts are compared.
  const claimed = await db.signInCode.updateMany({
    where: { id: pending.id, ...live },
    data: { attempts: { increment: 1 } },
  });
  const given = Buffer.from(codeHash(email, request.code.trim()));
  if (claimed.count === 0 || !timingSafeEqual(Buffer.from(pending.codeHash), given))
    throw new DomainError('INVALID_CODE', 'code');
  const contact = await db.contact.findUnique({ where: { email }, select: { id: true, deactivatedAt: true } });
  if (!contact || contact.deactivatedAt) throw new DomainError('INVALID_CODE', 'code');
  const { secret, hash } = newSecret('session');
  const expiresAt = new Date(now.getTime() + signIn.sessionHours * 3_600_000);
  // Consume the code only if nobody else did in the meantime: two right tries at once, one session.
  const consumed = await db.signInCode.updateMany({
    where: { id: pending.id, consumedAt: null },
    data: { consumedAt: now },
  });
  if (consumed.count === 0) throw new DomainError('INVALID_CODE', 'code');
  await db.session.create({ data: { tokenHash: hash, contactId: contact.id, createdAt: now, expiresAt } });
  return { token: secret, expiresAt, contactId: contact.id };
}

/** Ends a session: its token stops working at once, and so do subscriptions opened with it (told on `bus`). */
export async function signOut(db: Db, sessionId: string, now: Date, bus?: RevocationBus): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
  announceRevoked(bus, [credentialKey.session(sessionId)]);
}
