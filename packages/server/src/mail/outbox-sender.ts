import type { Db } from '@caredesk/schema/db';
import { outboxMessageId, ticketThreadId } from '@caredesk/schema/domain';
import {
  claimOutbox,
  collectDigests,
  type Mailer,
  markFailed,
  markSent,
  type OutboxTiming,
  publicUrlPlaceholder,
} from '@caredesk/schema/services';
import type { replyAddresses } from './reply-address.ts';

export interface OutboxSender {
  db: Db;
  mailer: Mailer;
  now: () => Date;
  timing: OutboxTiming;
  publicUrl: string;
  replies: ReturnType<typeof replyAddresses>;
}

/**
 * Sends the letters that are due. Delivery is at least once: a sender that dies between the
 * SMTP server's acceptance and `markSent` sends the letter again after its claim runs out,
 * with the same Message-ID (derived from the outbox row), so mail programs show it once.
 */
export async function sendDueMail(sender: OutboxSender, batch = 20): Promise<{ sent: number; failed: number }> {
  const { db, mailer, timing, replies } = sender;
  await collectDigests(db, sender.now(), timing.digestEveryMs);
  const claimed = await claimOutbox(db, sender.now(), timing, batch);
  let sent = 0;
  let failed = 0;
  for (const mail of claimed) {
    const link = (text: string) => text.replaceAll(publicUrlPlaceholder, sender.publicUrl);
    try {
      await mailer.send({
        to: mail.to,
        subject: mail.subject,
        text: link(mail.text),
        ...(mail.html ? { html: link(mail.html) } : {}),
        messageId: outboxMessageId(mail.id, replies.domain),
        ...(mail.ticketId
          ? { replyTo: replies.forTicket(mail.ticketId), references: [ticketThreadId(mail.ticketId, replies.domain)] }
          : {}),
        // Letters no person wrote: other robots must not answer them (RFC 3834).
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Caredesk-Kind': mail.kind },
      });
    } catch (error) {
      failed++;
      await markFailed(db, mail, error instanceof Error ? error.message : String(error), sender.now(), timing);
      continue;
    }
    await markSent(db, mail.id, sender.now());
    sent++;
  }
  return { sent, failed };
}
