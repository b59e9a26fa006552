import { DomainError } from '../../services/domain-error.ts';
import { isRatingRequester, rateTicket } from '../../services/ticket-rating.ts';
import { actorOf, visibleTicketId } from '../actor.ts';
import { builder } from '../builder.ts';
import { TicketRef } from './ticket.ts';
import { TicketPayload } from './ticket-moves.ts';

const RateTicketInput = builder.inputType('RateTicketInput', {
  fields: (t) => ({
    ticketId: t.globalID({ required: true, for: TicketRef }),
    score: t.int({ required: true, description: 'From 1 (not satisfied at all) to 5 (very satisfied).' }),
    comment: t.string({ required: false, description: 'At most 2000 characters.' }),
  }),
});

const Satisfaction = builder
  .objectRef<{
    score: number | null;
    comment: string | null;
    ratedAt: Date | null;
    openUntil: Date;
    mayRate: boolean;
  }>('Satisfaction')
  .implement({
    description: 'How satisfied the client is with accepted work (asked when it is accepted).',
    fields: (t) => ({
      score: t.exposeInt('score', { nullable: true, description: '1–5; null until the client rates.' }),
      comment: t.exposeString('comment', { nullable: true }),
      ratedAt: t.expose('ratedAt', { type: 'DateTime', nullable: true }),
      openUntil: t.expose('openUntil', {
        type: 'DateTime',
        description: 'The client may rate, or change the rating, until then.',
      }),
      mayRate: t.exposeBoolean('mayRate', {
        description: 'Whether the caller may rate, or change the rating, now (the requester, while it is open).',
      }),
    }),
  });

builder.mutationFields((t) => ({
  rateTicket: t.field({
    type: TicketPayload,
    description:
      'Client (the requester): rate accepted work 1–5 with an optional comment; the rating may be changed for 7 days after acceptance.',
    authScopes: { client: true },
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: RateTicketInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      ticket: await rateTicket(ctx.db, {
        ticketId: await visibleTicketId(ctx, input.ticketId.id),
        score: input.score,
        comment: input.comment ?? null,
        actor: actorOf(ctx),
        now: ctx.now(),
      }),
    }),
  }),
}));

builder.prismaObjectFields('Ticket', (t) => ({
  satisfaction: t.field({
    type: Satisfaction,
    nullable: true,
    description: 'The client’s rating of accepted work; null until the work is accepted.',
    select: {
      contactId: true,
      visitorId: true,
      rating: { select: { score: true, comment: true, ratedAt: true, openUntil: true } },
    },
    resolve: (ticket, _args, ctx) =>
      ticket.rating && {
        ...ticket.rating,
        mayRate: ctx.now() <= ticket.rating.openUntil && isRatingRequester(ticket, actorOf(ctx)),
      },
  }),
}));
