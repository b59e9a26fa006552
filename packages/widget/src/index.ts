// The loader: the one script a site embeds, a classic script that exports nothing. It runs
// once per page however many copies are added, installs the light capture of page errors at
// once, puts a queueing `window.caredesk` in place, and imports the widget itself: ES module
// chunks with content hashes beside it, resolved against this script's own address.
import { installCapture } from './capture.ts';
import type { CaredeskApi } from './public-api.ts';

declare global {
  interface Window {
    caredesk?: CaredeskApi;
  }
}

// A second copy (or another version) of the script finds the first one's API or element.
if (!window.caredesk && !customElements.get('caredesk-widget')) {
  const script = document.currentScript as HTMLScriptElement | null;
  const data = { ...(script?.dataset ?? {}) };
  // The lazy parts are imported relative to this address (see vite.config.ts).
  const caredeskScriptUrl = script?.src || location.href;
  const server = data.server ?? new URL(caredeskScriptUrl).origin;
  const services = installCapture(server);
  // Calls made before the widget has loaded wait here and run in order once it has.
  const queue: [keyof CaredeskApi, unknown[]][] = [];
  const stub = new Proxy({} as CaredeskApi, {
    get:
      (_target, name) =>
      (...args: unknown[]) =>
        void queue.push([name as keyof CaredeskApi, args]),
  });
  window.caredesk = stub;
  import('./main.ts').then(({ start }) => {
    const api = start(data, server, services);
    window.caredesk = api;
    for (const [name, args] of queue) (api[name] as (...a: unknown[]) => unknown)(...args);
  });
}
