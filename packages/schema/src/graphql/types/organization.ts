import { builder } from '../builder.ts';

export const OrganizationRef = builder.prismaNode('Organization', {
  id: { field: 'id' },
  description: 'A client of the studio: has a support contract and one or more sites.',
  authScopes: (org, ctx) =>
    ctx.viewer.kind === 'staff'
      ? { tokenScope: 'tickets:read' }
      : ctx.viewer.kind === 'contact' && ctx.viewer.organizationId === org.id,
  fields: (t) => ({
    name: t.exposeString('name'),
    email: t.exposeString('email', { nullable: true }),
    locale: t.exposeString('locale'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    sites: t.relation('sites', { query: { orderBy: { name: 'asc' } } }),
    tickets: t.relatedConnection(
      'tickets',
      {
        cursor: 'id',
        query: { orderBy: { number: 'desc' } },
        totalCount: true,
      },
      { name: 'OrganizationTicketConnection' },
      { name: 'OrganizationTicketEdge' },
    ),
  }),
});

builder.queryField('organizations', (t) =>
  t.prismaConnection(
    {
      type: 'Organization',
      cursor: 'id',
      description: 'The client organizations, by name (staff).',
      authScopes: { tokenScope: 'tickets:read' },
      resolve: (query, _root, _args, ctx) =>
        ctx.db.organization.findMany({ ...query, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    },
    { name: 'OrganizationConnection' },
    { name: 'OrganizationEdge' },
  ),
);
