import type { TicketAction } from '../../domain/ticket-lifecycle.ts';
import { allowedActions } from '../../domain/ticket-move.ts';
import type { TicketStatus } from '../../domain/ticket-status.ts';
import { actorOf } from '../actor.ts';
import { builder } from '../builder.ts';

const actions: TicketAction[] = [
  'reply',
  'requestFeedback',
  'confirmEstimate',
  'start',
  'resolve',
  'accept',
  'reject',
  'confirmPayment',
];

const TicketMove = builder.enumType('TicketMove', {
  description:
    'A move of the lifecycle, named like its mutation: reply → replyToTicket, start → startTicket, reject → rejectTicket (a client withdrawing), …',
  values: actions,
});

builder.prismaObjectFields('Ticket', (t) => ({
  allowedMoves: t.field({
    type: [TicketMove],
    description:
      'The moves the caller may make now, from the one transition table (docs/ticket-lifecycle.md); offer only these.',
    resolve: (ticket, _args, ctx) => {
      // Strangers have no moves; everyone else is the lifecycle's actor, as in the mutations.
      return ctx.viewer.kind === 'anonymous' ? [] : allowedActions(ticket.status as TicketStatus, actorOf(ctx), ticket);
    },
  }),
}));
