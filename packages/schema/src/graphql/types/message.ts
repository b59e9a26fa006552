import { builder } from '../builder.ts';
import { TicketStatusEnum } from '../enums.ts';

export const ActorKindEnum = builder.enumType('ActorKind', {
  values: ['VISITOR', 'CONTACT', 'STAFF', 'SYSTEM'] as const,
});

builder.prismaObject('Message', {
  description: 'One entry of a ticket’s conversation. Internal notes are shown to staff only.',
  fields: (t) => ({
    id: t.exposeID('id'),
    body: t.exposeString('body'),
    internal: t.exposeBoolean('internal'),
    authorKind: t.expose('authorKind', { type: ActorKindEnum }),
    authorName: t.string({
      nullable: true,
      select: {
        authorStaff: { select: { name: true } },
        authorContact: { select: { name: true } },
        authorVisitor: { select: { name: true } },
      },
      resolve: (m) => m.authorStaff?.name ?? m.authorContact?.name ?? m.authorVisitor?.name ?? null,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('StatusChange', {
  description: 'A move of the ticket: from, to, who and why (the audit).',
  fields: (t) => ({
    id: t.exposeID('id'),
    fromStatus: t.expose('fromStatus', { type: TicketStatusEnum, nullable: true }),
    toStatus: t.expose('toStatus', { type: TicketStatusEnum }),
    actorKind: t.expose('actorKind', { type: ActorKindEnum }),
    reason: t.exposeString('reason', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
