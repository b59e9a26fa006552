import { builder } from '../builder.ts';
import './contact.ts';

const ViewerKind = builder.enumType('ViewerKind', { values: ['ANONYMOUS', 'VISITOR', 'CONTACT', 'STAFF'] as const });

type ViewerShape = {
  kind: 'ANONYMOUS' | 'VISITOR' | 'CONTACT' | 'STAFF';
  staffId: string | null;
  contactId: string | null;
};

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
