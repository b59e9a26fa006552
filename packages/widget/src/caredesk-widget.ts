import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { AvailabilityController } from './availability.ts';
import { env } from './env.ts';
import { fileProblems } from './file-rules.ts';
import type { Caller } from './graphql.ts';
import { gql, WidgetError } from './graphql.ts';
import { isLoaded, type Locale, loadLocale, pickLocale, type Translate, translator } from './i18n.ts';
import type { LiveLink } from './live-link.ts';
import { type ContextItem, collectContext } from './page-context.ts';
import { type Ticket, viewer } from './queries.ts';
import { styles } from './styles.ts';
import { isOpen, type StoredTicket, storedTickets, unreadOf } from './ticket-store.ts';
import { formView } from './views/form-view.ts';

export type View = 'form' | 'list' | 'thread';

/** Set while the outbox holds a submission, so that its code loads only then. */
export const outboxFlag = 'caredesk:outbox';

/** Fields a host page may fill in advance with `caredesk.prefill`. */
export interface Prefill {
  title?: string;
  description?: string;
  email?: string;
  name?: string;
  category?: string;
}

/** A signed-in contact (`caredesk.identify`): a session token, or just who to write back to. */
export interface Identity {
  token?: string;
  email?: string;
  name?: string;
}

/**
 * The support widget of a client's site: a launcher, a form that files a ticket with the
 * page's context and files, and the thread of each ticket this browser filed, live.
 *
 * @fires caredesk-submitted - a ticket was filed; detail `{ id, displayNumber, queued }`
 * @fires caredesk-status-changed - a followed ticket moved; detail `{ id, displayNumber, status, previous }`
 * @fires caredesk-open - the panel opened
 * @fires caredesk-close - the panel closed
 * @csspart launcher - the round button in the corner (drawn by the loader, see launcher.ts)
 * @csspart unread - the count of unread replies on the launcher
 * @csspart panel - the open panel
 */
export class CaredeskWidget extends LitElement {
  static override styles = styles;
  static override properties = {
    siteKey: { type: String, attribute: 'site-key' },
    server: { type: String },
    locale: { type: String },
    color: { type: String },
    position: { type: String, reflect: true },
    opened: { state: true },
    view: { state: true },
    busy: { state: true },
    progress: { state: true },
    problems: { state: true },
    notice: { state: true },
    files: { state: true },
    context: { state: true },
    tickets: { state: true },
    current: { state: true },
    liveState: { state: true },
    authorized: { state: true },
    dragOver: { state: true },
    suggestions: { state: true },
    unread: { state: true },
  };
  /** The site's public key (`data-site-key`). */
  declare siteKey: string;
  /** The caredesk server's origin; defaults to the origin the script came from. */
  declare server: string;
  /** `ru` or `en`; unset: from the page's `lang`, then the browser. */
  declare locale: string | undefined;
  /** Accent colour of the launcher and buttons (any CSS colour with white text on it). */
  declare color: string | undefined;
  /** `bottom-right` (default) or `bottom-left`. */
  declare position: string | undefined;

  declare opened: boolean;
  declare view: View;
  declare busy: boolean;
  declare progress: number | null;
  declare problems: string[];
  declare notice: string;
  declare files: File[];
  declare context: ContextItem[];
  declare tickets: StoredTicket[];
  declare current: Ticket | null;
  declare liveState: '' | 'live' | 'reconnecting';
  declare authorized: boolean;
  declare dragOver: boolean;
  /** Knowledge-base articles offered for what the form says so far. */
  declare suggestions: import('./suggestions.ts').Suggestion[];
  /** Replies from the studio not read yet, shown on the launcher. */
  declare unread: number;
  /** The lazily loaded suggestions part (loads on the first keystroke). */
  suggestPart: typeof import('./suggestions.ts') | null = null;

  /** When support works, for the greeting (read on open). */
  availability = new AvailabilityController(this, () => this.caller);

