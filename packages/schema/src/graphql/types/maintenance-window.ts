import { encodeGlobalID } from '@pothos/plugin-relay';
import type { StaffRole } from '../../domain/staff-role.ts';
import { DomainError } from '../../services/domain-error.ts';
import {
  createMaintenanceWindow,
  deleteMaintenanceWindow,
  endMaintenanceWindow,
} from '../../services/monitoring/admin.ts';
import { builder } from '../builder.ts';
import { atMost } from '../list-bounds.ts';
import { MonitorRef } from './monitor.ts';
import { OrganizationRef } from './organization.ts';
import { SiteRef } from './site.ts';

// Maintenance windows: time in which checks file nothing and uptime does not count.
const manage = () => ({
  $all: {
    staffRole: ['LINE1', 'LINE2', 'LINE3', 'HEAD', 'ADMIN'] as StaffRole[],
    tokenScope: 'tickets:write' as const,
  },
});

export const MaintenanceWindowRef = builder.prismaObject('MaintenanceWindow', {
  description: 'Time when checks file nothing and do not count against uptime.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    monitorId: t.id({ nullable: true, resolve: (w) => (w.monitorId ? encodeGlobalID('Monitor', w.monitorId) : null) }),
    siteId: t.id({ nullable: true, resolve: (w) => (w.siteId ? encodeGlobalID('Site', w.siteId) : null) }),
    organizationId: t.id({
      nullable: true,
      resolve: (w) => (w.organizationId ? encodeGlobalID('Organization', w.organizationId) : null),
    }),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime', nullable: true }),
    recurring: t.exposeBoolean('recurring'),
    weekdays: t.intList({ resolve: (w) => (Array.isArray(w.weekdays) ? w.weekdays.map(Number) : []) }),
    localStart: t.exposeString('localStart', { nullable: true }),
    durationMinutes: t.exposeInt('durationMinutes', { nullable: true }),
    timeZone: t.exposeString('timeZone'),
  }),
});

const CreateMaintenanceWindowInput = builder.inputType('CreateMaintenanceWindowInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    monitorId: t.globalID({ required: false, for: MonitorRef }),
    siteId: t.globalID({ required: false, for: SiteRef }),
    organizationId: t.globalID({ required: false, for: OrganizationRef }),
    startsAt: t.field({ type: 'DateTime', required: true }),
    endsAt: t.field({ type: 'DateTime', required: false, description: 'Required for a one-off window.' }),
    recurring: t.boolean({ required: false }),
    weekdays: t.intList({ required: false, ...atMost(7, 'ISO weekdays 1 (Monday)–7; empty: every day.') }),
    localStart: t.string({ required: false, description: 'Recurring: local start HH:MM.' }),
    durationMinutes: t.int({ required: false }),
    timeZone: t.string({ required: false, description: 'IANA zone of localStart (UTC).' }),
  }),
});

const MaintenanceWindowPayload = builder.objectRef<{ window: { id: string } }>('MaintenanceWindowPayload').implement({
  fields: (t) => ({
    maintenanceWindow: t.prismaField({
      type: 'MaintenanceWindow',
      resolve: (query, p, _a, ctx) =>
        ctx.db.maintenanceWindow.findUniqueOrThrow({ ...query, where: { id: p.window.id } }),
    }),
  }),
});

builder.queryField('maintenanceWindows', (t) =>
  t.prismaField({
    type: ['MaintenanceWindow'],
    description:
      "Staff: maintenance windows, newest first: all, or those that apply to a site (its own, its monitors', its organization's).",
    authScopes: { tokenScope: 'tickets:read' },
    args: { siteId: t.arg.globalID({ required: false, for: SiteRef }) },
    resolve: async (query, _root, { siteId }, ctx) => {
      const site = siteId
        ? await ctx.db.site.findUnique({ where: { id: siteId.id }, select: { id: true, organizationId: true } })
        : null;
      if (siteId && !site) return [];
      return ctx.db.maintenanceWindow.findMany({
        ...query,
        where: site
          ? { OR: [{ siteId: site.id }, { monitor: { siteId: site.id } }, { organizationId: site.organizationId }] }
          : {},
        orderBy: [{ startsAt: 'desc' }, { id: 'asc' }],
        take: 500,
      });
    },
  }),
);

const DeleteMaintenanceWindowPayload = builder
  .objectRef<{ id: string }>('DeleteMaintenanceWindowPayload')
  .implement({ fields: (t) => ({ deletedMaintenanceWindowId: t.exposeID('id') }) });

builder.mutationFields((t) => ({
  createMaintenanceWindow: t.field({
    type: MaintenanceWindowPayload,
    description: 'Staff: a one-off or recurring maintenance window of a monitor, a site or an organization.',
    authScopes: manage(),
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: CreateMaintenanceWindowInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      window: await createMaintenanceWindow(
        ctx.db,
        {
          ...input,
          monitorId: input.monitorId?.id ?? null,
          siteId: input.siteId?.id ?? null,
          organizationId: input.organizationId?.id ?? null,
        },
        ctx.now(),
      ),
    }),
  }),
  endMaintenanceWindow: t.field({
    type: MaintenanceWindowPayload,
    description:
      'Staff: end a maintenance window that has started, now (the work finished early); checks count again from this moment.',
    authScopes: manage(),
    errors: { types: [DomainError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      await endMaintenanceWindow(ctx.db, String(id), ctx.now());
      return { window: { id: String(id) } };
    },
  }),
  deleteMaintenanceWindow: t.field({
    type: DeleteMaintenanceWindowPayload,
    description: 'Staff: remove a maintenance window (the incidents already recorded keep their flag).',
    authScopes: manage(),
    errors: { types: [DomainError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      await deleteMaintenanceWindow(ctx.db, String(id));
      return { id: String(id) };
    },
  }),
}));
