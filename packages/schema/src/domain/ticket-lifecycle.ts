import type { StaffRole } from './staff-role.ts';
import type { TicketStatus } from './ticket-status.ts';

/** Who makes a move. Visitors and contacts are the client side; the system runs jobs. */
export type Actor =
  | { kind: 'VISITOR' }
  | { kind: 'CONTACT'; authorized: boolean }
  | { kind: 'STAFF'; role: StaffRole }
  | { kind: 'SYSTEM' };

/** Groups of actors the transition table speaks of. */
export type Party = 'client' | 'authorizedClient' | 'reporter' | 'staff' | 'accountant' | 'system';

export type TicketAction =
  | 'reply'
  | 'requestFeedback'
  | 'confirmEstimate'
  | 'start'
  | 'resolve'
  | 'accept'
  | 'autoAccept'
  | 'reopen'
  | 'reject'
  | 'confirmPayment';

export interface Transition {
  action: TicketAction;
  from: readonly TicketStatus[];
  /** null: the status stays (a client reply to a ticket already NEW or IN_PROGRESS). */
  to: TicketStatus | null;
  by: readonly Party[];
  /** For the docs: what the move means. */
  note: string;
}

/**
 * The ticket lifecycle (domain.md, "Ticket lifecycle", rules 1–7): the one table that the
 * resolvers, the jobs and the docs read. ACCEPTED, PAID and REJECTED appear in no `from` a
 * client may use: they are read-only for clients.
 */
export const transitions: readonly Transition[] = [
  {
    action: 'reply',
    from: ['FEEDBACK', 'RESOLVED'],
    to: 'NEW',
    by: ['client'],
    note: 'a client answer returns the ticket to NEW (rule 1; reopening, rule 7)',
  },
  {
    action: 'reply',
    from: ['NEW', 'IN_PROGRESS'],
    to: null,
    by: ['client'],
    note: 'a client adds to an open ticket; it moves to the end of the queue (rule 2)',
  },
  {
    action: 'requestFeedback',
    from: ['NEW', 'IN_PROGRESS'],
    to: 'FEEDBACK',
    by: ['staff'],
    note: 'support asks a question or announces an estimate',
  },
  {
    action: 'confirmEstimate',
    from: ['FEEDBACK'],
    to: 'NEW',
    by: ['authorizedClient'],
    note: 'the authorized contact confirms the cost estimate',
  },
  {
    action: 'start',
    from: ['NEW'],
    to: 'IN_PROGRESS',
    by: ['staff'],
    note: 'a specialist starts the work (paid work only after the estimate is confirmed)',
  },
  {
    action: 'resolve',
    from: ['NEW', 'FEEDBACK', 'IN_PROGRESS'],
    to: 'RESOLVED',
    by: ['staff'],
    note: 'work done, report written; the client checks it (paid work: only with a confirmed estimate)',
  },
  {
    action: 'accept',
    from: ['RESOLVED'],
    to: 'ACCEPTED',
    by: ['authorizedClient', 'reporter'],
    note: 'the client accepts the work (paid work is invoiced now, so its estimate must be confirmed); the visitor who reported it may say "it works", on free tickets only',
  },
  {
    action: 'autoAccept',
    from: ['RESOLVED', 'FEEDBACK'],
    to: 'ACCEPTED',
    by: ['system'],
    note: 'no client answer for the configured days (7 by default); paid work without a confirmed estimate is left to staff with an internal note',
  },
  {
    action: 'reopen',
    from: ['FEEDBACK', 'RESOLVED'],
    to: 'NEW',
    by: ['system'],
    note: 'monitoring: the site is down again within 30 minutes of the last outage; the clocks restart and the client is told (a closed ticket is never reopened: a new one is filed)',
  },
  {
    action: 'reject',
    from: ['NEW', 'FEEDBACK', 'IN_PROGRESS', 'RESOLVED'],
    to: 'REJECTED',
    by: ['staff', 'client'],
    note: 'support refuses with a reason code (DUPLICATE with the original, OUT_OF_SCOPE, NO_QUESTION, OFFENSIVE, ALREADY_ANSWERED citing an article, OTHER) and words for the client; a client refusing is a withdrawal (WITHDRAWN)',
  },
  {
    action: 'confirmPayment',
    from: ['ACCEPTED'],
    to: 'PAID',
    by: ['accountant'],
    note: 'accounting confirms the payment of a paid ticket',
  },
];

const workingRoles: readonly StaffRole[] = ['LINE1', 'LINE2', 'LINE3', 'HEAD', 'ADMIN'];

/** Whether an actor belongs to a party of the table. */
export function actorIs(actor: Actor, party: Party): boolean {
  switch (party) {
    case 'client':
      return actor.kind === 'VISITOR' || actor.kind === 'CONTACT';
    case 'authorizedClient':
      return actor.kind === 'CONTACT' && actor.authorized;
    case 'reporter':
      // A visitor acts only with the access token of the ticket they filed.
      return actor.kind === 'VISITOR';
    case 'staff':
      return actor.kind === 'STAFF' && workingRoles.includes(actor.role);
    case 'accountant':
      return actor.kind === 'STAFF' && (actor.role === 'ACCOUNTANT' || actor.role === 'ADMIN');
    case 'system':
      return actor.kind === 'SYSTEM';
  }
}
