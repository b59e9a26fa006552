import { encodeGlobalID } from '@pothos/plugin-relay';
import { groupBy, type SupportStatistics, summarizeWorked } from '../../domain/sla/statistics.ts';
import type { MonthTicket } from '../../services/month-tickets.ts';
import { breachesOfMonth } from '../../services/statistics.ts';
import { batchPerRequest } from '../batch-per-request.ts';
import { builder } from '../builder.ts';
import { TicketPriorityEnum } from '../enums.ts';
import { OrganizationRef } from './organization.ts';
import { SupportStatisticsRef, staffMonth } from './statistics.ts';

type Month = SupportStatistics & { month: string };
type Breach = Awaited<ReturnType<typeof breachesOfMonth>>[number];

/** Most breaches a month lists (the count in `total.breaches` is exact). */
const breachListLimit = 500;

const organizationOf = batchPerRequest<string, { id: string; name: string }>(async (ctx, ids) => {
  const { db } = ctx as { db: import('../../db/client.ts').Db };
  const rows = await db.organization.findMany({ where: { id: { in: ids } } });
  return new Map(rows.map((row) => [row.id, row]));
});

const OrganizationMonthRef = builder
  .objectRef<{ organizationId: string; statistics: Month }>('OrganizationMonthStatistics')
  .implement({
    description: "One client's share of the studio's month.",
    fields: (t) => ({
      organization: t.field({
        type: OrganizationRef,
        resolve: async (o, _args, ctx) => (await organizationOf(ctx, o.organizationId)) as never,
      }),
      statistics: t.field({ type: SupportStatisticsRef, resolve: (o) => o.statistics }),
    }),
  });

const SlaBreachKind = builder.enumType('SlaBreachKind', {
  values: ['REACTION_BREACHED', 'RESOLUTION_BREACHED'] as const,
});

const SlaBreachRef = builder.objectRef<Breach>('SlaBreach').implement({
  description: "A ticket's reaction or resolution target missed in the month.",
  fields: (t) => ({
    kind: t.field({ type: SlaBreachKind, resolve: (b) => b.kind as 'REACTION_BREACHED' | 'RESOLUTION_BREACHED' }),
    at: t.expose('createdAt', { type: 'DateTime', description: 'When the breach was recorded.' }),
    dueAt: t.expose('dueAt', { type: 'DateTime' }),
    ticketId: t.id({ resolve: (b) => encodeGlobalID('Ticket', b.ticket.id) }),
    ticketNumber: t.int({ resolve: (b) => b.ticket.number }),
    title: t.string({ resolve: (b) => b.ticket.title }),
    priority: t.field({ type: TicketPriorityEnum, resolve: (b) => b.ticket.priority as never }),
    organizationName: t.string({ nullable: true, resolve: (b) => b.ticket.organization?.name ?? null }),
    assigneeName: t.string({ nullable: true, resolve: (b) => b.ticket.assignee?.name ?? null }),
  }),
});

const StudioStatisticsRef = builder
  .objectRef<{
    month: string;
    tickets: MonthTicket[];
    range: { from: Date; to: Date };
  }>('StudioStatistics')
  .implement({
    description: "The studio's month: all of it, each client's, and the breaches.",
    fields: (t) => ({
      month: t.exposeString('month'),
      total: t.field({
        type: SupportStatisticsRef,
        resolve: (s) => ({ month: s.month, ...summarizeWorked(s.tickets) }),
      }),
      organizations: t.field({
        type: [OrganizationMonthRef],
        description: 'Every client with tickets filed in the month, most tickets first.',
        resolve: (s) => {
          return [...groupBy(s.tickets, (ticket) => ticket.organizationId)]
            .flatMap(([organizationId, tickets]) =>
              organizationId === null
                ? []
                : [{ organizationId, statistics: { month: s.month, ...summarizeWorked(tickets) } }],
            )
            .sort(
              (a, b) => b.statistics.tickets - a.statistics.tickets || a.organizationId.localeCompare(b.organizationId),
            );
        },
      }),
      breaches: t.field({
        type: [SlaBreachRef],
        description: `The reaction and resolution breaches recorded in the month, newest first (at most ${breachListLimit}).`,
        resolve: (s, _args, ctx) => breachesOfMonth(ctx.db, s.range, breachListLimit),
      }),
    }),
  });

builder.queryField('studioStatistics', (t) =>
  t.field({
    type: StudioStatisticsRef,
    description: "Staff: the studio's month — its totals, each client's, and the SLA breaches.",
    authScopes: { $all: { staff: true, tokenScope: 'tickets:read' } },
    args: { month: t.arg.string({ required: true, description: 'YYYY-MM' }) },
    resolve: async (_root, { month }, ctx) => {
      const { range, tickets } = await staffMonth(ctx, month);
      return { month, range, tickets };
    },
  }),
);
