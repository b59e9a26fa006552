import { GraphQLError } from 'graphql';
import type { RejectReason } from '../../domain/reject-reasons.ts';
import { groupBy, type SupportStatistics, summarizeWorked, ticketStatistics } from '../../domain/sla/statistics.ts';
import type { StaffMember } from '../../generated/sqlite/client.ts';
import { type MonthTicket, workedTicketsOfMonth } from '../../services/month-tickets.ts';
import { loadWorkingCalendar } from '../../services/sla.ts';
import { monthRange, ticketTimesOf, ticketTimesSelect } from '../../services/statistics.ts';
import { forbidden } from '../auth-scopes.ts';
import { builder } from '../builder.ts';
import { OrganizationRef } from './organization.ts';
import { StaffMemberRef } from './staff-member.ts';
import { RejectReasonEnum } from './ticket-moves.ts';

const minutes = 'in working minutes of the studio calendar';

const RejectionCount = builder.objectRef<{ reason: string; count: number }>('RejectionCount').implement({
  description: 'Tickets of the month refused for one reason.',
  fields: (t) => ({
    reason: t.field({ type: RejectReasonEnum, resolve: (r) => r.reason as RejectReason }),
    count: t.exposeInt('count'),
  }),
});

export const SupportStatisticsRef = builder
  .objectRef<SupportStatistics & { month: string }>('SupportStatistics')
  .implement({
    description: `Reaction and resolution of a month's tickets, ${minutes}.`,
    fields: (t) => ({
      month: t.exposeString('month', { description: 'YYYY-MM in the studio time zone.' }),
      tickets: t.exposeInt('tickets', { description: 'Filed in the month.' }),
      answered: t.exposeInt('answered'),
      resolved: t.exposeInt('resolved'),
      averageFirstResponseMinutes: t.exposeFloat('averageFirstResponseMinutes', { nullable: true }),
      medianFirstResponseMinutes: t.exposeFloat('medianFirstResponseMinutes', { nullable: true }),
      averageResolutionMinutes: t.exposeFloat('averageResolutionMinutes', { nullable: true }),
      medianResolutionMinutes: t.exposeFloat('medianResolutionMinutes', { nullable: true }),
      reactionWithinTargetShare: t.exposeFloat('reactionWithinTargetShare', {
        nullable: true,
        description: 'From 0 to 1, of the tickets whose reaction is decided (reacted or breached).',
      }),
      resolutionWithinTargetShare: t.exposeFloat('resolutionWithinTargetShare', { nullable: true }),
      breaches: t.exposeInt('breaches', { description: 'Tickets with a reaction or resolution breach.' }),
      satisfactionAverage: t.exposeFloat('satisfactionAverage', {
        nullable: true,
        description: 'The clients’ average rating (1–5) of the month’s rated tickets; null when none was rated.',
      }),
      satisfactionCount: t.exposeInt('satisfactionCount', { description: 'Tickets of the month the client rated.' }),
      rejections: t.field({
        type: [RejectionCount],
        description: 'The month’s tickets that were refused, by reason (rule 5), most frequent first.',
        resolve: (s) => s.rejections,
      }),
    }),
  });

const TicketStatisticsRef = builder.objectRef<ReturnType<typeof ticketStatistics>>('TicketStatistics').implement({
  description: `One ticket's times, ${minutes}.`,
  fields: (t) => ({
    firstResponseMinutes: t.exposeFloat('firstResponseMinutes', { nullable: true }),
    resolutionMinutes: t.exposeFloat('resolutionMinutes', { nullable: true }),
    reactionWithinTarget: t.exposeBoolean('reactionWithinTarget', { nullable: true }),
    resolutionWithinTarget: t.exposeBoolean('resolutionWithinTarget', { nullable: true }),
  }),
});

/** The working calendar, read once per request however many tickets ask for it. */
const calendars = new WeakMap<object, ReturnType<typeof loadWorkingCalendar>>();
function calendarOfRequest(ctx: { db: Parameters<typeof loadWorkingCalendar>[0] }) {
  let calendar = calendars.get(ctx);
  if (!calendar) {
    calendar = loadWorkingCalendar(ctx.db);
    calendars.set(ctx, calendar);
  }
  return calendar;
}

builder.prismaObjectFields('Ticket', (t) => ({
  statistics: t.field({
    type: TicketStatisticsRef,
    description: `Time to first answer and to resolution, ${minutes}, and whether the targets were met.`,
    select: ticketTimesSelect,
    resolve: async (ticket, _args, ctx) => ticketStatistics(await calendarOfRequest(ctx), ticketTimesOf(ticket)),
  }),
}));