  /** Field values, kept outside rendering so typing does not re-render. */
  fields: Prefill & { priority?: string } = {};
  identity: Identity = {};
  /** Set by the live part once loaded: follows tickets over graphql-ws. */
  live: LiveLink | null = null;
  /** The lazily loaded "my tickets" part. */
  ticketsPart: typeof import('./tickets-part.ts') | null = null;

  constructor() {
    super();
    this.siteKey = '';
    this.server = '';
    this.opened = false;
    this.view = 'form';
    this.busy = false;
    this.progress = null;
    this.problems = [];
    this.notice = '';
    this.files = [];
    this.context = [];
    this.tickets = [];
    this.current = null;
    this.liveState = '';
    this.authorized = false;
    this.dragOver = false;
    this.suggestions = [];
    this.unread = 0;
  }

  /** Looks for articles that may answer what is being typed. */
  suggest(): void {
    void import('./suggestions.ts').then((m) => {
      this.suggestPart = m;
      m.suggest(this);
    });
  }

  get activeLocale(): Locale {
    return pickLocale(this.locale);
  }
  get t(): Translate {
    return translator(this.activeLocale);
  }
  get caller(): Caller {
    return { server: this.server, token: this.identity.token ?? null, locale: this.activeLocale };
  }
  /** The caller for one ticket: a contact's session, or the visitor's token of that ticket. */
  callerFor(id: string): Caller {
    const token = this.identity.token ?? this.tickets.find((t) => t.id === id)?.token ?? null;
    return { ...this.caller, token };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.tickets = storedTickets(this.siteKey);
    this.unread = unreadOf(this.tickets);
    // Replies to open tickets are counted on the launcher while the panel is closed.
    if (this.tickets.some(isOpen)) void this.startLive();
    // A contact who signed in inside the widget stays signed in on this site.
    if (localStorage.getItem(`caredesk:${this.siteKey}:session`))
      void this.loadPart().then((p) => p.restoreSession(this));
    if (localStorage.getItem(outboxFlag)) void import('./outbox-link.ts').then((m) => m.startOutbox(this));
  }

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('color')) this.style.setProperty('--cd-accent', this.color ?? '');
    if (changed.has('opened') || changed.has('unread') || changed.has('locale'))
      env.launcher.set({ opened: this.opened, unread: this.unread });
    // A message that arrived on the thread on screen scrolls into view (and counts as read).
    const before = changed.get('current') as Ticket | null | undefined;
    if (this.current && before?.id === this.current.id && this.current.messages.length > before.messages.length) {
      this.renderRoot.querySelector('.thread > li:last-child')?.scrollIntoView({ block: 'nearest' });
      if (this.opened && this.view === 'thread') this.live?.read(this.current);
    }
  }

  /** Opens the panel and moves focus into it. */
  async open(view: View = this.view): Promise<void> {
    if (!this.opened) {
      this.context = collectContext(env.version);
      this.availability.refresh();
      // What sending needs must be here before the connection may go: the outbox and the upload.
      void import('./outbox-link.ts');
      void import('./upload.ts');
      this.dispatchEvent(new CustomEvent('caredesk-open', { bubbles: true, composed: true }));
    }
    this.opened = true;
    this.view = view;
    await this.updateComplete;
    // On the first open the strings may still be on their way: the panel draws once they are here,
    // and only then is there a field to move focus to (a keyboard user would be left on the page).
    while (!isLoaded(this.activeLocale)) {
      await loadLocale(this.activeLocale);
      this.requestUpdate();
      await this.updateComplete;
    }
    const root = this.renderRoot;
    (root.querySelector<HTMLElement>('.panel input') ?? root.querySelector<HTMLElement>('.panel button'))?.focus();
    if (this.tickets.length || this.identity.token) void this.startLive();
  }

  /** Closes the panel and returns focus to the launcher. */
  async close(): Promise<void> {
    if (!this.opened) return;
    this.opened = false;
    this.dispatchEvent(new CustomEvent('caredesk-close', { bubbles: true, composed: true }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.launcher')?.focus();
  }

  prefill(values: Prefill): void {
    this.fields = { ...this.fields, ...values };
    this.requestUpdate();
  }

  async identify(identity: Identity): Promise<void> {
    this.identity = identity;
    this.fields = {
      ...this.fields,
      email: identity.email ?? this.fields.email,
      name: identity.name ?? this.fields.name,
    };
    if (identity.token) {
      const me = await gql<{ kind: string; contact: { authorized: boolean } | null }>(this.caller, 'viewer', viewer);
      this.authorized = Boolean(me.contact?.authorized);
    }
    this.requestUpdate();
  }

  /** Loads the live part (graphql-ws) lazily and follows the open tickets. */
  async startLive(): Promise<void> {
    const part = await this.loadPart();
    this.live ??= part.liveLink(this);
    this.live.follow();
  }

  async loadPart(): Promise<typeof import('./tickets-part.ts')> {
    const part = this.ticketsPart ?? (await import('./tickets-part.ts'));
    await part.loadStrings(this.activeLocale);
    this.ticketsPart = part;
    return part;
  }

  async showList(): Promise<void> {
    await this.loadPart();
    this.view = 'list';
    try {
      this.tickets = await (await this.loadPart()).listTickets(this);
    } catch (error) {
      this.fail(error);
    }
  }

  async showTicket(id: string): Promise<void> {
    this.problems = [];
    this.notice = '';
    try {
      this.current = await (await this.loadPart()).readOne(this, id);
      this.view = 'thread';
      await this.startLive();
      if (this.current) this.live?.read(this.current);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Shows a failure in the visitor's language (the server localizes its own messages). */
  fail(error: unknown): void {
    const known = error instanceof WidgetError ? error : null;
    this.problems = [known?.code === 'ORIGIN_REFUSED' ? this.t('refused') : known?.message || this.t('network')];
  }

  /** Adds files from the picker, a paste or a drop, after the client-side checks. */
  addFiles(files: File[]): void {
    const all = [...this.files, ...files];
    this.problems = fileProblems(all, this.t);
    if (this.problems.length === 0) this.files = all;
  }

  override render() {
    const locale = this.activeLocale;
    if (!isLoaded(locale)) {
      void Promise.all([loadLocale(locale), this.ticketsPart?.loadStrings(locale)]).then(() => this.requestUpdate());
      return nothing;
    }
    // The launcher is the loader's (launcher.ts), outside what Lit renders.
    return this.opened ? html`<div class="root" lang=${this.activeLocale}>${this.panel(this.t)}</div>` : nothing;
  }

  private panel(t: Translate) {
    const tab = (view: View, label: string, go: () => void) =>
      html`<button aria-current=${this.view === view || (view === 'list' && this.view === 'thread') ? 'page' : 'false'} @click=${go}>${label}</button>`;
    return html`<div
      class="panel"
      part="panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="cd-title"
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.close()}
    >
      <header>
        <h2 id="cd-title">${t('title')}</h2>
        ${this.liveState ? html`<span class="muted" role="status">${t(this.liveState === 'live' ? 'live' : 'offline')}</span>` : nothing}
        <button class="x" aria-label=${t('close')} @click=${() => this.close()}>✕</button>
      </header>
      <nav aria-label=${t('title')}>
        ${tab('form', t('newTicket'), () => {
          this.view = 'form';
        })}
        ${tab('list', t('myTickets'), () => void this.showList())}
      </nav>
      <div class="body">
        ${this.problems.length ? html`<div class="error" role="alert">${this.problems.map((p) => html`<div>${p}</div>`)}</div>` : nothing}
        ${this.notice ? html`<div class="notice" role="status">${this.notice}</div>` : nothing}
        ${this.view === 'form' || !this.ticketsPart ? formView(this) : this.view === 'list' ? this.ticketsPart.listView(this) : this.ticketsPart.threadView(this)}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'caredesk-widget': CaredeskWidget;
  }
}
