import { encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { CheckOutcome, MonitorState } from '../../domain/monitoring/confirm.ts';
import { DomainError } from '../../services/domain-error.ts';
import { type MonitorUptime, monitorUptimes, type WatchedMonitor } from '../../services/monitor-uptime.ts';
import { siteUptimeForMonth } from '../../services/site-uptime.ts';
import { batchPerRequest } from '../batch-per-request.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { SiteRef } from './site.ts';

export const MonitorKindEnum = builder.enumType('MonitorKind', {
  values: ['HTTP', 'TLS', 'DOMAIN', 'TCP', 'HEARTBEAT'] as const,
});
export const MonitorStateEnum = builder.enumType('MonitorState', { values: Object.values(MonitorState) });
export const CheckOutcomeEnum = builder.enumType('CheckOutcome', { values: Object.values(CheckOutcome) });
const RollupPeriodEnum = builder.enumType('RollupPeriod', { values: ['HOUR', 'DAY'] as const });

const staffRead = (ctx: GraphQLContext) =>
  ctx.viewer.kind === 'staff' &&
  (ctx.viewer.scopes === null || ctx.viewer.scopes.has('tickets:read') || ctx.viewer.scopes.has('admin'));

/** Monitors a caller may see: staff all, a contact those of its organization's sites. */
export function visibleMonitors(ctx: GraphQLContext) {
  if (staffRead(ctx)) return {};
  if (ctx.viewer.kind === 'contact') return { site: { organizationId: ctx.viewer.organizationId } };
  return { id: '__none__' };
}

const RollupRef = builder.prismaObject('MonitorRollup', {
  description: 'Counts and latency of checks over an hour or a day.',
  fields: (t) => ({
    period: t.field({ type: RollupPeriodEnum, resolve: (r) => r.period }),
    bucketStart: t.expose('bucketStart', { type: 'DateTime' }),
    checks: t.exposeInt('checks'),
    up: t.exposeInt('up'),
    degraded: t.exposeInt('degraded'),
    down: t.exposeInt('down'),
    errors: t.exposeInt('errors', { description: "caredesk's own failures (not counted against the site)." }),
    minMs: t.exposeInt('minMs', { nullable: true }),
    avgMs: t.exposeInt('avgMs', { nullable: true }),
    p95Ms: t.exposeInt('p95Ms', { nullable: true }),
    maxMs: t.exposeInt('maxMs', { nullable: true }),
  }),
});

const IncidentRef = builder.prismaObject('MonitorIncident', {
  description: 'A confirmed DOWN or DEGRADED period.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: MonitorStateEnum, resolve: (i) => i.kind }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
    inMaintenance: t.exposeBoolean('inMaintenance'),
    ticketId: t.id({
      nullable: true,
      description: 'The ticket filed (open it with ticket(id:)).',
      resolve: (i) => (i.ticketId ? encodeGlobalID('Ticket', i.ticketId) : null),
    }),
  }),
});

const UptimeRef = builder.objectRef<MonitorUptime>('MonitorUptime').implement({
  description:
    'Uptime in percent over the last 24 hours, 7 and 30 days: confirmed DOWN time, maintenance left out; null before the monitor watched at all.',
  fields: (t) => ({
    day: t.exposeFloat('day', { nullable: true }),
    week: t.exposeFloat('week', { nullable: true }),
    month: t.exposeFloat('month', { nullable: true }),
  }),
});

// Every monitor of a list in one read (the board shows thousands).
const uptimeOf = batchPerRequest<WatchedMonitor, MonitorUptime>((ctx, monitors) =>
  monitorUptimes((ctx as GraphQLContext).db, monitors, (ctx as GraphQLContext).now()).then(
    (byId) => new Map(monitors.map((m) => [m, byId.get(m.id) as MonitorUptime])),
  ),
);

