import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { DomainError } from '../../services/domain-error.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { TicketCategoryEnum, TicketPriorityEnum, TicketStatusEnum } from '../enums.ts';
import { QueueOrder } from './queue.ts';
import { TicketFilter } from './ticket-filter.ts';

/** A saved view as stored: the filter with its ids written as global ids, and the order. */
type StoredView = {
  statuses?: string[] | null;
  priorities?: string[] | null;
  categories?: string[] | null;
  organizationId?: string | null;
  siteId?: string | null;
  assigneeId?: string | null;
  assignedToMe?: boolean | null;
  unassigned?: boolean | null;
  escalated?: boolean | null;
  overdue?: boolean | null;
  search?: string | null;
  order?: 'PRIORITY' | 'DUE_SOONEST';
};

const viewNameLimit = 60;
const viewsPerPerson = 50;

function ownerOf(ctx: GraphQLContext): string {
  if (ctx.viewer.kind !== 'staff') throw new DomainError('ACTOR_NOT_ALLOWED');
  return ctx.viewer.staffId;
}

const QueueViewFilter = builder.objectRef<StoredView>('QueueViewFilter').implement({
  description: 'A saved view’s filter, in the shape `queue(filter:)` takes back.',
  fields: (t) => ({
    statuses: t.field({ type: [TicketStatusEnum], nullable: true, resolve: (f) => f.statuses as never }),
    priorities: t.field({ type: [TicketPriorityEnum], nullable: true, resolve: (f) => f.priorities as never }),
    categories: t.field({ type: [TicketCategoryEnum], nullable: true, resolve: (f) => f.categories as never }),
    organizationId: t.id({ nullable: true, resolve: (f) => f.organizationId ?? null }),
    siteId: t.id({ nullable: true, resolve: (f) => f.siteId ?? null }),
    assigneeId: t.id({ nullable: true, resolve: (f) => f.assigneeId ?? null }),
    assignedToMe: t.boolean({ nullable: true, resolve: (f) => f.assignedToMe ?? null }),
    unassigned: t.boolean({ nullable: true, resolve: (f) => f.unassigned ?? null }),
    escalated: t.boolean({ nullable: true, resolve: (f) => f.escalated ?? null }),
    overdue: t.boolean({ nullable: true, resolve: (f) => f.overdue ?? null }),
    search: t.string({ nullable: true, resolve: (f) => f.search ?? null }),
  }),
});

export const QueueViewRef = builder.prismaObject('QueueView', {
  description: 'A queue filter a staff member saved under a name (only they see it).',
  fields: (t) => ({
    id: t.id({ resolve: (v) => encodeGlobalID('QueueView', v.id) }),
    name: t.exposeString('name'),
    filter: t.field({ type: QueueViewFilter, resolve: (v) => v.filter as StoredView }),
    order: t.field({ type: QueueOrder, resolve: (v) => (v.filter as StoredView).order ?? 'PRIORITY' }),
  }),
});

builder.queryField('queueViews', (t) =>
  t.prismaField({
    type: ['QueueView'],
    description: 'Staff: my saved queue views, by name.',
    authScopes: { $all: { staff: true, tokenScope: 'tickets:read' } },
    resolve: (query, _root, _args, ctx) =>
      ctx.db.queueView.findMany({
        ...query,
        where: { ownerId: ownerOf(ctx) },
        orderBy: [{ name: 'asc' }],
        take: viewsPerPerson,
      }),
  }),
);

const SaveQueueViewInput = builder.inputType('SaveQueueViewInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'At most 60 characters; saving under a used name replaces it.' }),
    filter: t.field({ type: TicketFilter, required: true }),
    order: t.field({ type: QueueOrder, required: false }),
  }),
});
const DeleteQueueViewInput = builder.inputType('DeleteQueueViewInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

const QueueViewPayload = builder.objectRef<{ id: string }>('QueueViewPayload').implement({
  fields: (t) => ({
    queueView: t.prismaField({
      type: 'QueueView',
      resolve: (query, p, _a, ctx) => ctx.db.queueView.findUniqueOrThrow({ ...query, where: { id: p.id } }),
    }),
  }),
});
const DeleteQueueViewPayload = builder.objectRef<{ id: string }>('DeleteQueueViewPayload').implement({
  fields: (t) => ({ deletedQueueViewId: t.id({ resolve: (p) => encodeGlobalID('QueueView', p.id) }) }),
});

function viewIdOf(globalId: string): string {
  try {
    const decoded = decodeGlobalID(globalId);
    return decoded.typename === 'QueueView' ? decoded.id : '';
  } catch {
    return '';
  }
}

const globalOf = (id: { typename: string; id: string } | null | undefined) =>
  id ? encodeGlobalID(id.typename, id.id) : null;

builder.mutationFields((t) => ({
  saveQueueView: t.field({
    type: QueueViewPayload,
    description: 'Staff: save the queue’s filter and order under a name of mine (at most 50 views).',
    authScopes: { $all: { staff: true, tokenScope: 'tickets:read' } },
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: SaveQueueViewInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const ownerId = ownerOf(ctx);
      const name = input.name.trim();
      if (!name || name.length > viewNameLimit)
        throw new DomainError('INVALID_INPUT', 'name', `from 1 to ${viewNameLimit} characters`);
      const f = input.filter;
      const filter: StoredView = {
        statuses: f.statuses ?? null,
        priorities: f.priorities ?? null,
        categories: f.categories ?? null,
        organizationId: globalOf(f.organizationId),
        siteId: globalOf(f.siteId),
        assigneeId: globalOf(f.assigneeId),
        assignedToMe: f.assignedToMe ?? null,
        unassigned: f.unassigned ?? null,
        escalated: f.escalated ?? null,
        overdue: f.overdue ?? null,
        search: f.search ?? null,
        order: input.order ?? 'PRIORITY',
      };
      const existing = await ctx.db.queueView.findUnique({ where: { ownerId_name: { ownerId, name } } });
      if (!existing && (await ctx.db.queueView.count({ where: { ownerId } })) >= viewsPerPerson)
        throw new DomainError('INVALID_INPUT', 'name', `at most ${viewsPerPerson} saved views`);
      const saved = await ctx.db.queueView.upsert({
        where: { ownerId_name: { ownerId, name } },
        create: { ownerId, name, filter, createdAt: ctx.now() },
        update: { filter },
      });
      return { id: saved.id };
    },
  }),
  deleteQueueView: t.field({
    type: DeleteQueueViewPayload,
    description: 'Staff: remove one of my saved queue views.',
    authScopes: { $all: { staff: true, tokenScope: 'tickets:read' } },
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: DeleteQueueViewInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const id = viewIdOf(String(input.id));
      const { count } = await ctx.db.queueView.deleteMany({ where: { id, ownerId: ownerOf(ctx) } });
      if (count === 0) throw new DomainError('NOT_FOUND', 'id');
      return { id };
    },
  }),
}));
