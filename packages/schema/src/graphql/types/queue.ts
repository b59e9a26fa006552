import { builder } from '../builder.ts';
import { TicketConnection } from './ticket.ts';
import { TicketFilter, ticketWhere } from './ticket-filter.ts';

/** Without a status filter the queue holds what support can act on now. */
const workable = ['NEW', 'IN_PROGRESS'] as const;

builder.queryField('queue', (t) =>
  t.prismaConnection(
    {
      type: 'Ticket',
      cursor: 'id',
      description:
        'Staff: the work queue — most urgent priority first, then the longest waiting (a client update sends a ticket to the end). NEW and IN_PROGRESS unless filtered.',
      authScopes: { $all: { staff: true, tokenScope: 'tickets:read' } },
      args: { filter: t.arg({ type: TicketFilter }) },
      resolve: (query, _root, { filter }, ctx) =>
        ctx.db.ticket.findMany({
          ...query,
          where: { AND: [ticketWhere(filter, ctx), filter?.statuses ? {} : { status: { in: [...workable] } }] },
          orderBy: [{ priorityRank: 'desc' }, { queuedAt: 'asc' }, { id: 'asc' }],
        }),
    },
    TicketConnection,
  ),
);
