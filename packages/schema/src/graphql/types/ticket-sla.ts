import { parseSlaTargets, SlaTargetsError } from '../../domain/sla/sla-targets.ts';
import { slaEventKinds } from '../../domain/sla/ticket-sla.ts';
import { recomputeOpenTicketClocks } from '../../services/calendar-admin.ts';
import { DomainError } from '../../services/domain-error.ts';
import { slaTargetsFor } from '../../services/sla.ts';
import { actorOf } from '../actor.ts';
import { builder } from '../builder.ts';
import { TicketPriorityEnum } from '../enums.ts';
import { StaffMemberRef } from './staff-member.ts';

const SlaEventKind = builder.enumType('SlaEventKind', {
  description: 'A warning (80 % of the target used), a breach, or the escalation that follows it.',
  values: slaEventKinds,
});

builder.prismaObject('SlaEvent', {
  description: "A warning, breach or escalation of a ticket's SLA clock, each recorded once.",
  fields: (t) => ({
    kind: t.field({ type: SlaEventKind, resolve: (e) => e.kind }),
    dueAt: t.expose('dueAt', { type: 'DateTime', description: 'The due time of the clock it concerns.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    escalatedTo: t.field({
      type: StaffMemberRef,
      nullable: true,
      description: 'ESCALATED: the head of support it went to.',
      resolve: (e, _args, ctx) => (e.staffId ? ctx.db.staffMember.findUnique({ where: { id: e.staffId } }) : null),
    }),
  }),
});

const waiting = ['FEEDBACK', 'RESOLVED'];

builder.prismaObjectFields('Ticket', (t) => ({
  reactedAt: t.expose('reactedAt', {
    type: 'DateTime',
    nullable: true,
    description: 'When a specialist reacted in the current cycle (a client update starts a new one).',
  }),
  reactionWarningAt: t.expose('reactionWarningAt', { type: 'DateTime', nullable: true }),
  resolutionWarningAt: t.expose('resolutionWarningAt', { type: 'DateTime', nullable: true }),
  slaDueAt: t.expose('slaDueAt', {
    type: 'DateTime',
    nullable: true,
    description: 'The soonest due time of a running clock (the queue sorts by it).',
  }),
  slaPaused: t.boolean({
    description: 'The resolution clock waits for the client (FEEDBACK, RESOLVED).',
    resolve: (ticket) =>
      ticket.resolutionTargetMinutes !== null && !ticket.resolutionRunningSince && waiting.includes(ticket.status),
  }),
  deliveredPriority: t.field({
    type: TicketPriorityEnum,
    nullable: true,
    description: 'The most urgent priority whose reaction target was met; billing charges it.',
    resolve: (ticket) => ticket.deliveredPriority,
  }),
  slaEvents: t.relation('slaEvents', {
    description: 'Staff: warnings, breaches and escalations, oldest first (empty for clients).',
    query: (_args, ctx) => ({
      where: ctx.viewer.kind === 'staff' ? {} : { id: { in: [] } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
  }),
}));

builder.queryField('slaTargets', (t) =>
  t.field({
    type: 'JSON',
    description: "Staff: the studio's SLA targets (see docs/sla.md), or with an organization its contract's.",
    authScopes: { $all: { staff: true, tokenScope: 'tickets:read' } },
    args: { organizationId: t.arg.globalID({ required: false }) },
    resolve: (_root, { organizationId }, ctx) => slaTargetsFor(ctx.db, organizationId?.id ?? null),
  }),
);

const SlaTargetsPayload = builder
  .objectRef<{ targets: unknown; ticketsRecomputed: number }>('SlaTargetsPayload')
  .implement({
    fields: (t) => ({
      targets: t.field({ type: 'JSON', resolve: (p) => p.targets }),
      ticketsRecomputed: t.exposeInt('ticketsRecomputed'),
    }),
  });

builder.mutationField('setSlaTargets', (t) =>
  t.field({
    type: SlaTargetsPayload,
    description:
      'Head of support or admin: replace the SLA targets of the priorities and categories named (others keep theirs).',
    authScopes: { $all: { staffRole: ['HEAD', 'ADMIN'], tokenScope: 'tickets:write' } },
    errors: { types: [DomainError] },
    args: { targets: t.arg({ type: 'JSON', required: true }) },
    resolve: async (_root, { targets }, ctx) => {
      let merged: ReturnType<typeof parseSlaTargets>;
      try {
        merged = parseSlaTargets(targets, await slaTargetsFor(ctx.db, null));
      } catch (error) {
        if (error instanceof SlaTargetsError) throw new DomainError('INVALID_INPUT', 'targets', error.message);
        throw error;
      }
      await ctx.db.studioSettings.update({ where: { id: 'studio' }, data: { slaTargets: merged as object } });
      const actor = actorOf(ctx);
      await ctx.db.auditEvent.create({
        data: {
          action: 'sla.targets',
          actorKind: actor.kind,
          actorId: actor.staffId ?? null,
          subjectType: 'Studio',
          subjectId: 'studio',
          data: merged as object,
          createdAt: ctx.now(),
        },
      });
      return { targets: merged, ticketsRecomputed: await recomputeOpenTicketClocks(ctx.db) };
    },
  }),
);
