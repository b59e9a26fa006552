import { formatHours, type Locale } from '@caredesk/schema/domain';
import type { MonthlyReportData } from '@caredesk/schema/services';

function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const rubles = (kopecks: number) => (kopecks / 100).toFixed(2);

/** Text from people (ticket titles) never starts a formula in a spreadsheet. */
const text = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * The report's lines as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheets read
 * the Cyrillic): one row a line, then the total. Amounts both in kopecks and in rubles. When
 * clients rated the month's work, a last row `SATISFACTION` says the average (1–5) and how many
 * rated, in words in the description column; it has no amount, so sums stay the total.
 */
export function reportCsv(report: MonthlyReportData, locale: Locale): string {
  const header =
    locale === 'ru'
      ? [
          'Месяц',
          'Вид',
          'Заявка',
          'Описание',
          'Часы',
          'Минуты',
          'Ставка, коп./ч',
          'Коэффициент',
          'Счёт',
          'Сумма, коп.',
          'Сумма, ₽',
        ]
      : [
          'Month',
          'Kind',
          'Ticket',
          'Description',
          'Hours',
          'Minutes',
          'Rate, kopecks/h',
          'Coefficient',
          'Invoice',
          'Amount, kopecks',
          'Amount, RUB',
        ];
  const rows = report.lines.map((l) => [
    report.month,
    l.kind,
    l.ticketNumber === null ? null : `#${l.ticketNumber}`,
    text(l.description[locale]),
    l.minutes ? formatHours(Math.abs(l.minutes)) : null,
    l.minutes,
    l.rateKopecks,
    l.coefficientPercent === null ? null : (l.coefficientPercent / 100).toFixed(2),
    l.invoiceNumber,
    l.amountKopecks,
    rubles(l.amountKopecks),
  ]);
  const total = [
    report.month,
    'TOTAL',
    null,
    locale === 'ru' ? 'Итого' : 'Total',
    null,
    null,
    null,
    null,
    null,
    report.totalKopecks,
    rubles(report.totalKopecks),
  ];
  const { satisfactionAverage, satisfactionCount } = report.statistics;
  const satisfaction =
    satisfactionAverage === null
      ? []
      : [
          [
            report.month,
            'SATISFACTION',
            null,
            locale === 'ru'
              ? `Оценка клиентов: ${satisfactionAverage.toFixed(2).replace('.', ',')} из 5 (оценок: ${satisfactionCount})`
              : `Client satisfaction: ${satisfactionAverage.toFixed(2)} of 5 (ratings: ${satisfactionCount})`,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
          ],
        ];
  return `\ufeff${[header, ...rows, total, ...satisfaction].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
