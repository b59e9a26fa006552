import { DomainError } from '../../services/domain-error.ts';
import { addTicketSecret, purgeTicketSecret, revealTicketSecret } from '../../services/ticket-secrets.ts';
import { actorOf, visibleTicketId } from '../actor.ts';
import { builder } from '../builder.ts';
import { TicketRef } from './ticket.ts';

const SecretRef = builder.prismaNode('Secret', {
  id: { field: 'id' },
  description:
    'Temporary credentials handed over for a ticket. The value is never listed: staff reveal it, and every read is audited.',
  authScopes: { staff: true },
  fields: (t) => ({
    label: t.exposeString('label'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    purgedAt: t.expose('purgedAt', { type: 'DateTime', nullable: true }),
  }),
});

builder.prismaObjectField('Ticket', 'secrets', (t) =>
  t.relation('secrets', {
    description: 'Staff: credentials handed over for this ticket (labels only).',
    authScopes: { staff: true },
    unauthorizedResolver: () => [] as never,
    query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  }),
);

const AddTicketSecretInput = builder.inputType('AddTicketSecretInput', {
  fields: (t) => ({
    ticketId: t.globalID({ required: true, for: TicketRef }),
    label: t.string({ required: true, description: 'What it is, e.g. "FTP of the shop".' }),
    value: t.string({
      required: true,
      description: 'The credentials; encrypted at once, deleted when the ticket is closed.',
    }),
  }),
});
const RevealTicketSecretInput = builder.inputType('RevealTicketSecretInput', {
  fields: (t) => ({ secretId: t.globalID({ required: true, for: SecretRef }) }),
});

const PurgeTicketSecretInput = builder.inputType('PurgeTicketSecretInput', {
  fields: (t) => ({ secretId: t.globalID({ required: true, for: SecretRef }) }),
});

const SecretPayload = builder
  .objectRef<{ secretId: string; label: string; createdAt: Date }>('AddTicketSecretPayload')
  .implement({
    fields: (t) => ({
      label: t.exposeString('label'),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
      secret: t.prismaField({
        type: 'Secret',
        nullable: true,
        description: 'Staff: the stored secret (clients who handed it over get null).',
        authScopes: { staff: true },
        unauthorizedResolver: () => null,
        resolve: (query, p, _args, ctx) => ctx.db.secret.findUnique({ ...query, where: { id: p.secretId } }),
      }),
    }),
  });
const RevealedSecret = builder.objectRef<{ label: string; value: string }>('RevealedSecret').implement({
  fields: (t) => ({ label: t.exposeString('label'), value: t.exposeString('value') }),
});

builder.mutationFields((t) => ({
  addTicketSecret: t.field({
    type: SecretPayload,
    description: 'Hand over temporary credentials for a ticket (the client, or staff).',
    authScopes: { $any: { tokenScope: 'tickets:write', client: true } },
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: AddTicketSecretInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const ticketId = await visibleTicketId(ctx, input.ticketId.id);
      const secret = await addTicketSecret(
        ctx.db,
        { ticketId, label: input.label, value: input.value, actor: actorOf(ctx), now: ctx.now() },
        ctx.secretsKey,
      );
      return { secretId: secret.id, label: secret.label, createdAt: secret.createdAt };
    },
  }),
  revealTicketSecret: t.field({
    type: RevealedSecret,
    description: 'Staff: read handed-over credentials. Every read is written to the audit log.',
    authScopes: { $all: { staffRole: ['LINE1', 'LINE2', 'LINE3', 'HEAD', 'ADMIN'], tokenScope: 'tickets:write' } },
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: RevealTicketSecretInput, required: true }) },
    resolve: (_root, { input }, ctx) => {
      const staffId = ctx.viewer.kind === 'staff' ? ctx.viewer.staffId : '';
      return revealTicketSecret(ctx.db, { secretId: input.secretId.id, staffId, now: ctx.now() }, ctx.secretsKey);
    },
  }),
  purgeTicketSecret: t.prismaField({
    type: 'Secret',
    description:
      'Staff: destroy handed-over credentials now, before the ticket closes (the label stays as a record). Audited.',
    authScopes: { $all: { staffRole: ['LINE1', 'LINE2', 'LINE3', 'HEAD', 'ADMIN'], tokenScope: 'tickets:write' } },
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: PurgeTicketSecretInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const staffId = ctx.viewer.kind === 'staff' ? ctx.viewer.staffId : '';
      const { id } = await purgeTicketSecret(ctx.db, { secretId: input.secretId.id, staffId, now: ctx.now() });
      return ctx.db.secret.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
