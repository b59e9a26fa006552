import type { Db } from '../../db/client.ts';
import {
  type BillingRules,
  type ContractTerms,
  resolveBillingRules,
  type TariffTerms,
} from '../../domain/billing/index.ts';
import { localDateOf } from '../../domain/calendar/zoned-time.ts';
import { monthRange } from '../statistics.ts';

export type BillingClient = Pick<
  Db,
  'studioSettings' | 'contract' | 'ticket' | 'timeEntry' | 'invoice' | 'invoiceLine' | 'organization'
>;

/** The studio's time zone: months are its months. */
export async function studioTimeZone(db: Pick<Db, 'studioSettings'>): Promise<string> {
  const settings = await db.studioSettings.findUnique({ where: { id: 'studio' }, select: { timeZone: true } });
  return settings?.timeZone ?? 'Europe/Moscow';
}

/** The YYYY-MM month of an instant in a zone. */
export function monthOf(at: Date, timeZone: string): string {
  return localDateOf(at.getTime(), timeZone).slice(0, 7);
}

export interface BillingTerms {
  rules: BillingRules;
  tariff: TariffTerms;
  contract: ContractTerms;
  contractNumber: string;
}

/** The studio's rules alone (no contract): paid tickets of an organization without one. */
export async function studioBillingRules(db: Pick<Db, 'studioSettings'>): Promise<BillingRules> {
  const settings = await db.studioSettings.findUnique({ where: { id: 'studio' }, select: { billing: true } });
  return resolveBillingRules(settings?.billing);
}

/**
 * The terms in force for an organization in a month: the active contract that covers it (the
 * latest started), its tariff, and the studio's rules with the contract's overrides
 * (`overrides.billing`). Null when no contract covers the month.
 */
export async function billingTermsFor(
  db: Pick<Db, 'studioSettings' | 'contract'>,
  organizationId: string,
  month: string,
): Promise<BillingTerms | null> {
  const timeZone = await studioTimeZone(db);
  const { to } = monthRange(month, timeZone);
  const contracts = await db.contract.findMany({
    where: { organizationId, active: true, startsOn: { lt: to } },
    include: { tariff: true },
    orderBy: [{ startsOn: 'desc' }, { id: 'asc' }],
  });
  const contract = contracts.find((c) => !c.endsOn || monthOf(c.endsOn, timeZone) >= month);
  if (!contract) return null;
  const studioRules = await studioBillingRules(db);
  const overrides = (contract.overrides as { billing?: unknown } | null)?.billing;
  const { tariff } = contract;
  return {
    rules: resolveBillingRules(studioRules, overrides),
    contractNumber: contract.number,
    tariff: {
      name: tariff.name,
      mode: tariff.billingMode,
      monthlyFeeKopecks: tariff.monthlyFeeKopecks,
      includedMinutes: tariff.includedMinutes,
      includedLines: Array.isArray(tariff.includedLines) ? tariff.includedLines.map(Number) : [],
      extraHourRateKopecks:
        (overrides as { extraHourRateKopecks?: number } | undefined)?.extraHourRateKopecks ??
        tariff.extraHourRateKopecks,
      minimumFeeKopecks: tariff.minimumFeeKopecks,
    },
    contract: {
      startMonth: monthOf(contract.startsOn, timeZone),
      endMonth: contract.endsOn ? monthOf(contract.endsOn, timeZone) : null,
      prepaidMonths: contract.prepaidMonths,
      discountBasisPoints: contract.discountBasisPoints,
      // Free support lasts until the start of the month freeSupportUntil falls in.
      paidFromMonth: contract.freeSupportUntil ? monthOf(contract.freeSupportUntil, timeZone) : null,
    },
  };
}
