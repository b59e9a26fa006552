import { encodeGlobalID } from '@pothos/plugin-relay';
import type { StaffRole } from '../../domain/staff-role.ts';
import { logTime, startTimer, stopTimer, summarizeTime } from '../../services/billing/time-entries.ts';
import { deleteTimeEntry, updateTimeEntry } from '../../services/billing/time-entry-edit.ts';
import { DomainError } from '../../services/domain-error.ts';
import { actorOf, visibleTicketId } from '../actor.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { StaffMemberRef } from './staff-member.ts';
import { TicketRef } from './ticket.ts';

export const TimeEntryRef = builder.prismaNode('TimeEntry', {
  id: { field: 'id' },
  description: 'Time a specialist spent on a ticket: a timer, or logged by hand (staff only).',
  authScopes: { staff: true },
  fields: (t) => ({
    ticket: t.relation('ticket'),
    staff: t.relation('staff'),
    supportLine: t.exposeInt('supportLine', { description: 'The line the work is billed at.' }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true, description: 'Null while the timer runs.' }),
    running: t.boolean({ resolve: (e) => e.endedAt === null }),
    minutes: t.exposeInt('minutes', { description: 'Whole minutes (0 while the timer runs).' }),
    note: t.exposeString('note', { nullable: true, description: 'Internal: never shown to the client.' }),
    billable: t.exposeBoolean('billable'),
  }),
});

const LineMinutes = builder.objectRef<{ supportLine: number; minutes: number }>('LineMinutes').implement({
  fields: (t) => ({ supportLine: t.exposeInt('supportLine'), minutes: t.exposeInt('minutes') }),
});

const SpecialistMinutes = builder.objectRef<{ staffId: string; minutes: number }>('SpecialistMinutes').implement({
  fields: (t) => ({
    staff: t.field({
      type: StaffMemberRef,
      resolve: (s, _args, ctx) => ctx.db.staffMember.findUniqueOrThrow({ where: { id: s.staffId } }),
    }),
    minutes: t.exposeInt('minutes'),
  }),
});

const TimeSummaryRef = builder
  .objectRef<ReturnType<typeof summarizeTime> & { staff: boolean }>('TimeSummary')
  .implement({
    description: "A ticket's finished time: clients see it by level, staff also by specialist.",
    fields: (t) => ({
      totalMinutes: t.exposeInt('totalMinutes'),
      billableMinutes: t.exposeInt('billableMinutes'),
      byLine: t.field({ type: [LineMinutes], resolve: (s) => s.byLine }),
      bySpecialist: t.field({
        type: [SpecialistMinutes],
        description: 'Staff only (empty for clients).',
        resolve: (s) => (s.staff ? s.byStaff : []),
      }),
    }),
  });

builder.prismaObjectFields('Ticket', (t) => ({
  timeEntries: t.relation('timeEntries', {
    description: 'Staff: every time entry, oldest first (empty for clients).',
    query: (_args, ctx) => ({
      where: ctx.viewer.kind === 'staff' ? {} : { id: { in: [] } },
      orderBy: [{ startedAt: 'asc' }, { id: 'asc' }],
    }),
  }),
  timeSummary: t.field({
    type: TimeSummaryRef,
    description: 'Hours spent, in all and by level (staff: also by specialist). Running timers not counted.',
    resolve: async (ticket, _args, ctx) => {
      const entries = await ctx.db.timeEntry.findMany({
        where: { ticketId: ticket.id, endedAt: { not: null } },
        select: { supportLine: true, staffId: true, minutes: true, billable: true },
      });
      return { ...summarizeTime(entries), staff: ctx.viewer.kind === 'staff' };
    },
  }),
}));

const TimeEntryPayload = builder.objectRef<{ timeEntry: { id: string } }>('TimeEntryPayload').implement({
  fields: (t) => ({
    timeEntry: t.field({
      type: TimeEntryRef,
      resolve: (p, _args, ctx) => ctx.db.timeEntry.findUniqueOrThrow({ where: { id: p.timeEntry.id } }),
    }),
  }),
});

const StartTimerInput = builder.inputType('StartTimerInput', {
  fields: (t) => ({
    ticketId: t.globalID({ required: true, for: TicketRef }),
    note: t.string({ required: false, description: 'Internal note (staff only).' }),
    supportLine: t.int({
      required: false,
      description: 'Your own line (the default); only the head of support and admins name another.',
    }),
    billable: t.boolean({ required: false, description: 'Default: true.' }),
  }),
});
const StopTimerInput = builder.inputType('StopTimerInput', {
  fields: (t) => ({ note: t.string({ required: false, description: 'Replaces the note given at start.' }) }),
});
const LogTimeInput = builder.inputType('LogTimeInput', {
  fields: (t) => ({
    ticketId: t.globalID({ required: true, for: TicketRef }),
    minutes: t.int({ required: true, description: 'Whole minutes, 1 to 1440.' }),
    note: t.string({ required: false, description: 'Internal note (staff only).' }),
    supportLine: t.int({
      required: false,
      description: 'Your own line (the default); only the head of support and admins name another.',
    }),
    billable: t.boolean({ required: false, description: 'Default: true.' }),
    startedAt: t.field({ type: 'DateTime', required: false, description: 'When the work began (default: just now).' }),
  }),
});

