import type { MonthlyReportData } from '@caredesk/schema/services';
import { describe, expect, it } from 'vitest';
import { reportCsv } from '../src/reports/report-csv.ts';

const report = (title: string): MonthlyReportData => ({
  organizationId: 'o',
  organizationName: 'ООО «Тест»',
  locale: 'ru',
  month: '2026-11',
  tariffName: 'Актуальный',
  contractNumber: 'D-1',
  free: false,
  works: [],
  prepaid: null,
  extraMinutes: 0,
  lines: [
    {
      kind: 'WORK',
      ticketId: 't',
      ticketNumber: 1042,
      minutes: 90,
      rateKopecks: 50_000,
      coefficientPercent: 130,
      priority: 'HIGH',
      amountKopecks: 97_500,
      description: { ru: `Работы: #1042 «${title}», 1:30 ч × 1.3`, en: `Work: #1042 "${title}"` },
      invoiceNumber: null,
    },
    {
      kind: 'DISCOUNT',
      ticketId: null,
      ticketNumber: null,
      minutes: 0,
      rateKopecks: null,
      coefficientPercent: null,
      priority: null,
      amountKopecks: -12_345,
      description: { ru: title, en: title },
      invoiceNumber: null,
    },
  ],
  paidTickets: [],
  uptime: [],
  statistics: {
    tickets: 0,
    answered: 0,
    resolved: 0,
    averageFirstResponseMinutes: null,
    medianFirstResponseMinutes: null,
    averageResolutionMinutes: null,
    medianResolutionMinutes: null,
    reactionWithinTargetShare: null,
    resolutionWithinTargetShare: null,
    breaches: 0,
    rejections: [],
    satisfactionAverage: null,
    satisfactionCount: 0,
  },
  invoiceIds: [],
  monthKopecks: 85_155,
  paidTicketsKopecks: 0,
  totalKopecks: 85_155,
});

describe('the monthly report as CSV', () => {
  it('should quote commas and quotes, keep negative amounts as numbers, and never let a title start a formula', () => {
    const rows = reportCsv(report('=HYPERLINK("http://evil.example","x")'), 'ru')
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(rows[1]).toBe(
      '2026-11,WORK,#1042,"Работы: #1042 «=HYPERLINK(""http://evil.example"",""x"")», 1:30 ч × 1.3",1:30,90,50000,1.30,,97500,975.00',
    );
    expect(rows[2]).toBe('2026-11,DISCOUNT,,"\'=HYPERLINK(""http://evil.example"",""x"")",,0,,,,-12345,-123.45');
    expect(rows[3]).toBe('2026-11,TOTAL,,Итого,,,,,,85155,851.55');
    // Nobody rated: no satisfaction row.
    expect(rows).toHaveLength(4);
  });

  it('should end with the clients’ average rating and how many rated, after the total and without an amount', () => {
    const rated = report('Сайт');
    rated.statistics = { ...rated.statistics, satisfactionAverage: 4.5, satisfactionCount: 2 };
    const rows = (language: 'ru' | 'en') => reportCsv(rated, language).trim().split('\r\n');
    expect(rows('ru').at(-2)).toBe('2026-11,TOTAL,,Итого,,,,,,85155,851.55');
    expect(rows('ru').at(-1)).toBe('2026-11,SATISFACTION,,"Оценка клиентов: 4,50 из 5 (оценок: 2)",,,,,,,');
    expect(rows('en').at(-1)).toBe('2026-11,SATISFACTION,,Client satisfaction: 4.50 of 5 (ratings: 2),,,,,,,');
  });
});
