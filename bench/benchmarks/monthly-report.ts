import { createDb, migrate } from '@caredesk/schema/db';
import { formatRubles } from '@caredesk/schema/domain';
import { issueMonthlyInvoice, monthlyReport } from '@caredesk/schema/services';
import { emptyTarget } from '../../packages/schema/src/testing/test-databases.ts';
import { reportCsv } from '../../packages/server/src/reports/report-csv.ts';
import { reportPdf } from '../../packages/server/src/reports/report-pdf.ts';
import { seedDemo } from '../../packages/server/src/seed/demo.ts';

const msk = (local: string) => new Date(`${local}+03:00`);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function timed<T>(rounds: number, run: () => Promise<T>): Promise<{ p50: number; p99: number; last: T }> {
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    last = await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), last: last as T };
}

/**
 * A busy client's month: `tickets` tickets with `entriesPerTicket` time entries each in
 * October 2026 on the "Complex" tariff; the report (GraphQL's service), its PDF and CSV, and
 * issuing the invoice.
 */
export async function monthlyReportBench(tickets: number, entriesPerTicket: number, rounds = 20): Promise<string> {
  const lines = [
    '## Monthly report (issue #9)',
    '',
    `One organization on "Комплексный" with ${tickets.toLocaleString('en')} tickets and ${(tickets * entriesPerTicket).toLocaleString('en')} time entries in one month (every ticket runs over the prepaid hours, so the bill has a line per ticket); ${rounds} rounds each: \`monthlyReport\` (the service behind the GraphQL field, including SLA statistics and uptime), the PDF (pdfkit, DejaVu) and CSV of it, and issuing the invoice once.`,
    '',
  ];
  for (const provider of ['sqlite', 'postgresql'] as const) {
    const { target, cleanUp } = emptyTarget(provider);
    try {
      await migrate(target);
      const db = createDb(target);
      try {
        await seedDemo(db, { publicUrl: 'http://localhost:4000', now: msk('2026-09-15T12:00') });
        const complex = await db.tariff.findUniqueOrThrow({ where: { name: 'Комплексный' } });
        const org = await db.organization.create({ data: { name: 'ООО «Нагрузка»' } });
        await db.contract.create({
          data: { organizationId: org.id, tariffId: complex.id, number: 'BENCH-1', startsOn: msk('2026-10-01T00:00') },
        });
        const staff = await db.staffMember.findMany({ where: { supportLine: { not: null } } });
        const started = performance.now();
        for (let i = 0; i < tickets; i++) {
          const ticket = await db.ticket.create({
            data: {
              number: 200_000 + i,
              title: `Задача нагрузки ${i}`,
              description: 'x',
              source: 'EMAIL',
              status: 'IN_PROGRESS',
              organizationId: org.id,
              createdAt: msk('2026-10-01T10:00'),
              priority: i % 5 === 0 ? 'HIGH' : 'NORMAL',
              deliveredPriority: i % 5 === 0 ? 'HIGH' : 'NORMAL',
            },
          });
          await db.timeEntry.createMany({
            data: Array.from({ length: entriesPerTicket }, (_, k) => {
              const member = staff[(i + k) % staff.length];
              const at = msk(`2026-10-${String(1 + ((i + k) % 28)).padStart(2, '0')}T11:00`);
              return {
                ticketId: ticket.id,
                staffId: member?.id ?? '',
                supportLine: member?.supportLine ?? 1,
                startedAt: at,
                endedAt: new Date(at.getTime() + 37 * 60_000),
                minutes: 37,
                note: 'внутренняя заметка',
              };
            }),
          });
        }
        const loaded = (performance.now() - started) / 1000;
        const now = msk('2026-11-02T10:00');
        await monthlyReport(db, org.id, '2026-10', now);
        const report = await timed(rounds, () => monthlyReport(db, org.id, '2026-10', now));
        const pdf = await timed(rounds, () => reportPdf(report.last, 'ru', now));
        const csv = await timed(rounds, async () => reportCsv(report.last, 'ru'));
        const t0 = performance.now();
        const invoice = await issueMonthlyInvoice(db, org.id, '2026-10', now);
        const issue = performance.now() - t0;
        lines.push(
          `- ${provider}: report **p50 ${report.p50.toFixed(1)} ms, p99 ${report.p99.toFixed(1)} ms** (${report.last.lines.length} lines, total ${formatRubles(report.last.totalKopecks, 'en')}); PDF p50 ${pdf.p50.toFixed(1)} ms, p99 ${pdf.p99.toFixed(1)} ms (${(pdf.last.byteLength / 1024).toFixed(0)} KiB); CSV p50 ${csv.p50.toFixed(2)} ms; issuing the invoice (${invoice?.lines.length ?? 0} lines) ${issue.toFixed(0)} ms. Loading took ${loaded.toFixed(1)} s.`,
        );
      } finally {
        await db.$disconnect();
      }
    } finally {
      await cleanUp();
    }
  }
  return lines.join('\n');
}
