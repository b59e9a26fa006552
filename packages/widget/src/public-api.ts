import { CaredeskWidget, type Identity, type Prefill } from './caredesk-widget.ts';
import { version } from './version.ts';

type Handler = (detail: unknown) => void;
const eventNames = { submitted: 'caredesk-submitted', statusChanged: 'caredesk-status-changed' } as const;

/**
 * `window.caredesk`: what a host page may do. The element is created from the script tag's
 * data attributes (site-key, position, color, locale, launcher) once the page has a body.
 */
export function createApi(data: Record<string, string | undefined>, server: string) {
  if (!customElements.get('caredesk-widget')) customElements.define('caredesk-widget', CaredeskWidget);
  let widget = document.querySelector('caredesk-widget');
  if (!widget) {
    widget = document.createElement('caredesk-widget');
    for (const name of ['position', 'color', 'locale', 'launcher'] as const) {
      const value = data[name];
      if (value) widget.setAttribute(name, value);
    }
    widget.setAttribute('site-key', data.siteKey ?? '');
  }
  if (!widget.server) widget.server = server;
  const element = widget;
  const mount = () => element.isConnected || document.body.append(element);
  if (document.body) mount();
  else addEventListener('DOMContentLoaded', mount);

  const wrapped = new Map<Handler, EventListener>();
  return {
    version,
    element,
    open: () => element.open('form'),
    close: () => element.close(),
    prefill: (values: Prefill) => element.prefill(values),
    identify: (identity: Identity) => element.identify(identity),
    setLocale: (locale: string) => {
      element.locale = locale;
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
