import { builder } from '../builder.ts';
import { StaffRoleEnum } from '../enums.ts';

export const StaffMemberRef = builder.prismaNode('StaffMember', {
  id: { field: 'id' },
  description: 'A person of the studio: specialist of line 1–3, head of support, accountant or admin.',
  authScopes: { staff: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    email: t.exposeString('email'),
    role: t.expose('role', { type: StaffRoleEnum }),
    supportLine: t.exposeInt('supportLine', { nullable: true }),
    locale: t.exposeString('locale'),
    active: t.exposeBoolean('active'),
  }),
});

builder.queryFields((t) => ({
  staffMembers: t.prismaField({
    type: ['StaffMember'],
    description:
      'Staff: the active people of the studio who may be assigned tickets (lines 1–3, heads of support), by name.',
    authScopes: { $all: { staff: true, tokenScope: 'tickets:read' } },
    resolve: (query, _root, _args, ctx) =>
      ctx.db.staffMember.findMany({
        ...query,
        where: { active: true, role: { in: ['LINE1', 'LINE2', 'LINE3', 'HEAD'] } },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        take: 500,
      }),
  }),
}));