// The last 24 hourly averages of every monitor of a list in one read.
const hourMs = 3_600_000;
const lastDayOf = batchPerRequest<string, (number | null)[]>(async (ctx, ids) => {
  const { db, now } = ctx as GraphQLContext;
  const firstHour = Math.floor(now().getTime() / hourMs) * hourMs - 23 * hourMs;
  const rows = await db.monitorRollup.findMany({
    where: { monitorId: { in: ids }, period: 'HOUR', bucketStart: { gte: new Date(firstHour) } },
    select: { monitorId: true, bucketStart: true, avgMs: true },
  });
  const hours = new Map(ids.map((id) => [id, Array.from({ length: 24 }, (): number | null => null)]));
  for (const row of rows) {
    const slot = Math.round((row.bucketStart.getTime() - firstHour) / hourMs);
    const list = hours.get(row.monitorId);
    if (list && slot >= 0 && slot < 24) list[slot] = row.avgMs;
  }
  return hours;
});

export const MonitorRef = builder.prismaNode('Monitor', {
  id: { field: 'id' },
  description: "A check of a client's site: HTTP(S), TLS certificate, domain expiry, TCP port or heartbeat.",
  authScopes: async (monitor, ctx) => {
    if (ctx.viewer.kind === 'staff') return { tokenScope: 'tickets:read' };
    if (ctx.viewer.kind !== 'contact') return false;
    const site = await ctx.db.site.findUnique({ where: { id: monitor.siteId }, select: { organizationId: true } });
    return site?.organizationId === ctx.viewer.organizationId;
  },
  fields: (t) => ({
    name: t.exposeString('name'),
    kind: t.field({ type: MonitorKindEnum, resolve: (m) => m.kind }),
    state: t.field({ type: MonitorStateEnum, resolve: (m) => m.state }),
    stateSince: t.expose('stateSince', { type: 'DateTime' }),
    paused: t.exposeBoolean('paused'),
    site: t.relation('site'),
    intervalSeconds: t.exposeInt('intervalSeconds'),
    retryIntervalSeconds: t.exposeInt('retryIntervalSeconds'),
    timeoutMs: t.exposeInt('timeoutMs'),
    degradedAfterMs: t.exposeInt('degradedAfterMs', { nullable: true }),
    central: t.exposeBoolean('central', { description: 'Checked by the central scheduler (besides any agents).' }),
    lastCheckAt: t.expose('lastCheckAt', { type: 'DateTime', nullable: true }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Certificate or domain expiry.',
    }),
    config: t.field({
      type: 'JSON',
      description: 'Staff: the kind-specific settings (may hold headers with secrets).',
      authScopes: { tokenScope: 'tickets:read' },
      resolve: (m) => m.config,
    }),
    lastEvidence: t.field({
      type: 'JSON',
      nullable: true,
      description: 'Staff: the last check (status, timings, error, response excerpt).',
      authScopes: { tokenScope: 'tickets:read' },
      resolve: (m) => m.lastEvidence,
    }),
    uptime: t.field({
      type: UptimeRef,
      select: { createdAt: true, siteId: true, site: { select: { organizationId: true } } },
      resolve: async (m, _args, ctx) =>
        (await uptimeOf(ctx, {
          id: m.id,
          createdAt: m.createdAt,
          siteId: m.siteId,
          organizationId: m.site.organizationId,
        })) as MonitorUptime,
    }),
    lastDayResponseMs: t.field({
      type: ['Int'],
      nullable: { list: false, items: true },
      description:
        'The average response time of each of the last 24 hours, oldest first (the current hour last); null for an hour without checks. Read for a whole list at once.',
      resolve: async (m, _args, ctx) => (await lastDayOf(ctx, m.id)) ?? [],
    }),
    incidents: t.relation('incidents', {
      args: { first: t.arg.int({ required: false }) },
      query: ({ first }) => ({ orderBy: { startedAt: 'desc' }, take: Math.min(first ?? 20, 100) }),
    }),
    rollups: t.relation('rollups', {
      description: 'Hourly (90 days) or daily (25 months) figures, newest first.',
      args: {
        period: t.arg({ type: RollupPeriodEnum, required: true }),
        first: t.arg.int({ required: false }),
        before: t.arg({ type: 'DateTime', required: false }),
      },
      query: ({ period, first, before }) => ({
        where: { period, ...(before ? { bucketStart: { lt: before } } : {}) },
        orderBy: { bucketStart: 'desc' },
        take: Math.min(first ?? 24, 500),
      }),
    }),
  }),
});
void RollupRef;
void IncidentRef;

