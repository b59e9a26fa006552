import type { Prefill } from './caredesk-widget.ts';
import type { Launcher, Locale } from './launcher.ts';

/** What the loader hands over: the page's own fetch, what its wrappers captured, the launcher. */
export interface Services {
  /** The page's fetch before the loader's wrapper: the widget's calls are not the page's failures. */
  fetch: typeof fetch;
  captured(): { errors: string[]; requests: string[] };
  launcher: Launcher;
  pickLocale(explicit?: string | null): Locale;
  /** Whether a ticket in this status is still followed (followed.ts). */
  isOpenStatus(status: string): boolean;
  /** The widget's version (version.ts, compiled into the loader). */
  version: string;
  /** Prefills asked for before the widget loaded. */
  prefills: Prefill[];
}

export const env: Services = {
  fetch: (...args) => fetch(...args),
  captured: () => ({ errors: [], requests: [] }),
  launcher: { set: () => {} },
  pickLocale: () => 'en',
  isOpenStatus: () => true,
  version: 'dev',
  prefills: [],
};
