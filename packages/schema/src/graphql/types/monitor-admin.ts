import { encodeGlobalID } from '@pothos/plugin-relay';
import type { StaffRole } from '../../domain/staff-role.ts';
import { DomainError } from '../../services/domain-error.ts';
import { createMonitor, deleteMonitor, setMonitorPaused, updateMonitor } from '../../services/monitoring/admin.ts';
import { publishMonitorScheduled } from '../../services/monitoring/record.ts';
import { builder } from '../builder.ts';
import { atMost } from '../list-bounds.ts';
import { MonitorKindEnum, MonitorRef } from './monitor.ts';
import { SiteRef } from './site.ts';

const manage = () => ({
  $all: {
    staffRole: ['LINE1', 'LINE2', 'LINE3', 'HEAD', 'ADMIN'] as StaffRole[],
    tokenScope: 'tickets:write' as const,
  },
});

const HttpCheckInput = builder.inputType('HttpCheckInput', {
  fields: (t) => ({
    url: t.string({ required: true }),
    method: t.string({ required: false, description: 'GET by default.' }),
    headers: t.field({ type: 'JSON', required: false, description: 'Header names and values.' }),
    body: t.string({ required: false }),
    expectedStatus: t.stringList({
      required: false,
      ...atMost(20, 'Codes or ranges, e.g. ["200-299"]; default 200-399.'),
    }),
    keyword: t.string({ required: false }),
    regex: t.string({ required: false }),
    keywordAbsent: t.boolean({ required: false, description: 'The keyword or pattern must NOT appear.' }),
    jsonPath: t.string({ required: false, description: 'e.g. $.status' }),
    jsonExpected: t.string({ required: false, description: 'The value at jsonPath, as text.' }),
    followRedirects: t.boolean({ required: false }),
    maxRedirects: t.int({ required: false }),
    ignoreTls: t.boolean({ required: false }),
    caCertificate: t.string({ required: false, description: 'An extra trusted CA (PEM).' }),
  }),
});
const TcpCheckInput = builder.inputType('TcpCheckInput', {
  fields: (t) => ({ host: t.string({ required: true }), port: t.int({ required: true }) }),
});
const TlsCheckInput = builder.inputType('TlsCheckInput', {
  fields: (t) => ({
    host: t.string({ required: true }),
    port: t.int({ required: false }),
    servername: t.string({ required: false }),
    caCertificate: t.string({ required: false }),
  }),
});
const DomainCheckInput = builder.inputType('DomainCheckInput', {
  fields: (t) => ({ domain: t.string({ required: true }) }),
});
const HeartbeatCheckInput = builder.inputType('HeartbeatCheckInput', {
  fields: (t) => ({
    periodSeconds: t.int({ required: true, description: 'How often the job calls in.' }),
    graceSeconds: t.int({ required: false, description: 'Extra time before it counts as missed (60 s).' }),
  }),
});

const timing = {
  intervalSeconds: 'Seconds between checks (60; certificates and domains daily).',
  retryIntervalSeconds: 'Seconds between the confirming 2nd and 3rd failed checks (20).',
} as const;

const CreateMonitorInput = builder.inputType('CreateMonitorInput', {
  fields: (t) => ({
    siteId: t.globalID({ required: true, for: SiteRef }),
    name: t.string({ required: true }),
    kind: t.field({ type: MonitorKindEnum, required: true }),
    http: t.field({ type: HttpCheckInput, required: false }),
    tcp: t.field({ type: TcpCheckInput, required: false }),
    tls: t.field({ type: TlsCheckInput, required: false }),
    domain: t.field({ type: DomainCheckInput, required: false }),
    heartbeat: t.field({ type: HeartbeatCheckInput, required: false }),
    intervalSeconds: t.int({ required: false, description: timing.intervalSeconds }),
    retryIntervalSeconds: t.int({ required: false, description: timing.retryIntervalSeconds }),
    timeoutMs: t.int({ required: false }),
    degradedAfterMs: t.int({ required: false, description: 'Slower answers count as DEGRADED.' }),
    central: t.boolean({ required: false, description: 'Checked centrally (default true); false: agents only.' }),
  }),
});

