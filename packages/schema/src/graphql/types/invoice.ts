import { isMonth } from '../../domain/billing/months.ts';
import { issueMonthlyInvoice } from '../../services/billing/invoices.ts';
import { DomainError } from '../../services/domain-error.ts';
import { moveTicket } from '../../services/move-ticket.ts';
import { actorOf } from '../actor.ts';
import { builder } from '../builder.ts';
import { TicketPriorityEnum } from '../enums.ts';
import { OrganizationRef } from './organization.ts';

export const InvoiceKindEnum = builder.enumType('InvoiceKind', {
  description: 'MONTHLY: fee, extra hours or actual work; TICKET: a paid ticket; CORRECTION: a change after issue.',
  values: ['MONTHLY', 'TICKET', 'CORRECTION'] as const,
});
const InvoiceStatusEnum = builder.enumType('InvoiceStatus', { values: ['ISSUED', 'PAID', 'VOID'] as const });
export const BillLineKindEnum = builder.enumType('BillLineKind', {
  values: ['FEE', 'DISCOUNT', 'EXTRA_HOURS', 'WORK', 'MINIMUM_FEE', 'PAID_TICKET'] as const,
});

builder.prismaObject('InvoiceLine', {
  description: 'A line of an issued document. Amounts in kopecks; a correction line may be negative.',
  fields: (t) => ({
    position: t.exposeInt('position'),
    kind: t.field({ type: BillLineKindEnum, resolve: (l) => l.kind as 'FEE' }),
    ticketNumber: t.int({
      nullable: true,
      select: { ticket: { select: { number: true } } },
      resolve: (l) => l.ticket?.number ?? null,
    }),
    description: t.string({
      description: "In the reader's language.",
      resolve: (l, _args, ctx) => (ctx.locale === 'en' ? l.descriptionEn : l.description),
    }),
    minutes: t.exposeInt('minutes'),
    rateKopecks: t.exposeInt('rateKopecks', { nullable: true }),
    coefficientPercent: t.exposeInt('coefficientPercent', { nullable: true }),
    priority: t.field({ type: TicketPriorityEnum, nullable: true, resolve: (l) => l.priority as 'NORMAL' | null }),
    amountKopecks: t.exposeInt('amountKopecks'),
  }),
});

export const InvoiceRef = builder.prismaNode('Invoice', {
  id: { field: 'id' },
  description:
    'An issued document: never changed after issue (a correction is a new document); only its payment is recorded.',
  authScopes: (invoice, ctx) =>
    ctx.viewer.kind === 'staff'
      ? { tokenScope: 'tickets:read' }
      : ctx.viewer.kind === 'contact' && ctx.viewer.organizationId === invoice.organizationId,
  fields: (t) => ({
    number: t.exposeString('number'),
    kind: t.expose('kind', { type: InvoiceKindEnum }),
    month: t.exposeString('month', { description: 'YYYY-MM in the studio time zone.' }),
    status: t.expose('status', { type: InvoiceStatusEnum }),
    totalKopecks: t.exposeInt('totalKopecks', { description: 'The sum of the lines.' }),
    issuedAt: t.expose('issuedAt', { type: 'DateTime' }),
    paidAt: t.expose('paidAt', { type: 'DateTime', nullable: true }),
    organization: t.relation('organization'),
    corrects: t.relation('corrects', { nullable: true, description: 'CORRECTION: the invoice it corrects.' }),
    lines: t.relation('lines', { query: { orderBy: { position: 'asc' } } }),
  }),
});

const IssueInvoicesInput = builder.inputType('IssueMonthlyInvoicesInput', {
  fields: (t) => ({
    month: t.string({ required: true, description: 'A month that has ended, YYYY-MM.' }),
    organizationId: t.globalID({ required: false, for: OrganizationRef, description: 'Default: every organization.' }),
  }),
});

const IssueInvoicesPayload = builder.objectRef<{ invoiceIds: string[] }>('IssueMonthlyInvoicesPayload').implement({
  fields: (t) => ({
    invoices: t.prismaField({
      type: ['Invoice'],
      description: 'The documents issued by this call: invoices, or corrections of issued ones.',
      resolve: (query, p, _args, ctx) =>
        ctx.db.invoice.findMany({ ...query, where: { id: { in: p.invoiceIds } }, orderBy: { number: 'asc' } }),
    }),
  }),
});

const InvoiceOnlyInput = builder.inputType('InvoiceOnlyInput', {
  fields: (t) => ({ invoiceId: t.globalID({ required: true, for: InvoiceRef }) }),
});

const InvoicePayload = builder.objectRef<{ invoiceId: string }>('InvoicePayload').implement({
  fields: (t) => ({
    invoice: t.prismaField({
      type: 'Invoice',
      resolve: (query, p, _args, ctx) => ctx.db.invoice.findUniqueOrThrow({ ...query, where: { id: p.invoiceId } }),
    }),
  }),
});

builder.mutationFields((t) => ({
  issueMonthlyInvoices: t.field({
    type: IssueInvoicesPayload,
    description:
      'Accountant, head or admin: issue the invoices of an ended month now (the month-end job does it by itself); for a month already invoiced, a correction of what changed.',
    authScopes: { $all: { staffRole: ['ACCOUNTANT', 'HEAD', 'ADMIN'], tokenScope: 'tickets:write' } },
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: IssueInvoicesInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if (!isMonth(input.month)) throw new DomainError('INVALID_INPUT', 'month', 'a month as YYYY-MM');
      const organizations = input.organizationId
        ? [{ id: input.organizationId.id }]
        : await ctx.db.organization.findMany({
            where: { contracts: { some: { active: true } } },
            select: { id: true },
          });
      const invoiceIds: string[] = [];
      for (const { id } of organizations) {
        const invoice = await issueMonthlyInvoice(ctx.db, id, input.month, ctx.now());
        if (invoice) invoiceIds.push(invoice.id);
      }
      return { invoiceIds };
    },
  }),
  confirmInvoicePayment: t.field({
    type: InvoicePayload,
    description:
      "Accountant: the payment of an invoice arrived. A paid ticket's invoice moves its ticket to PAID (as confirmPayment).",
    authScopes: { $all: { staffRole: ['ACCOUNTANT', 'ADMIN'], tokenScope: 'tickets:write' } },
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: InvoiceOnlyInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const invoice = await ctx.db.invoice.findUnique({ where: { id: input.invoiceId.id } });
      if (!invoice) throw new DomainError('NOT_FOUND', 'invoiceId');
      if (invoice.status !== 'ISSUED') throw new DomainError('TRANSITION_NOT_ALLOWED');
      if (invoice.kind === 'TICKET') {
        const ticketId = invoice.key.slice('ticket:'.length);
        await moveTicket(ctx.db, ctx.events, {
          ticketId,
          action: 'confirmPayment',
          actor: actorOf(ctx),
          now: ctx.now(),
        });
      } else {
        const { count } = await ctx.db.invoice.updateMany({
          where: { id: invoice.id, status: 'ISSUED' },
          data: { status: 'PAID', paidAt: ctx.now() },
        });
        if (count === 0) throw new DomainError('TRANSITION_NOT_ALLOWED');
      }
      return { invoiceId: invoice.id };
    },
  }),
}));
