import { formatTicketNumber } from '../../domain/ticket-status.ts';
import { builder } from '../builder.ts';
import { TicketCategoryEnum, TicketPriorityEnum, TicketSourceEnum, TicketStatusEnum } from '../enums.ts';
import { TicketFilter, ticketWhere } from './ticket-filter.ts';

export const TicketRef = builder.prismaNode('Ticket', {
  id: { field: 'id' },
  description: 'One task of a client or a visitor, from NEW to ACCEPTED, PAID or REJECTED.',
  authScopes: { tokenScope: 'tickets:read' },
  fields: (t) => ({
    number: t.exposeInt('number', { description: 'The human number, 1042 for #1042.' }),
    displayNumber: t.string({
      description: 'The number as people write it: #1042.',
      select: { number: true },
      resolve: (ticket) => formatTicketNumber(ticket.number),
    }),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    status: t.expose('status', { type: TicketStatusEnum }),
    priority: t.expose('priority', { type: TicketPriorityEnum }),
    category: t.expose('category', { type: TicketCategoryEnum }),
    source: t.expose('source', { type: TicketSourceEnum }),
    paid: t.exposeBoolean('paid', { description: 'Paid work (outside the contract) rather than free.' }),
    estimateMinutes: t.exposeInt('estimateMinutes', { nullable: true }),
    estimateKopecks: t.exposeInt('estimateKopecks', { nullable: true }),
    pageContext: t.expose('pageContext', { type: 'JSON', nullable: true }),
    rejectReason: t.exposeString('rejectReason', { nullable: true }),
    organization: t.relation('organization', { nullable: true }),
    site: t.relation('site', { nullable: true }),
    assignee: t.relation('assignee', { nullable: true }),
    duplicateOf: t.relation('duplicateOf', { nullable: true }),
    queuedAt: t.expose('queuedAt', { type: 'DateTime' }),
    reactionDueAt: t.expose('reactionDueAt', { type: 'DateTime', nullable: true }),
    resolutionDueAt: t.expose('resolutionDueAt', { type: 'DateTime', nullable: true }),
    firstResponseAt: t.expose('firstResponseAt', { type: 'DateTime', nullable: true }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true }),
    acceptedAt: t.expose('acceptedAt', { type: 'DateTime', nullable: true }),
    paidAt: t.expose('paidAt', { type: 'DateTime', nullable: true }),
    rejectedAt: t.expose('rejectedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    messages: t.relation('messages', {
      description: 'The conversation, oldest first; internal notes only for staff.',
      query: (_args, ctx) => ({
        where: ctx.viewer.kind === 'staff' ? {} : { internal: false },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
    }),
    attachments: t.relation('attachments', {
      description: 'Files of the ticket; internal ones only for staff.',
      query: (_args, ctx) => ({
        where: ctx.viewer.kind === 'staff' ? {} : { internal: false },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
    }),
    history: t.relation('statusChanges', {
      description: 'Every status change with who made it and why.',
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

/** The one connection type of tickets: `tickets`, `queue` and an organization's tickets. */
export const TicketConnection = builder.connectionObject(
  { type: TicketRef, name: 'TicketConnection' },
  { name: 'TicketEdge' },
);

builder.queryFields((t) => ({
  tickets: t.prismaConnection(
    {
      type: 'Ticket',
      cursor: 'id',
      description: 'The tickets the caller may see, newest first.',
      authScopes: { tokenScope: 'tickets:read' },
      args: { filter: t.arg({ type: TicketFilter }) },
      resolve: (query, _root, { filter }, ctx) =>
        ctx.db.ticket.findMany({ ...query, where: ticketWhere(filter, ctx), orderBy: { number: 'desc' } }),
    },
    TicketConnection,
  ),
  ticket: t.prismaField({
    type: 'Ticket',
    nullable: true,
    description: 'One ticket by its id, or null when it does not exist or the caller may not see it.',
    authScopes: { tokenScope: 'tickets:read' },
    args: { id: t.arg.globalID({ required: true, for: TicketRef }) },
    resolve: (query, _root, { id }, ctx) => ctx.db.ticket.findUnique({ ...query, where: { id: id.id } }),
  }),
}));

builder.subscriptionFields((t) => ({
  ticketUpdated: t.prismaField({
    type: 'Ticket',
    description: 'The ticket after each change.',
    authScopes: { tokenScope: 'tickets:read' },
    args: { id: t.arg.globalID({ required: true, for: TicketRef }) },
    subscribe: (_root, { id }, ctx) => ctx.events.subscribe('ticketUpdated', id.id),
    resolve: (query, payload, _args, ctx) =>
      ctx.db.ticket.findUniqueOrThrow({ ...query, where: { id: (payload as { ticketId: string }).ticketId } }),
  }),
  queueUpdated: t.prismaField({
    type: 'Ticket',
    description: 'Staff: every change of any ticket.',
    authScopes: { staff: true },
    subscribe: (_root, _args, ctx) => ctx.events.subscribe('queueUpdated', 'all'),
    resolve: (query, payload, _args, ctx) =>
      ctx.db.ticket.findUniqueOrThrow({ ...query, where: { id: (payload as { ticketId: string }).ticketId } }),
  }),
}));
