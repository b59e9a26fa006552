import type { Actor, TicketAction } from '../../domain/ticket-lifecycle.ts';
import { allowedActions } from '../../domain/ticket-move.ts';
import type { TicketStatus } from '../../domain/ticket-status.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';

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

function actorOfViewer(ctx: GraphQLContext): Actor | null {
  const { viewer } = ctx;
  if (viewer.kind === 'staff') return { kind: 'STAFF', role: viewer.role };
  if (viewer.kind === 'contact') return { kind: 'CONTACT', authorized: viewer.authorized };
  if (viewer.kind === 'visitor') return { kind: 'VISITOR' };
  return null;
}

builder.prismaObjectFields('Ticket', (t) => ({
  allowedMoves: t.field({
    type: [TicketMove],
    description:
      'The moves the caller may make now, from the one transition table (docs/ticket-lifecycle.md); offer only these.',
    resolve: (ticket, _args, ctx) => {
      const actor = actorOfViewer(ctx);
      return actor ? allowedActions(ticket.status as TicketStatus, actor) : [];
    },
  }),
}));
