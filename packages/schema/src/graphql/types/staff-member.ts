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
