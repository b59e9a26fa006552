import { encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { DomainError } from '../../services/domain-error.ts';
import { announceTyping, type PresenceSnapshot, queuePresence, ticketPresence } from '../../services/presence.ts';
import { visibleTicketId } from '../actor.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { TicketRef } from './ticket.ts';

const staffScopes = { $all: { staff: true, tokenScope: 'tickets:read' as const } };

function staffIdOf(ctx: GraphQLContext): string {
  if (ctx.viewer.kind !== 'staff') throw new DomainError('ACTOR_NOT_ALLOWED');
  return ctx.viewer.staffId;
}

const PresentStaff = builder.objectRef<PresenceSnapshot['staff'][number]>('PresentStaff').implement({
  description: 'A staff member with the ticket open.',
  fields: (t) => ({
    staff: t.prismaField({
      type: 'StaffMember',
      resolve: (query, p, _args, ctx) => ctx.db.staffMember.findUniqueOrThrow({ ...query, where: { id: p.staffId } }),
    }),
    typing: t.exposeBoolean('typing', { description: 'Typing a reply or a note right now.' }),
  }),
});

const TicketPresence = builder.objectRef<PresenceSnapshot>('TicketPresence').implement({
  description: 'Who has a ticket open in the console, and who is typing.',
  fields: (t) => ({
    ticketId: t.id({ resolve: (p) => encodeGlobalID('Ticket', p.ticketId) }),
    staff: t.field({ type: [PresentStaff], resolve: (p) => p.staff, description: 'Each once, the caller too.' }),
  }),
});

builder.subscriptionField('ticketPresence', (t) =>
  t.field({
    type: TicketPresence,
    description:
      'Staff: who else has this ticket open and who is typing — at once, then on every change. Subscribing is having it open: the others see the caller until the subscription ends (a closed tab within seconds). Across instances through the event bus; nothing is stored.',
    authScopes: staffScopes,
    args: { ticketId: t.arg.globalID({ required: true, for: TicketRef }) },
    subscribe: async (_root, { ticketId }, ctx) => {
      const id = await visibleTicketId(ctx, ticketId.id).catch(() => {
        throw new GraphQLError('Not allowed. / Недостаточно прав.', { extensions: { code: 'FORBIDDEN' } });
      });
      return ticketPresence(ctx.events, id, staffIdOf(ctx), () => ctx.now().getTime());
    },
    resolve: (snapshot) => snapshot,
  }),
);

builder.subscriptionField('queuePresence', (t) =>
  t.field({
    type: TicketPresence,
    description:
      'Staff: who has which ticket open and who is typing, for the queue — one ticket each time its presence changes (an empty list when the last one left). Those already there are sent at once. Watching the queue is not having a ticket open: the caller is not announced.',
    authScopes: staffScopes,
    subscribe: (_root, _args, ctx) => {
      staffIdOf(ctx);
      return queuePresence(ctx.events, () => ctx.now().getTime());
    },
    resolve: (snapshot) => snapshot,
  }),
);

const SetTicketPresenceInput = builder.inputType('SetTicketPresenceInput', {
  fields: (t) => ({
    ticketId: t.globalID({ required: true, for: TicketRef }),
    typing: t.boolean({
      required: true,
      description: 'True while typing (say it again every few seconds); false stops.',
    }),
  }),
});
const SetTicketPresencePayload = builder.objectRef<{ typing: boolean }>('SetTicketPresencePayload').implement({
  fields: (t) => ({ typing: t.exposeBoolean('typing') }),
});

builder.mutationField('setTicketPresence', (t) =>
  t.field({
    type: SetTicketPresencePayload,
    description: 'Staff: tell the others on the ticket that I am typing a reply (lasts 8 seconds unless said again).',
    authScopes: staffScopes,
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: SetTicketPresenceInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = await visibleTicketId(ctx, input.ticketId.id);
      announceTyping(ctx.events, id, staffIdOf(ctx), input.typing, ctx.now().getTime());
      return { typing: input.typing };
    },
  }),
);
