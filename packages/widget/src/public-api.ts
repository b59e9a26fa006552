import type { CaredeskWidget, Identity, Prefill } from './caredesk-widget.ts';
import type { Launcher } from './launcher.ts';
import { version } from './version.ts';

type Handler = (detail: unknown) => void;
const eventNames = { submitted: 'caredesk-submitted', statusChanged: 'caredesk-status-changed' } as const;

/**
 * The `<caredesk-widget>` element: the page's own, or a new one from the script tag's data
 * attributes (site-key, position, color, locale, launcher, launcher-text), added to the body
 * once there is one.
 */
export function placeElement(data: Record<string, string | undefined>): HTMLElement {
  const found = document.querySelector<HTMLElement>('caredesk-widget');
  if (found) return found;
  const element = document.createElement('caredesk-widget');
  for (const name of ['position', 'color', 'locale', 'launcher', 'launcherText'] as const) {
    const value = data[name];
    if (value) element.setAttribute(name === 'launcherText' ? 'launcher-text' : name, value);
  }
  element.setAttribute('site-key', data.siteKey ?? '');
  const mount = () => element.isConnected || document.body.append(element);
  if (document.body) mount();
  else addEventListener('DOMContentLoaded', mount);
  return element;
}

/**
 * `window.caredesk`: what a host page may do. It works before the widget proper has loaded:
 * opening loads it, and what is asked before that (prefill, identify) is done once it has.
 */
export function createApi(
  element: HTMLElement,
  launcher: Launcher,
  load: () => Promise<CaredeskWidget>,
  loaded: () => Promise<CaredeskWidget> | undefined,
  /** Prefills asked for before the widget loaded: it applies them when it starts. */
  prefills: Prefill[],
) {
  const wrapped = new Map<Handler, EventListener>();
  const later = (run: (w: CaredeskWidget) => unknown) => void load().then(run);
  return {
    version,
    /** The element; its own methods are there once the widget has loaded (use these instead). */
    element,
    open: () => later((w) => w.open('form')),
    close: () => void loaded()?.then((w) => w.close()),
    prefill: (values: Prefill) => {
      const w = loaded();
      if (w) void w.then((x) => x.prefill(values));
      else prefills.push(values);
    },
    /** A signed-in contact: the widget loads to follow their tickets. */
    identify: (identity: Identity) => later((w) => w.identify(identity)),
    setLocale: (locale: string) => {
      element.setAttribute('locale', locale);
      launcher.set({});
    },
    /** Listens to `submitted` or `statusChanged`; the handler gets the event's detail. */
    on(name: keyof typeof eventNames, handler: Handler) {
      const listener = (e: Event) => handler((e as CustomEvent).detail);
      wrapped.set(handler, listener);
      element.addEventListener(eventNames[name], listener);
    },
    off(name: keyof typeof eventNames, handler: Handler) {
      const listener = wrapped.get(handler);
      if (listener) element.removeEventListener(eventNames[name], listener);
      wrapped.delete(handler);
    },
  };
}

export type CaredeskApi = ReturnType<typeof createApi>;