const SiteUptimeRef = builder
  .objectRef<{ uptimePercent: number; downtimeMinutes: number; monitored: boolean }>('SiteMonthUptime')
  .implement({
    description: "A site's uptime over a month, maintenance left out.",
    fields: (t) => ({
      uptimePercent: t.exposeFloat('uptimePercent'),
      downtimeMinutes: t.exposeInt('downtimeMinutes'),
      monitored: t.exposeBoolean('monitored'),
    }),
  });

async function siteVisible(ctx: GraphQLContext, siteId: string): Promise<boolean> {
  if (staffRead(ctx)) return true;
  if (ctx.viewer.kind !== 'contact') return false;
  const site = await ctx.db.site.findUnique({ where: { id: siteId }, select: { organizationId: true } });
  return site?.organizationId === ctx.viewer.organizationId;
}

builder.queryFields((t) => ({
  monitors: t.prismaField({
    type: ['Monitor'],
    description: "Monitors with their current state: staff all (or a site's), a contact its organization's.",
    authScopes: { $any: { tokenScope: 'tickets:read', contact: true } },
    args: {
      siteId: t.arg.globalID({ required: false, for: SiteRef }),
      first: t.arg.int({ required: false, description: 'At most this many (all when left out).' }),
      after: t.arg.globalID({
        required: false,
        for: MonitorRef,
        description: 'The last monitor of the previous page.',
      }),
    },
    resolve: (query, _root, { siteId, first, after }, ctx) =>
      ctx.db.monitor.findMany({
        ...query,
        where: { AND: [visibleMonitors(ctx), siteId ? { siteId: siteId.id } : {}] },
        // By id: a stable order that pages cleanly.
        orderBy: { id: 'asc' },
        ...(after ? { cursor: { id: after.id }, skip: 1 } : {}),
        ...(first ? { take: Math.max(1, first) } : {}),
      }),
  }),
  siteUptime: t.field({
    type: SiteUptimeRef,
    description: "A site's uptime for a month (YYYY-MM), for the client's monthly report.",
    authScopes: { $any: { tokenScope: 'tickets:read', contact: true } },
    errors: { types: [DomainError] },
    args: { siteId: t.arg.globalID({ required: true, for: SiteRef }), month: t.arg.string({ required: true }) },
    resolve: async (_root, { siteId, month }, ctx) => {
      if (!(await siteVisible(ctx, siteId.id))) throw new DomainError('NOT_FOUND', 'siteId');
      return siteUptimeForMonth(ctx.db, { siteId: siteId.id, month, now: ctx.now() });
    },
  }),
}));

builder.subscriptionFields((t) => ({
  monitorStatusChanged: t.prismaField({
    type: 'Monitor',
    description: "A monitor after each confirmed state change (not every check): a site's, or all (staff).",
    authScopes: { $any: { tokenScope: 'tickets:read', contact: true } },
    args: { siteId: t.arg.globalID({ required: false, for: SiteRef }) },
    subscribe: async (_root, { siteId }, ctx) => {
      const allowed = siteId ? await siteVisible(ctx, siteId.id) : staffRead(ctx);
      if (!allowed) throw new GraphQLError('Not allowed. / Недостаточно прав.', { extensions: { code: 'FORBIDDEN' } });
      return ctx.events.subscribe('monitorStatusChanged', siteId ? siteId.id : 'all');
    },
    resolve: (query, payload, _args, ctx) =>
      ctx.db.monitor.findUniqueOrThrow({ ...query, where: { id: (payload as { monitorId: string }).monitorId } }),
  }),
}));