const UpdateMonitorInput = builder.inputType('UpdateMonitorInput', {
  fields: (t) => ({
    monitorId: t.globalID({ required: true, for: MonitorRef }),
    name: t.string({ required: false }),
    http: t.field({ type: HttpCheckInput, required: false }),
    tcp: t.field({ type: TcpCheckInput, required: false }),
    tls: t.field({ type: TlsCheckInput, required: false }),
    domain: t.field({ type: DomainCheckInput, required: false }),
    heartbeat: t.field({ type: HeartbeatCheckInput, required: false }),
    intervalSeconds: t.int({ required: false, description: timing.intervalSeconds }),
    retryIntervalSeconds: t.int({ required: false, description: timing.retryIntervalSeconds }),
    timeoutMs: t.int({ required: false }),
    degradedAfterMs: t.int({ required: false }),
    central: t.boolean({ required: false }),
  }),
});

const MonitorPayload = builder
  .objectRef<{ monitor: { id: string }; pushUrl?: string | null }>('MonitorPayload')
  .implement({
    fields: (t) => ({
      monitor: t.prismaField({
        type: 'Monitor',
        resolve: (query, p, _args, ctx) => ctx.db.monitor.findUniqueOrThrow({ ...query, where: { id: p.monitor.id } }),
      }),
      pushUrl: t.string({
        nullable: true,
        description: 'Heartbeat monitors, on creation only: the URL the job calls (GET or POST). Keep it secret.',
        resolve: (p) => p.pushUrl ?? null,
      }),
    }),
  });

const DeletedPayload = builder.objectRef<{ id: string }>('DeleteMonitorPayload').implement({
  fields: (t) => ({ deletedMonitorId: t.exposeID('id') }),
});

type KindInputs = { http?: unknown; tcp?: unknown; tls?: unknown; domain?: unknown; heartbeat?: unknown };
const configOf = (input: KindInputs) =>
  (input.http ?? input.tcp ?? input.tls ?? input.domain ?? input.heartbeat ?? undefined) as
    | Record<string, unknown>
    | undefined;
const withoutNulls = <T extends Record<string, unknown>>(input: T) =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null)) as T;

builder.mutationFields((t) => ({
  createMonitor: t.field({
    type: MonitorPayload,
    description: 'Staff (support lines, head, admin): a new monitor of a site, checked first right away.',
    authScopes: manage(),
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: CreateMonitorInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { monitor, pushSecret } = await createMonitor(
        ctx.db,
        {
          ...withoutNulls({
            intervalSeconds: input.intervalSeconds,
            retryIntervalSeconds: input.retryIntervalSeconds,
            timeoutMs: input.timeoutMs,
            degradedAfterMs: input.degradedAfterMs,
            central: input.central,
          }),
          siteId: input.siteId.id,
          name: input.name,
          kind: input.kind,
          config: configOf(input) ?? {},
        },
        ctx.now(),
        ctx.monitorNetworks,
      );
      publishMonitorScheduled(ctx.events, monitor.id);
      return { monitor, pushUrl: pushSecret ? `${ctx.publicUrl}/heartbeat/${pushSecret}` : null };
    },
  }),
  updateMonitor: t.field({
    type: MonitorPayload,
    description: 'Staff: change a monitor; kind-specific fields given replace the stored ones.',
    authScopes: manage(),
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: UpdateMonitorInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      monitor: await updateMonitor(
        ctx.db,
        input.monitorId.id,
        {
          ...withoutNulls({
            name: input.name ?? undefined,
            intervalSeconds: input.intervalSeconds,
            retryIntervalSeconds: input.retryIntervalSeconds,
            timeoutMs: input.timeoutMs,
            central: input.central,
          }),
          ...(input.degradedAfterMs !== undefined ? { degradedAfterMs: input.degradedAfterMs } : {}),
          config: configOf(input),
        },
        ctx.monitorNetworks,
      ),
    }),
  }),
  pauseMonitor: t.field({
    type: MonitorPayload,
    description: 'Staff: pause (true) or resume (false) a monitor.',
    authScopes: manage(),
    errors: { types: [DomainError] },
    args: {
      monitorId: t.arg.globalID({ required: true, for: MonitorRef }),
      paused: t.arg.boolean({ required: true }),
    },
    resolve: async (_root, { monitorId, paused }, ctx) => ({
      monitor: await setMonitorPaused(ctx.db, ctx.events, monitorId.id, paused, ctx.now()),
    }),
  }),
  deleteMonitor: t.field({
    type: DeletedPayload,
    description: 'Staff: delete a monitor with its results (incident tickets stay).',
    authScopes: manage(),
    errors: { types: [DomainError] },
    args: { monitorId: t.arg.globalID({ required: true, for: MonitorRef }) },
    resolve: async (_root, { monitorId }, ctx) => {
      await deleteMonitor(ctx.db, monitorId.id);
      return { id: encodeGlobalID('Monitor', monitorId.id) };
    },
  }),
}));