const SpecialistStatistics = builder
  .objectRef<{ staff: StaffMember; line: number | null; statistics: SupportStatistics & { month: string } }>(
    'SpecialistStatistics',
  )
  .implement({
    fields: (t) => ({
      staff: t.field({
        type: StaffMemberRef,
        // Read with the list, not one query per specialist.
        resolve: (s) => s.staff,
      }),
      line: t.exposeInt('line', { nullable: true }),
      statistics: t.field({ type: SupportStatisticsRef, resolve: (s) => s.statistics }),
    }),
  });

const LineStatistics = builder
  .objectRef<{ line: number; statistics: SupportStatistics & { month: string } }>('LineStatistics')
  .implement({
    fields: (t) => ({
      line: t.exposeInt('line'),
      statistics: t.field({ type: SupportStatisticsRef, resolve: (s) => s.statistics }),
    }),
  });

async function monthOf(ctx: { db: Parameters<typeof loadWorkingCalendar>[0] }, month: string) {
  const calendar = await loadWorkingCalendar(ctx.db);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new GraphQLError('month must be written YYYY-MM', { extensions: { code: 'BAD_USER_INPUT' } });
  return { calendar, range: monthRange(month, calendar.timeZone) };
}

type MonthRead = Awaited<ReturnType<typeof monthOf>> & { tickets: MonthTicket[] };
const monthsOfRequest = new WeakMap<object, Map<string, Promise<MonthRead>>>();

/**
 * Every ticket filed in the month, read once per request: the studio's month, the specialists'
 * and the lines' figures asked for together share one read (and each ticket's working minutes).
 */
export function staffMonth(ctx: { db: Parameters<typeof loadWorkingCalendar>[0] }, month: string): Promise<MonthRead> {
  let months = monthsOfRequest.get(ctx);
  if (!months) {
    months = new Map();
    monthsOfRequest.set(ctx, months);
  }
  let read = months.get(month);
  if (!read) {
    read = monthOf(ctx, month).then(async (m) => ({
      ...m,
      tickets: await workedTicketsOfMonth(ctx.db, m.calendar, m.range),
    }));
    months.set(month, read);
  }
  return read;
}

builder.queryFields((t) => ({
  organizationStatistics: t.field({
    type: SupportStatisticsRef,
    description: "A client's month: staff, or a contact of that organization.",
    authScopes: { $any: { contact: true, $all: { staff: true, tokenScope: 'tickets:read' } } },
    args: {
      organizationId: t.arg.globalID({ required: true, for: OrganizationRef }),
      month: t.arg.string({ required: true, description: 'YYYY-MM' }),
    },
    resolve: async (_root, { organizationId, month }, ctx) => {
      if (ctx.viewer.kind === 'contact' && ctx.viewer.organizationId !== organizationId.id) throw forbidden();
      const { calendar, range } = await monthOf(ctx, month);
      const tickets = await workedTicketsOfMonth(ctx.db, calendar, range, { organizationId: organizationId.id });
      return { month, ...summarizeWorked(tickets) };
    },
  }),
  specialistStatistics: t.field({
    type: [SpecialistStatistics],
    description: "Staff: each specialist's month (tickets assigned to them), by name.",
    authScopes: { $all: { staff: true, tokenScope: 'tickets:read' } },
    args: { month: t.arg.string({ required: true, description: 'YYYY-MM' }) },
    resolve: async (_root, { month }, ctx) => {
      const { tickets } = await staffMonth(ctx, month);
      const byAssignee = groupBy(tickets, (x) => x.assigneeId);
      const staff = await ctx.db.staffMember.findMany({
        where: { id: { in: [...byAssignee.keys()].filter((id) => id !== null) } },
        orderBy: { name: 'asc' },
      });
      return staff.map((s) => ({
        staff: s,
        line: s.supportLine,
        statistics: { month, ...summarizeWorked(byAssignee.get(s.id) ?? []) },
      }));
    },
  }),
  lineStatistics: t.field({
    type: [LineStatistics],
    description: 'Staff: each support line’s month (tickets assigned to its specialists).',
    authScopes: { $all: { staff: true, tokenScope: 'tickets:read' } },
    args: { month: t.arg.string({ required: true, description: 'YYYY-MM' }) },
    resolve: async (_root, { month }, ctx) => {
      const { tickets } = await staffMonth(ctx, month);
      const staff = await ctx.db.staffMember.findMany({
        where: { supportLine: { not: null } },
        select: { id: true, supportLine: true },
      });
      const lineOf = new Map(staff.map((s) => [s.id, s.supportLine as number]));
      const lines = [...new Set(staff.map((s) => s.supportLine as number))].sort();
      const byLine = groupBy(tickets, (x) => (x.assigneeId === null ? null : (lineOf.get(x.assigneeId) ?? null)));
      return lines.map((line) => ({ line, statistics: { month, ...summarizeWorked(byLine.get(line) ?? []) } }));
    },
  }),
}));
