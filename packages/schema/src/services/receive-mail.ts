import type { Db } from '../db/client.ts';
import { isAcceptance, isEstimateAgreement } from '../domain/mail/acceptance.ts';
import { isAutomaticMail, type MailHeaders } from '../domain/mail/automatic-mail.ts';
import { threadRefs } from '../domain/mail/message-ids.ts';
import { trimReply } from '../domain/mail/trim-reply.ts';
import type { EventBus } from '../graphql/context.ts';
import type { ActorRef } from './actor.ts';
import { answerUnknownSender } from './answer-unknown-sender.ts';
import { attachToTicket, type CheckedFile, checkFiles, type UploadedFile } from './attach-files.ts';
import type { AttachmentStorage, UploadLimits } from './attachment-storage.ts';
import { DomainError } from './domain-error.ts';
import { moveTicket } from './move-ticket.ts';
import { messageLimit, postMessage } from './post-message.ts';
import { limits, submitTicket } from './submit-ticket.ts';

/** A letter as the SMTP listener or the IMAP poller parsed it. */
export interface IncomingMail {
  /** SMTP MAIL FROM; empty or null for bounces. */
  envelopeFrom: string | null;
  from: string | null;
  subject: string;
  text: string;
  messageId: string | null;
  /** In-Reply-To and References, in order. */
  threadIds: string[];
  /** The ticket of a reply address whose token the server verified. */
  tokenTicketId: string | null;
  headers: MailHeaders;
  files: UploadedFile[];
}

export type UnknownSenderPolicy = 'triage' | 'reply' | 'ignore';
export type ReceiveOutcome =
  | 'automatic'
  | 'reply'
  | 'accepted'
  | 'confirmed'
  | 'ticket'
  | 'triage'
  | 'answered'
  | 'ignored';

export interface ReceiveOptions {
  storage: AttachmentStorage;
  limits: UploadLimits;
  unknownSender: UnknownSenderPolicy;
  now: Date;
}

/**
 * Turns a letter into work: a reply (by the reply token, In-Reply-To or References) joins its
 * ticket as the client's reply, a letter from a known contact becomes a ticket of its
 * organization, an unknown sender gets a triage ticket or a polite answer. Auto-replies and
 * bounces are dropped. A letter delivered twice (same Message-ID) is filed once.
 */
