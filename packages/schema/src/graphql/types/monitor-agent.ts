import { encodeGlobalID } from '@pothos/plugin-relay';
import type { StaffRole } from '../../domain/staff-role.ts';
import { DomainError } from '../../services/domain-error.ts';
import {
  agentOfToken,
  agentReportLimit,
  assignMonitorAgent,
  leaseAgentChecks,
  registerMonitorAgent,
  reportAgentResults,
} from '../../services/monitoring/agents.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { atMost } from '../list-bounds.ts';
import { CheckOutcomeEnum, MonitorKindEnum, MonitorRef } from './monitor.ts';

// Agents act only with a token that names the scope itself (not a session, not any token).
const agentToken = (_root: unknown, _args: unknown, ctx: GraphQLContext) =>
  ctx.viewer.kind === 'staff' && Boolean(ctx.viewer.tokenId) && Boolean(ctx.viewer.scopes?.has('monitoring:report'));

builder.prismaObject('MonitorAgent', {
  description: 'A remote probe that checks monitors from its location.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    location: t.exposeString('location'),
    lastSeenAt: t.expose('lastSeenAt', { type: 'DateTime', nullable: true }),
    monitors: t.int({
      description: 'How many monitors it watches.',
      resolve: (agent, _args, ctx) => ctx.db.monitorAssignment.count({ where: { agentId: agent.id } }),
    }),
  }),
});

builder.queryField('monitorAgents', (t) =>
  t.prismaField({
    type: ['MonitorAgent'],
    description: 'Staff: the remote monitoring agents, with when each was last heard from.',
    authScopes: { tokenScope: 'tickets:read' },
    resolve: (query, _root, _args, ctx) => ctx.db.monitorAgent.findMany({ ...query, orderBy: { name: 'asc' } }),
  }),
);

const RegisterAgentPayload = builder
  .objectRef<{ agent: { id: string }; token: string }>('RegisterMonitorAgentPayload')
  .implement({
    fields: (t) => ({
      agent: t.prismaField({
        type: 'MonitorAgent',
        resolve: (query, p, _a, ctx) => ctx.db.monitorAgent.findUniqueOrThrow({ ...query, where: { id: p.agent.id } }),
      }),
      token: t.exposeString('token', { description: "The agent's token (scope monitoring:report), shown once." }),
    }),
  });

const LeasedCheckRef = builder
  .objectRef<{
    monitorId: string;
    kind: 'HTTP' | 'TLS' | 'DOMAIN' | 'TCP' | 'HEARTBEAT';
    config: unknown;
    timeoutMs: number;
    degradedAfterMs: number | null;
    dueAt: Date;
    leaseUntil: Date;
  }>('LeasedCheck')
  .implement({
    description: 'A check an agent should run now and report before the lease ends.',
    fields: (t) => ({
      monitorId: t.id({ resolve: (c) => encodeGlobalID('Monitor', c.monitorId) }),
      kind: t.field({ type: MonitorKindEnum, resolve: (c) => c.kind }),
      config: t.field({ type: 'JSON', resolve: (c) => c.config }),
      timeoutMs: t.exposeInt('timeoutMs'),
      degradedAfterMs: t.exposeInt('degradedAfterMs', { nullable: true }),
      dueAt: t.expose('dueAt', { type: 'DateTime' }),
      leaseUntil: t.expose('leaseUntil', { type: 'DateTime' }),
    }),
  });

const CheckResultInput = builder.inputType('CheckResultInput', {
  fields: (t) => ({
    monitorId: t.globalID({ required: true, for: MonitorRef }),
    checkedAt: t.field({ type: 'DateTime', required: true }),
    outcome: t.field({ type: CheckOutcomeEnum, required: true }),
    responseTimeMs: t.int({ required: false }),
    statusCode: t.int({ required: false }),
    message: t.string({ required: false }),
    details: t.field({
      type: 'JSON',
      required: false,
      description: 'Evidence: timings, excerpt (kept with failures).',
    }),
  }),
});

const ReportCheckResultsInput = builder.inputType('ReportCheckResultsInput', {
  fields: (t) => ({ results: t.field({ type: [CheckResultInput], required: true, ...atMost(agentReportLimit) }) }),
});

const ReportPayload = builder.objectRef<{ accepted: number; rejected: number }>('ReportCheckResultsPayload').implement({
  fields: (t) => ({
    accepted: t.exposeInt('accepted'),
    rejected: t.exposeInt('rejected', { description: 'Results of monitors not assigned to this agent.' }),
  }),
});

const AssignPayload = builder.objectRef<{ monitorId: string }>('AssignMonitorAgentPayload').implement({
  fields: (t) => ({
    monitor: t.prismaField({
      type: 'Monitor',
      resolve: (query, p, _a, ctx) => ctx.db.monitor.findUniqueOrThrow({ ...query, where: { id: p.monitorId } }),
    }),
  }),
});

const admins = () => ({ $all: { staffRole: ['HEAD', 'ADMIN'] as StaffRole[], tokenScope: 'tickets:write' as const } });

builder.mutationFields((t) => ({
  registerMonitorAgent: t.field({
    type: RegisterAgentPayload,
    description: 'Head of support or admin: a remote agent and its token (scope monitoring:report only).',
    authScopes: admins(),
    errors: { types: [DomainError] },
    args: { name: t.arg.string({ required: true }), location: t.arg.string({ required: true }) },
    resolve: async (_root, { name, location }, ctx) => {
      const staffId = ctx.viewer.kind === 'staff' ? ctx.viewer.staffId : '';
      const { agent, secret } = await registerMonitorAgent(ctx.db, { name, location, staffId, now: ctx.now() });
      return { agent, token: secret };
    },
  }),
  assignMonitorAgent: t.field({
    type: AssignPayload,
    description: 'Head of support or admin: let an agent watch a monitor too.',
    authScopes: admins(),
    errors: { types: [DomainError] },
    args: {
      monitorId: t.arg.globalID({ required: true, for: MonitorRef }),
      agentId: t.arg.id({ required: true }),
    },
    resolve: async (_root, { monitorId, agentId }, ctx) => {
      await assignMonitorAgent(ctx.db, monitorId.id, String(agentId), ctx.now());
      return { monitorId: monitorId.id };
    },
  }),
  leaseMonitorChecks: t.field({
    type: [LeasedCheckRef],
    description: 'Monitoring agents: the checks due for this agent, leased for 5 minutes.',
    authScopes: agentToken,
    args: { limit: t.arg.int({ required: false }) },
    resolve: async (_root, { limit }, ctx) => {
      const now = ctx.now();
      const agent = await agentOfToken(ctx.db, ctx.viewer.kind === 'staff' ? ctx.viewer.tokenId : undefined, now);
      // A monitoring token of no registered agent has nothing assigned.
      return agent ? leaseAgentChecks(ctx.db, agent, now, limit ?? 100) : [];
    },
  }),
  reportCheckResults: t.field({
    type: ReportPayload,
    description: 'Monitoring agents: a batch of results (at most 500) of the checks they leased.',
    authScopes: agentToken,
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: ReportCheckResultsInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const now = ctx.now();
      const agent = await agentOfToken(ctx.db, ctx.viewer.kind === 'staff' ? ctx.viewer.tokenId : undefined, now);
      if (!agent) return { accepted: 0, rejected: input.results.length };
      return reportAgentResults(
        ctx.db,
        ctx.events,
        agent,
        input.results.map((r) => ({
          ...r,
          monitorId: r.monitorId.id,
          details: (r.details ?? null) as Record<string, unknown> | null,
        })),
        now,
      );
    },
  }),
}));
