import { env } from './env.ts';

/** One fact about the page, shown to the visitor before sending, each removable. */
export interface ContextItem {
  key: 'url' | 'referrer' | 'browser' | 'os' | 'viewport' | 'language' | 'timeZone' | 'errors' | 'requests' | 'widget';
  value: string;
}

const browserOf = (ua: string) => {
  const match =
    /(Edg|OPR|YaBrowser|Firefox|Chrome|Chromium)\/([\d]+)/.exec(ua) ?? /Version\/([\d.]+).*(Safari)/.exec(ua);
  if (!match) return 'unknown';
  const names: Record<string, string> = { Edg: 'Edge', OPR: 'Opera', YaBrowser: 'Yandex Browser' };
  return match[2] === 'Safari' ? `Safari ${match[1]}` : `${names[match[1] ?? ''] ?? match[1]} ${match[2]}`;
};
const osOf = (ua: string) =>
  /Windows NT/.test(ua)
    ? 'Windows'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Mac OS X/.test(ua)
        ? 'macOS'
        : /Android/.test(ua)
          ? 'Android'
          : /Linux/.test(ua)
            ? 'Linux'
            : 'unknown';

const viewport = () => `${innerWidth}×${innerHeight} @${devicePixelRatio}x`;

/** Collects the page context at the moment the form opens. */
export function collectContext(version: string): ContextItem[] {
  const ua = navigator.userAgent;
  const { errors, requests } = env.captured();
  const items: ContextItem[] = [
    { key: 'url', value: location.href },
    { key: 'referrer', value: document.referrer },
    { key: 'browser', value: browserOf(ua) },
    { key: 'os', value: osOf(ua) },
    { key: 'viewport', value: viewport() },
    { key: 'language', value: navigator.language },
    { key: 'timeZone', value: Intl.DateTimeFormat().resolvedOptions().timeZone },
    { key: 'errors', value: errors.join('\n') },
    { key: 'requests', value: requests.join('\n') },
    { key: 'widget', value: version },
  ];
  return items.filter((item) => item.value);
}

/**
 * The JSON sent as `pageContext`: only the items the visitor kept, with what may change while
 * the form is open (the address, the window's size) read again at sending.
 */
export function contextJson(items: ContextItem[]): Record<string, string> {
  const now: Partial<Record<ContextItem['key'], string>> = { url: location.href, viewport: viewport() };
  return Object.fromEntries(items.map((item) => [item.key, now[item.key] ?? item.value]));
}
