import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BillingRulesError,
  billedPriority,
  billMonth,
  billPaidTicket,
  billPeriod,
  type ContractTerms,
  defaultBillingRules,
  formatRubles,
  hourlyRate,
  type MonthInput,
  paidFromMonth,
  parseBillingRules,
  priceOfTime,
  resolveBillingRules,
  roundHalfUp,
  type TariffTerms,
  type TicketWork,
  timerMinutes,
} from '../src/domain/billing/index.ts';
import { parseSlaTargets } from '../src/domain/sla/sla-targets.ts';
import { deliveredPriority, type SlaContext } from '../src/domain/sla/ticket-sla.ts';
import { defaultBilling } from '../src/domain/studio-defaults.ts';
import { moscowCalendar, msk } from './support/calendars.ts';

const rules = defaultBillingRules;
const complex: TariffTerms = {
  name: 'Комплексный',
  mode: 'PREPAID',
  monthlyFeeKopecks: 420_000,
  includedMinutes: 7 * 60,
  includedLines: [],
  extraHourRateKopecks: 150_000,
  minimumFeeKopecks: 0,
};
const content: TariffTerms = {
  ...complex,
  name: 'Контент',
  monthlyFeeKopecks: 360_000,
  includedMinutes: 600,
  includedLines: [1],
};
const actual: TariffTerms = {
  ...complex,
  name: 'Актуальный',
  mode: 'ACTUAL',
  monthlyFeeKopecks: 0,
  includedMinutes: 0,
  minimumFeeKopecks: 80_000,
};
const monthly: ContractTerms = {
  startMonth: '2026-01',
  endMonth: null,
  prepaidMonths: 1,
  discountBasisPoints: 0,
  paidFromMonth: null,
};

let n = 0;
/** A free ticket with one entry of `minutes` at a line, done at `day` of November 2026. */
function work(minutes: number, options: Partial<TicketWork> & { line?: number; day?: number } = {}): TicketWork {
  n++;
  const day = String(options.day ?? 2).padStart(2, '0');
  return {
    ticketId: `t${n}`,
    number: 1000 + n,
    title: `Задача ${n}`,
    paid: false,
    priority: 'NORMAL',
    ...options,
    entries: options.entries ?? [
      { id: `e${n}`, at: msk(`2026-11-${day}T12:00`), supportLine: options.line ?? 2, minutes, billable: true },
    ],
  };
}

function bill(input: Partial<MonthInput> & { tickets: TicketWork[] }) {
  return billMonth({ month: '2026-11', rules, tariff: complex, contract: monthly, carriedInMinutes: 0, ...input });
}

const amounts = (lines: { kind: string; amountKopecks: number }[]) => lines.map((l) => [l.kind, l.amountKopecks]);

