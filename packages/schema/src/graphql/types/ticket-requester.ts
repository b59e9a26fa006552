import { builder } from '../builder.ts';

type Requester = { kind: 'CONTACT' | 'VISITOR'; name: string | null; email: string | null; authorized: boolean };

const RequesterKind = builder.enumType('RequesterKind', {
  values: {
    CONTACT: { description: 'A contact of the client organization.' },
    VISITOR: { description: 'A visitor of the client’s site, through the widget.' },
  } as const,
});

const TicketRequester = builder.objectRef<Requester>('TicketRequester').implement({
  description: 'The person who asked.',
  fields: (t) => ({
    kind: t.field({ type: RequesterKind, resolve: (r) => r.kind }),
    name: t.exposeString('name', { nullable: true }),
    email: t.exposeString('email', { nullable: true, description: 'A visitor’s only if they left one.' }),
    authorized: t.exposeBoolean('authorized', {
      description: 'An authorized contact (orders paid work, accepts it); false for visitors.',
    }),
  }),
});

builder.prismaObjectFields('Ticket', (t) => ({
  requester: t.field({
    type: TicketRequester,
    nullable: true,
    description: 'Staff: who asked — the contact or the visitor; null for tickets filed by monitoring or staff.',
    authScopes: { staff: true },
    select: {
      contact: { select: { name: true, email: true, authorized: true } },
      visitor: { select: { name: true, email: true } },
    },
    resolve: (ticket) =>
      ticket.contact
        ? { kind: 'CONTACT' as const, ...ticket.contact }
        : ticket.visitor
          ? { kind: 'VISITOR' as const, ...ticket.visitor, authorized: false }
          : null,
  }),
  clientReplied: t.boolean({
    description:
      'Staff: the client wrote last — their latest public message came after a staff reply (the queue’s “client replied” flag).',
    authScopes: { staff: true },
    select: {
      firstResponseAt: true,
      messages: {
        where: { internal: false },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: 1,
        select: { authorKind: true, createdAt: true },
      },
    },
    resolve: (ticket) => {
      const last = ticket.messages[0];
      const fromClient = last?.authorKind === 'CONTACT' || last?.authorKind === 'VISITOR';
      return fromClient && !!ticket.firstResponseAt && last.createdAt > ticket.firstResponseAt;
    },
  }),
}));
