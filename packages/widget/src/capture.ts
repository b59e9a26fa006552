import type { Services } from './env.ts';

/**
 * Light wrappers the loader installs at once, so that a report can tell what went wrong on
 * the page before the visitor opened the widget: the last console errors and uncaught
 * exceptions, and the last failed fetch/XHR requests. Only a few short lines are kept.
 */
const keep = 8;
const errors: string[] = [];
const requests: string[] = [];

const push = (list: string[], line: string) => {
  list.push(line.slice(0, 300));
  if (list.length > keep) list.shift();
};
const describe = (value: unknown) =>
  value instanceof Error ? `${value.name}: ${value.message}` : typeof value === 'string' ? value : String(value);
// Query strings may hold tokens: keep only the origin and path.
const withoutQuery = (url: string) => {
  try {
    const parsed = new URL(url, location.href);
    return parsed.origin + parsed.pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
};

/**
 * Installs the wrappers once per page. The widget's own calls are not the page's failures: its
 * fetches use the page's fetch from before the wrapper, and its uploads (XHR) go to the API, so
 * only calls to the API and the widget's files are left out — a page served by caredesk itself
 * (the demo) still has its own failed requests reported.
 */
export function installCapture(ownServer: string): Pick<Services, 'fetch' | 'captured'> {
  const nativeFetch = window.fetch.bind(window);
  const own = (url: string) => url.startsWith(`${ownServer}/graphql`) || url.startsWith(`${ownServer}/widget`);
  const original = console.error;
  console.error = (...args: unknown[]) => {
    push(errors, args.map(describe).join(' '));
    original.apply(console, args);
  };
  addEventListener('error', (e) => push(errors, e.error ? describe(e.error) : e.message));
  addEventListener('unhandledrejection', (e) => push(errors, `Unhandled rejection: ${describe(e.reason)}`));

  const originalFetch = window.fetch;
  window.fetch = async function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const url = withoutQuery(input instanceof Request ? input.url : String(input));
    try {
      const response = await originalFetch.call(this ?? window, input, init);
      if (!response.ok && !own(url)) push(requests, `${method} ${url} → ${response.status}`);
      return response;
    } catch (error) {
      if (!own(url)) push(requests, `${method} ${url} → ${describe(error)}`);
      throw error;
    }
  } as typeof fetch;

  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (
    this: XMLHttpRequest,
    method: string,
    url: string | URL,
    ...rest: unknown[]
  ) {
    this.addEventListener('loadend', () => {
      if ((this.status === 0 || this.status >= 400) && !own(String(url)))
        push(requests, `${method} ${withoutQuery(String(url))} → ${this.status || 'network error'}`);
    });
    return (open as (...a: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof open;
  return { fetch: nativeFetch, captured: () => ({ errors: [...errors], requests: [...requests] }) };
}
