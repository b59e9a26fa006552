import { createHash } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { renderLetter } from '../domain/mail/letters.ts';
import { publicUrlPlaceholder } from './notify.ts';
import { isUniqueViolation } from './unique-violation.ts';

const dayMs = 24 * 3_600_000;

/** The outbox id of the answer to a letter: the same for every delivery of that letter. */
function answerId(messageId: string): string {
  return `ans${createHash('sha256').update(messageId.trim().toLowerCase()).digest('hex').slice(0, 24)}`;
}

/**
 * Writes the polite answer to a letter from an address that is no contact, in Russian or
 * English by the letter's script. One answer per letter (its outbox id comes from the letter's
 * Message-ID) and at most one a day per address: a robot that answers our answer without
 * marking itself automatic cannot start a loop. False when nothing was written for that reason.
 */
export async function answerUnknownSender(
  db: Db,
  to: string,
  mail: { subject: string; text: string; messageId: string | null },
  now: Date,
): Promise<boolean> {
  const id = mail.messageId ? answerId(mail.messageId) : undefined;
  if (id && (await db.outboxMail.findUnique({ where: { id }, select: { id: true } }))) return true;
  const answered = await db.outboxMail.count({
    where: { kind: 'UNKNOWN_SENDER', to, createdAt: { gt: new Date(now.getTime() - dayMs) } },
  });
  if (answered > 0) return false;
  const locale = /[а-яё]/i.test(`${mail.subject} ${mail.text}`) ? 'ru' : 'en';
  const letter = renderLetter('UNKNOWN_SENDER', locale, {
    number: 0,
    title: mail.subject,
    status: 'NEW',
    link: publicUrlPlaceholder,
  });
  try {
    await db.outboxMail.create({
      data: {
        ...(id ? { id } : {}),
        kind: 'UNKNOWN_SENDER',
        to,
        locale,
        ...letter,
        subject: letter.subject.replace('[#0] ', ''),
        nextAttemptAt: now,
        createdAt: now,
      },
    });
  } catch (error) {
    // The same letter filed at the same moment by another instance: answered once.
    if (!isUniqueViolation(error)) throw error;
  }
  return true;
}
