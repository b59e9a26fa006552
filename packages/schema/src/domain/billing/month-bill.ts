import type { TicketPriority } from '../ticket-status.ts';
import { feeLines, fixedLine } from './fee-lines.ts';
import { formatHours, priceOfTime } from './money.ts';
import { type BillingRules, coefficientOf, hourlyRate } from './rules.ts';
import { type ContractTerms, isFreeMonth, periodOf, type TariffTerms } from './terms.ts';

/** One time entry as billing reads it. */
export interface WorkEntry {
  id: string;
  /** When the work was done: prepaid hours are drawn in this order. */
  at: Date;
  supportLine: number;
  minutes: number;
  billable: boolean;
}

/** A ticket's work in the month. */
export interface TicketWork {
  ticketId: string;
  number: number;
  title: string;
  /** Paid work (an improvement outside the contract) is invoiced on its own, never drawn from the tariff. */
  paid: boolean;
  /** The priority billed: the one actually delivered. */
  priority: TicketPriority;
  entries: readonly WorkEntry[];
}

export type BillLineKind = 'FEE' | 'DISCOUNT' | 'EXTRA_HOURS' | 'WORK' | 'MINIMUM_FEE' | 'PAID_TICKET';

export interface BillLine {
  kind: BillLineKind;
  ticketId: string | null;
  ticketNumber: number | null;
  minutes: number;
  /** Hourly rate of time lines; null for fees. */
  rateKopecks: number | null;
  coefficientPercent: number | null;
  priority: TicketPriority | null;
  amountKopecks: number;
  description: { ru: string; en: string };
}

export interface PrepaidUse {
  includedMinutes: number;
  carriedInMinutes: number;
  drawnMinutes: number;
  /** Unused at the end of the month. */
  remainingMinutes: number;
  /** What moves to the next month: the rest inside a prepaid period, else nothing. */
  carriesOverMinutes: number;
}

export interface MonthBill {
  month: string;
  free: boolean;
  lines: BillLine[];
  /** Always the sum of the lines. */
  totalKopecks: number;
  prepaid: PrepaidUse;
  extraMinutes: number;
}

export interface MonthInput {
  month: string;
  rules: BillingRules;
  tariff: TariffTerms;
  contract: ContractTerms;
  /** Tickets with entries done in the month. Paid ones are skipped here: see billPaidTicket. */
  tickets: readonly TicketWork[];
  /** Unused prepaid minutes brought from the previous month of the same period. */
  carriedInMinutes: number;
}

const sum = (lines: readonly BillLine[]) => lines.reduce((total, line) => total + line.amountKopecks, 0);

/**
 * A month of a contract: the fee (for the whole prepaid period, in its first month, less the
 * discount), prepaid minutes drawn in the order the work was done (only on the tariff's lines),
 * the rest as extra hours at the extra rate × the delivered priority's coefficient; or, on an
 * ACTUAL tariff, every billable minute at its line's rate × coefficient, topped up to the
 * minimum fee. Free months of a new site waive the fee and the minimum. Pure.
 */