export async function receiveMail(db: Db, events: EventBus, mail: IncomingMail, options: ReceiveOptions) {
  if (isAutomaticMail(mail.envelopeFrom, mail.from, mail.headers)) return { outcome: 'automatic' as const };
  const from = (mail.from ?? mail.envelopeFrom ?? '').trim().toLowerCase();
  const key = `email:${mail.messageId ?? `${from}:${mail.subject}:${mail.text.length}`}`;
  const { files, refused } = await acceptableFiles(mail.files, options.limits);
  const notes = refused.length > 0 ? `\n\n[${refused.join('; ')}]` : '';
  const contact = await db.contact.findUnique({ where: { email: from } });

  const ticket = await threadTicket(db, mail);
  if (ticket) {
    const actor = clientOf(ticket, contact, from);
    // The same letter again (a retrying server, an IMAP poller that died before marking it):
    // its reply is on the ticket already, files and all.
    const earlier = actor ? await db.message.findUnique({ where: { idempotencyKey: key } }) : null;
    if (earlier) return { outcome: 'reply' as const, ticketId: earlier.ticketId };
    if (actor) {
      const reply = trimReply(mail.text) || mail.subject.trim() || emptyLetter;
      // A bare "accept" to a RESOLVED ticket accepts it, a bare "agree" to an open cost estimate
      // confirms it (authorized contacts only: anyone else's is taken as a reply below).
      const decision = files.length === 0 ? clientDecision(ticket, reply) : null;
      if (decision) {
        try {
          await moveTicket(db, events, {
            ticketId: ticket.id,
            action: decision.action,
            actor,
            input: { message: reply },
            idempotencyKey: key,
            source: 'EMAIL',
            now: options.now,
          });
          return { outcome: decision.outcome, ticketId: ticket.id };
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
      try {
        const body = fit(reply, notes, messageLimit);
        await postMessage(db, events, {
          ticketId: ticket.id,
          body,
          internal: false,
          actor,
          idempotencyKey: key,
          source: 'EMAIL',
          now: options.now,
        });
        await attachToTicket(db, options.storage, files, { ticketId: ticket.id, internal: false, now: options.now });
        return { outcome: 'reply' as const, ticketId: ticket.id };
      } catch (error) {
        // A closed ticket takes no replies: the letter becomes a new ticket below.
        if (!(error instanceof DomainError)) throw error;
      }
    }
  }
  const title = mail.subject.trim().slice(0, 200) || mail.text.trim().split('\n')[0]?.slice(0, 200) || '(e-mail)';
  const text = mail.text.trim() || mail.subject.trim() || emptyLetter;
  const description = fit(text, notes, limits.description);
  if (contact) {
    const actor: ActorRef = { kind: 'CONTACT', authorized: contact.authorized, contactId: contact.id };
    const { ticket: created } = await submitTicket(
      db,
      events,
      {
        title,
        description,
        organizationId: contact.organizationId,
        contactId: contact.id,
        source: 'EMAIL',
        idempotencyKey: key,
        files,
        needsAuthorization: !contact.authorized,
      },
      actor,
      options.now,
      options.storage,
    );
    return { outcome: 'ticket' as const, ticketId: created.id };
  }
  if (options.unknownSender === 'triage') {
    const { ticket: created } = await submitTicket(
      db,
      events,
      {
        title,
        description: fit(`${from}:\n\n${text}`, notes, limits.description),
        source: 'EMAIL',
        idempotencyKey: key,
        files,
        needsAuthorization: true,
      },
      { kind: 'SYSTEM' },
      options.now,
      options.storage,
    );
    return { outcome: 'triage' as const, ticketId: created.id };
  }
  if (options.unknownSender === 'reply' && from) {
    const answered = await answerUnknownSender(db, from, mail, options.now);
    return { outcome: answered ? ('answered' as const) : ('ignored' as const) };
  }
  return { outcome: 'ignored' as const };
}

const emptyLetter = '(empty letter)';

/**
 * The text and the notes on refused files within a length limit: a longer letter is cut and
 * says so, rather than being refused for ever (a refusal makes the sending server retry).
 */
function fit(text: string, notes: string, limit: number): string {
  if (text.length + notes.length <= limit) return `${text}${notes}`;
  const cut = `\n\n[… ${text.length} characters, cut]`;
  return `${text.slice(0, Math.max(0, limit - notes.length - cut.length))}${cut}${notes}`.slice(0, limit);
}

/** The move a reply that says only "accept" or "agree" makes, if the ticket waits for one. */
function clientDecision(ticket: ThreadTicket, reply: string) {
  if (ticket.status === 'RESOLVED' && isAcceptance(reply)) return { action: 'accept', outcome: 'accepted' } as const;
  const estimateOpen = ticket.estimateKopecks !== null && ticket.estimateConfirmedAt === null;
  if (ticket.status === 'FEEDBACK' && estimateOpen && isEstimateAgreement(reply))
    return { action: 'confirmEstimate', outcome: 'confirmed' } as const;
  return null;
}

type ThreadTicket = {
  id: string;
  status: string;
  estimateKopecks: number | null;
  estimateConfirmedAt: Date | null;
  organizationId: string | null;
  contactId: string | null;
  visitor: { id: string; email: string | null } | null;
};

async function threadTicket(db: Db, mail: IncomingMail): Promise<ThreadTicket | null> {
  const select = {
    id: true,
    status: true,
    estimateKopecks: true,
    estimateConfirmedAt: true,
    organizationId: true,
    contactId: true,
    visitor: { select: { id: true, email: true } },
  };
  if (mail.tokenTicketId) {
    const byToken = await db.ticket.findUnique({ where: { id: mail.tokenTicketId }, select });
    if (byToken) return byToken;
  }
  const refs = threadRefs(mail.threadIds);
  const outbox = await db.outboxMail.findFirst({ where: { id: { in: refs.outboxIds } }, select: { ticketId: true } });
  const ids = [...(outbox?.ticketId ? [outbox.ticketId] : []), ...refs.ticketIds];
  return ids.length > 0 ? db.ticket.findFirst({ where: { id: { in: ids } }, select }) : null;
}

/** The sender as the ticket's client: its contact, a colleague of the same organization, or its visitor. */
function clientOf(
  ticket: ThreadTicket,
  contact: { id: string; organizationId: string; authorized: boolean } | null,
  from: string,
): ActorRef | null {
  if (contact && (contact.id === ticket.contactId || contact.organizationId === ticket.organizationId))
    return { kind: 'CONTACT', authorized: contact.authorized, contactId: contact.id };
  if (ticket.visitor?.email && ticket.visitor.email.toLowerCase() === from)
    return { kind: 'VISITOR', visitorId: ticket.visitor.id };
  return null;
}

/** Files pass the upload checks one by one: a refused file is named, the letter still goes in. */
async function acceptableFiles(files: UploadedFile[], limits: UploadLimits) {
  const accepted: CheckedFile[] = [];
  const refused: string[] = [];
  let total = 0;
  for (const file of files) {
    try {
      if (accepted.length >= limits.maxFiles) throw new DomainError('TOO_MANY_FILES', 'files');
      if (total + file.size > limits.maxRequestBytes) throw new DomainError('UPLOAD_TOO_LARGE', 'files');
      accepted.push(...(await checkFiles([file], limits)));
      total += file.size;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refused.push(`${file.name}: ${error.code}`);
    }
  }
  return { files: accepted, refused };
}
