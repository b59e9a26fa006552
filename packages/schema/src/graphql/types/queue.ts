import { builder } from '../builder.ts';
import { TicketConnection } from './ticket.ts';
import { TicketFilter, ticketWhere } from './ticket-filter.ts';

/** Without a status filter the queue holds what support can act on now. */
const workable = ['NEW', 'IN_PROGRESS'] as const;

export const QueueOrder = builder.enumType('QueueOrder', {
  values: {
    PRIORITY: { description: 'Most urgent priority first, then the longest waiting (the default).' },
    DUE_SOONEST: { description: 'The running SLA clock due soonest first (breached ones on top); then as PRIORITY.' },
  } as const,
});

builder.queryField('queue', (t) =>
  t.prismaConnection(
    {
      type: 'Ticket',
      cursor: 'id',
      description:
        'Staff: the work queue — most urgent priority first, then the longest waiting (a client update sends a ticket to the end). NEW and IN_PROGRESS unless filtered.',
      authScopes: { $all: { staff: true, tokenScope: 'tickets:read' } },
      args: {
        filter: t.arg({ type: TicketFilter }),
        order: t.arg({ type: QueueOrder, defaultValue: 'PRIORITY' }),
      },
      resolve: (query, _root, { filter, order }, ctx) =>
        ctx.db.ticket.findMany({
          ...query,
          where: { AND: [ticketWhere(filter, ctx), filter?.statuses ? {} : { status: { in: [...workable] } }] },
          orderBy:
            order === 'DUE_SOONEST'
              ? [
                  { slaDueAt: { sort: 'asc', nulls: 'last' } },
                  { priorityRank: 'desc' },
                  { queuedAt: 'asc' },
                  { id: 'asc' },
                ]
              : [{ priorityRank: 'desc' }, { queuedAt: 'asc' }, { id: 'asc' }],
        }),
    },
    TicketConnection,
  ),
);
