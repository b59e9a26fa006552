import type { Db } from '@caredesk/schema/db';
import type { EventBus } from '@caredesk/schema/graphql';
import {
  type AttachmentStorage,
  receiveMail,
  type UnknownSenderPolicy,
  type UploadLimits,
} from '@caredesk/schema/services';
import type { ParsedLetter } from './parse-letter.ts';
import type { replyAddresses } from './reply-address.ts';

/**
 * The one way in for a letter, whichever door it came through (the SMTP listener or the IMAP
 * poller): the reply token of a recipient address is verified, then `receiveMail` files it.
 */
export function incomingMail(deps: {
  db: Db;
  events: EventBus;
  storage: AttachmentStorage;
  limits: UploadLimits;
  unknownSender: UnknownSenderPolicy;
  replies: ReturnType<typeof replyAddresses>;
  now: () => Date;
}) {
  return (letter: ParsedLetter) => {
    const { recipients, ...mail } = letter;
    return receiveMail(
      deps.db,
      deps.events,
      { ...mail, tokenTicketId: recipients.map(deps.replies.ticketOf).find(Boolean) ?? null },
      { storage: deps.storage, limits: deps.limits, unknownSender: deps.unknownSender, now: deps.now() },
    );
  };
}
