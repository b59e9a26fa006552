import { builder } from '../builder.ts';

const ViewerKind = builder.enumType('ViewerKind', { values: ['ANONYMOUS', 'VISITOR', 'CONTACT', 'STAFF'] as const });

type ViewerShape = {
  kind: 'ANONYMOUS' | 'VISITOR' | 'CONTACT' | 'STAFF';
  staffId: string | null;
  contactId: string | null;
};

builder.prismaNode('Contact', {
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
    organization: t.relation('organization'),
  }),
});

const ViewerRef = builder.objectRef<ViewerShape>('Viewer').implement({
  description: 'Who the caller is.',
  fields: (t) => ({
    kind: t.field({ type: ViewerKind, resolve: (viewer) => viewer.kind }),
    staff: t.prismaField({
      type: 'StaffMember',
      nullable: true,
      resolve: (query, viewer, _args, ctx) =>
        viewer.staffId ? ctx.db.staffMember.findUnique({ ...query, where: { id: viewer.staffId } }) : null,
    }),
    contact: t.prismaField({
      type: 'Contact',
      nullable: true,
      resolve: (query, viewer, _args, ctx) =>
        viewer.contactId ? ctx.db.contact.findUnique({ ...query, where: { id: viewer.contactId } }) : null,
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    description: 'The caller: anonymous, a visitor with a ticket token, a signed-in contact, or staff.',
    resolve: (_root, _args, { viewer }): ViewerShape => {
      switch (viewer.kind) {
        case 'staff':
          return { kind: 'STAFF', staffId: viewer.staffId, contactId: null };
        case 'contact':
          return { kind: 'CONTACT', staffId: null, contactId: viewer.contactId };
        case 'visitor':
          return { kind: 'VISITOR', staffId: null, contactId: null };
        case 'anonymous':
          return { kind: 'ANONYMOUS', staffId: null, contactId: null };
      }
    },
  }),
);
