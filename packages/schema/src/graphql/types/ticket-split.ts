import type { StaffRole } from '../../domain/staff-role.ts';
import { DomainError } from '../../services/domain-error.ts';
import { splitTicket } from '../../services/split-ticket.ts';
import { visibleTickets } from '../../services/visibility.ts';
import { actorOf, visibleTicketId } from '../actor.ts';
import { builder } from '../builder.ts';
import { TicketPriorityEnum } from '../enums.ts';
import { TicketRef } from './ticket.ts';

const SplitTicketInput = builder.inputType('SplitTicketInput', {
  fields: (t) => ({
    ticketId: t.globalID({ required: true, for: TicketRef, description: 'The ticket that holds two tasks.' }),
    messageId: t.id({
      required: false,
      description: 'The message that asks for the other task; its text becomes the new ticket’s.',
    }),
    title: t.string({ required: true }),
    description: t.string({ required: false, description: 'The part of the message that is the other task.' }),
    priority: t.field({ type: TicketPriorityEnum, required: false, description: 'Default: the original’s.' }),
  }),
});

const SplitTicketPayload = builder
  .objectRef<{ ticket: Awaited<ReturnType<typeof splitTicket>>['ticket']; created: boolean }>('SplitTicketPayload')
  .implement({
    fields: (t) => ({
      ticket: t.field({ type: TicketRef, description: 'The new ticket.', resolve: (p) => p.ticket }),
      created: t.exposeBoolean('created', { description: 'False when the same text was split before.' }),
    }),
  });

builder.mutationFields((t) => ({
  splitTicket: t.field({
    type: SplitTicketPayload,
    description:
      'Staff (lines, head, admin): one task a ticket (rule 3). A message, or part of it, becomes a new ticket of the same client and requester, linked both ways.',
    authScopes: {
      $all: { staffRole: ['LINE1', 'LINE2', 'LINE3', 'HEAD', 'ADMIN'] as StaffRole[], tokenScope: 'tickets:write' },
    },
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: SplitTicketInput, required: true }) },
    resolve: async (_root, { input }, ctx) =>
      splitTicket(ctx.db, ctx.events, {
        ticketId: await visibleTicketId(ctx, input.ticketId.id),
        messageId: input.messageId ? String(input.messageId) : null,
        title: input.title,
        description: input.description ?? null,
        priority: input.priority ?? null,
        actor: actorOf(ctx),
        now: ctx.now(),
        letterLimits: ctx.letterLimits,
      }),
  }),
}));

builder.prismaObjectFields('Ticket', (t) => ({
  splitFrom: t.field({
    type: TicketRef,
    nullable: true,
    description: 'The ticket this one was split from, if the caller may see it.',
    resolve: (ticket, _args, ctx) =>
      ticket.splitFromId
        ? ctx.db.ticket.findFirst({ where: { AND: [{ id: ticket.splitFromId }, visibleTickets(ctx.viewer)] } })
        : null,
  }),
  splitInto: t.relation('splitInto', {
    description: 'The tickets split from this one that the caller may see.',
    query: (_args, ctx) => ({ where: visibleTickets(ctx.viewer), orderBy: { number: 'asc' } }),
  }),
}));
