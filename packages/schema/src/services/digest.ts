import type { Db } from '../db/client.ts';
import type { Locale } from '../domain/error-codes.ts';
import { renderDigest } from '../domain/mail/letters.ts';

/**
 * Folds the letters held for digest readers into one letter each, once the oldest has waited
 * `everyMs`: the digest goes into the outbox and the held letters are marked sent, in one
 * transaction guarded by their status, so two instances cannot both fold the same letters.
 * Returns how many digests it wrote.
 */
export async function collectDigests(db: Db, now: Date, everyMs: number): Promise<number> {
  const due = await db.outboxMail.findMany({
    where: { digest: true, status: 'PENDING', createdAt: { lte: new Date(now.getTime() - everyMs) } },
    select: { to: true },
    distinct: ['to'],
  });
  let written = 0;
  for (const { to } of due) {
    const held = await db.outboxMail.findMany({
      where: { to, digest: true, status: 'PENDING' },
      orderBy: { createdAt: 'asc' },
    });
    const locale: Locale = held.at(-1)?.locale === 'en' ? 'en' : 'ru';
    const letter = renderDigest(
      locale,
      held.map((h) => ({ subject: h.subject, text: h.text, html: h.html ?? '' })),
    );
    try {
      await db.$transaction(async (tx) => {
        const { count } = await tx.outboxMail.updateMany({
          where: { id: { in: held.map((h) => h.id) }, status: 'PENDING' },
          data: { status: 'SENT', sentAt: now, lastError: 'sent in a digest' },
        });
        if (count !== held.length) throw new DigestRace();
        await tx.outboxMail.create({
          data: { kind: 'DIGEST', to, locale, ...letter, nextAttemptAt: now, createdAt: now },
        });
      });
      written++;
    } catch (error) {
      if (!(error instanceof DigestRace)) throw error;
    }
  }
  return written;
}

class DigestRace extends Error {}
