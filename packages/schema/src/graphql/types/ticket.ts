import { GraphQLError } from 'graphql';
import { formatTicketNumber } from '../../domain/ticket-status.ts';
import { canSeeTicket, visibleTickets } from '../../services/visibility.ts';
import { visibleTicketId } from '../actor.ts';
import { builder } from '../builder.ts';
import { TicketCategoryEnum, TicketPriorityEnum, TicketSourceEnum, TicketStatusEnum } from '../enums.ts';
import { localIdOf } from '../global-id.ts';
import { readOncePerEvent } from '../read-once-per-event.ts';
import { startingWith } from '../starting-with.ts';
import { TicketFilter, ticketWhere } from './ticket-filter.ts';

// Fields some callers may not see answer null for them instead of failing the whole query.
const staffOnly = { authScopes: { staff: true }, unauthorizedResolver: () => null } as const;
const staffOrContact = {
  authScopes: { $any: { staff: true, contact: true } },
  unauthorizedResolver: () => null,
} as const;

export const TicketRef = builder.prismaNode('Ticket', {
  id: { field: 'id' },
  description: 'One task of a client or a visitor, from NEW to ACCEPTED, PAID or REJECTED.',
  authScopes: (ticket, ctx) =>
    ctx.viewer.kind === 'staff' ? { tokenScope: 'tickets:read' } : canSeeTicket(ctx.viewer, ticket),
  fields: (t) => ({
    number: t.exposeInt('number', { description: 'The human number, 1042 for #1042.' }),
    // Every Ticket row carries its scalars: no `select`, so a ticket handed over by a mutation
    // answers this without being read again.
    displayNumber: t.string({
      description: 'The number as people write it: #1042.',
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
    organization: t.relation('organization', { nullable: true, ...staffOrContact }),
    site: t.relation('site', { nullable: true, ...staffOrContact }),
    assignee: t.relation('assignee', { nullable: true, ...staffOnly }),
    assigneeName: t.string({
      nullable: true,
      description: 'Who works on it, for clients.',
      select: { assignee: { select: { name: true } } },
      resolve: (ticket) => ticket.assignee?.name ?? null,
    }),
    duplicateOf: t.relation('duplicateOf', { nullable: true, ...staffOnly }),
    needsAuthorization: t.exposeBoolean('needsAuthorization', {
      description: 'Filed by a contact who is not authorized: staff look before working on it.',
    }),
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
      authScopes: { $any: { tokenScope: 'tickets:read', client: true } },
      args: { filter: t.arg({ type: TicketFilter }) },
      resolve: (query, _root, { filter }, ctx) =>
        ctx.db.ticket.findMany({
          ...query,
          where: { AND: [ticketWhere(filter, ctx), visibleTickets(ctx.viewer)] },
          orderBy: { number: 'desc' },
        }),
    },
    TicketConnection,
  ),
  ticket: t.prismaField({
    type: 'Ticket',
    nullable: true,
    description: 'One ticket by its id, or null when it does not exist or the caller may not see it.',
    authScopes: { $any: { tokenScope: 'tickets:read', client: true } },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }, ctx) => {
      // A malformed id, or one of another type, is as good as an id of nothing.
      const ticketId = localIdOf(id, 'Ticket');
      if (!ticketId) return null;
      return ctx.db.ticket.findFirst({ ...query, where: { AND: [{ id: ticketId }, visibleTickets(ctx.viewer)] } });
    },
  }),
}));

builder.subscriptionFields((t) => ({
  ticketUpdated: t.prismaField({
    type: 'Ticket',
    description:
      'The ticket after each change, for everyone who may see it. With `current: true`, first the ticket as it is now: nothing that changed between reading it and subscribing is missed.',
    authScopes: { $any: { tokenScope: 'tickets:read', client: true } },
    args: {
      id: t.arg.globalID({ required: true, for: TicketRef }),
      current: t.arg.boolean({
        defaultValue: false,
        description:
          'Start with the ticket as it is now, read once the server listens for its changes (the widget asks for this).',
      }),
    },
    subscribe: async (_root, { id, current }, ctx) => {
      // Refuse at once, rather than stay silent, a subscription to someone else's ticket.
      await visibleTicketId(ctx, id.id).catch(() => {
        throw new GraphQLError('Not allowed. / Недостаточно прав.', { extensions: { code: 'FORBIDDEN' } });
      });
      const changes = ctx.events.subscribe('ticketUpdated', id.id);
      // Its own payload object: the first answer is read for this subscriber alone.
      return current ? startingWith({ ticketId: id.id }, changes) : changes;
    },
    resolve: (query, payload, _args, ctx) =>
      readOncePerEvent(payload, query, () =>
        ctx.db.ticket.findUniqueOrThrow({ ...query, where: { id: (payload as { ticketId: string }).ticketId } }),
      ),
  }),
  queueUpdated: t.prismaField({
    type: 'Ticket',
    description: 'Staff: every change of any ticket.',
    authScopes: { $all: { staff: true, tokenScope: 'tickets:read' } },
    subscribe: (_root, _args, ctx) => ctx.events.subscribe('queueUpdated', 'all'),
    resolve: (query, payload, _args, ctx) =>
      readOncePerEvent(payload, query, () =>
        ctx.db.ticket.findUniqueOrThrow({ ...query, where: { id: (payload as { ticketId: string }).ticketId } }),
      ),
  }),
}));