describe('billing rules: the worked examples of the regulations', () => {
  it('should charge only the fee of the "Complex" tariff for 7 hours of work', () => {
    const b = bill({ tickets: [work(4 * 60), work(3 * 60)] });
    expect(amounts(b.lines)).toEqual([['FEE', 420_000]]);
    expect(b.prepaid).toMatchObject({ includedMinutes: 420, drawnMinutes: 420, remainingMinutes: 0 });
    expect(b.totalKopecks).toBe(420_000);
  });

  it('should bill 2 extra hours at 1,500 ₽ when the "Complex" tariff sees 9 hours of work', () => {
    const b = bill({ tickets: [work(5 * 60, { day: 2 }), work(4 * 60, { day: 3 })] });
    expect(b.extraMinutes).toBe(120);
    expect(amounts(b.lines)).toEqual([
      ['FEE', 420_000],
      ['EXTRA_HOURS', 300_000],
    ]);
    // The later ticket is the one that ran over: 2 of its 4 hours.
    expect(b.lines[1]).toMatchObject({ ticketNumber: b.lines[1]?.ticketNumber, minutes: 120, rateKopecks: 150_000 });
    expect(b.totalKopecks).toBe(720_000);
  });

  it('should carry unused hours to the second month of a 2-month prepaid period and no further', () => {
    const twoMonths = { ...monthly, startMonth: '2026-11', prepaidMonths: 2 };
    const [november, december, january] = billPeriod({ rules, tariff: complex, contract: twoMonths }, [
      { month: '2026-11', tickets: [work(5 * 60)] },
      { month: '2026-12', tickets: [work(9 * 60)] },
      { month: '2027-01', tickets: [] },
    ]);
    // The fee of both months is charged in the first.
    expect(amounts(november?.lines ?? [])).toEqual([['FEE', 840_000]]);
    expect(november?.prepaid.carriesOverMinutes).toBe(120);
    // 7 + 2 carried = 9 hours: nothing extra in December.
    expect(december?.prepaid).toMatchObject({ carriedInMinutes: 120, drawnMinutes: 540, carriesOverMinutes: 0 });
    expect(amounts(december?.lines ?? [])).toEqual([]);
    // January starts a new period with its own fee and nothing carried.
    expect(january?.prepaid.carriedInMinutes).toBe(0);
    expect(amounts(january?.lines ?? [])).toEqual([['FEE', 840_000]]);
  });

  it('should not carry unused hours over outside a prepaid period', () => {
    const [november, december] = billPeriod(
      { rules, tariff: complex, contract: { ...monthly, startMonth: '2026-11' } },
      [
        { month: '2026-11', tickets: [work(5 * 60)] },
        { month: '2026-12', tickets: [work(9 * 60)] },
      ],
    );
    expect(november?.prepaid).toMatchObject({ remainingMinutes: 120, carriesOverMinutes: 0 });
    expect(december?.prepaid.carriedInMinutes).toBe(0);
    expect(amounts(december?.lines ?? [])).toEqual([
      ['FEE', 420_000],
      ['EXTRA_HOURS', 300_000],
    ]);
  });

  it('should bill an URGENT paid ticket of 2.5 hours at line 2 as 800 × 2.5 × 1.7 = 3,400 ₽', () => {
    const line = billPaidTicket(rules, work(150, { paid: true, priority: 'URGENT', line: 2 }));
    expect(line).toMatchObject({ kind: 'PAID_TICKET', minutes: 150, rateKopecks: 80_000, coefficientPercent: 170 });
    expect(line.amountKopecks).toBe(340_000);
    expect(formatRubles(line.amountKopecks)).toBe('3\u00a0400,00\u00a0₽');
  });

  it('should bill a ticket ordered IMMEDIATE but reacted to only within the HIGH target at 1.3', () => {
    const ctx: SlaContext = { calendar: moscowCalendar(), targets: parseSlaTargets(null) };
    // Filed Monday 11:00; the 15-minute target is missed, the 3-hour one met at 13:00.
    const delivered = deliveredPriority(ctx, 'IMMEDIATE', msk('2026-11-09T11:00'), msk('2026-11-09T13:00'));
    expect(delivered).toBe('HIGH');
    const line = billPaidTicket(rules, work(60, { paid: true, priority: billedPriority(delivered), line: 2 }));
    expect(line).toMatchObject({ coefficientPercent: 130, amountKopecks: 104_000 });
    // Unknown delivery (nobody reacted) never bills above NORMAL.
    expect(billedPriority(null)).toBe('NORMAL');
    // Nor above the ticket's priority when staff lowered it after the reaction.
    expect(billedPriority('URGENT', 'HIGH')).toBe('HIGH');
    expect(billedPriority('HIGH', 'IMMEDIATE')).toBe('HIGH');
  });

  it('should take 10 % off for paying 6 months ahead', () => {
    const six = { ...monthly, startMonth: '2026-11', prepaidMonths: 6 };
    const b = bill({ contract: six, tickets: [] });
    expect(amounts(b.lines)).toEqual([
      ['FEE', 2_520_000],
      ['DISCOUNT', -252_000],
    ]);
    expect(b.totalKopecks).toBe(2_268_000);
    // The second month of the six has no fee of its own.
    expect(bill({ month: '2026-12', contract: six, tickets: [] }).lines).toEqual([]);
  });

  it('should give a newly built site 3 free months of support, then charge the fee', () => {
    const site = { ...monthly, startMonth: '2026-03', paidFromMonth: paidFromMonth('2026-03', rules) };
    expect(site.paidFromMonth).toBe('2026-06');
    for (const month of ['2026-03', '2026-04', '2026-05']) {
      const b = bill({ month, contract: site, tickets: [work(60)] });
      expect(b.free).toBe(true);
      expect(amounts(b.lines)).toEqual([['FEE', 0]]);
    }
    const june = bill({ month: '2026-06', contract: site, tickets: [work(60)] });
    expect(june.free).toBe(false);
    expect(amounts(june.lines)).toEqual([['FEE', 420_000]]);
    // On an ACTUAL tariff the minimum fee is waived in a free month, the work itself is not.
    const actualFree = bill({ month: '2026-04', tariff: actual, contract: site, tickets: [work(30, { line: 1 })] });
    expect(amounts(actualFree.lines)).toEqual([['WORK', 25_000]]);
  });

  it('should round odd minutes once per line, to the nearest kopeck, halves up', () => {
    // 7 minutes at 500 ₽/h: 58.333… ₽.
    expect(billPaidTicket(rules, work(7, { paid: true, line: 1 })).amountKopecks).toBe(5_833);
    // 1 minute at 800 ₽/h × 1.7: 22.666… ₽.
    expect(billPaidTicket(rules, work(1, { paid: true, line: 2, priority: 'URGENT' })).amountKopecks).toBe(2_267);
    // Three entries of 1 minute at line 1 round together (25 ₽), not each (8.33 × 3 = 24.99 ₽).
    const three = work(0, {
      paid: true,
      entries: [1, 2, 3].map((i) => ({
        id: `x${i}`,
        at: msk(`2026-11-0${i}T12:00`),
        supportLine: 1,
        minutes: 1,
        billable: true,
      })),
    });
    expect(billPaidTicket(rules, three).amountKopecks).toBe(2_500);
    expect(roundHalfUp(3, 2)).toBe(2);
    expect(roundHalfUp(5, 4)).toBe(1);
    expect(roundHalfUp(-3, 2)).toBe(-2);
    expect(priceOfTime([{ minutes: 1, rateKopecks: 90 }], 100)).toBe(2);
    // A timer counts whole minutes, halves up, at least one.
    expect(timerMinutes(msk('2026-11-02T12:00'), new Date(msk('2026-11-02T12:00').getTime() + 89_000))).toBe(1);
    expect(timerMinutes(msk('2026-11-02T12:00'), new Date(msk('2026-11-02T12:00').getTime() + 90_000))).toBe(2);
    expect(timerMinutes(msk('2026-11-02T12:00'), msk('2026-11-02T12:00'))).toBe(1);
  });
});

