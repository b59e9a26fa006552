import type { Db } from '../db/client.ts';
import { advanceSla, type SlaEvent } from '../domain/sla/ticket-sla.ts';
import type { TicketAction } from '../domain/ticket-lifecycle.ts';
import { decideMove, type MoveInput } from '../domain/ticket-move.ts';
import type { TicketStatus } from '../domain/ticket-status.ts';
import type { EventBus } from '../graphql/context.ts';
import { type ActorRef, auditColumns } from './actor.ts';
import { issueTicketInvoice, markTicketInvoicePaid } from './billing/invoices.ts';
import { DomainError } from './domain-error.ts';
import { answersEscalations } from './escalate-ticket.ts';
import { noticesForMove, notifyTicket } from './notify.ts';
import { publishTicketChange } from './publish.ts';
import { recordSlaEvent, slaContextFor, slaData, slaFactsOf } from './sla.ts';
import { ticketSettings } from './studio-settings.ts';
import { inviteRating } from './ticket-rating.ts';
import { purgeTicketSecrets } from './ticket-secrets.ts';

const closingStatuses: readonly string[] = ['ACCEPTED', 'PAID', 'REJECTED'];
const secretsPurgedNotice =
  'Доступы, переданные для этой заявки, удалены из системы. Вы можете удалить эти учётные записи на своей стороне.\n' +
  'The credentials handed over for this ticket have been deleted. You can now delete those accounts on your side.';

export interface MoveRequest {
  ticketId: string;
  action: TicketAction;
  actor: ActorRef;
  input?: MoveInput & {
    duplicateOfId?: string | null;
    message?: string | null;
    /** Published articles the move's message cites (a refusal "already answered"), shown as links. */
    citedArticleIds?: readonly string[];
  };
  /** Makes the message of this move unique: a retried client reply adds nothing. */
  idempotencyKey?: string | null;
  /** Where a client's or the system's message came from (default: the widget). */
  source?: 'WIDGET' | 'EMAIL' | 'MONITORING';
  now: Date;
}

/**
 * Makes a move of the lifecycle: decides it by the pure rules, then writes the ticket, the
 * status-change record and the message (report, question, reason) in one transaction, and
 * tells subscribers. The update is guarded by the status read, so two moves racing on one
 * ticket cannot both succeed.
 */
export async function moveTicket(db: Db, events: EventBus, request: MoveRequest) {
  const { ticketId, action, actor, now } = request;
  const input = request.input ?? {};
  const { autoAcceptDays } = await ticketSettings(db);
  const ticket = await db.ticket.findUnique({ where: { id: ticketId } });
  if (!ticket) throw new DomainError('NOT_FOUND', 'id');
  if (input.duplicateOfId) {
    if (input.duplicateOfId === ticketId) throw new DomainError('DUPLICATE_OF_ITSELF', 'duplicateOf');
    if (!(await db.ticket.findUnique({ where: { id: input.duplicateOfId }, select: { id: true } }))) {
      throw new DomainError('NOT_FOUND', 'duplicateOf');
    }
  }
  const decision = decideMove(
    ticket,
    action,
    actor,
    { ...input, duplicate: Boolean(input.duplicateOfId) },
    {
      now,
      autoAcceptDays,
    },
  );
  if (!decision.ok) throw new DomainError(decision.code);
  const { patch } = decision;
  const text = input.message?.trim() || input.text?.trim();
  const clocks = advanceSla(
    await slaContextFor(db, ticket.organizationId),
    { ...slaFactsOf(ticket), status: patch.status },
    slaEventsOf(request, patch.status),
    now,
  );

  const updated = await db.$transaction(async (tx) => {
    const { count } = await tx.ticket.updateMany({
      where: { id: ticketId, status: ticket.status, updatedAt: ticket.updatedAt },
      data: {
        ...patch,
        ...slaData(clocks),
        ...(input.duplicateOfId ? { duplicateOfId: input.duplicateOfId } : {}),
        // A move by the head of support answers a client's escalation.
        ...(ticket.escalatedAt && answersEscalations(actor) ? { escalatedAt: null } : {}),
      },
    });
    // Someone else changed the ticket since it was read: refuse rather than overwrite.
    if (count === 0) throw new DomainError('TRANSITION_NOT_ALLOWED');
    if (patch.status !== ticket.status) {
      await tx.statusChange.create({
        data: {
          ticketId,
          fromStatus: ticket.status,
          toStatus: patch.status,
          reason: patch.rejectReason ?? null,
          createdAt: now,
          ...auditColumns(actor),
        },
      });
    }
    if (text) {
      await tx.message.create({
        data: {
          ticketId,
          body: text,
          authorKind: actor.kind,
          authorStaffId: actor.staffId ?? null,
          authorContactId: actor.contactId ?? null,
          authorVisitorId: actor.visitorId ?? null,
          source: actor.kind === 'STAFF' ? 'STAFF' : (request.source ?? 'WIDGET'),
          idempotencyKey: request.idempotencyKey ?? null,
          citedArticleIds: [...(input.citedArticleIds ?? [])],
          createdAt: now,
        },
      });
    }
    // Accepted work: the requester is asked how satisfied they are (one-click links).
    const ratingInvite = patch.status === 'ACCEPTED' ? await inviteRating(tx, ticketId, now) : null;
    await notifyTicket(
      tx,
      ticketId,
      [
        ...noticesForMove(actor, action, ticket.status as TicketStatus, patch.status, text ?? null),
        ...(ratingInvite ? [ratingInvite] : []),
      ],
      actor,
      now,
    );
    // A paid ticket's invoice is issued when its work is accepted, and paid with it (docs/billing.md).
    if (patch.status === 'ACCEPTED' && ticket.paid) await issueTicketInvoice(tx, ticketId, now);
    if (patch.status === 'PAID') await markTicketInvoicePaid(tx, ticketId, now);
    // Credentials handed over for the work go when the work is over; the client is told.
    if (closingStatuses.includes(patch.status) && (await purgeTicketSecrets(tx, ticketId, now)) > 0) {
      await tx.message.create({
        data: {
          ticketId,
          body: secretsPurgedNotice,
          authorKind: 'SYSTEM',
          source: 'STAFF',
          createdAt: new Date(now.getTime() + 1),
        },
      });
    }
    return tx.ticket.findUniqueOrThrow({ where: { id: ticketId } });
  });
  // A reaction or resolution after its due time is a breach, whether or not the job saw it.
  if (clocks.reactionLate && ticket.reactionDueAt)
    await recordSlaEvent(db, { ticketId, kind: 'REACTION_BREACHED', dueAt: ticket.reactionDueAt, now });
  if (action === 'resolve' && ticket.resolutionRunningSince && ticket.resolutionDueAt && now > ticket.resolutionDueAt)
    await recordSlaEvent(db, { ticketId, kind: 'RESOLUTION_BREACHED', dueAt: ticket.resolutionDueAt, now });
  publishTicketChange(events, ticketId);
  return updated;
}

/**
 * What a move means for the SLA clocks: a specialist's move is a reaction; a client's update,
 * or the system reopening the ticket, restarts the reaction clock.
 */
function slaEventsOf(request: MoveRequest, to: string): SlaEvent[] {
  const { actor, action } = request;
  if (actor.kind === 'STAFF') return action === 'confirmPayment' ? [] : ['staffReacted'];
  if (actor.kind === 'SYSTEM' && action === 'reopen') return ['clientUpdated'];
  const client = actor.kind === 'CONTACT' || actor.kind === 'VISITOR';
  return client && (action === 'reply' || action === 'confirmEstimate') && to === 'NEW' ? ['clientUpdated'] : [];
}
