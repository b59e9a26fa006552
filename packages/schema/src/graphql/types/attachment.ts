import { attachToTicket, checkFiles } from '../../services/attach-files.ts';
import { DomainError } from '../../services/domain-error.ts';
import { publishTicketChange } from '../../services/publish.ts';
import { actorOf, visibleTicketId } from '../actor.ts';
import { builder } from '../builder.ts';
import { atMostUploadFiles } from '../list-bounds.ts';
import { TicketRef } from './ticket.ts';
import { TicketPayload } from './ticket-moves.ts';

builder.prismaObject('Attachment', {
  description: 'A file of a ticket: a screenshot, a document, an archive.',
  fields: (t) => ({
    id: t.exposeID('id'),
    fileName: t.exposeString('fileName'),
    contentType: t.exposeString('contentType', { description: 'Recognised from the content, not the name.' }),
    sizeBytes: t.exposeInt('sizeBytes'),
    internal: t.exposeBoolean('internal'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    url: t.string({
      description: 'A download link, valid for 15 minutes.',
      resolve: (a, _args, ctx) => ctx.links.attachment(a.id),
    }),
  }),
});

const AttachFilesInput = builder.inputType('AttachFilesInput', {
  fields: (t) => ({
    ticketId: t.globalID({ required: true, for: TicketRef }),
    files: t.field({ type: ['File'], required: true, ...atMostUploadFiles() }),
    internal: t.boolean({ required: false, description: 'Staff: files only staff see.' }),
  }),
});

builder.mutationField('attachFiles', (t) =>
  t.field({
    type: TicketPayload,
    description: 'Add files to a ticket (multipart request). Checked by content and size before anything is stored.',
    authScopes: { $any: { tokenScope: 'tickets:write', client: true } },
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: AttachFilesInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if (input.internal && actorOf(ctx).kind !== 'STAFF') throw new DomainError('ACTOR_NOT_ALLOWED');
      const ticketId = await visibleTicketId(ctx, input.ticketId.id);
      const ticket = await ctx.db.ticket.findUnique({ where: { id: ticketId }, select: { status: true } });
      if (!ticket) throw new DomainError('NOT_FOUND', 'ticketId');
      if (ticket.status === 'PAID' || ticket.status === 'REJECTED') throw new DomainError('TRANSITION_NOT_ALLOWED');
      const files = await checkFiles(input.files, ctx.uploadLimits);
      await attachToTicket(ctx.db, ctx.storage, files, { ticketId, internal: input.internal ?? false, now: ctx.now() });
      publishTicketChange(ctx.events, ticketId);
      return { ticket: await ctx.db.ticket.findUniqueOrThrow({ where: { id: ticketId } }) };
    },
  }),
);
