import { html, LitElement, nothing } from 'lit';
import { follow, request } from '../api.ts';
import { queueQuery, queueUpdated } from '../documents.ts';
import type { ResultOf } from '../graphql.ts';
import { type Locale, type StringKey, translate } from '../i18n.ts';
import { slaClock } from '../sla-clock.ts';
import { styles } from '../styles.ts';

type Row = ResultOf<typeof queueQuery>['queue']['edges'][number]['node'];
type Scope = 'all' | 'mine' | 'unassigned';

/** The work queue in the server's order, filtered, followed live; j/k/Enter and / from the keyboard. */
export class QueueView extends LitElement {
  static override styles = styles;
  static override properties = {
    locale: {},
    staffId: {},
    rows: { state: true },
    scope: { state: true },
    soonest: { state: true },
    search: { state: true },
    selected: { state: true },
    changed: { state: true },
    help: { state: true },
  };
  declare locale: Locale;
  declare staffId: string;
  declare rows: Row[];
  declare scope: Scope;
  declare soonest: boolean;
  declare search: string;
  declare selected: number;
  declare changed: Set<string>;
  /** `?` shows the keyboard shortcuts. */
  declare help: boolean;
  private stop: (() => void) | null = null;
  private reload: ReturnType<typeof setTimeout> | null = null;
  private readonly keys = (event: KeyboardEvent) => this.onKey(event);

  constructor() {
    super();
    this.rows = [];
    this.scope = 'all';
    this.soonest = false;
    this.search = '';
    this.selected = 0;
    this.changed = new Set();
    this.help = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    this.stop = follow(queueUpdated, {}, (data) => {
      const { id } = data.queueUpdated;
      this.changed = new Set([...this.changed, id]);
      // One read of the queue for a burst of changes: the server keeps the order.
      if (this.reload) clearTimeout(this.reload);
      this.reload = setTimeout(() => void this.load(), 150);
      setTimeout(() => {
        this.changed = new Set([...this.changed].filter((c) => c !== id));
      }, 2_000);
    });
    addEventListener('keydown', this.keys);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop?.();
    removeEventListener('keydown', this.keys);
  }

  /** Tickets of mine that need me: the client replied, or the SLA clock is overdue or near. */
  private needsMe = new Set<string>();
  /** No notification for what already waited when the console opened. */
  private loadedOnce = false;

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

  private async load(): Promise<void> {
    const search = this.search.trim();
    const filter = {
      ...(this.scope === 'mine' ? { assignedToMe: true } : {}),
      ...(this.scope === 'unassigned' ? { unassigned: true } : {}),
      ...(search ? { search } : {}),
    };
    const data = await request(queueQuery, { filter, order: this.soonest ? 'DUE_SOONEST' : 'PRIORITY' }, this.locale);
    this.rows = data.queue.edges.map((edge) => edge.node);
    this.selected = Math.min(this.selected, Math.max(0, this.rows.length - 1));
    this.tellAttention();
  }

  private setScope(scope: Scope): void {
    this.scope = scope;
    void this.load();
  }

  private openRow(row: Row | undefined): void {
    if (row) this.dispatchEvent(new CustomEvent('open', { detail: row.id }));
  }

  private onKey(event: KeyboardEvent): void {
    const typing = event.composedPath().some((target) => target instanceof HTMLInputElement);
    if (typing) return;
    if (event.key === 'j') this.selected = Math.min(this.selected + 1, this.rows.length - 1);
    else if (event.key === 'k') this.selected = Math.max(this.selected - 1, 0);
    else if (event.key === 'Enter') this.openRow(this.rows[this.selected]);
    else if (event.key === '?') this.help = !this.help;
    else if (event.key === '/') {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLInputElement>('input[type=search]')?.focus();
    } else return;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('tr[aria-selected=true]')?.scrollIntoView({ block: 'nearest' }),
    );
  }

  override render() {
    const t = translate(this.locale);
    const now = new Date();
    const scope = (value: Scope, label: string) =>
      html`<button aria-pressed=${this.scope === value ? 'true' : 'false'} @click=${() => this.setScope(value)}>${label}</button>`;
    return html`<h2>${t('queue')}</h2>
      <div class="toolbar">
        ${scope('all', t('all'))} ${scope('mine', t('mine'))} ${scope('unassigned', t('unassigned'))}
        <button aria-pressed=${this.soonest ? 'true' : 'false'} @click=${() => {
          this.soonest = !this.soonest;
          void this.load();
        }}>${t('dueSoonest')}</button>
        ${
          typeof Notification !== 'undefined' && Notification.permission === 'default'
            ? html`<button @click=${() => void Notification.requestPermission().then(() => this.requestUpdate())}>${t('notify')}</button>`
            : nothing
        }
        <input type="search" aria-label=${t('search')} placeholder=${t('search')} .value=${this.search}
          @input=${(e: InputEvent) => {
            this.search = (e.target as HTMLInputElement).value;
            void this.load();
          }} />
      </div>
      <p class=${this.help ? 'muted' : 'sr'} role="note">${t('shortcuts')}</p>
      ${
        this.rows.length === 0
          ? html`<p class="muted">${t('empty')}</p>`
          : html`<table aria-label=${t('queue')}>
          <thead><tr>
            <th>${t('number')}</th><th>${t('subject')}</th><th class="wide">${t('client')}</th>
            <th class="wide">${t('requester')}</th><th>${t('status')}</th><th class="wide">${t('priority')}</th>
            <th class="wide">${t('assignee')}</th><th>${t('sla')}</th><th class="wide">${t('flags')}</th>
          </tr></thead>
          <tbody>${this.rows.map((row, index) => {
            const clock = slaClock(row.slaDueAt, now);
            return html`<tr aria-selected=${index === this.selected ? 'true' : 'false'} class=${this.changed.has(row.id) ? 'changed' : ''}
                @click=${() => this.openRow(row)}>
              <td>${row.displayNumber}</td>
              <td><a href=${`/console/tickets/${encodeURIComponent(row.id)}`} @click=${(e: Event) => {
                e.preventDefault();
                this.openRow(row);
              }}>${row.title}</a></td>
              <td class="wide">${row.organization?.name ?? ''}${row.site ? html`<div class="muted">${row.site.name}</div>` : nothing}</td>
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
          })}</tbody>
        </table>`
      }`;
  }
}
