import type { Db } from '../db/client.ts';
import type { TicketCategory, TicketPriority } from '../domain/ticket-status.ts';
import type { EventBus } from '../graphql/context.ts';
import { hashSecret } from './access-tokens.ts';
import type { ActorRef } from './actor.ts';
import { DomainError } from './domain-error.ts';
import type { LetterLimits } from './letter-limits.ts';
import { publishTicketChange } from './publish.ts';
import { submitTicket } from './submit-ticket.ts';

export interface SplitRequest {
  ticketId: string;
  /** The message holding the other task; its text becomes the new ticket's, unless `description` is given. */
  messageId?: string | null;
  title: string;
  /** The part of the message that is the other task. */
  description?: string | null;
  /** Default: the original's. */
  priority?: TicketPriority | null;
  actor: ActorRef;
  now: Date;
  /** The server's limits on letters to unverified addresses (the requester may be a visitor). */
  letterLimits?: LetterLimits;
}

/**
 * Rule 3, one task a ticket: staff move a message (or part of it) that asks for something else
 * into a new ticket of the same client: the same organization, site and requester (who gets the
 * usual confirmation), the original's category and, unless named, priority. The two are linked
 * both ways and each says so in its conversation. Splitting the same text again files nothing more.
 */
export async function splitTicket(db: Db, events: EventBus, request: SplitRequest) {
  const { ticketId, actor, now } = request;
  const original = await db.ticket.findUnique({ where: { id: ticketId } });
  if (!original) throw new DomainError('NOT_FOUND', 'ticketId');
  const message = request.messageId ? await db.message.findFirst({ where: { id: request.messageId, ticketId } }) : null;
  if (request.messageId && !message) throw new DomainError('NOT_FOUND', 'messageId');
  const description = request.description?.trim() || message?.body;
  if (!description)
    throw new DomainError('INVALID_INPUT', 'description', 'the message, or the part of it, that is the other task');
  const key = hashSecret(`${request.title.trim()}\n${description}`).slice(0, 32);
  const { ticket, created } = await submitTicket(
    db,
    events,
    {
      title: request.title,
      description,
      priority: request.priority ?? (original.priority as TicketPriority),
      category: original.category as TicketCategory,
      organizationId: original.organizationId,
      siteId: original.siteId,
      contactId: original.contactId,
      visitorId: original.visitorId,
      source: 'STAFF',
      idempotencyKey: `split:${ticketId}:${key}`,
      splitFromId: ticketId,
      letterLimits: request.letterLimits,
    },
    actor,
    now,
  );
  if (created) {
    await db.message.createMany({
      data: [
        {
          ticketId,
          body: `Другая задача из этого обращения вынесена в заявку #${ticket.number}. / Another task of this request now has its own ticket, #${ticket.number}.`,
          authorKind: 'SYSTEM',
          source: 'STAFF',
          createdAt: now,
        },
        {
          ticketId: ticket.id,
          body: `Выделено из заявки #${original.number}. / Split from ticket #${original.number}.`,
          authorKind: 'SYSTEM',
          source: 'STAFF',
          createdAt: new Date(now.getTime() + 1),
        },
      ],
    });
    publishTicketChange(events, ticketId);
  }
  return { ticket: await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } }), created };
}
