import { type RejectReason, rejectReasonLabel, rejectReasons } from '../../domain/reject-reasons.ts';
import type { TicketAction } from '../../domain/ticket-lifecycle.ts';
import { citableArticles } from '../../services/articles.ts';
import { DomainError } from '../../services/domain-error.ts';
import { moveTicket } from '../../services/move-ticket.ts';
import { actorOf, visibleTicketId } from '../actor.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { TicketRef } from './ticket.ts';

type TicketModel = Awaited<ReturnType<typeof moveTicket>>;

/** What a change of a ticket returns: the ticket as it is now. */
export const TicketPayload = builder.objectRef<{ ticket: TicketModel }>('TicketPayload').implement({
  fields: (t) => ({ ticket: t.field({ type: TicketRef, resolve: (payload) => payload.ticket }) }),
});

async function move(
  ctx: GraphQLContext,
  ticketId: string,
  action: TicketAction,
  input: Parameters<typeof moveTicket>[2]['input'] = {},
) {
  const actor = actorOf(ctx);
  // Only tickets the caller may see can be moved; others are NOT_FOUND, as if absent.
  const id = await visibleTicketId(ctx, ticketId);
  return { ticket: await moveTicket(ctx.db, ctx.events, { ticketId: id, action, actor, now: ctx.now(), input }) };
}

const RequestFeedbackInput = builder.inputType('RequestFeedbackInput', {
  fields: (t) => ({
    ticketId: t.globalID({ required: true, for: TicketRef }),
    question: t.string({ required: true, description: 'The question, or the terms of the estimate, for the client.' }),
    estimateKopecks: t.int({ required: false, description: 'Cost estimate of paid work, in kopecks.' }),
  }),
});
const StartTicketInput = builder.inputType('StartTicketInput', {
  fields: (t) => ({ ticketId: t.globalID({ required: true, for: TicketRef }), message: t.string({ required: false }) }),
});
const ResolveTicketInput = builder.inputType('ResolveTicketInput', {
  fields: (t) => ({
    ticketId: t.globalID({ required: true, for: TicketRef }),
    report: t.string({ required: true, description: 'What was done: the client checks it within 7 days.' }),
  }),
});
const TicketOnlyInput = builder.inputType('TicketOnlyInput', {
  fields: (t) => ({ ticketId: t.globalID({ required: true, for: TicketRef }) }),
});
export const RejectReasonEnum = builder.enumType('RejectReason', {
  description: 'Why a ticket was refused (rule 5); a client withdrawing is always WITHDRAWN.',
  values: rejectReasons,
});

const RejectTicketInput = builder.inputType('RejectTicketInput', {
  fields: (t) => ({
    ticketId: t.globalID({ required: true, for: TicketRef }),
    reason: t.string({ required: true, description: 'The explanation for the client, in words.' }),
    reasonCode: t.field({
      type: RejectReasonEnum,
      required: false,
      description: 'Staff: why. Default: DUPLICATE with duplicateOf, else OTHER. DUPLICATE needs duplicateOf.',
    }),
    duplicateOf: t.globalID({ required: false, for: TicketRef, description: 'The open ticket this one repeats.' }),
    articleId: t.globalID({
      required: false,
      description: 'Staff, ALREADY_ANSWERED: the published article that answers it, cited in the refusal as a link.',
    }),
  }),
});

const write = { tokenScope: 'tickets:write' } as const;
/** Moves clients make too (the lifecycle decides which client may). */
const writeOrClient = { $any: { tokenScope: 'tickets:write', client: true } } as const;
const errors = { types: [DomainError] };

builder.mutationFields((t) => ({
  requestFeedback: t.field({
    type: TicketPayload,
    description: 'Staff: ask the client a question or announce a cost estimate (→ FEEDBACK).',
    authScopes: write,
    errors,
    args: { input: t.arg({ type: RequestFeedbackInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      move(ctx, input.ticketId.id, 'requestFeedback', {
        message: input.question,
        text: input.question,
        estimateKopecks: input.estimateKopecks ?? null,
      }),
  }),
  startTicket: t.field({
    type: TicketPayload,
    description: 'Staff: start the work (→ IN_PROGRESS).',
    authScopes: write,
    errors,
    args: { input: t.arg({ type: StartTicketInput, required: true }) },
    resolve: (_root, { input }, ctx) => move(ctx, input.ticketId.id, 'start', { message: input.message ?? null }),
  }),
  resolveTicket: t.field({
    type: TicketPayload,
    description: 'Staff: the work is done, with a report for the client (→ RESOLVED).',
    authScopes: write,
    errors,
    args: { input: t.arg({ type: ResolveTicketInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      move(ctx, input.ticketId.id, 'resolve', { text: input.report, message: input.report }),
  }),
  acceptTicket: t.field({
    type: TicketPayload,
    description: 'Authorized contact: accept the work (→ ACCEPTED).',
    authScopes: writeOrClient,
    errors,
    args: { input: t.arg({ type: TicketOnlyInput, required: true }) },
    resolve: (_root, { input }, ctx) => move(ctx, input.ticketId.id, 'accept'),
  }),
  confirmEstimate: t.field({
    type: TicketPayload,
    description: 'Authorized contact: confirm the cost estimate of paid work (→ NEW).',
    authScopes: writeOrClient,
    errors,
    args: { input: t.arg({ type: TicketOnlyInput, required: true }) },
    resolve: (_root, { input }, ctx) => move(ctx, input.ticketId.id, 'confirmEstimate'),
  }),
  rejectTicket: t.field({
    type: TicketPayload,
    description:
      'Staff: refuse with a reason, linking the original when it is a duplicate; or the client withdraws (→ REJECTED).',
    authScopes: writeOrClient,
    errors,
    args: { input: t.arg({ type: RejectTicketInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const staff = ctx.viewer.kind === 'staff';
      if (staff && input.reasonCode === 'DUPLICATE' && !input.duplicateOf)
        throw new DomainError('INVALID_INPUT', 'duplicateOf', 'a duplicate names the ticket it repeats');
      if (input.articleId && input.articleId.typename !== 'Article') throw new DomainError('NOT_FOUND', 'articleId');
      const cited = staff && input.articleId ? await citableArticles(ctx.db, [input.articleId.id]) : [];
      return move(ctx, input.ticketId.id, 'reject', {
        text: input.reason,
        message: input.reason,
        reasonCode: staff ? (input.reasonCode ?? null) : null,
        duplicateOfId: input.duplicateOf?.id ?? null,
        citedArticleIds: cited,
      });
    },
  }),
  confirmPayment: t.field({
    type: TicketPayload,
    description: 'Accountant: the payment of a paid, accepted ticket arrived (→ PAID).',
    authScopes: write,
    errors,
    args: { input: t.arg({ type: TicketOnlyInput, required: true }) },
    resolve: (_root, { input }, ctx) => move(ctx, input.ticketId.id, 'confirmPayment'),
  }),
}));

builder.prismaObjectFields('Ticket', (t) => ({
  rejectReasonCode: t.field({
    type: RejectReasonEnum,
    nullable: true,
    description: 'Why the ticket was refused; null unless REJECTED.',
    resolve: (ticket) => (ticket.rejectReasonCode as RejectReason | null) ?? null,
  }),
  rejectReasonLabel: t.string({
    nullable: true,
    description: 'The reason code in the reader’s language (Accept-Language), for the client.',
    resolve: (ticket, _args, ctx) =>
      ticket.rejectReasonCode ? rejectReasonLabel(ticket.rejectReasonCode as RejectReason, ctx.locale) : null,
  }),
}));
