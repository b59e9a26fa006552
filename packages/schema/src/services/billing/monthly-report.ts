import type { Db } from '../../db/client.ts';
import type { BillLine, PrepaidUse } from '../../domain/billing/index.ts';
import { type SupportStatistics, summarizeWorked } from '../../domain/sla/statistics.ts';
import type { TicketPriority } from '../../domain/ticket-status.ts';
import type { Invoice } from '../../generated/sqlite/client.ts';
import { DomainError } from '../domain-error.ts';
import { workedTicketsOfMonth } from '../month-tickets.ts';
import { type SiteUptime, siteUptimeForMonth } from '../site-uptime.ts';
import { loadWorkingCalendar } from '../sla.ts';
import { organizationMonth } from './month-bill-of.ts';

/** A line of the report: a line of the month's bill, or of a paid ticket's invoice. */
export type ReportLine = BillLine & { invoiceNumber: string | null };

export interface ReportWork {
  ticketId: string;
  number: number;
  title: string;
  status: string;
  paid: boolean;
  priority: TicketPriority;
  totalMinutes: number;
  billableMinutes: number;
  byLine: { supportLine: number; minutes: number }[];
}

export interface MonthlyReportData {
  organizationId: string;
  organizationName: string;
  locale: string;
  month: string;
  tariffName: string | null;
  contractNumber: string | null;
  free: boolean;
  works: ReportWork[];
  prepaid: PrepaidUse | null;
  extraMinutes: number;
  lines: ReportLine[];
  paidTickets: {
    ticketId: string;
    number: number;
    title: string;
    invoiceId: string;
    /** The invoice row, loaded with the report (no query per paid ticket). */
    invoice: Invoice;
    amountKopecks: number;
    status: string;
  }[];
  uptime: (SiteUptime & { siteId: string; siteName: string; url: string })[];
  statistics: SupportStatistics;
  invoiceIds: string[];
  /** The month's own bill (fee, extra hours, actual work). */
  monthKopecks: number;
  paidTicketsKopecks: number;
  /** Always the sum of the lines. */
  totalKopecks: number;
}

/**
 * An organization's monthly report, computed from the stored time and documents: works done
 * with their hours by level, hours drawn from the tariff, extra hours, paid tickets (their
 * invoices), uptime of its sites, SLA statistics, and the lines with their totals. Internal
 * notes are never read here.
 */
export async function monthlyReport(
  db: Db,
  organizationId: string,
  month: string,
  now: Date,
): Promise<MonthlyReportData> {
  const organization = await db.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      name: true,
      locale: true,
      sites: { select: { id: true, name: true, url: true }, orderBy: { createdAt: 'asc' } },
    },
  });
  if (!organization) throw new DomainError('NOT_FOUND', 'organizationId');
  const om = await organizationMonth(db, organizationId, month);
  const [ticketInvoices, documents, times] = await Promise.all([
    db.invoice.findMany({
      where: { organizationId, month, kind: 'TICKET' },
      include: { lines: { include: { ticket: { select: { id: true, number: true, title: true } } } } },
      orderBy: { number: 'asc' },
    }),
    db.invoice.findMany({ where: { organizationId, month }, select: { id: true }, orderBy: { issuedAt: 'asc' } }),
    loadWorkingCalendar(db).then((calendar) => workedTicketsOfMonth(db, calendar, om.range, { organizationId })),
  ]);
  const uptime = [];
  for (const site of organization.sites)
    uptime.push({
      siteId: site.id,
      siteName: site.name,
      url: site.url,
      ...(await siteUptimeForMonth(db, { siteId: site.id, month, now })),
    });

  const monthLines: ReportLine[] = (om.bill?.lines ?? []).map((l) => ({ ...l, invoiceNumber: null }));
  const paidLines: ReportLine[] = ticketInvoices.flatMap((invoice) =>
    invoice.lines.map((l) => ({
      kind: 'PAID_TICKET' as const,
      ticketId: l.ticketId,
      ticketNumber: l.ticket?.number ?? null,
      minutes: l.minutes,
      rateKopecks: l.rateKopecks,
      coefficientPercent: l.coefficientPercent,
      priority: l.priority as TicketPriority | null,
      amountKopecks: l.amountKopecks,
      description: { ru: l.description, en: l.descriptionEn },
      invoiceNumber: invoice.number,
    })),
  );
  const lines = [...monthLines, ...paidLines];
  const sum = (ls: readonly { amountKopecks: number }[]) => ls.reduce((s, l) => s + l.amountKopecks, 0);
  return {
    organizationId,
    organizationName: organization.name,
    locale: organization.locale,
    month,
    tariffName: om.terms?.tariff.name ?? null,
    contractNumber: om.terms?.contractNumber ?? null,
    free: om.bill?.free ?? false,
    works: om.work.map((w) => {
      const byLine = new Map<number, number>();
      for (const e of w.entries) byLine.set(e.supportLine, (byLine.get(e.supportLine) ?? 0) + e.minutes);
      return {
        ticketId: w.ticketId,
        number: w.number,
        title: w.title,
        status: w.status,
        paid: w.paid,
        priority: w.priority,
        totalMinutes: w.entries.reduce((s, e) => s + e.minutes, 0),
        billableMinutes: w.entries.filter((e) => e.billable).reduce((s, e) => s + e.minutes, 0),
        byLine: [...byLine].sort((a, b) => a[0] - b[0]).map(([supportLine, minutes]) => ({ supportLine, minutes })),
      };
    }),
    prepaid: om.terms?.tariff.mode === 'PREPAID' ? (om.bill?.prepaid ?? null) : null,
    extraMinutes: om.bill?.extraMinutes ?? 0,
    lines,
    paidTickets: ticketInvoices.flatMap((invoice) =>
      invoice.lines.flatMap((l) =>
        l.ticket
          ? [
              {
                ticketId: l.ticket.id,
                number: l.ticket.number,
                title: l.ticket.title,
                invoiceId: invoice.id,
                invoice,
                amountKopecks: l.amountKopecks,
                status: invoice.status,
              },
            ]
          : [],
      ),
    ),
    uptime,
    statistics: summarizeWorked(times),
    invoiceIds: documents.map((d) => d.id),
    monthKopecks: sum(monthLines),
    paidTicketsKopecks: sum(paidLines),
    totalKopecks: sum(lines),
  };
}
