import { DomainError } from '../../services/domain-error.ts';
import { allowedOriginLimit, createOrganization, createSite, updateSite } from '../../services/site-admin.ts';
import { actorOf } from '../actor.ts';
import { builder } from '../builder.ts';
import { atMost } from '../list-bounds.ts';
import { OrganizationRef } from './organization.ts';
import { SiteRef } from './site.ts';
import { WidgetLookInput } from './widget-look.ts';

const CreateOrganizationInput = builder.inputType('CreateOrganizationInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    email: t.string({ required: false, description: 'The contract e-mail: letters about new contacts go there.' }),
    locale: t.string({ required: false, description: 'ru (default) or en.' }),
    timeZone: t.string({ required: false }),
  }),
});

const OrganizationPayload = builder.objectRef<{ organization: { id: string } }>('OrganizationPayload').implement({
  fields: (t) => ({
    organization: t.field({
      type: OrganizationRef,
      resolve: (p, _args, ctx) => ctx.db.organization.findUniqueOrThrow({ where: { id: p.organization.id } }),
    }),
  }),
});

const CreateSiteInput = builder.inputType('CreateSiteInput', {
  fields: (t) => ({
    organizationId: t.globalID({ required: true, for: OrganizationRef }),
    name: t.string({ required: true }),
    url: t.string({ required: true, description: 'The site, e.g. https://shop.example.' }),
    allowedOrigins: t.stringList({
      required: false,
      ...atMost(allowedOriginLimit, "Origins the widget may be used from; the site's own when left out."),
    }),
  }),
});

const UpdateSiteInput = builder.inputType('UpdateSiteInput', {
  fields: (t) => ({
    siteId: t.globalID({ required: true, for: SiteRef }),
    name: t.string({ required: false }),
    url: t.string({ required: false }),
    allowedOrigins: t.stringList({ required: false, ...atMost(allowedOriginLimit, 'Replaces the list.') }),
    statusPage: t.boolean({
      required: false,
      description: 'Turns the public status page (/status/<publicKey>) on or off.',
    }),
    widgetLook: t.field({ type: WidgetLookInput, required: false, description: "The widget's look on the site." }),
  }),
});

const SitePayload = builder.objectRef<{ site: { id: string } }>('SitePayload').implement({
  fields: (t) => ({
    site: t.field({
      type: SiteRef,
      resolve: (p, _args, ctx) => ctx.db.site.findUniqueOrThrow({ where: { id: p.site.id } }),
    }),
  }),
});

builder.mutationFields((t) => ({
  createOrganization: t.field({
    type: OrganizationPayload,
    description: 'Head of support or admin: a new client organization.',
    authScopes: { $all: { staffRole: ['HEAD', 'ADMIN'], tokenScope: 'tickets:write' } },
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: CreateOrganizationInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      organization: await createOrganization(ctx.db, input, actorOf(ctx), ctx.now()),
    }),
  }),
  createSite: t.field({
    type: SitePayload,
    description: "Head of support or admin: a client's site with a new widget key (data-site-key).",
    authScopes: { $all: { staffRole: ['HEAD', 'ADMIN'], tokenScope: 'tickets:write' } },
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: CreateSiteInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      site: await createSite(ctx.db, { ...input, organizationId: input.organizationId.id }, actorOf(ctx), ctx.now()),
    }),
  }),
  updateSite: t.field({
    type: SitePayload,
    description:
      'Head of support or admin: rename a site, change the origins its widget works from and its look, or turn its public status page on or off.',
    authScopes: { $all: { staffRole: ['HEAD', 'ADMIN'], tokenScope: 'tickets:write' } },
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: UpdateSiteInput, required: true }) },
    resolve: async (_root, { input }, ctx) => ({
      site: await updateSite(ctx.db, { ...input, siteId: input.siteId.id }, actorOf(ctx), ctx.now()),
    }),
  }),
}));
