import type { Db } from '@caredesk/schema/db';
import { type SiteStatus, siteStatus } from '@caredesk/schema/services';
import { escapeHtml } from './escape-html.ts';
import type { Route } from './routes.ts';

const words = {
  en: {
    title: '{site}: status',
    allUp: 'All systems operational',
    someDown: 'Some systems are down',
    slow: 'Some systems are slow',
    maintenance: 'Maintenance in progress',
    uptime: 'Uptime: 24 h {day} · 7 d {week} · 30 d {month}',
    incidents: 'Incidents of the last 7 days',
    noIncidents: 'No incidents in the last 7 days.',
    ongoing: 'ongoing',
    planned: 'Maintenance',
    none: 'Nothing is monitored on this site yet.',
    updated: 'Updated {time} (UTC); the page refreshes every minute.',
    states: {
      UP: 'Up',
      DOWN: 'Down',
      DEGRADED: 'Slow',
      PAUSED: 'Paused',
      PENDING: 'Checking',
      UNKNOWN: 'Unknown',
      NOT_SUPPORTED: '—',
    },
  },
  ru: {
    title: '{site}: состояние',
    allUp: 'Всё работает',
    someDown: 'Часть сервисов недоступна',
    slow: 'Часть сервисов отвечает медленно',
    maintenance: 'Идут технические работы',
    uptime: 'Доступность: 24 ч {day} · 7 д {week} · 30 д {month}',
    incidents: 'Инциденты за 7 дней',
    noIncidents: 'За 7 дней инцидентов не было.',
    ongoing: 'продолжается',
    planned: 'Технические работы',
    none: 'На этом сайте пока ничего не проверяется.',
    updated: 'Обновлено {time} (UTC); страница обновляется каждую минуту.',
    states: {
      UP: 'Работает',
      DOWN: 'Недоступен',
      DEGRADED: 'Медленно',
      PAUSED: 'На паузе',
      PENDING: 'Проверяется',
      UNKNOWN: 'Неизвестно',
      NOT_SUPPORTED: '—',
    },
  },
};
type Words = (typeof words)['en'];

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
const percent = (p: number | null) => (p === null ? '—' : `${p.toFixed(2)} %`);
const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')}`;

/** The page itself: plain HTML, no script, no secrets (names, states, uptimes and times only). */
export function statusHtml(status: SiteStatus, locale: 'ru' | 'en', now: Date): string {
  const w: Words = words[locale];
  const states = w.states as Record<string, string>;
  const headline = status.monitors.some((m) => m.state === 'DOWN')
    ? w.someDown
    : status.maintenance.some((m) => m.now)
      ? w.maintenance
      : status.monitors.some((m) => m.state === 'DEGRADED')
        ? w.slow
        : w.allUp;
  const title = escapeHtml(fill(w.title, { site: status.siteName }));
  const monitors = status.monitors.length
    ? `<ul class="monitors">${status.monitors
        .map(
          (m) =>
            `<li><span class="state s-${m.state}">${escapeHtml(states[m.state] ?? m.state)}</span> <b>${escapeHtml(m.name)}</b><br><small>${escapeHtml(
              fill(w.uptime, {
                day: percent(m.uptime.day),
                week: percent(m.uptime.week),
                month: percent(m.uptime.month),
              }),
            )}</small></li>`,
        )
        .join('')}</ul>`
    : `<p>${w.none}</p>`;
  const maintenance = status.maintenance.length
    ? `<h2>${w.planned}</h2><ul>${status.maintenance
        .map((m) => `<li><b>${escapeHtml(m.title)}</b>: ${utc(m.from)} — ${m.to ? utc(m.to) : '…'}</li>`)
        .join('')}</ul>`
    : '';
  const incidents = status.incidents.length
    ? `<ul>${status.incidents
        .map(
          (i) =>
            `<li>${escapeHtml(i.monitorName)}: ${escapeHtml(states[i.kind] ?? i.kind)}, ${utc(i.startedAt)} — ${i.endedAt ? utc(i.endedAt) : w.ongoing}</li>`,
        )
        .join('')}</ul>`
    : `<p>${w.noIncidents}</p>`;
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="60">
<title>${title}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
.monitors{list-style:none;padding:0}.monitors li{padding:.5rem 0;border-bottom:1px solid #d0d7de}
.state{display:inline-block;min-width:7rem;border-radius:1rem;padding:0 .6rem;font-weight:600;background:#e7f5ec;color:#11632f}
.s-DOWN{background:#fde8e8;color:#a01818}.s-DEGRADED{background:#fff3d6;color:#7a4b00}
.s-PAUSED,.s-PENDING,.s-UNKNOWN,.s-NOT_SUPPORTED{background:#eceff3;color:#3c434d}small{color:#545b64}</style>
</head><body><h1>${title}</h1><p class="headline"><b>${headline}</b></p>
${monitors}${maintenance}<h2>${w.incidents}</h2>${incidents}
<p><small>${fill(w.updated, { time: utc(now) })}</small></p></body></html>`;
}

/** How long a rendered page is served again: a flood of readers costs one render per site. */
const keepMs = 15_000;

/**
 * `/status/<publicKey>`: a client site's public status page, when its staff turned it on
 * (`updateSite(statusPage: true)`); 404 for a site whose page is off and for an unknown key
 * alike. Russian or English from `?lang=` or the reader's Accept-Language.
 */
export function statusPage(db: Db, now: () => Date): Route {
  const rendered = new Map<string, { until: number; html: string }>();
  return async (request) => {
    const url = new URL(request.url);
    const key = decodeURIComponent(url.pathname.slice('/status/'.length));
    const asked = url.searchParams.get('lang') ?? request.headers.get('accept-language') ?? '';
    const locale = asked.toLowerCase().startsWith('en') ? 'en' : 'ru';
    const at = now();
    const cacheKey = `${locale}:${key}`;
    let page = rendered.get(cacheKey);
    if (!page || page.until <= at.getTime()) {
      const status = /^[\w-]{1,100}$/.test(key) ? await siteStatus(db, key, at) : null;
      if (!status) {
        rendered.delete(cacheKey);
        return new Response('Not found / Не найдено', {
          status: 404,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        });
      }
      page = { until: at.getTime() + keepMs, html: statusHtml(status, locale, at) };
      if (rendered.size > 10_000) rendered.clear();
      rendered.set(cacheKey, page);
    }
    return new Response(page.html, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        'cache-control': 'public, max-age=15',
        vary: 'accept-language',
        'x-content-type-options': 'nosniff',
      },
    });
  };
}
