import { type RejectReason, rejectReasonOf } from './reject-reasons.ts';
import { type Actor, actorIs, type TicketAction, transitions } from './ticket-lifecycle.ts';
import type { TicketStatus } from './ticket-status.ts';

/** Why a move is refused: each code is a typed error of the API. */
export type MoveErrorCode =
  | 'TRANSITION_NOT_ALLOWED'
  | 'ACTOR_NOT_ALLOWED'
  | 'REASON_REQUIRED'
  | 'REPORT_REQUIRED'
  | 'ESTIMATE_REQUIRED'
  | 'ESTIMATE_NOT_CONFIRMED'
  | 'NOT_A_PAID_TICKET'
  | 'NOT_DUE_YET';

/** The part of a ticket the rules look at. */
export interface TicketFacts {
  status: TicketStatus;
  paid: boolean;
  estimateKopecks: number | null;
  estimateConfirmedAt: Date | null;
  firstResponseAt: Date | null;
  autoAcceptAt: Date | null;
}

export interface MoveInput {
  /** The staff report of `resolve`, the reason of `reject`. */
  text?: string | null;
  /** A cost estimate given with `requestFeedback` on paid work. */
  estimateKopecks?: number | null;
  /** Staff's reason code of `reject` (a client's refusal is always WITHDRAWN). */
  reasonCode?: RejectReason | null;
  /** `reject` links the original ticket this one repeats. */
  duplicate?: boolean;
}

/** What changes on the ticket when a move is made. */
export interface TicketPatch {
  status: TicketStatus;
  queuedAt?: Date;
  autoAcceptAt?: Date | null;
  firstResponseAt?: Date;
  startedAt?: Date;
  resolvedAt?: Date;
  acceptedAt?: Date;
  paidAt?: Date;
  rejectedAt?: Date;
  rejectReason?: string;
  rejectReasonCode?: RejectReason;
  estimateKopecks?: number;
  estimateConfirmedAt?: Date | null;
}

export type MoveResult = { ok: true; patch: TicketPatch } | { ok: false; code: MoveErrorCode };

export interface MoveOptions {
  now: Date;
  /** Days in RESOLVED or FEEDBACK without a client answer before the system accepts. */
  autoAcceptDays: number;
}

const day = 24 * 60 * 60 * 1000;

/** The moves after which a paid ticket is invoiced (on ACCEPTED): each needs a confirmed estimate. */
const leadsToBilling: readonly TicketAction[] = ['start', 'resolve', 'accept', 'autoAccept'];

/**
 * The moves the table allows this actor from this status (the system's own excluded), so
 * that clients offer only what the server will accept. The rules around a move (a report,
 * a confirmed estimate) still decide when it is made.
 */
export function allowedActions(status: TicketStatus, actor: Actor, ticket: { paid: boolean }): TicketAction[] {
  const actions = transitions
    .filter((t) => t.action !== 'autoAccept' && t.from.includes(status) && t.by.some((party) => actorIs(actor, party)))
    .map((t) => t.action)
    .filter((action) => !billsVisitor(action, actor, ticket));
  return [...new Set(actions)];
}

/** Nothing is billed to a visitor: a visitor accepts only free work. */
function billsVisitor(action: TicketAction, actor: Actor, ticket: { paid: boolean }): boolean {
  return action === 'accept' && actor.kind === 'VISITOR' && ticket.paid;
}

/**
 * Decides a move by the transition table and the rules around it, and says what changes.
 * Pure: the caller loads the ticket, passes `now`, and writes the patch with an audit record.
 */
export function decideMove(
  ticket: TicketFacts,
  action: TicketAction,
  actor: Actor,
  input: MoveInput,
  options: MoveOptions,
): MoveResult {
  const rows = transitions.filter((t) => t.action === action);
  const row = rows.find((t) => t.from.includes(ticket.status));
  if (!row) return { ok: false, code: 'TRANSITION_NOT_ALLOWED' };
  if (!row.by.some((party) => actorIs(actor, party))) return { ok: false, code: 'ACTOR_NOT_ALLOWED' };
  if (billsVisitor(action, actor, ticket)) return { ok: false, code: 'ACTOR_NOT_ALLOWED' };

  const { now } = options;
  // Paid work is billed when it is accepted: nothing may lead there before the client agreed
  // to the estimate (resolving, accepting, accepting automatically).
  if (ticket.paid && !ticket.estimateConfirmedAt && leadsToBilling.includes(action))
    return { ok: false, code: 'ESTIMATE_NOT_CONFIRMED' };
  const to = row.to ?? ticket.status;
  const patch: TicketPatch = { status: to };
  const text = input.text?.trim() ?? '';

  switch (action) {
    case 'reply':
    case 'confirmEstimate':
      // Any client update moves the ticket to the end of the queue (rule 2).
      patch.queuedAt = now;
      patch.autoAcceptAt = null;
      if (action === 'confirmEstimate') {
        if (ticket.estimateKopecks === null) return { ok: false, code: 'ESTIMATE_REQUIRED' };
        patch.estimateConfirmedAt = now;
      }
      break;
    case 'requestFeedback':
      if (ticket.paid && !(input.estimateKopecks ?? ticket.estimateKopecks))
        return { ok: false, code: 'ESTIMATE_REQUIRED' };
      if (input.estimateKopecks != null) {
        patch.estimateKopecks = input.estimateKopecks;
        patch.estimateConfirmedAt = null;
      }
      patch.autoAcceptAt = new Date(now.getTime() + options.autoAcceptDays * day);
      break;
    case 'start':
      patch.startedAt = now;
      break;
    case 'resolve':
      if (!text) return { ok: false, code: 'REPORT_REQUIRED' };
      patch.resolvedAt = now;
      patch.autoAcceptAt = new Date(now.getTime() + options.autoAcceptDays * day);
      break;
    case 'accept':
      patch.acceptedAt = now;
      patch.autoAcceptAt = null;
      break;
    case 'autoAccept':
      if (!ticket.autoAcceptAt || ticket.autoAcceptAt > now) return { ok: false, code: 'NOT_DUE_YET' };
      patch.acceptedAt = now;
      patch.autoAcceptAt = null;
      break;
    case 'reopen':
      patch.queuedAt = now;
      patch.autoAcceptAt = null;
      break;
    case 'reject': {
      if (!text) return { ok: false, code: 'REASON_REQUIRED' };
      const reason = rejectReasonOf(
        actor.kind === 'STAFF' ? 'staff' : 'client',
        input.reasonCode,
        input.duplicate ?? false,
      );
      if (!reason) return { ok: false, code: 'REASON_REQUIRED' };
      patch.rejectedAt = now;
      patch.rejectReason = text;
      patch.rejectReasonCode = reason;
      patch.autoAcceptAt = null;
      break;
    }
    case 'confirmPayment':
      if (!ticket.paid) return { ok: false, code: 'NOT_A_PAID_TICKET' };
      patch.paidAt = now;
      break;
  }
  // The first public move of support is the first response (the client's statistics).
  if (actor.kind === 'STAFF' && !ticket.firstResponseAt && action !== 'confirmPayment') patch.firstResponseAt = now;
  return { ok: true, patch };
}
