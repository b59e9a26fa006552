import type { Locale } from '../error-codes.ts';

/** Letters to staff about a site's monitor (kept apart from the ticket letters). */
export const monitorLetterKinds = ['MONITOR_DOWN', 'MONITOR_RECOVERED'] as const;
export type MonitorLetterKind = (typeof monitorLetterKinds)[number];

export interface MonitorLetterFacts {
  ticketNumber: number;
  monitorName: string;
  siteName: string;
  /** What failed: status, error, timings. */
  evidence: string;
  /** Recovery letters: how long the site was down, in minutes. */
  downtimeMinutes?: number;
  link: string;
}

/** "1 h 5 min" / "1 ч 5 мин". */
export function formatDuration(minutes: number, locale: Locale): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  const [hu, mu] = locale === 'ru' ? ['ч', 'мин'] : ['h', 'min'];
  return h > 0 ? `${h} ${hu} ${m} ${mu}` : `${m} ${mu}`;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The subject and body of a monitoring letter in the recipient's language. */
export function renderMonitorLetter(kind: MonitorLetterKind, locale: Locale, f: MonitorLetterFacts) {
  const down = kind === 'MONITOR_DOWN';
  const subject =
    locale === 'ru'
      ? `[#${f.ticketNumber}] ${down ? 'Сайт недоступен' : 'Сайт снова работает'}: ${f.siteName}`
      : `[#${f.ticketNumber}] ${down ? 'Site down' : 'Site recovered'}: ${f.siteName}`;
  const lead = down
    ? locale === 'ru'
      ? `Мониторинг «${f.monitorName}» подтвердил сбой. Заявка открыта.`
      : `Monitor "${f.monitorName}" confirmed a failure. A ticket is open.`
    : locale === 'ru'
      ? `Мониторинг «${f.monitorName}»: сайт снова работает, простой ${formatDuration(f.downtimeMinutes ?? 0, 'ru')}.`
      : `Monitor "${f.monitorName}": the site is back up after ${formatDuration(f.downtimeMinutes ?? 0, 'en')} of downtime.`;
  const open = locale === 'ru' ? 'Открыть заявку' : 'Open the ticket';
  const text = [lead, '', f.evidence, '', `${open}: ${f.link}`].join('\n');
  const html = [
    `<p>${esc(lead)}</p>`,
    `<pre style="white-space:pre-wrap">${esc(f.evidence)}</pre>`,
    `<p><a href="${esc(f.link)}">${open}</a></p>`,
  ].join('\n');
  return { subject, text, html };
}
