import type { TicketPriority } from '../ticket-status.ts';

/**
 * The studio's money rules (StudioSettings.billing), each overridable per contract. Money in
 * kopecks, coefficients in percent (130 = ×1.3), discounts in basis points (1000 = 10 %).
 */
export interface BillingRules {
  /** Hourly rate by support line: "1", "2", "3". */
  hourlyRateKopecksByLine: Record<string, number>;
  /** One rate for every line (2,000 ₽/h); null: by line. */
  flatHourlyRateKopecks: number | null;
  priorityCoefficientPercent: Record<TicketPriority, number>;
  /** The rate of hours beyond a tariff's prepaid ones, unless the tariff sets its own. */
  extraHourRateKopecks: number;
  /** Discount for paying six or more months ahead, when the contract sets none of its own. */
  longPrepaymentDiscountBasisPoints: number;
  /** Months of free support for a newly built site. */
  newSiteFreeMonths: number;
}

export const defaultBillingRules: BillingRules = {
  hourlyRateKopecksByLine: { 1: 50_000, 2: 80_000, 3: 80_000 },
  flatHourlyRateKopecks: null,
  priorityCoefficientPercent: { NORMAL: 100, HIGH: 130, URGENT: 170, IMMEDIATE: 200 },
  extraHourRateKopecks: 150_000,
  longPrepaymentDiscountBasisPoints: 1000,
  newSiteFreeMonths: 3,
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonNegativeInt = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function numbers(value: unknown): Record<string, number> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, number] => nonNegativeInt(entry[1])),
  );
}

/**
 * The rules in force: the defaults, then the studio's stored ones, then the contract's
 * overrides; unknown keys and bad values are ignored, so a stored typo never bills wrongly
 * by more than the default.
 */
export function resolveBillingRules(...layers: unknown[]): BillingRules {
  let rules: BillingRules = { ...defaultBillingRules };
  for (const layer of layers) {
    if (!isRecord(layer)) continue;
    rules = {
      hourlyRateKopecksByLine: { ...rules.hourlyRateKopecksByLine, ...numbers(layer.hourlyRateKopecksByLine) },
      flatHourlyRateKopecks:
        layer.flatHourlyRateKopecks === null
          ? null
          : nonNegativeInt(layer.flatHourlyRateKopecks)
            ? layer.flatHourlyRateKopecks
            : rules.flatHourlyRateKopecks,
      priorityCoefficientPercent: {
        ...rules.priorityCoefficientPercent,
        ...numbers(layer.priorityCoefficientPercent),
      } as BillingRules['priorityCoefficientPercent'],
      extraHourRateKopecks: nonNegativeInt(layer.extraHourRateKopecks)
        ? layer.extraHourRateKopecks
        : rules.extraHourRateKopecks,
      longPrepaymentDiscountBasisPoints: nonNegativeInt(layer.longPrepaymentDiscountBasisPoints)
        ? layer.longPrepaymentDiscountBasisPoints
        : rules.longPrepaymentDiscountBasisPoints,
      newSiteFreeMonths: nonNegativeInt(layer.newSiteFreeMonths) ? layer.newSiteFreeMonths : rules.newSiteFreeMonths,
    };
  }
  return rules;
}

/** The hourly rate of a support line (the flat rate when one is set; line 1's for an unknown line). */
export function hourlyRate(rules: BillingRules, line: number): number {
  if (rules.flatHourlyRateKopecks !== null) return rules.flatHourlyRateKopecks;
  return rules.hourlyRateKopecksByLine[String(line)] ?? rules.hourlyRateKopecksByLine['1'] ?? 0;
}

const priorityOrder: readonly TicketPriority[] = ['NORMAL', 'HIGH', 'URGENT', 'IMMEDIATE'];

/**
 * The priority work is billed at: the one actually delivered (the SLA clock records it when a
 * specialist reacts), never above the ticket's priority now (staff may have lowered it since).
 * Unknown (nobody reacted) bills as NORMAL: never more than was proven.
 */
export function billedPriority(delivered: TicketPriority | null, current?: TicketPriority): TicketPriority {
  const proven = delivered ?? 'NORMAL';
  if (!current) return proven;
  return priorityOrder.indexOf(current) < priorityOrder.indexOf(proven) ? current : proven;
}

export function coefficientOf(rules: BillingRules, priority: TicketPriority): number {
  return rules.priorityCoefficientPercent[priority] ?? 100;
}

export class BillingRulesError extends Error {}

const priorityNames = ['NORMAL', 'HIGH', 'URGENT', 'IMMEDIATE'];
const ruleKeys = Object.keys(defaultBillingRules);

/**
 * Strictly checks rules given by a person (studio settings, a contract's overrides): only the
 * known keys, whole non-negative numbers, lines 1–3, the four priorities. Returns what was
 * given merged over `base`; throws BillingRulesError naming the first wrong value.
 */
export function parseBillingRules(input: unknown, base: BillingRules = defaultBillingRules): BillingRules {
  if (!isRecord(input)) throw new BillingRulesError('rules must be an object');
  for (const key of Object.keys(input)) if (!ruleKeys.includes(key)) throw new BillingRulesError(`unknown rule ${key}`);
  const checkMap = (name: string, allowed: string[]) => {
    const value = input[name];
    if (value === undefined) return;
    if (!isRecord(value)) throw new BillingRulesError(`${name} must be an object`);
    for (const [key, amount] of Object.entries(value)) {
      if (!allowed.includes(key)) throw new BillingRulesError(`${name}: unknown key ${key}`);
      if (!nonNegativeInt(amount)) throw new BillingRulesError(`${name}.${key} must be a whole number ≥ 0`);
    }
  };
  checkMap('hourlyRateKopecksByLine', ['1', '2', '3']);
  checkMap('priorityCoefficientPercent', priorityNames);
  for (const name of ['extraHourRateKopecks', 'longPrepaymentDiscountBasisPoints', 'newSiteFreeMonths']) {
    if (input[name] !== undefined && !nonNegativeInt(input[name]))
      throw new BillingRulesError(`${name} must be a whole number ≥ 0`);
  }
  if (
    input.longPrepaymentDiscountBasisPoints !== undefined &&
    (input.longPrepaymentDiscountBasisPoints as number) > 10_000
  )
    throw new BillingRulesError('longPrepaymentDiscountBasisPoints must be at most 10000 (100 %)');
  if (
    input.flatHourlyRateKopecks !== undefined &&
    input.flatHourlyRateKopecks !== null &&
    !nonNegativeInt(input.flatHourlyRateKopecks)
  )
    throw new BillingRulesError('flatHourlyRateKopecks must be a whole number ≥ 0 or null');
  return resolveBillingRules(base, input);
}
