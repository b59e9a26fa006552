import { shareOf } from './money.ts';
import type { BillLine, BillLineKind, MonthInput } from './month-bill.ts';
import { monthName } from './months.ts';
import { isFreeMonth, periodDiscount } from './terms.ts';

/** A line that is not time: a fee, a discount, a top-up. */
export function fixedLine(kind: BillLineKind, amountKopecks: number, description: BillLine['description']): BillLine {
  return {
    kind,
    ticketId: null,
    ticketNumber: null,
    minutes: 0,
    rateKopecks: null,
    coefficientPercent: null,
    priority: null,
    amountKopecks,
    description,
  };
}

/** The fee of a prepaid period, charged in its first month, with its discount as a line of its own. */
export function feeLines(
  input: Pick<MonthInput, 'tariff' | 'contract' | 'rules'>,
  months: readonly string[],
): BillLine[] {
  const { tariff, contract, rules } = input;
  const paidMonths = months.filter((m) => !isFreeMonth(contract, m));
  const span = (locale: 'ru' | 'en') =>
    months.length === 1
      ? monthName(months[0] as string, locale)
      : `${monthName(months[0] as string, locale)} – ${monthName(months[months.length - 1] as string, locale)}`;
  if (paidMonths.length === 0) {
    return [
      fixedLine('FEE', 0, {
        ru: `Абонентская плата «${tariff.name}», ${span('ru')}: бесплатная поддержка нового сайта`,
        en: `Monthly fee "${tariff.name}", ${span('en')}: free support of a new site`,
      }),
    ];
  }
  const fee = tariff.monthlyFeeKopecks * paidMonths.length;
  const lines = [
    fixedLine('FEE', fee, {
      ru: `Абонентская плата «${tariff.name}», ${span('ru')} (${paidMonths.length} мес.)`,
      en: `Monthly fee "${tariff.name}", ${span('en')} (${paidMonths.length} mo.)`,
    }),
  ];
  const discount = periodDiscount(contract, rules);
  if (discount > 0 && fee > 0) {
    lines.push(
      fixedLine('DISCOUNT', -shareOf(fee, discount), {
        ru: `Скидка ${discount / 100} % за оплату ${paidMonths.length} мес. вперёд`,
        en: `Discount ${discount / 100} % for paying ${paidMonths.length} months ahead`,
      }),
    );
  }
  return lines;
}
