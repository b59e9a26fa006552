// The widget proper, imported by the loader on first open (or when there is something live to
// follow): defines the element, which upgrades the one the loader placed.
import { CaredeskWidget } from './caredesk-widget.ts';
import { env, type Services } from './env.ts';

/** Starts the widget with the loader's element, settings and captured page state. */
export function start(element: HTMLElement, server: string, services: Services): CaredeskWidget {
  Object.assign(env, services);
  if (!customElements.get('caredesk-widget')) customElements.define('caredesk-widget', CaredeskWidget);
  // An element not yet in the document is not upgraded by define().
  customElements.upgrade(element);
  const widget = element as CaredeskWidget;
  if (!widget.server) widget.server = server;
  for (const values of services.prefills.splice(0)) widget.prefill(values);
  return widget;
}