const workers = {
  $all: {
    staffRole: ['LINE1', 'LINE2', 'LINE3', 'HEAD', 'ADMIN'] as StaffRole[],
    tokenScope: 'tickets:write' as const,
  },
};
const errors = { types: [DomainError] };
const staffIdOf = (ctx: GraphQLContext) => actorOf(ctx).staffId as string;

builder.queryField('myRunningTimer', (t) =>
  t.prismaField({
    type: 'TimeEntry',
    nullable: true,
    description: 'Staff: your running timer, or null.',
    authScopes: { $all: { staff: true, tokenScope: 'tickets:read' } },
    resolve: (query, _root, _args, ctx) =>
      ctx.db.timeEntry.findFirst({
        ...query,
        where: { staffId: staffIdOf(ctx), endedAt: null },
        orderBy: { startedAt: 'desc' },
      }),
  }),
);

const UpdateTimeEntryInput = builder.inputType('UpdateTimeEntryInput', {
  fields: (t) => ({
    timeEntryId: t.globalID({ required: true, for: TimeEntryRef }),
    minutes: t.int({ required: false, description: 'Whole minutes, 1 to 1440 (a stopped entry only).' }),
    note: t.string({ required: false }),
    billable: t.boolean({ required: false }),
    supportLine: t.int({
      required: false,
      description: 'Only the head of support and admins move an entry to a line other than its author’s own.',
    }),
  }),
});
const DeleteTimeEntryInput = builder.inputType('DeleteTimeEntryInput', {
  fields: (t) => ({ timeEntryId: t.globalID({ required: true, for: TimeEntryRef }) }),
});
const DeletedTimeEntry = builder.objectRef<{ id: string }>('DeleteTimeEntryPayload').implement({
  fields: (t) => ({ deletedId: t.exposeID('id') }),
});
const editorOf = (ctx: GraphQLContext) => {
  const actor = actorOf(ctx);
  return { staffId: actor.staffId as string, role: actor.kind === 'STAFF' ? actor.role : ('LINE1' as const) };
};

builder.mutationFields((t) => ({
  startTimer: t.field({
    type: TimeEntryPayload,
    description: 'Staff: start timing your work on a ticket (a timer running elsewhere stops first).',
    authScopes: workers,
    errors,
    args: { input: t.arg({ type: StartTimerInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      timeEntry: await startTimer(ctx.db, {
        ticketId: await visibleTicketId(ctx, input.ticketId.id),
        staffId: staffIdOf(ctx),
        note: input.note,
        supportLine: input.supportLine,
        billable: input.billable,
        role: editorOf(ctx).role,
        now: ctx.now(),
      }),
    }),
  }),
  stopTimer: t.field({
    type: TimeEntryPayload,
    description: 'Staff: stop your running timer (whole minutes, halves up, at least one).',
    authScopes: workers,
    errors,
    args: { input: t.arg({ type: StopTimerInput, required: false }) },
    resolve: async (_root, { input }, ctx) => ({
      timeEntry: await stopTimer(ctx.db, {
        staffId: staffIdOf(ctx),
        ...(input?.note !== undefined ? { note: input.note } : {}),
        now: ctx.now(),
      }),
    }),
  }),
  updateTimeEntry: t.field({
    type: TimeEntryPayload,
    description: 'Staff: correct your time entry (head of support and admins: anyone’s) while its ticket is open.',
    authScopes: workers,
    errors,
    args: { input: t.arg({ type: UpdateTimeEntryInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      timeEntry: await updateTimeEntry(
        ctx.db,
        input.timeEntryId.id,
        { minutes: input.minutes, note: input.note, billable: input.billable, supportLine: input.supportLine },
        editorOf(ctx),
      ),
    }),
  }),
  deleteTimeEntry: t.field({
    type: DeletedTimeEntry,
    description:
      'Staff: remove your time entry recorded by mistake (head of support and admins: anyone’s) while its ticket is open.',
    authScopes: workers,
    errors,
    args: { input: t.arg({ type: DeleteTimeEntryInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const entry = await deleteTimeEntry(ctx.db, input.timeEntryId.id, editorOf(ctx));
      return { id: encodeGlobalID('TimeEntry', entry.id) };
    },
  }),
  logTime: t.field({
    type: TimeEntryPayload,
    description: 'Staff: record time worked on a ticket by hand.',
    authScopes: workers,
    errors,
    args: { input: t.arg({ type: LogTimeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      timeEntry: await logTime(ctx.db, {
        ticketId: await visibleTicketId(ctx, input.ticketId.id),
        staffId: staffIdOf(ctx),
        minutes: input.minutes,
        note: input.note,
        billable: input.billable,
        supportLine: input.supportLine,
        startedAt: input.startedAt ?? null,
        role: editorOf(ctx).role,
        now: ctx.now(),
      }),
    }),
  }),
}));
