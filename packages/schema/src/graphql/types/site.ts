import { builder } from '../builder.ts';

export const SiteRef = builder.prismaNode('Site', {
  id: { field: 'id' },
  description: "A client's website: the widget is embedded there and monitoring watches it.",
  authScopes: (site, ctx) =>
    ctx.viewer.kind === 'staff'
      ? { tokenScope: 'tickets:read' }
      : ctx.viewer.kind === 'contact' && ctx.viewer.organizationId === site.organizationId,
  fields: (t) => ({
    name: t.exposeString('name'),
    url: t.exposeString('url'),
    publicKey: t.exposeString('publicKey', { description: 'The data-site-key of the widget script tag.' }),
    allowedOrigins: t.stringList({
      description: 'Origins the widget may be used from.',
      resolve: (site) => (Array.isArray(site.allowedOrigins) ? site.allowedOrigins.map(String) : []),
    }),
    statusPage: t.exposeBoolean('statusPage', {
      description: 'The public status page (/status/<publicKey>) is on.',
    }),
    organization: t.relation('organization'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryField('sites', (t) =>
  t.prismaConnection(
    {
      type: 'Site',
      cursor: 'id',
      description: 'The client sites, by name (staff).',
      authScopes: { tokenScope: 'tickets:read' },
      resolve: (query, _root, _args, ctx) =>
        ctx.db.site.findMany({ ...query, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    },
    { name: 'SiteConnection' },
    { name: 'SiteEdge' },
  ),
);
