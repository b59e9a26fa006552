import type { Db } from '../db/client.ts';

/** A letter taken from the outbox by one sender for one attempt. */
export interface ClaimedMail {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  ticketId: string | null;
  attempts: number;
}

export interface OutboxTiming {
  /** How long a claim holds before another sender may take the letter (a sender that died). */
  leaseMs: number;
  /** First retry delay; doubled each attempt up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many attempts the letter is FAILED and left for a person to look at. */
  maxAttempts: number;
  /** How long the oldest letter held for a digest reader waits before the digest goes. */
  digestEveryMs: number;
}

export const defaultOutboxTiming: OutboxTiming = {
  leaseMs: 5 * 60_000,
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 3_600_000,
  maxAttempts: 12,
  digestEveryMs: 24 * 3_600_000,
};

/** Exponential backoff: base, 2×base, 4×base … capped. */
export function retryDelayMs(attempts: number, timing: OutboxTiming): number {
  return Math.min(timing.maxDelayMs, timing.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Takes up to `batch` due letters for this sender. A claim moves the letter's next attempt
 * past the lease with a guarded update (same attempts, still due), so of two instances
 * claiming at once exactly one wins each letter; a sender that dies mid-send leaves the
 * letter to be taken again when the lease runs out.
 */
export async function claimOutbox(db: Db, now: Date, timing: OutboxTiming, batch = 20): Promise<ClaimedMail[]> {
  const due = await db.outboxMail.findMany({
    where: { status: 'PENDING', digest: false, nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: 'asc' },
    take: batch,
  });
  const claimed: ClaimedMail[] = [];
  for (const mail of due) {
    const { count } = await db.outboxMail.updateMany({
      where: { id: mail.id, status: 'PENDING', attempts: mail.attempts, nextAttemptAt: { lte: now } },
      data: { attempts: mail.attempts + 1, nextAttemptAt: new Date(now.getTime() + timing.leaseMs) },
    });
    if (count === 1) claimed.push({ ...mail, attempts: mail.attempts + 1 });
  }
  return claimed;
}

export async function markSent(db: Db, id: string, now: Date): Promise<void> {
  await db.outboxMail.update({ where: { id }, data: { status: 'SENT', sentAt: now, lastError: null } });
}

/** A refused or failed attempt: retried later with backoff, or FAILED after the last one. */
export async function markFailed(db: Db, mail: ClaimedMail, error: string, now: Date, timing: OutboxTiming) {
  const last = mail.attempts >= timing.maxAttempts;
  await db.outboxMail.update({
    where: { id: mail.id },
    data: {
      status: last ? 'FAILED' : 'PENDING',
      lastError: error.slice(0, 1000),
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(mail.attempts, timing)),
    },
  });
}
