// The loader: the one script a site embeds, a classic script that exports nothing, and all a
// page loads until the widget is first opened. It runs once per page however many copies are
// added: installs the light capture of page errors, draws the launcher, and puts
// `window.caredesk` in place. The widget proper (Lit, the panel) is imported on first open, or
// at once when this browser has something live to follow: ES module chunks with content
// hashes beside this script, resolved against its own address.
import { installCapture } from './capture.ts';
import type { Prefill } from './caredesk-widget.ts';
import { hasSomethingLive, isOpenStatus } from './followed.ts';
import { drawLauncher, pickLocale } from './launcher.ts';
import { type CaredeskApi, createApi, placeElement } from './public-api.ts';
import { applySiteLook } from './site-look.ts';
import { version } from './version.ts';

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
  // An element the page wrote itself keeps the attributes it was given.
  const ownElement = document.querySelector('caredesk-widget') !== null;
  const element = placeElement(data);
  let loading: Promise<import('./caredesk-widget.ts').CaredeskWidget> | undefined;
  const load = () => {
    loading ??= import('./main.ts').then(({ start }) => start(element, server, services));
    return loading;
  };
  const launcher = drawLauncher(
    element,
    () => void load().then((w) => w.open()),
    () => void load(),
  );
  const siteKey = data.siteKey ?? element.getAttribute('site-key') ?? '';
  if (siteKey && !ownElement) void applySiteLook(element, launcher, server, siteKey);
  const prefills: Prefill[] = [];
  const services = { ...installCapture(server), launcher, pickLocale, isOpenStatus, prefills, version };
  window.caredesk = createApi(element, launcher, load, () => loading, prefills);
  // Something to follow (a signed-in contact, a report waiting to be sent, open tickets with
  // replies to count): the widget proper loads once the page is idle.
  if (hasSomethingLive(siteKey)) (window.requestIdleCallback ?? setTimeout)(() => void load());
}
