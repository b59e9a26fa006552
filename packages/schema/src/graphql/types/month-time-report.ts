import { GraphQLError } from 'graphql';
import { isMonth } from '../../domain/billing/months.ts';
import type { StaffRole } from '../../domain/staff-role.ts';
import type { StaffMember, Ticket } from '../../generated/sqlite/client.ts';
import {
  type LineTimeData,
  type MonthTimeReportData,
  monthEntriesWhere,
  monthTimeReport,
  type SpecialistTimeData,
  type TicketTimeData,
} from '../../services/month-time-report.ts';
import { builder } from '../builder.ts';
import { OrganizationRef } from './organization.ts';
import { StaffMemberRef } from './staff-member.ts';
import { TicketRef } from './ticket.ts';

/** Most tickets `byTicket` lists (`ticketsTotal` counts them all). */
const ticketListLimit = 500;

type TicketRow = Ticket & { organization: { name: string } | null };

const LineTimeRef = builder.objectRef<LineTimeData>('LineTime').implement({
  description: "A support line's finished time in the month.",
  fields: (t) => ({
    supportLine: t.exposeInt('supportLine', { description: 'The line the work is billed at, 1–3.' }),
    minutes: t.exposeInt('minutes'),
    billableMinutes: t.exposeInt('billableMinutes'),
  }),
});

const SpecialistTimeRef = builder.objectRef<SpecialistTimeData & { staff: StaffMember }>('SpecialistTime').implement({
  description: "A specialist's finished time in the month.",
  fields: (t) => ({
    staff: t.field({ type: StaffMemberRef, resolve: (s) => s.staff }),
    minutes: t.exposeInt('minutes'),
    billableMinutes: t.exposeInt('billableMinutes'),
    tickets: t.exposeInt('tickets', { description: 'How many tickets they logged time on.' }),
  }),
});

const TicketTimeRef = builder.objectRef<TicketTimeData & { ticket: TicketRow }>('TicketTime').implement({
  description: "A ticket's finished time in the month.",
  fields: (t) => ({
    ticket: t.field({ type: TicketRef, resolve: (r) => r.ticket }),
    organizationName: t.string({ nullable: true, resolve: (r) => r.ticket.organization?.name ?? null }),
    minutes: t.exposeInt('minutes'),
    billableMinutes: t.exposeInt('billableMinutes'),
    byLine: t.field({ type: [LineTimeRef], resolve: (r) => r.byLine }),
  }),
});

const MonthTimeReportRef = builder.objectRef<MonthTimeReportData>('MonthTimeReport').implement({
  description:
    "A month's finished time entries (begun in the month, in the studio's time zone; running timers not counted), by specialist, line and ticket.",
  fields: (t) => ({
    month: t.exposeString('month'),
    totalMinutes: t.exposeInt('minutes'),
    billableMinutes: t.exposeInt('billableMinutes'),
    byLine: t.field({ type: [LineTimeRef], description: 'Lines with time, by number.', resolve: (r) => r.byLine }),
    bySpecialist: t.field({
      type: [SpecialistTimeRef],
      description: 'Busiest first (most minutes; ties by name).',
      resolve: async (r, _args, ctx) => {
        const rows = await ctx.db.staffMember.findMany({ where: { id: { in: r.bySpecialist.map((s) => s.staffId) } } });
        const byId = new Map(rows.map((row) => [row.id, row]));
        return r.bySpecialist
          .flatMap((s) => {
            const staff = byId.get(s.staffId);
            return staff ? [{ ...s, staff }] : [];
          })
          .sort(
            (a, b) =>
              b.minutes - a.minutes || a.staff.name.localeCompare(b.staff.name) || (a.staffId < b.staffId ? -1 : 1),
          );
      },
    }),
    ticketsTotal: t.int({ description: 'How many tickets have time in the month.', resolve: (r) => r.byTicket.length }),
    byTicket: t.field({
      type: [TicketTimeRef],
      description: `Most minutes first (ties by number); the first \`first\` tickets (default and at most ${ticketListLimit}).`,
      args: { first: t.arg.int({ required: false }) },
      resolve: async (r, { first }, ctx) => {
        const count = first ?? ticketListLimit;
        if (count < 0 || count > ticketListLimit)
          throw new GraphQLError(`first must be between 0 and ${ticketListLimit}`, {
            extensions: { code: 'BAD_USER_INPUT' },
          });
        const shown = r.byTicket.slice(0, count);
        const rows = await ctx.db.ticket.findMany({
          where: { id: { in: shown.map((s) => s.ticketId) } },
          include: { organization: { select: { name: true } } },
        });
        const byId = new Map(rows.map((row) => [row.id, row]));
        return shown
          .flatMap((s) => {
            const ticket = byId.get(s.ticketId);
            return ticket ? [{ ...s, ticket }] : [];
          })
          .sort((a, b) => b.minutes - a.minutes || a.ticket.number - b.ticket.number);
      },
    }),
    entries: t.prismaConnection(
      {
        type: 'TimeEntry',
        cursor: 'id',
        description: 'The counted entries themselves, oldest first.',
        resolve: (query, r, _args, ctx) =>
          ctx.db.timeEntry.findMany({
            ...query,
            where: monthEntriesWhere(r.range, r.organizationId),
            orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
          }),
      },
      { name: 'MonthTimeEntryConnection' },
      { name: 'MonthTimeEntryEdge' },
    ),
  }),
});

const moneyReaders = {
  $all: { staffRole: ['ACCOUNTANT', 'HEAD', 'ADMIN'] as StaffRole[], tokenScope: 'tickets:read' as const },
};

builder.queryField('monthTimeReport', (t) =>
  t.field({
    type: MonthTimeReportRef,
    description:
      "Accountant, head or admin: a month's time entries by specialist, line and ticket (month as YYYY-MM; optionally one client's).",
    authScopes: moneyReaders,
    args: {
      month: t.arg.string({ required: true, description: 'YYYY-MM' }),
      organizationId: t.arg.globalID({ required: false, for: OrganizationRef }),
    },
    resolve: (_root, { month, organizationId }, ctx) => {
      if (!isMonth(month))
        throw new GraphQLError('month must be written YYYY-MM', { extensions: { code: 'BAD_USER_INPUT' } });
      return monthTimeReport(ctx.db, month, organizationId?.id ?? null);
    },
  }),
);
