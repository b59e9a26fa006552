import { encodeGlobalID } from '@pothos/plugin-relay';
import type { StaffRole } from '../../domain/staff-role.ts';
import {
  createCannedResponse,
  deleteCannedResponse,
  fillForTicket,
  updateCannedResponse,
  usableBy,
} from '../../services/canned-responses.ts';
import { DomainError } from '../../services/domain-error.ts';
import { visibleTicketId } from '../actor.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { TicketRef } from './ticket.ts';

// Canned responses are for the people who answer tickets.
const answerers: StaffRole[] = ['LINE1', 'LINE2', 'LINE3', 'HEAD', 'ADMIN'];
const useScopes = { $all: { staffRole: answerers, tokenScope: 'tickets:read' as const } };
const manageScopes = { $all: { staffRole: answerers, tokenScope: 'tickets:write' as const } };

function author(ctx: GraphQLContext) {
  if (ctx.viewer.kind !== 'staff') throw new DomainError('ACTOR_NOT_ALLOWED');
  return { staffId: ctx.viewer.staffId, role: ctx.viewer.role };
}

export const CannedResponseRef = builder.prismaNode('CannedResponse', {
  id: { field: 'id' },
  description:
    'A reply template with placeholders ({{ticket.number}}, {{ticket.title}}, {{requester.name}}, {{organization.name}}, {{staff.name}}, {{studio.name}}; `{{requester.name | fallback}}` when unknown). Shared, or one staff member’s own (only they see it).',
  authScopes: (response, ctx) =>
    ctx.viewer.kind === 'staff' && (response.ownerId === null || response.ownerId === ctx.viewer.staffId)
      ? useScopes
      : false,
  fields: (t) => ({
    name: t.exposeString('name'),
    locale: t.exposeString('locale', { description: 'ru or en.' }),
    body: t.exposeString('body', { description: 'The template, placeholders unfilled.' }),
    shared: t.boolean({ resolve: (r) => r.ownerId === null, description: 'True: every answerer’s; else mine.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    text: t.string({
      description: 'The template filled in for a ticket the caller may see, as it would be sent.',
      args: { ticketId: t.arg.globalID({ required: true, for: TicketRef }) },
      resolve: async (response, { ticketId }, ctx) =>
        fillForTicket(ctx.db, response, await visibleTicketId(ctx, ticketId.id), author(ctx).staffId),
    }),
  }),
});

builder.queryField('cannedResponses', (t) =>
  t.prismaField({
    type: ['CannedResponse'],
    description: 'Staff who answer tickets: the shared canned responses and my own, by name (at most 500).',
    authScopes: useScopes,
    args: {
      locale: t.arg.string({ required: false, description: 'ru or en; both when absent.' }),
      search: t.arg.string({ required: false, description: 'Words of the name.' }),
    },
    resolve: (query, _root, { locale, search }, ctx) =>
      ctx.db.cannedResponse.findMany({
        ...query,
        where: {
          AND: [
            usableBy(author(ctx).staffId),
            locale ? { locale } : {},
            search?.trim() ? { name: { contains: search.trim() } } : {},
          ],
        },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        take: 500,
      }),
  }),
);

const CreateCannedResponseInput = builder.inputType('CreateCannedResponseInput', {
  fields: (t) => ({
    name: t.string({
      required: true,
      description: 'At most 100 characters; unique per language among mine (or the shared).',
    }),
    locale: t.string({ required: true, description: 'ru or en.' }),
    body: t.string({ required: true, description: 'At most 10,000 characters; only the known placeholders.' }),
    shared: t.boolean({ required: false, description: 'True: for every answerer (head of support, admin only).' }),
  }),
});
const UpdateCannedResponseInput = builder.inputType('UpdateCannedResponseInput', {
  fields: (t) => ({
    id: t.globalID({ required: true, for: CannedResponseRef }),
    name: t.string({ required: false }),
    locale: t.string({ required: false }),
    body: t.string({ required: false }),
  }),
});
const DeleteCannedResponseInput = builder.inputType('DeleteCannedResponseInput', {
  fields: (t) => ({ id: t.globalID({ required: true, for: CannedResponseRef }) }),
});

const CannedResponsePayload = builder.objectRef<{ response: { id: string } }>('CannedResponsePayload').implement({
  fields: (t) => ({
    cannedResponse: t.prismaField({
      type: 'CannedResponse',
      resolve: (query, p, _a, ctx) =>
        ctx.db.cannedResponse.findUniqueOrThrow({ ...query, where: { id: p.response.id } }),
    }),
  }),
});
const DeleteCannedResponsePayload = builder.objectRef<{ id: string }>('DeleteCannedResponsePayload').implement({
  fields: (t) => ({
    deletedCannedResponseId: t.id({ resolve: (p) => encodeGlobalID('CannedResponse', p.id) }),
  }),
});

builder.mutationFields((t) => ({
  createCannedResponse: t.field({
    type: CannedResponsePayload,
    description: 'Staff who answer tickets: a canned response of my own, or a shared one (head of support, admin).',
    authScopes: manageScopes,
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: CreateCannedResponseInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      response: await createCannedResponse(ctx.db, author(ctx), { ...input, shared: input.shared ?? false }, ctx.now()),
    }),
  }),
  updateCannedResponse: t.field({
    type: CannedResponsePayload,
    description: 'Change my canned response, or a shared one (head of support, admin).',
    authScopes: manageScopes,
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: UpdateCannedResponseInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      response: await updateCannedResponse(ctx.db, author(ctx), { ...input, id: input.id.id }, ctx.now()),
    }),
  }),
  deleteCannedResponse: t.field({
    type: DeleteCannedResponsePayload,
    description: 'Remove my canned response, or a shared one (head of support, admin).',
    authScopes: manageScopes,
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: DeleteCannedResponseInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({ id: await deleteCannedResponse(ctx.db, author(ctx), input.id.id) }),
  }),
}));
