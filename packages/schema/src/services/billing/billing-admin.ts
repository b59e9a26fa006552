import type { Db } from '../../db/client.ts';
import { addMonths, BillingRulesError, parseBillingRules } from '../../domain/billing/index.ts';
import { localToInstant } from '../../domain/calendar/zoned-time.ts';
import type { ActorRef } from '../actor.ts';
import { audit } from '../audit.ts';
import { DomainError } from '../domain-error.ts';
import { isUniqueViolation } from '../unique-violation.ts';
import { monthOf, studioBillingRules, studioTimeZone } from './billing-terms.ts';

function parse(rules: unknown, base: Parameters<typeof parseBillingRules>[1]) {
  try {
    return parseBillingRules(rules, base);
  } catch (error) {
    if (error instanceof BillingRulesError) throw new DomainError('INVALID_INPUT', 'rules', error.message);
    throw error;
  }
}

/**
 * Changes the studio's billing rules (the keys given; others keep theirs), or with an
 * organization its active contract's overrides. Returns the rules now in force there.
 */
export async function setBillingRules(
  db: Db,
  input: { rules: unknown; organizationId: string | null },
  actor: ActorRef,
  now: Date,
) {
  const studio = await studioBillingRules(db);
  if (!input.organizationId) {
    const merged = parse(input.rules, studio);
    await db.studioSettings.update({ where: { id: 'studio' }, data: { billing: merged as object } });
    await audit(db, actor, 'billing.rules', 'Studio', 'studio', merged, now);
    return merged;
  }
  const contract = await db.contract.findFirst({
    where: { organizationId: input.organizationId, active: true },
    orderBy: [{ startsOn: 'desc' }, { id: 'asc' }],
  });
  if (!contract) throw new DomainError('NOT_FOUND', 'organizationId', 'the organization has no active contract');
  const overrides = (contract.overrides ?? {}) as Record<string, unknown>;
  const previous = (overrides.billing ?? {}) as Record<string, unknown>;
  parse(input.rules, studio);
  // Only the overrides themselves are stored: a later change of the studio's rules still applies.
  const billing = { ...previous, ...(input.rules as Record<string, unknown>) };
  const merged = parse(billing, studio);
  await db.contract.update({ where: { id: contract.id }, data: { overrides: { ...overrides, billing } as object } });
  await audit(db, actor, 'billing.rules', 'Contract', contract.id, billing, now);
  return merged;
}

export interface TariffInput {
  name: string;
  billingMode: 'PREPAID' | 'ACTUAL';
  monthlyFeeKopecks: number;
  includedMinutes?: number | null;
  includedLines?: number[] | null;
  extraHourRateKopecks: number;
  minimumFeeKopecks?: number | null;
}

const amount = (value: number | null | undefined, field: string) => {
  if (value == null) return 0;
  if (!Number.isSafeInteger(value) || value < 0) throw new DomainError('INVALID_INPUT', field, 'a whole number ≥ 0');
  return value;
};

export async function createTariff(db: Db, input: TariffInput) {
  const name = input.name.trim();
  if (!name || name.length > 100) throw new DomainError('INVALID_INPUT', 'name', '1–100 characters');
  const lines = input.includedLines ?? [];
  if (lines.some((l) => ![1, 2, 3].includes(l))) throw new DomainError('INVALID_INPUT', 'includedLines', 'lines 1–3');
  try {
    return await db.tariff.create({
      data: {
        name,
        billingMode: input.billingMode,
        monthlyFeeKopecks: amount(input.monthlyFeeKopecks, 'monthlyFeeKopecks'),
        includedMinutes: amount(input.includedMinutes, 'includedMinutes'),
        includedLines: [...new Set(lines)].sort(),
        extraHourRateKopecks: amount(input.extraHourRateKopecks, 'extraHourRateKopecks'),
        minimumFeeKopecks: amount(input.minimumFeeKopecks, 'minimumFeeKopecks'),
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('INVALID_INPUT', 'name', 'a tariff with this name exists');
    throw error;
  }
}

export interface ContractInput {
  organizationId: string;
  tariffId: string;
  number: string;
  startsOn: Date;
  endsOn?: Date | null;
  prepaidMonths?: number | null;
  discountBasisPoints?: number | null;
  /** A newly built site: the first months are free support (3 by default). */
  newSite?: boolean | null;
}

/** A support contract of an organization on a tariff. */
export async function createContract(db: Db, input: ContractInput) {
  const number = input.number.trim();
  if (!number || number.length > 50) throw new DomainError('INVALID_INPUT', 'number', '1–50 characters');
  const prepaidMonths = input.prepaidMonths ?? 1;
  if (!Number.isSafeInteger(prepaidMonths) || prepaidMonths < 1 || prepaidMonths > 24)
    throw new DomainError('INVALID_INPUT', 'prepaidMonths', '1 to 24 months');
  const discount = amount(input.discountBasisPoints, 'discountBasisPoints');
  if (discount > 10_000) throw new DomainError('INVALID_INPUT', 'discountBasisPoints', 'at most 10000 (100 %)');
  if (input.endsOn && input.endsOn < input.startsOn)
    throw new DomainError('INVALID_INPUT', 'endsOn', 'after the start');
  if (!(await db.organization.findUnique({ where: { id: input.organizationId }, select: { id: true } })))
    throw new DomainError('NOT_FOUND', 'organizationId');
  if (!(await db.tariff.findUnique({ where: { id: input.tariffId }, select: { id: true } })))
    throw new DomainError('NOT_FOUND', 'tariffId');
  let freeSupportUntil: Date | null = null;
  if (input.newSite) {
    const timeZone = await studioTimeZone(db);
    const { newSiteFreeMonths } = await studioBillingRules(db);
    const paidFrom = addMonths(monthOf(input.startsOn, timeZone), newSiteFreeMonths);
    freeSupportUntil = new Date(localToInstant(`${paidFrom}-01`, 0, timeZone));
  }
  try {
    return await db.contract.create({
      data: {
        organizationId: input.organizationId,
        tariffId: input.tariffId,
        number,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        prepaidMonths,
        discountBasisPoints: discount,
        freeSupportUntil,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError('INVALID_INPUT', 'number', 'a contract with this number exists');
    throw error;
  }
}
