import { DomainError } from '../../services/domain-error.ts';
import { escalateTicket } from '../../services/escalate-ticket.ts';
import { actorOf, visibleTicketId } from '../actor.ts';
import { builder } from '../builder.ts';
import { TicketRef } from './ticket.ts';
import { TicketPayload } from './ticket-moves.ts';

const EscalateTicketInput = builder.inputType('EscalateTicketInput', {
  fields: (t) => ({
    ticketId: t.globalID({ required: true, for: TicketRef }),
    reason: t.string({
      required: true,
      description: 'What the client wants the head of support to look at (1–2000 characters).',
    }),
  }),
});

builder.mutationFields((t) => ({
  escalateTicket: t.field({
    type: TicketPayload,
    description:
      'Client (contact or the visitor who filed it): ask the head of support to look again at a ticket closed too early. The heads are written to and the ticket is flagged (escalatedAt) until the head answers.',
    authScopes: { client: true },
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: EscalateTicketInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      ticket: await escalateTicket(ctx.db, ctx.events, {
        ticketId: await visibleTicketId(ctx, input.ticketId.id),
        reason: input.reason,
        actor: actorOf(ctx),
        now: ctx.now(),
      }),
    }),
  }),
}));

builder.prismaObjectFields('Ticket', (t) => ({
  escalatedAt: t.expose('escalatedAt', {
    type: 'DateTime',
    nullable: true,
    description: 'When the client asked the head of support to look again; null once the head answered.',
  }),
  escalationReason: t.exposeString('escalationReason', {
    nullable: true,
    description: 'The client’s words when escalating.',
  }),
}));
