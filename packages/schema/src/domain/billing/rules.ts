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

/**
 * The priority work is billed at: the one actually delivered (the SLA clock records it when a
 * specialist reacts). Unknown (nobody reacted) bills as NORMAL: never more than was proven.
 */
export function billedPriority(delivered: TicketPriority | null): TicketPriority {
  return delivered ?? 'NORMAL';
}

export function coefficientOf(rules: BillingRules, priority: TicketPriority): number {
  return rules.priorityCoefficientPercent[priority] ?? 100;
}
