import { createRequire } from 'node:module';
import { formatHours, formatRubles, type Locale, monthName } from '@caredesk/schema/domain';
import type { MonthlyReportData } from '@caredesk/schema/services';
import { reportLabels } from './report-labels.ts';

// DejaVu ships with the npm package dejavu-fonts-ttf: Cyrillic, no download at run time.
const require = createRequire(import.meta.url);
const fonts = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};

/** The monthly report as a PDF (A4, DejaVu Sans, the reader's language). */
export async function reportPdf(report: MonthlyReportData, locale: Locale, now: Date): Promise<Buffer> {
  // Loaded with the first report rather than at every start of the server.
  const { default: PDFDocument } = await import('pdfkit');
  const t = reportLabels[locale];
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    font: fonts.regular,
    info: { Title: `${t.title} ${report.month}`, Author: 'caredesk', CreationDate: now },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const heading = (text: string) => doc.moveDown(0.8).font('bold').fontSize(12).text(text).font('regular').fontSize(10);
  const money = (kopecks: number) => formatRubles(kopecks, locale);
  // 99,73 % in Russian, 99.73 % in English.
  const percent = (value: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  const width = doc.page.width - 100;

  doc
    .font('bold')
    .fontSize(16)
    .text(`${t.title}: ${monthName(report.month, locale)}`);
  doc.font('regular').fontSize(10).moveDown(0.5);
  doc.text(`${t.organization}: ${report.organizationName}`);
  if (report.contractNumber) doc.text(`${t.contract}: ${report.contractNumber}`);
  if (report.tariffName) doc.text(`${t.tariff}: ${report.tariffName}${report.free ? ` (${t.freeSupport})` : ''}`);

  heading(t.works);
  if (report.works.length === 0) doc.text(t.noWork);
  for (const w of report.works) {
    const levels = w.byLine.map((l) => `${t.line} ${l.supportLine}: ${formatHours(l.minutes)}`).join(', ');
    doc.text(`#${w.number} ${w.title} — ${formatHours(w.totalMinutes)} (${levels})`, { width });
  }

  if (report.prepaid) {
    heading(t.prepaid);
    const p = report.prepaid;
    doc.text(
      `${t.included}: ${formatHours(p.includedMinutes)}; ${t.carried}: ${formatHours(p.carriedInMinutes)}; ${t.drawn}: ${formatHours(p.drawnMinutes)}; ${t.remaining}: ${formatHours(p.remainingMinutes)}`,
    );
    doc.text(`${t.extra}: ${formatHours(report.extraMinutes)}`);
  }

  heading(t.lines);
  for (const l of report.lines) {
    // A line and its amount stay on one page: the amount is written beside the text's first row.
    if (doc.y + 40 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    const invoice = l.invoiceNumber ? ` (${t.invoice} ${l.invoiceNumber})` : '';
    doc.text(`${l.description[locale]}${invoice}`, 50, y, { width: width - 110 });
    const after = doc.y;
    doc.text(money(l.amountKopecks), 50 + width - 100, y, { width: 100, align: 'right' });
    doc.y = Math.max(after, doc.y);
    doc.x = 50;
  }
  doc.moveDown(0.3).font('bold');
  if (report.paidTicketsKopecks !== 0) {
    doc.font('regular').text(`${t.monthTotal}: ${money(report.monthKopecks)}`, { align: 'right' });
    doc.text(`${t.paidTickets}: ${money(report.paidTicketsKopecks)}`, { align: 'right' }).font('bold');
  }
  doc.text(`${t.total}: ${money(report.totalKopecks)}`, { align: 'right' }).font('regular');

  heading(t.uptime);
  for (const u of report.uptime) {
    const figure = u.monitored ? `${percent(u.uptimePercent)} %, ${t.downtime}: ${u.downtimeMinutes}` : t.notMonitored;
    doc.text(`${u.siteName} (${u.url}): ${figure}`, { width });
  }

  heading(t.sla);
  const s = report.statistics;
  doc.text(`${t.tickets}: ${s.tickets}; ${t.breaches}: ${s.breaches}`);
  if (s.averageFirstResponseMinutes !== null) doc.text(`${t.firstResponse}: ${s.averageFirstResponseMinutes}`);
  if (s.reactionWithinTargetShare !== null)
    doc.text(`${t.reactionShare}: ${Math.round(s.reactionWithinTargetShare * 100)} %`);
  if (s.satisfactionAverage !== null)
    doc.text(`${t.satisfaction}: ${percent(s.satisfactionAverage)} ${t.of5} (${t.ratings}: ${s.satisfactionCount})`);

  doc.end();
  return done;
}
