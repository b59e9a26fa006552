import { html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { type Locale, type StringKey, translate } from '../i18n.ts';
import { noFilters, type QueueFilters, type QueueRow, type Scope } from '../queue-filters.ts';
import { QueuePresence } from '../queue-presence.ts';
import { QueueStore } from '../queue-store.ts';
import { queueStyles } from '../queue-styles.ts';
import { slaClock } from '../sla-clock.ts';
import { styles } from '../styles.ts';
import { VirtualWindow } from '../virtual-window.ts';
import { QueueFilterBar } from './queue-filter-bar.ts';
import { QueueSavedViews } from './queue-saved-views.ts';

/** Typing pauses this long before the search reads the queue. */
const searchPauseMs = 200;
const columns = 9;

/**
 * The work queue in the server's order, filtered, every page of it read and followed live; only the
 * rows in view are rendered. j/k/Enter and / from the keyboard.
 *
 * @fires open - `detail`: the id of the ticket to open.
 * @fires attention - `detail`: how many of my tickets need me.
 * @fires queue-loaded - `detail`: how many rows; every page has been read.
 */
export class QueueView extends LitElement {
  static override styles = [styles, queueStyles];
  static override properties = {
    locale: {},
    staffId: {},
    filters: { state: true },
    selected: { state: true },
    help: { state: true },
  };
  declare locale: Locale;
  declare staffId: string;
  declare filters: QueueFilters;
  declare selected: number;
  /** `?` shows the keyboard shortcuts. */
  declare help: boolean;
  private readonly store = new QueueStore(this, {
    filters: () => this.filters,
    staffId: () => this.staffId,
    locale: () => this.locale,
    changed: () => this.rowsChanged(),
  });
  private readonly presence = new QueuePresence(this, () => this.staffId);
  private readonly window = new VirtualWindow(this, {
    count: () => this.store.rows.length,
    scroller: () => this.renderRoot.querySelector<HTMLElement>('.scroller'),
  });
  private searching: ReturnType<typeof setTimeout> | null = null;
  /** The table scrolls, not the page: its height is what is left of the window below the toolbars. */
  private readonly fit = () => {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (!scroller) return;
    const top = scroller.getBoundingClientRect().top + scrollY;
    scroller.style.maxHeight = `${Math.max(320, innerHeight - top - 16)}px`;
  };
  private fitted = false;
  private readonly keys = (event: KeyboardEvent) => this.onKey(event);

  constructor() {
    super();
    this.filters = noFilters;
    this.selected = 0;
    this.help = false;
  }

  /** Every loaded row, rendered or not. */
  get rows(): QueueRow[] {
    return this.store.rows;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('keydown', this.keys);
    addEventListener('resize', this.fit);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('keydown', this.keys);
    removeEventListener('resize', this.fit);
    if (this.searching) clearTimeout(this.searching);
  }

  /** Tickets of mine that need me: the client replied, or the SLA clock is overdue or near. */
  private needsMe = new Set<string>();
  /** No notification for what already waited when the console opened. */
  private loadedOnce = false;

  /** The ticket selected with j/k: it stays selected when live changes move it or add rows above it. */
  private selectedId: string | null = null;

  private rowsChanged(): void {
    const index = this.selectedId ? this.rows.findIndex((row) => row.id === this.selectedId) : -1;
    this.selected = index >= 0 ? index : Math.min(this.selected, Math.max(0, this.rows.length - 1));
    if (!this.store.loading) this.tellAttention();
  }

  private tellAttention(): void {
    const now = new Date();
    const mine = this.rows.filter(
      (row) =>
        row.assignee?.id === this.staffId &&
        (row.clientReplied || ['overdue', 'soon'].includes(slaClock(row.slaDueAt, now).urgency)),
    );
    const fresh = mine.filter((row) => !this.needsMe.has(row.id));
    const notify = this.loadedOnce && typeof Notification !== 'undefined' && Notification.permission === 'granted';
    if (notify)
      for (const row of fresh)
        new Notification(translate(this.locale)('needsYou', { title: `${row.displayNumber} ${row.title}` }));
    this.loadedOnce = true;
    this.needsMe = new Set(mine.map((row) => row.id));
    this.dispatchEvent(new CustomEvent('attention', { detail: mine.length, bubbles: true, composed: true }));
  }

  /** New filters: read the queue again from its top. */
  private filter(part: Partial<QueueFilters>, pause = 0): void {
    this.filters = { ...this.filters, ...part };
    this.selected = 0;
    this.selectedId = null;
    if (this.searching) clearTimeout(this.searching);
    const read = () => {
      const scroller = this.renderRoot.querySelector('.scroller');
      if (scroller) scroller.scrollTop = 0;
      void this.store.load();
    };
    if (pause) this.searching = setTimeout(read, pause);
    else read();
  }

  override updated(changed: Map<string, unknown>): void {
    // Measured once the table is there, and again when the filters (and so the toolbar's rows) change.
    if (changed.has('filters') || !this.fitted) {
      this.fitted = Boolean(this.renderRoot.querySelector('.scroller'));
      this.fit();
    }
  }

  private openRow(row: QueueRow | undefined): void {
    if (row) this.dispatchEvent(new CustomEvent('open', { detail: row.id }));
  }

  private onKey(event: KeyboardEvent): void {
    const path = event.composedPath();
    const typing = path.some(
      (target) =>
        target instanceof HTMLInputElement ||
        target instanceof HTMLSelectElement ||
        target instanceof HTMLTextAreaElement,
    );
    // Enter on a button, a link or a summary is theirs.
    const control = path.some((target) => target instanceof HTMLElement && target.matches('button, a, summary'));
    if (typing || (event.key === 'Enter' && control)) return;
    if (event.key === 'j') this.selected = Math.min(this.selected + 1, this.rows.length - 1);
    else if (event.key === 'k') this.selected = Math.max(this.selected - 1, 0);
    else if (event.key === 'Enter') this.openRow(this.rows[this.selected]);
    else if (event.key === '?') this.help = !this.help;
    else if (event.key === '/') {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLInputElement>('input[type=search]')?.focus();
      return;
    } else return;
    this.selectedId = this.rows[this.selected]?.id ?? null;
    this.window.reveal(this.selected);
  }

  private renderRow(row: QueueRow, index: number, now: Date) {
    const t = translate(this.locale);
    const clock = slaClock(row.slaDueAt, now);
    return html`<tr aria-rowindex=${index + 2} aria-selected=${index === this.selected ? 'true' : 'false'}
        class=${this.store.highlighted.has(row.id) ? 'changed' : ''} @click=${() => this.openRow(row)}>
      <td>${row.displayNumber}</td>
      <td title=${row.title}>${this.renderPresence(row.id)}<a href=${`/console/tickets/${encodeURIComponent(row.id)}`} @click=${(
        e: Event,
      ) => {
        e.preventDefault();
        this.openRow(row);
      }}>${row.title}</a></td>
      <td class="wide">${row.organization?.name ?? ''}${row.site ? html` <span class="muted">· ${row.site.name}</span>` : nothing}</td>
      <td class="wide">${row.requester?.name ?? row.requester?.email ?? ''}</td>
      <td>${t(`s_${row.status}` as StringKey)}</td>
      <td class="wide">${t(`p_${row.priority}` as StringKey)}</td>
      <td class="wide">${row.assignee?.name ?? ''}</td>
      <td class=${`sla-${clock.urgency}`}>${clock.text}</td>
      <td class="wide">
        ${row.paid ? html`<span class="flag">${t('paid')}</span>` : nothing}
        ${row.escalatedAt ? html`<span class="flag">${t('escalated')}</span>` : nothing}
        ${row.clientReplied ? html`<span class="flag">${t('replied')}</span>` : nothing}
        ${row.needsAuthorization ? html`<span class="flag">${t('unauthorized')}</span>` : nothing}
      </td>
    </tr>`;
  }

  /** Who else has the ticket open (✎ while typing a reply), before its title. */
  private renderPresence(ticketId: string) {
    const present = this.presence.on(ticketId);
    if (!present.length) return nothing;
    const t = translate(this.locale);
    const names = present.map((p) => (p.typing ? `${p.staff.name} (${t('typing')})` : p.staff.name)).join(', ');
    return html`<span class=${present.some((p) => p.typing) ? 'here typing' : 'here'} role="img"
      aria-label=${t('alsoHere', { names })} title=${t('alsoHere', { names })}>${present.some((p) => p.typing) ? '✎' : '●'} ${present
        .map((p) => p.staff.name.split(' ')[0])
        .join(', ')}</span> `;
  }

  private renderTable() {
    const t = translate(this.locale);
    const now = new Date();
    const { start, end, before, after } = this.window.range();
    const pad = (height: number) =>
      height > 0
        ? html`<tr class="pad" aria-hidden="true"><td colspan=${columns} style=${`height: ${height}px`}></td></tr>`
        : nothing;
    return html`<div class="scroller">
      <table aria-label=${t('queue')} aria-rowcount=${this.rows.length + 1}>
        <thead><tr aria-rowindex="1">
          <th class="col-number">${t('number')}</th><th class="col-subject">${t('subject')}</th><th class="wide">${t('client')}</th>
          <th class="wide">${t('requester')}</th><th>${t('status')}</th><th class="wide">${t('priority')}</th>
          <th class="wide">${t('assignee')}</th><th class="col-sla">${t('sla')}</th><th class="wide">${t('flags')}</th>
        </tr></thead>
        <tbody>${pad(before)}${repeat(
          this.rows.slice(start, end),
          (row) => row.id,
          (row, i) => this.renderRow(row, start + i, now),
        )}${pad(after)}</tbody>
      </table>
    </div>`;
  }

  override render() {
    const t = translate(this.locale);
    const f = this.filters;
    const scope = (value: Scope, label: string) =>
      html`<button aria-pressed=${f.scope === value ? 'true' : 'false'} @click=${() => this.filter({ scope: value })}>${label}</button>`;
    return html`<h2>${t('queue')}</h2>
      <div class="toolbar">
        ${scope('all', t('all'))} ${scope('mine', t('mine'))} ${scope('unassigned', t('unassigned'))}
        <button aria-pressed=${f.order === 'DUE_SOONEST' ? 'true' : 'false'}
          @click=${() => this.filter({ order: f.order === 'DUE_SOONEST' ? 'PRIORITY' : 'DUE_SOONEST' })}>${t('dueSoonest')}</button>
        <caredesk-queue-filter-bar .locale=${this.locale} .filters=${f}
          @filters=${(e: CustomEvent<Partial<QueueFilters>>) => this.filter(e.detail)}></caredesk-queue-filter-bar>
        ${
          typeof Notification !== 'undefined' && Notification.permission === 'default'
            ? html`<button @click=${() => void Notification.requestPermission().then(() => this.requestUpdate())}>${t('notify')}</button>`
            : nothing
        }
        <input type="search" aria-label=${t('search')} placeholder=${t('search')} .value=${f.search}
          @input=${(e: InputEvent) => this.filter({ search: (e.target as HTMLInputElement).value }, searchPauseMs)} />
        <span class="count muted" role="status">${t(this.store.loading ? 'queueLoading' : 'queueCount', {
          count: this.rows.length.toLocaleString(this.locale),
        })}</span>
      </div>
      <caredesk-queue-saved-views .locale=${this.locale} .filters=${f}
        @apply=${(e: CustomEvent<QueueFilters>) => this.filter(e.detail)}></caredesk-queue-saved-views>
      <p class=${this.help ? 'muted' : 'sr'} role="note">${t('shortcuts')}</p>
      ${this.store.problem ? html`<p class="error" role="alert">${this.store.problem}</p>` : nothing}
      ${this.rows.length ? this.renderTable() : this.store.loading ? nothing : html`<p class="muted">${t('empty')}</p>`}`;
  }
}

// Defined here, beside their only user (console-app.ts defines the console's other elements).
customElements.define('caredesk-queue-filter-bar', QueueFilterBar);
customElements.define('caredesk-queue-saved-views', QueueSavedViews);
