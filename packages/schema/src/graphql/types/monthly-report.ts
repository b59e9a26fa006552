import { GraphQLError } from 'graphql';
import { isMonth } from '../../domain/billing/months.ts';
import { type MonthlyReportData, monthlyReport, type ReportLine } from '../../services/billing/monthly-report.ts';
import { forbidden } from '../auth-scopes.ts';
import { builder } from '../builder.ts';
import { TicketPriorityEnum, TicketStatusEnum } from '../enums.ts';
import { BillLineKindEnum, InvoiceRef } from './invoice.ts';
import { OrganizationRef } from './organization.ts';
import { SupportStatisticsRef } from './statistics.ts';

const ReportLineRef = builder.objectRef<ReportLine>('MonthlyReportLine').implement({
  description: 'A line of the month: amounts in kopecks, rounded once per line (docs/billing.md).',
  fields: (t) => ({
    kind: t.field({ type: BillLineKindEnum, resolve: (l) => l.kind }),
    ticketNumber: t.exposeInt('ticketNumber', { nullable: true }),
    description: t.string({ resolve: (l, _args, ctx) => l.description[ctx.locale] }),
    minutes: t.exposeInt('minutes'),
    rateKopecks: t.exposeInt('rateKopecks', { nullable: true, description: 'Per hour.' }),
    coefficientPercent: t.exposeInt('coefficientPercent', { nullable: true, description: '130 = ×1.3.' }),
    priority: t.field({ type: TicketPriorityEnum, nullable: true, resolve: (l) => l.priority }),
    amountKopecks: t.exposeInt('amountKopecks'),
    invoiceNumber: t.exposeString('invoiceNumber', {
      nullable: true,
      description: "A paid ticket's line: the invoice it was issued on.",
    }),
  }),
});

const LevelMinutes = builder.objectRef<{ supportLine: number; minutes: number }>('ReportLevelMinutes').implement({
  fields: (t) => ({ supportLine: t.exposeInt('supportLine'), minutes: t.exposeInt('minutes') }),
});

const ReportWorkRef = builder.objectRef<MonthlyReportData['works'][number]>('MonthlyReportWork').implement({
  description: 'A ticket worked on in the month, with its hours by level.',
  fields: (t) => ({
    ticketNumber: t.exposeInt('number'),
    title: t.exposeString('title'),
    status: t.field({ type: TicketStatusEnum, resolve: (w) => w.status as 'NEW' }),
    paid: t.exposeBoolean('paid'),
    priority: t.field({
      type: TicketPriorityEnum,
      description: 'The priority billed (delivered).',
      resolve: (w) => w.priority,
    }),
    totalMinutes: t.exposeInt('totalMinutes'),
    billableMinutes: t.exposeInt('billableMinutes'),
    byLevel: t.field({ type: [LevelMinutes], resolve: (w) => w.byLine }),
  }),
});

const PrepaidRef = builder.objectRef<NonNullable<MonthlyReportData['prepaid']>>('PrepaidHours').implement({
  description: "The tariff's prepaid minutes this month.",
  fields: (t) => ({
    includedMinutes: t.exposeInt('includedMinutes'),
    carriedInMinutes: t.exposeInt('carriedInMinutes', { description: 'Left from the previous month of the period.' }),
    drawnMinutes: t.exposeInt('drawnMinutes'),
    remainingMinutes: t.exposeInt('remainingMinutes'),
    carriesOverMinutes: t.exposeInt('carriesOverMinutes', {
      description: 'Moves to next month (inside a prepaid period only).',
    }),
  }),
});

const PaidTicketRef = builder.objectRef<MonthlyReportData['paidTickets'][number]>('MonthlyReportPaidTicket').implement({
  fields: (t) => ({
    ticketNumber: t.exposeInt('number'),
    title: t.exposeString('title'),
    amountKopecks: t.exposeInt('amountKopecks'),
    invoice: t.field({ type: InvoiceRef, resolve: (p) => p.invoice }),
  }),
});