describe('billing rules: tariffs, levels and order', () => {
  it('should draw prepaid hours in the order the work was done, so the later urgent ticket pays the extra', () => {
    const early = work(5 * 60, { day: 2 });
    const late = work(4 * 60, { day: 5, priority: 'URGENT' });
    const b = bill({ tickets: [late, early] });
    expect(b.lines[1]).toMatchObject({
      kind: 'EXTRA_HOURS',
      ticketId: late.ticketId,
      minutes: 120,
      coefficientPercent: 170,
    });
    expect(b.lines[1]?.amountKopecks).toBe(510_000);
  });

  it('should spend the "Content" tariff\'s 10 hours on line 1 only and bill line-2 work as extra', () => {
    const b = bill({ tariff: content, tickets: [work(8 * 60, { line: 1 }), work(60, { line: 2, day: 3 })] });
    expect(b.prepaid).toMatchObject({ drawnMinutes: 480, remainingMinutes: 120 });
    expect(amounts(b.lines)).toEqual([
      ['FEE', 360_000],
      ['EXTRA_HOURS', 150_000],
    ]);
  });

  it('should neither draw nor bill entries marked not billable, nor draw paid tickets from the tariff', () => {
    const unbillable = work(0, {
      entries: [{ id: 'nb', at: msk('2026-11-02T12:00'), supportLine: 2, minutes: 600, billable: false }],
    });
    const b = bill({ tickets: [unbillable, work(600, { paid: true })] });
    expect(b.prepaid.drawnMinutes).toBe(0);
    expect(amounts(b.lines)).toEqual([['FEE', 420_000]]);
  });

  it('should bill actual work at month end and top it up to the minimum fee', () => {
    const small = bill({ tariff: actual, tickets: [work(30, { line: 1 })] });
    expect(amounts(small.lines)).toEqual([
      ['WORK', 25_000],
      ['MINIMUM_FEE', 55_000],
    ]);
    expect(small.totalKopecks).toBe(80_000);
    const big = bill({ tariff: actual, tickets: [work(120, { line: 2, priority: 'HIGH' })] });
    expect(amounts(big.lines)).toEqual([['WORK', 208_000]]);
    // Nothing before the contract starts.
    expect(bill({ month: '2025-12', tariff: actual, tickets: [work(60)] }).lines).toEqual([]);
  });

  it('should use one flat rate when the studio or the contract sets it, and per-contract coefficients', () => {
    const flat = resolveBillingRules({ flatHourlyRateKopecks: 200_000 }, { priorityCoefficientPercent: { HIGH: 150 } });
    expect(hourlyRate(flat, 1)).toBe(200_000);
    expect(hourlyRate(flat, 3)).toBe(200_000);
    expect(billPaidTicket(flat, work(90, { paid: true, priority: 'HIGH' })).amountKopecks).toBe(450_000);
    // Bad stored values fall back to the default rather than bill nonsense.
    expect(resolveBillingRules({ hourlyRateKopecksByLine: { 1: -5, 2: 'x' } }).hourlyRateKopecksByLine).toEqual(
      defaultBillingRules.hourlyRateKopecksByLine,
    );
  });

  it('should read the studio defaults a new studio stores as exactly the billing defaults', () => {
    expect(resolveBillingRules(defaultBilling)).toEqual(defaultBillingRules);
  });

  it('should always make the total the sum of its lines', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            minutes: fc.integer({ min: 0, max: 900 }),
            line: fc.integer({ min: 1, max: 3 }),
            day: fc.integer({ min: 1, max: 28 }),
            priority: fc.constantFrom('NORMAL', 'HIGH', 'URGENT', 'IMMEDIATE' as const),
            billable: fc.boolean(),
          }),
          { maxLength: 12 },
        ),
        fc.constantFrom(complex, content, actual),
        fc.integer({ min: 1, max: 6 }),
        (items, tariff, prepaidMonths) => {
          const tickets = items.map((i) =>
            work(0, {
              priority: i.priority,
              entries: [
                {
                  id: `p${n}`,
                  at: msk(`2026-11-${String(i.day).padStart(2, '0')}T12:00`),
                  supportLine: i.line,
                  minutes: i.minutes,
                  billable: i.billable,
                },
              ],
            }),
          );
          const b = bill({ tariff, contract: { ...monthly, prepaidMonths }, tickets, carriedInMinutes: 100 });
          expect(b.totalKopecks).toBe(b.lines.reduce((s, l) => s + l.amountKopecks, 0));
          const billable = items.filter((i) => i.billable).reduce((s, i) => s + i.minutes, 0);
          if (tariff.mode === 'PREPAID') expect(b.prepaid.drawnMinutes + b.extraMinutes).toBe(billable);
          for (const line of b.lines) expect(Number.isSafeInteger(line.amountKopecks)).toBe(true);
        },
      ),
    );
  });
});

describe('billing rules given by a person', () => {
  it('should merge known rules and refuse unknown keys and bad values, naming them', () => {
    expect(parseBillingRules({ flatHourlyRateKopecks: 200_000 }).flatHourlyRateKopecks).toBe(200_000);
    expect(parseBillingRules({ hourlyRateKopecksByLine: { 2: 90_000 } }).hourlyRateKopecksByLine).toEqual({
      1: 50_000,
      2: 90_000,
      3: 80_000,
    });
    expect(() => parseBillingRules({ hourlyRate: 1 })).toThrow('unknown rule hourlyRate');
    expect(() => parseBillingRules({ hourlyRateKopecksByLine: { 4: 1 } })).toThrow('unknown key 4');
    expect(() => parseBillingRules({ priorityCoefficientPercent: { HIGH: 1.3 } })).toThrow('HIGH');
    expect(() => parseBillingRules({ longPrepaymentDiscountBasisPoints: 20_000 })).toThrow('at most 10000');
    expect(() => parseBillingRules([])).toThrow(BillingRulesError);
  });
});
