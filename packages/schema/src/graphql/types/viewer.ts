import { builder } from '../builder.ts';

const ViewerKind = builder.enumType('ViewerKind', { values: ['ANONYMOUS', 'STAFF'] as const });

const ViewerRef = builder.objectRef<{ kind: 'ANONYMOUS' | 'STAFF'; staffId: string | null }>('Viewer').implement({
  description: 'Who the caller is.',
  fields: (t) => ({
    kind: t.field({ type: ViewerKind, resolve: (viewer) => viewer.kind }),
    staff: t.prismaField({
      type: 'StaffMember',
      nullable: true,
      resolve: (query, viewer, _args, ctx) =>
        viewer.staffId ? ctx.db.staffMember.findUnique({ ...query, where: { id: viewer.staffId } }) : null,
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: ViewerRef,
    description: 'The caller: anonymous, or a staff member signed in or using a token.',
    resolve: (_root, _args, { viewer }) =>
      viewer.kind === 'staff'
        ? { kind: 'STAFF' as const, staffId: viewer.staffId }
        : { kind: 'ANONYMOUS' as const, staffId: null },
  }),
);