export function billMonth(input: MonthInput): MonthBill {
  const { month, rules, tariff, contract } = input;
  const free = isFreeMonth(contract, month);
  const period = periodOf(contract, month);
  const lines: BillLine[] = [];
  const extraRate = tariff.extraHourRateKopecks || rules.extraHourRateKopecks;
  const work = input.tickets.filter((t) => !t.paid);

  if (tariff.mode === 'PREPAID' && period && period.index === 0) lines.push(...feeLines(input, period.months));

  const included = tariff.mode === 'PREPAID' && period ? tariff.includedMinutes : 0;
  const carried = tariff.mode === 'PREPAID' && period && period.index > 0 ? input.carriedInMinutes : 0;
  let balance = included + carried;
  let extraMinutes = 0;

  if (tariff.mode === 'PREPAID') {
    // Every billable entry of the month, oldest first, draws on the balance.
    const entries = work
      .flatMap((t) => t.entries.filter((e) => e.billable && e.minutes > 0).map((e) => ({ e, t })))
      .sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.e.id.localeCompare(b.e.id));
    const extraByTicket = new Map<string, number>();
    for (const { e, t } of entries) {
      const covered = tariff.includedLines.length === 0 || tariff.includedLines.includes(e.supportLine);
      const drawn = covered ? Math.min(balance, e.minutes) : 0;
      balance -= drawn;
      const extra = e.minutes - drawn;
      if (extra > 0) extraByTicket.set(t.ticketId, (extraByTicket.get(t.ticketId) ?? 0) + extra);
    }
    for (const t of work) {
      const minutes = extraByTicket.get(t.ticketId);
      if (!minutes) continue;
      extraMinutes += minutes;
      const coefficient = coefficientOf(rules, t.priority);
      lines.push({
        kind: 'EXTRA_HOURS',
        ticketId: t.ticketId,
        ticketNumber: t.number,
        minutes,
        rateKopecks: extraRate,
        coefficientPercent: coefficient,
        priority: t.priority,
        amountKopecks: priceOfTime([{ minutes, rateKopecks: extraRate }], coefficient),
        description: {
          ru: `Часы сверх тарифа: #${t.number} «${t.title}», ${formatHours(minutes)} ч × ${coefficient / 100}`,
          en: `Hours beyond the tariff: #${t.number} "${t.title}", ${formatHours(minutes)} h × ${coefficient / 100}`,
        },
      });
    }
  } else if (period) {
    for (const t of work) {
      const line = workLine(rules, t, 'WORK');
      if (line) lines.push(line);
    }
    const worked = sum(lines);
    if (!free && worked < tariff.minimumFeeKopecks) {
      lines.push(
        fixedLine('MINIMUM_FEE', tariff.minimumFeeKopecks - worked, {
          ru: `Доплата до минимального платежа тарифа «${tariff.name}»`,
          en: `Top-up to the minimum fee of the "${tariff.name}" tariff`,
        }),
      );
    }
  }

  const remaining = balance;
  const lastOfPeriod = !period || period.index === period.months.length - 1;
  return {
    month,
    free,
    lines,
    totalKopecks: sum(lines),
    prepaid: {
      includedMinutes: included,
      carriedInMinutes: carried,
      drawnMinutes: included + carried - remaining,
      remainingMinutes: remaining,
      carriesOverMinutes: lastOfPeriod ? 0 : remaining,
    },
    extraMinutes,
  };
}

/** The line of a paid ticket (or of a ticket's work on an ACTUAL tariff): time at each line's rate × coefficient. */
export function workLine(rules: BillingRules, t: TicketWork, kind: 'WORK' | 'PAID_TICKET'): BillLine | null {
  const entries = t.entries.filter((e) => e.billable && e.minutes > 0);
  if (entries.length === 0) return null;
  const coefficient = coefficientOf(rules, t.priority);
  const parts = entries.map((e) => ({ minutes: e.minutes, rateKopecks: hourlyRate(rules, e.supportLine) }));
  const minutes = entries.reduce((total, e) => total + e.minutes, 0);
  const rates = [...new Set(parts.map((p) => p.rateKopecks))];
  const label = kind === 'PAID_TICKET' ? { ru: 'Платная работа', en: 'Paid work' } : { ru: 'Работы', en: 'Work' };
  return {
    kind,
    ticketId: t.ticketId,
    ticketNumber: t.number,
    minutes,
    rateKopecks: rates.length === 1 ? (rates[0] as number) : null,
    coefficientPercent: coefficient,
    priority: t.priority,
    amountKopecks: priceOfTime(parts, coefficient),
    description: {
      ru: `${label.ru}: #${t.number} «${t.title}», ${formatHours(minutes)} ч × ${coefficient / 100}`,
      en: `${label.en}: #${t.number} "${t.title}", ${formatHours(minutes)} h × ${coefficient / 100}`,
    },
  };
}

/** A paid ticket's invoice line, made when the client accepts the work. */
export function billPaidTicket(rules: BillingRules, t: TicketWork): BillLine {
  return (
    workLine(rules, t, 'PAID_TICKET') ??
    fixedLine('PAID_TICKET', 0, {
      ru: `Платная работа: #${t.number} «${t.title}», время не учтено`,
      en: `Paid work: #${t.number} "${t.title}", no time recorded`,
    })
  );
}

/**
 * The months of one prepaid period, in order, each with the minutes the previous one left:
 * the unused rest carries over inside the period and is gone after its last month.
 */
export function billPeriod(
  base: Omit<MonthInput, 'month' | 'tickets' | 'carriedInMinutes'>,
  months: readonly { month: string; tickets: readonly TicketWork[] }[],
): MonthBill[] {
  const bills: MonthBill[] = [];
  let carried = 0;
  for (const { month, tickets } of months) {
    const bill = billMonth({ ...base, month, tickets, carriedInMinutes: carried });
    carried = bill.prepaid.carriesOverMinutes;
    bills.push(bill);
  }
  return bills;
}
