import type { Db } from '@caredesk/schema/db';
import { isMonth, type Locale } from '@caredesk/schema/domain';
import { monthlyReport } from '@caredesk/schema/services';
import { reportCsv } from '../reports/report-csv.ts';
import { reportPdf } from '../reports/report-pdf.ts';
import type { Signer } from './signed-links.ts';

/** `/reports/{locale}/{organization}/{month}.{pdf|csv}`: signed, so the link itself is the permission. */
export const reportPath = (organizationId: string, month: string, format: 'pdf' | 'csv', locale: Locale) =>
  `/reports/${locale}/${encodeURIComponent(organizationId)}/${month}.${format}`;

const pattern = /^\/reports\/(ru|en)\/([^/]+)\/(\d{4}-\d{2})\.(pdf|csv)$/;

/**
 * Serves a monthly report file to whoever holds a valid signed link (handed out only to the
 * organization's contacts and staff by `monthlyReport`).
 */
export function reportRoute(db: Db, signer: Signer, now: () => Date) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (!signer.verify(url.pathname, url.searchParams.get('expires'), url.searchParams.get('sig'), now())) {
      return new Response('This link is invalid or has expired. / Ссылка недействительна или устарела.', {
        status: 403,
      });
    }
    const match = pattern.exec(url.pathname);
    if (!match || !isMonth(match[3] as string)) return new Response('Not found / Не найдено', { status: 404 });
    const locale = match[1] as Locale;
    const organizationId = decodeURIComponent(match[2] as string);
    const month = match[3] as string;
    const format = match[4] as 'pdf' | 'csv';
    if (!(await db.organization.findUnique({ where: { id: organizationId }, select: { id: true } })))
      return new Response('Not found / Не найдено', { status: 404 });
    const report = await monthlyReport(db, organizationId, month, now());
    const name = `report-${month}.${format}`;
    const common = {
      'content-disposition': `attachment; filename="${name}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    };
    if (format === 'csv') {
      return new Response(reportCsv(report, locale), {
        headers: { ...common, 'content-type': 'text/csv; charset=utf-8' },
      });
    }
    const pdf = await reportPdf(report, locale, now());
    return new Response(new Uint8Array(pdf), {
      headers: { ...common, 'content-type': 'application/pdf', 'content-length': String(pdf.byteLength) },
    });
  };
}
