import { TicketCategory, TicketPriority, TicketStatus } from '../../domain/ticket-status.ts';
import type { Prisma } from '../../generated/sqlite/client.ts';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { TicketCategoryEnum, TicketPriorityEnum, TicketStatusEnum } from '../enums.ts';
import { atMost } from '../list-bounds.ts';
import { OrganizationRef } from './organization.ts';
import { SiteRef } from './site.ts';
import { StaffMemberRef } from './staff-member.ts';

/** The filters of `tickets` and `queue`. */
export const TicketFilter = builder.inputType('TicketFilter', {
  fields: (t) => ({
    statuses: t.field({ type: [TicketStatusEnum], required: false, ...atMost(Object.keys(TicketStatus).length) }),
    priorities: t.field({
      type: [TicketPriorityEnum],
      required: false,
      ...atMost(Object.keys(TicketPriority).length),
    }),
    categories: t.field({
      type: [TicketCategoryEnum],
      required: false,
      ...atMost(Object.keys(TicketCategory).length),
    }),
    organizationId: t.globalID({ required: false, for: OrganizationRef }),
    siteId: t.globalID({ required: false, for: SiteRef }),
    assigneeId: t.globalID({ required: false, for: StaffMemberRef }),
    assignedToMe: t.boolean({ required: false }),
    unassigned: t.boolean({ required: false }),
    escalated: t.boolean({
      required: false,
      description: 'True: only tickets a client escalated to the head of support, not yet answered.',
    }),
    overdue: t.boolean({
      required: false,
      description:
        'True: only tickets whose running SLA clock (reaction or resolution) is already past due; false: none of them.',
    }),
    search: t.string({ required: false, description: 'Words of the title or description, or a number such as #1042.' }),
  }),
});

type Filter = typeof TicketFilter.$inferInput;

/** The Prisma condition for a filter. */
export function ticketWhere(filter: Filter | null | undefined, ctx: GraphQLContext): Prisma.TicketWhereInput {
  if (!filter) return {};
  const where: Prisma.TicketWhereInput[] = [];
  if (filter.statuses) where.push({ status: { in: filter.statuses } });
  if (filter.priorities) where.push({ priority: { in: filter.priorities } });
  if (filter.categories) where.push({ category: { in: filter.categories } });
  if (filter.organizationId) where.push({ organizationId: filter.organizationId.id });
  if (filter.siteId) where.push({ siteId: filter.siteId.id });
  if (filter.assigneeId) where.push({ assigneeId: filter.assigneeId.id });
  if (filter.assignedToMe) where.push({ assigneeId: ctx.viewer.kind === 'staff' ? ctx.viewer.staffId : '-' });
  if (filter.unassigned) where.push({ assigneeId: null });
  if (filter.escalated === true) where.push({ escalatedAt: { not: null } });
  if (filter.escalated === false) where.push({ escalatedAt: null });
  // slaDueAt is the soonest running due time (null while no clock runs), kept by the SLA service.
  if (filter.overdue === true) where.push({ slaDueAt: { lt: ctx.now() } });
  if (filter.overdue === false) where.push({ OR: [{ slaDueAt: null }, { slaDueAt: { gte: ctx.now() } }] });
  const search = filter.search?.trim();
  if (search) {
    const number = /^#?(\d{1,9})$/.exec(search)?.[1];
    where.push(
      number
        ? { number: Number(number) }
        : { OR: [{ title: { contains: search } }, { description: { contains: search } }] },
    );
  }
  return { AND: where };
}
