import { addMonths, monthsBetween } from './months.ts';
import type { BillingRules } from './rules.ts';

/** A tariff as billing reads it. */
export interface TariffTerms {
  name: string;
  /** PREPAID: a monthly fee with prepaid hours; ACTUAL: actual work at month end, with a minimum fee. */
  mode: 'PREPAID' | 'ACTUAL';
  monthlyFeeKopecks: number;
  includedMinutes: number;
  /** Lines the prepaid minutes may be spent on ([1] for "Content"); empty: any line. */
  includedLines: readonly number[];
  extraHourRateKopecks: number;
  minimumFeeKopecks: number;
}

/** A contract as billing reads it: months in the studio's zone. */
export interface ContractTerms {
  /** First month of the contract, YYYY-MM. */
  startMonth: string;
  /** Last month, or null while it runs. */
  endMonth: string | null;
  /** Months paid at once; prepaid hours carry over only inside such a period. */
  prepaidMonths: number;
  /** The contract's own discount; 0: the studio's long-prepayment rule decides. */
  discountBasisPoints: number;
  /** The first month that is paid for: months before it are free support of a new site. */
  paidFromMonth: string | null;
}

/** Where a month sits in its contract's prepaid periods. */
export interface PeriodPosition {
  /** The period's first month. */
  periodStart: string;
  /** The period's months, from the first. */
  months: string[];
  /** 0 for the first month of its period. */
  index: number;
}

/** The prepaid period a month of the contract belongs to (null before the start or after the end). */
export function periodOf(contract: ContractTerms, month: string): PeriodPosition | null {
  const since = monthsBetween(contract.startMonth, month);
  if (since < 0) return null;
  if (contract.endMonth && monthsBetween(contract.endMonth, month) > 0) return null;
  const length = Math.max(1, contract.prepaidMonths);
  const index = since % length;
  const periodStart = addMonths(month, -index);
  const months = Array.from({ length }, (_, i) => addMonths(periodStart, i)).filter(
    (m) => !contract.endMonth || monthsBetween(contract.endMonth, m) <= 0,
  );
  return { periodStart, months, index };
}

/** Whether a month is free support of a newly built site. */
export function isFreeMonth(contract: ContractTerms, month: string): boolean {
  return contract.paidFromMonth !== null && monthsBetween(contract.paidFromMonth, month) < 0;
}

/** The first paid month of a new site's contract: the free months come first. */
export function paidFromMonth(startMonth: string, rules: Pick<BillingRules, 'newSiteFreeMonths'>): string {
  return addMonths(startMonth, rules.newSiteFreeMonths);
}

/** The discount of a prepaid period: the contract's own, else the long-prepayment one for 6+ months. */
export function periodDiscount(contract: ContractTerms, rules: BillingRules): number {
  if (contract.discountBasisPoints > 0) return contract.discountBasisPoints;
  return contract.prepaidMonths >= 6 ? rules.longPrepaymentDiscountBasisPoints : 0;
}
