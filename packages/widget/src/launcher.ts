// The launcher, drawn by the loader in plain DOM before anything else loads: the round button
// in the corner, its unread count, and the widget's look (theme, position) that the panel,
// loaded on first open, shares. It is the only part of the widget a page shows until then.

/** What the widget proper tells the launcher once it has loaded. */
export interface LauncherState {
  /** The panel is open: the launcher steps aside. */
  opened: boolean;
  /** Replies from the studio the visitor has not read yet. */
  unread: number;
}

/** The launcher's handle, handed to the widget proper. */
export interface Launcher {
  set(state: Partial<LauncherState>): void;
}

export type Locale = 'ru' | 'en';

/** ru for Russian pages or browsers, en otherwise; an explicit choice wins. */
export function pickLocale(explicit?: string | null): Locale {
  for (const tag of [explicit, document.documentElement.lang, navigator.language]) {
    const base = tag?.toLowerCase().slice(0, 2);
    if (base === 'ru' || base === 'en') return base;
  }
  return 'en';
}

const words = {
  en: { label: 'Support', unread: (n: number) => `${n} new ${n === 1 ? 'reply' : 'replies'}` },
  ru: {
    label: 'Поддержка',
    unread: (n: number) => {
      const d = n % 10;
      const teen = n % 100 > 10 && n % 100 < 20;
      return `${n} ${d === 1 && !teen ? 'новый ответ' : d > 1 && d < 5 && !teen ? 'новых ответа' : 'новых ответов'}`;
    },
  },
};

// Page styles must not reach in: `all: initial !important` on the host beats the page's own
// !important rules (inner !important wins), and nothing inherits from the page. The theme's
// variables are here too: the panel's styles use them.
const css = `:host{all:initial!important;display:block!important;position:fixed!important;bottom:20px!important;right:20px!important;z-index:2147483000!important;--cd-accent:#2155d6;--cd-bg:#fff;--cd-fg:#1f2328;--cd-muted:#545b64;--cd-line:#c9ced6;--cd-soft:#f2f4f7}
:host([position=bottom-left]){right:auto!important;left:20px!important}
:host([hidden]){display:none!important}
@media (prefers-color-scheme:dark){:host{--cd-bg:#1c1f24;--cd-fg:#eceff3;--cd-muted:#b4bcc7;--cd-line:#4a515c;--cd-soft:#2a2f36}}
.launcher{position:relative;font:600 14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;cursor:pointer;border-radius:24px;padding:12px 18px;background:var(--cd-accent);color:#fff;border:1px solid transparent;box-shadow:0 4px 14px rgb(0 0 0/.25)}
.launcher:focus-visible{outline:3px solid var(--cd-accent);outline-offset:2px}
.launcher[hidden]{display:none}
.count{position:absolute;top:-6px;right:-6px;min-width:20px;padding:0 6px;border-radius:10px;background:#b3261e;color:#fff;font-size:12px;line-height:20px;text-align:center}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}`;

/**
 * Draws the launcher in the element's shadow root. `open` runs on a click; `warm` when the
 * pointer or focus comes near, so that the panel's code is on its way before the click.
 */
export function drawLauncher(element: HTMLElement, open: () => void, warm: () => void): Launcher {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const button = document.createElement('button');
  button.className = 'launcher';
  button.setAttribute('part', 'launcher');
  button.setAttribute('aria-haspopup', 'dialog');
  button.onclick = open;
  button.onpointerenter = button.onfocus = warm;
  root.append(style, button);
  const state: LauncherState = { opened: false, unread: 0 };
  const launcher: Launcher = {
    set(changes) {
      Object.assign(state, changes);
      const locale = pickLocale(element.getAttribute('locale'));
      const { label, unread } = words[locale];
      const color = element.getAttribute('color');
      if (color) element.style.setProperty('--cd-accent', color);
      button.hidden = state.opened || element.getAttribute('launcher') === 'hidden';
      button.textContent = element.getAttribute('launcher-text') || label;
      if (state.unread > 0) {
        const count = document.createElement('span');
        count.className = 'count';
        count.setAttribute('part', 'unread');
        count.setAttribute('aria-hidden', 'true');
        count.textContent = String(state.unread);
        const said = document.createElement('span');
        said.className = 'sr';
        said.textContent = `, ${unread(state.unread)}`;
        button.append(count, said);
      }
    },
  };
  launcher.set({});
  return launcher;
}