const UptimeRef = builder.objectRef<MonthlyReportData['uptime'][number]>('SiteUptime').implement({
  description: 'A site in the month, from monitoring (maintenance windows left out).',
  fields: (t) => ({
    siteName: t.exposeString('siteName'),
    url: t.exposeString('url'),
    monitored: t.exposeBoolean('monitored'),
    uptimePercent: t.float({
      nullable: true,
      resolve: (u) => (u.monitored ? u.uptimePercent : null),
    }),
    downtimeMinutes: t.exposeInt('downtimeMinutes'),
  }),
});

const TotalsRef = builder.objectRef<MonthlyReportData>('MonthlyReportTotals').implement({
  description: 'In kopecks; the total is the sum of the lines.',
  fields: (t) => ({
    monthKopecks: t.exposeInt('monthKopecks', { description: 'Fee, extra hours, actual work.' }),
    paidTicketsKopecks: t.exposeInt('paidTicketsKopecks'),
    totalKopecks: t.exposeInt('totalKopecks'),
  }),
});

const MonthlyReportRef = builder.objectRef<MonthlyReportData>('MonthlyReport').implement({
  description: "An organization's month: works, hours, money, uptime and SLA, with PDF and CSV downloads.",
  fields: (t) => ({
    month: t.exposeString('month'),
    organization: t.prismaField({
      type: 'Organization',
      resolve: (query, r, _args, ctx) =>
        ctx.db.organization.findUniqueOrThrow({ ...query, where: { id: r.organizationId } }),
    }),
    tariffName: t.exposeString('tariffName', { nullable: true }),
    contractNumber: t.exposeString('contractNumber', { nullable: true }),
    freeSupport: t.exposeBoolean('free', { description: 'A free month of a newly built site.' }),
    works: t.field({ type: [ReportWorkRef], resolve: (r) => r.works }),
    prepaid: t.field({ type: PrepaidRef, nullable: true, resolve: (r) => r.prepaid }),
    extraMinutes: t.exposeInt('extraMinutes'),
    lines: t.field({ type: [ReportLineRef], resolve: (r) => r.lines }),
    paidTickets: t.field({ type: [PaidTicketRef], resolve: (r) => r.paidTickets }),
    uptime: t.field({ type: [UptimeRef], resolve: (r) => r.uptime }),
    statistics: t.field({ type: SupportStatisticsRef, resolve: (r) => ({ month: r.month, ...r.statistics }) }),
    invoices: t.prismaField({
      type: ['Invoice'],
      description: 'The documents issued for the month (invoice, corrections, paid tickets).',
      resolve: (query, r, _args, ctx) =>
        ctx.db.invoice.findMany({ ...query, where: { id: { in: r.invoiceIds } }, orderBy: { issuedAt: 'asc' } }),
    }),
    totals: t.field({ type: TotalsRef, resolve: (r) => r }),
    pdfUrl: t.string({
      description: 'A signed download link, valid for 15 minutes.',
      resolve: (r, _args, ctx) => ctx.links.report(r.organizationId, r.month, 'pdf', ctx.locale),
    }),
    csvUrl: t.string({
      description: 'A signed download link, valid for 15 minutes.',
      resolve: (r, _args, ctx) => ctx.links.report(r.organizationId, r.month, 'csv', ctx.locale),
    }),
  }),
});

builder.queryField('monthlyReport', (t) =>
  t.field({
    type: MonthlyReportRef,
    nullable: true,
    description: "An organization's monthly report: staff, or a contact of that organization (month as YYYY-MM).",
    authScopes: { $any: { contact: true, $all: { staff: true, tokenScope: 'tickets:read' } } },
    args: {
      organizationId: t.arg.globalID({ required: true, for: OrganizationRef }),
      month: t.arg.string({ required: true, description: 'YYYY-MM' }),
    },
    resolve: async (_root, { organizationId, month }, ctx) => {
      if (ctx.viewer.kind === 'contact' && ctx.viewer.organizationId !== organizationId.id) throw forbidden();
      if (!isMonth(month))
        throw new GraphQLError('month must be written YYYY-MM', { extensions: { code: 'BAD_USER_INPUT' } });
      const exists = await ctx.db.organization.findUnique({ where: { id: organizationId.id }, select: { id: true } });
      if (!exists) return null;
      return monthlyReport(ctx.db, organizationId.id, month, ctx.now());
    },
  }),
);
