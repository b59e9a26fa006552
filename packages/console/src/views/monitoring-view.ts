import { html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { request } from '../api.ts';
import { dateTime } from '../format.ts';
import { type Locale, type StringKey, translate } from '../i18n.ts';
import { type BoardMonitor, openIncident, responseMs, sparkline, stateCounts, visibleRows } from '../monitor-board.ts';
import { MonitorBoardStore } from '../monitor-board-store.ts';
import {
  deleteMonitorMutation,
  monitorSettingsQuery,
  pauseMonitorMutation,
  statusPageMutation,
} from '../monitoring-documents.ts';
import { styles } from '../styles.ts';
import { VirtualWindow } from '../virtual-window.ts';
import type { EditedMonitor } from './monitor-form.ts';
import { monitoringStyles } from './monitoring-styles.ts';

/** The roles that may add, pause and delete monitors (the server decides either way). */
const managers = new Set(['LINE1', 'LINE2', 'LINE3', 'HEAD', 'ADMIN']);
/** The roles that may turn a site's public status page on or off. */
const siteAdmins = new Set(['HEAD', 'ADMIN']);

/**
 * The monitoring board: every client site's monitors with state, last response time and a
 * 24-hour chart, uptime over 24 h / 7 d / 30 d, certificate and domain expiry, the open
 * incident with its ticket, and the agents; live through `monitorStatusChanged`.
 *
 * @fires open - `detail`: the id of a ticket to open.
 * @fires monitoring-loaded - `detail`: how many monitors; every page has been read.
 */
export class MonitoringView extends LitElement {
  static override styles = [styles, monitoringStyles];
  static override properties = {
    locale: {},
    role: {},
    search: { state: true },
    problemsOnly: { state: true },
    notice: { state: true },
    editing: { state: true },
  };
  declare locale: Locale;
  declare role: string;
  declare search: string;
  declare problemsOnly: boolean;
  declare notice: string;
  /** The monitor in the form, being changed; null: the form adds one. */
  declare editing: EditedMonitor | null;
  readonly store = new MonitorBoardStore(
    this,
    () => this.locale,
    (count) =>
      this.dispatchEvent(new CustomEvent('monitoring-loaded', { detail: count, bubbles: true, composed: true })),
  );

  /** The rows of this render, in the board's order (the window renders a slice). */
  private rows: BoardMonitor[] = [];
  // Thousands of monitors: only the rows in view are rendered (one line each, a fixed height).
  private readonly window = new VirtualWindow(this, {
    count: () => this.rows.length,
    scroller: () => this.renderRoot.querySelector<HTMLElement>('.board-scroll'),
  });

  constructor() {
    super();
    this.search = '';
    this.problemsOnly = false;
    this.notice = '';
    this.editing = null;
  }

  get t() {
    return translate(this.locale);
  }

  private get mayManage(): boolean {
    return managers.has(this.role);
  }

  private async act(run: () => Promise<Record<string, { __typename: string; message?: string }>>): Promise<boolean> {
    try {
      const outcome = Object.values(await run())[0];
      if (outcome?.__typename === 'DomainError') {
        this.notice = outcome.message ?? '';
        return false;
      }
      return true;
    } catch (error) {
      this.notice = error instanceof Error ? error.message : String(error);
      return false;
    }
  }

  private async pause(m: BoardMonitor, paused: boolean): Promise<void> {
    if (await this.act(() => request(pauseMonitorMutation, { monitorId: m.id, paused }, this.locale)))
      await this.store.reload();
  }

  private async edit(m: BoardMonitor): Promise<void> {
    try {
      const { node } = await request(monitorSettingsQuery, { id: m.id }, this.locale);
      if (node?.__typename === 'Monitor')
        this.editing = {
          id: node.id,
          name: node.name,
          kind: node.kind,
          config: (node.config ?? {}) as Record<string, unknown>,
        };
    } catch (error) {
      this.notice = error instanceof Error ? error.message : String(error);
    }
  }

  private async deleteMonitor(m: BoardMonitor): Promise<void> {
    if (!confirm(this.t('monDeleteConfirm', { name: m.name }))) return;
    if (await this.act(() => request(deleteMonitorMutation, { monitorId: m.id }, this.locale))) this.store.forget(m.id);
  }

  private openTicket(event: Event, id: string): void {
    event.preventDefault();
    this.dispatchEvent(new CustomEvent('open', { detail: id }));
  }

  override render() {
    const t = this.t;
    const store = this.store;
    const counts = stateCounts(store.monitors.values());
    this.rows = visibleRows(store.monitors.values(), this.search, this.problemsOnly);
    const incidents = this.rows.filter((m) => openIncident(m));
    return html`<section class="monitoring">
      <h2>${t('monTitle')}</h2>
      ${store.problem ? html`<p class="error" role="alert">${store.problem}</p>` : nothing}
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      <p class="summary" role="status">${t('monSummary', counts)}</p>
      <div class="toolbar">
        <input type="search" aria-label=${t('monSearch')} placeholder=${t('monSearch')} .value=${this.search}
          @input=${(e: Event) => {
            this.search = (e.target as HTMLInputElement).value;
          }} />
        <label class="inline"><input type="checkbox" .checked=${this.problemsOnly}
          @change=${(e: Event) => {
            this.problemsOnly = (e.target as HTMLInputElement).checked;
          }} /> ${t('monProblemsOnly')}</label>
      </div>
      ${incidents.length ? this.incidents(incidents) : nothing}
      ${store.loaded && store.monitors.size === 0 ? html`<p class="muted">${t('monNone')}</p>` : this.table()}
      ${
        this.mayManage
          ? html`<caredesk-monitor-form .locale=${this.locale} .sites=${store.sites} .editing=${this.editing}
        @created=${(e: CustomEvent<string>) => {
          this.notice = e.detail;
          this.editing = null;
          void store.reload();
        }}
        @cancel=${() => {
          this.editing = null;
        }}></caredesk-monitor-form>`
          : nothing
      }
      <caredesk-maintenance .locale=${this.locale} .sites=${store.sites} .mayManage=${this.mayManage}></caredesk-maintenance>
      ${this.statusPages()}
      ${this.agents()}
    </section>`;
  }

  private table() {
    const t = this.t;
    const { start, end, before, after } = this.window.range();
    const columns = this.mayManage ? 8 : 7;
    const pad = (height: number) =>
      height > 0
        ? html`<tr class="pad" aria-hidden="true"><td colspan=${columns} style=${`height: ${height}px`}></td></tr>`
        : nothing;
    return html`<div class="board-scroll"><table class="board" aria-label=${t('monTable')} aria-rowcount=${this.rows.length + 1}>
      <colgroup><col class="c-name" /><col class="c-site" /><col class="c-state" /><col class="c-ms" /><col class="c-chart" />
        <col class="c-uptime" /><col class="c-expiry" />${this.mayManage ? html`<col class="c-actions" />` : nothing}</colgroup>
      <thead><tr aria-rowindex="1">
        <th scope="col">${t('monName')}</th><th scope="col">${t('monSite')}</th><th scope="col">${t('monState')}</th>
        <th scope="col">${t('monResponse')}</th><th scope="col">${t('monChart')}</th><th scope="col">${t('monUptime')}</th>
        <th scope="col">${t('monExpiry')}</th>${this.mayManage ? html`<th scope="col">${t('monActions')}</th>` : nothing}
      </tr></thead>
      <tbody>${pad(before)}${repeat(
        this.rows.slice(start, end),
        (m) => m.id,
        (m, i) => this.row(m, start + i),
      )}${pad(after)}</tbody>
    </table></div>`;
  }

  /** What is down or slow now, with the evidence and the ticket it filed: above the table. */
  private incidents(monitors: BoardMonitor[]) {
    const t = this.t;
    return html`<section aria-labelledby="incidents-title"><h3 id="incidents-title">${t('monIncidents')}</h3>
      <ul class="incidents">${monitors.map((m) => {
        const incident = openIncident(m);
        if (!incident) return nothing;
        return html`<li data-state=${m.state} data-monitor=${m.id}><span class="state" data-state=${m.state}>${t(`ms_${m.state}` as StringKey)}</span>
          <b>${m.name}</b> · ${m.site.name} · ${t('monIncident', { time: dateTime(incident.startedAt, this.locale) })}${
            incident.ticketId
              ? html` · <a href=${`/console/tickets/${encodeURIComponent(incident.ticketId)}`}
                  @click=${(e: Event) => this.openTicket(e, incident.ticketId as string)}>${t('monTicket')}</a>`
              : nothing
          }${this.evidence(m)}</li>`;
      })}</ul></section>`;
  }

  private row(m: BoardMonitor, index: number) {
    const t = this.t;
    const ms = responseMs(m);
    const points = sparkline(m.lastDayResponseMs, 96, 24);
    const percent = (p: number | null) => (p === null ? '—' : `${p.toFixed(2)} %`);
    return html`<tr aria-rowindex=${index + 2} class=${this.store.changed.has(m.id) ? 'changed' : ''} data-state=${m.state} data-monitor=${m.id}>
      <th scope="row" title=${m.name}>${m.name} <span class="muted">${m.kind}</span></th>
      <td title=${m.site.name}>${m.site.name}</td>
      <td title=${t('monSince', { time: dateTime(m.stateSince, this.locale) })}><span class="state" data-state=${m.state}>${t(`ms_${m.state}` as StringKey)}</span></td>
      <td>${ms === null ? '—' : `${ms} ms`}</td>
      <td>${points ? html`<svg class="spark" viewBox="0 0 96 24" width="96" height="24" role="img" aria-label=${t('monChart')}><polyline points=${points} /></svg>` : '—'}</td>
      <td>${percent(m.uptime.day)} / ${percent(m.uptime.week)} / ${percent(m.uptime.month)}</td>
      <td>${m.expiresAt ? dateTime(m.expiresAt, this.locale) : '—'}</td>
      ${
        this.mayManage
          ? html`<td class="actions">
        <button aria-label=${t(m.paused ? 'monResume' : 'monPause', { name: m.name })}
          @click=${() => void this.pause(m, !m.paused)}>${t(m.paused ? 'monResumeShort' : 'monPauseShort')}</button>
        <button aria-label=${t('monEditLabel', { name: m.name })} @click=${() => void this.edit(m)}>${t('monEditShort')}</button>
        <button aria-label=${t('monDelete', { name: m.name })} @click=${() => void this.deleteMonitor(m)}>${t('monDeleteShort')}</button></td>`
          : nothing
      }
    </tr>`;
  }

  private evidence(m: BoardMonitor) {
    const e = m.lastEvidence as { statusCode?: number | null; message?: string | null } | null;
    const status = e?.statusCode ? `HTTP ${e.statusCode}` : '';
    const message = e?.message ?? '';
    const said = message.startsWith(status) ? message : [status, message].filter(Boolean).join(': ');
    return said ? html`<div class="evidence">${said}</div>` : nothing;
  }

  private async setStatusPage(siteId: string, statusPage: boolean): Promise<void> {
    if (await this.act(() => request(statusPageMutation, { input: { siteId, statusPage } }, this.locale)))
      await this.store.reload();
  }

  private statusPages() {
    const t = this.t;
    const mayChange = siteAdmins.has(this.role);
    const sites = this.store.sites.filter((s) => mayChange || s.statusPage);
    if (sites.length === 0) return nothing;
    return html`<section aria-labelledby="sp-title"><h3 id="sp-title">${t('spTitle')}</h3>
      <p class="muted">${t('spHint')}</p>
      <ul class="agents">${sites.map(
        (s) => html`<li>${
          mayChange
            ? html`<label class="inline"><input type="checkbox" .checked=${s.statusPage}
                @change=${(e: Event) => void this.setStatusPage(s.id, (e.target as HTMLInputElement).checked)} />
                ${t('spOn', { site: s.name })}</label>`
            : t('spOn', { site: s.name })
        }
        ${s.statusPage ? html` · <a href=${`/status/${encodeURIComponent(s.publicKey)}`} target="_blank" rel="noopener">${t('spOpen')}</a>` : nothing}</li>`,
      )}</ul></section>`;
  }

  private agents() {
    const t = this.t;
    const agents = this.store.agents;
    return html`<section aria-labelledby="agents-title"><h3 id="agents-title">${t('monAgents')}</h3>
      ${
        agents.length === 0
          ? html`<p class="muted">${t('monNoAgents')}</p>`
          : html`<ul class="agents">${agents.map(
              (a) => html`<li><b>${a.name}</b> · ${a.location} · ${t('monAgentWatches', { n: a.monitors })} ·
              <span class="muted">${a.lastSeenAt ? t('monAgentSeen', { time: dateTime(a.lastSeenAt, this.locale) }) : t('monAgentNever')}</span></li>`,
            )}</ul>`
      }</section>`;
  }
}
