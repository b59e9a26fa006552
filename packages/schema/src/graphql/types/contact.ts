import { builder } from '../builder.ts';
import './organization.ts';

export const ContactRef = builder.prismaNode('Contact', {
  id: { field: 'id' },
  description: 'A person of a client organization; only authorized contacts file paid or prioritized work.',
  authScopes: (contact, ctx) =>
    ctx.viewer.kind === 'staff'
      ? { tokenScope: 'tickets:read' }
      : ctx.viewer.kind === 'contact' && ctx.viewer.organizationId === contact.organizationId,
  fields: (t) => ({
    name: t.exposeString('name'),
    email: t.exposeString('email'),
    locale: t.exposeString('locale'),
    authorized: t.exposeBoolean('authorized'),
    authorizedAt: t.expose('authorizedAt', { type: 'DateTime', nullable: true }),
    active: t.boolean({
      description: 'False once the studio deactivated the contact: it cannot sign in.',
      resolve: (contact) => contact.deactivatedAt === null,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    organization: t.relation('organization'),
  }),
});

builder.prismaObjectFields('Organization', (t) => ({
  contacts: t.relation('contacts', {
    description: 'Its people: active first, then by name.',
    query: { orderBy: [{ deactivatedAt: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }, { id: 'asc' }] },
  }),
}));
