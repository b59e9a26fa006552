import { type BillLine, billPeriod, type MonthBill, periodOf } from '../../domain/billing/index.ts';
import { monthRange } from '../statistics.ts';
import { type BillingClient, type BillingTerms, billingTermsFor, studioTimeZone } from './billing-terms.ts';
import { type ReportTicketWork, workOfMonth } from './month-work.ts';

export interface OrganizationMonth {
  month: string;
  range: { from: Date; to: Date };
  terms: BillingTerms | null;
  /** Null without a contract for the month. */
  bill: MonthBill | null;
  /** The month's work, paid tickets included, by ticket number. */
  work: ReportTicketWork[];
}

/**
 * Computes an organization's month from the stored time: the month's work, and its bill with
 * the minutes carried over from the earlier months of the same prepaid period (one query a month).
 */
export async function organizationMonth(
  db: Pick<BillingClient, 'studioSettings' | 'contract' | 'timeEntry'>,
  organizationId: string,
  month: string,
): Promise<OrganizationMonth> {
  const timeZone = await studioTimeZone(db);
  const range = monthRange(month, timeZone);
  const [terms, work] = await Promise.all([
    billingTermsFor(db, organizationId, month),
    workOfMonth(db, organizationId, range),
  ]);
  if (!terms) return { month, range, terms, bill: null, work };
  const period = periodOf(terms.contract, month);
  const earlier = period ? period.months.slice(0, period.index) : [];
  const months = [];
  for (const m of earlier)
    months.push({ month: m, tickets: await workOfMonth(db, organizationId, monthRange(m, timeZone)) });
  months.push({ month, tickets: work });
  const bills = billPeriod({ rules: terms.rules, tariff: terms.tariff, contract: terms.contract }, months);
  return { month, range, terms, bill: bills[bills.length - 1] ?? null, work };
}

/** What identifies a line across an invoice and its corrections. */
export function lineIdentity(line: Pick<BillLine, 'kind' | 'ticketId'>): string {
  return `${line.kind}:${line.ticketId ?? ''}`;
}
