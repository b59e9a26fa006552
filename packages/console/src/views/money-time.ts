import { css, html, nothing } from 'lit';
import { request } from '../api.ts';
import { duration } from '../format.ts';
import type { ResultOf } from '../graphql.ts';
import { translate } from '../i18n.ts';
import { styles } from '../styles.ts';
import { monthTimeReportQuery } from '../time-report-documents.ts';
import { LoadedPart } from './loaded-part.ts';

type Report = ResultOf<typeof monthTimeReportQuery>['monthTimeReport'];

/**
 * The month's recorded time (finished entries, in the studio's time zone): by specialist, by
 * support line and by ticket, for the whole studio or only the chosen client; billable beside all.
 */
export class MoneyTime extends LoadedPart {
  static override styles = [
    styles,
    css`
      .scroll { overflow-x: auto; }
      tbody tr { cursor: default; }
      td.number, th.number { text-align: right; white-space: nowrap; }
      .columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 12px; }
    `,
  ];
  static override properties = {
    month: {},
    organizationId: {},
    organizationName: {},
    onlyClient: { state: true },
    report: { state: true },
  };
  declare month: string;
  declare organizationId: string;
  declare organizationName: string;
  declare onlyClient: boolean;
  declare report: Report | null;

  constructor() {
    super();
    this.onlyClient = false;
    this.report = null;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    // Another client matters only while the report is that client's.
    const watched = this.onlyClient ? ['month', 'organizationId', 'onlyClient'] : ['month', 'onlyClient'];
    const moved = watched.some((k) => changed.has(k) && changed.get(k) !== undefined);
    if (moved) void this.load();
  }

  protected override async load(): Promise<void> {
    if (!/^\d{4}-\d{2}$/.test(this.month ?? '')) return;
    const organizationId = this.onlyClient && this.organizationId ? this.organizationId : null;
    try {
      this.report = (
        await request(monthTimeReportQuery, { month: this.month, organizationId }, this.locale)
      ).monthTimeReport;
      this.problem = '';
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }

  override render() {
    const t = translate(this.locale);
    const r = this.report;
    const time = (minutes: number) => duration(minutes, this.locale);
    return html`<section class="card" aria-labelledby="time-title">
      <h3 id="time-title">${t('timeTitle', { month: this.month })}</h3>
      <label class="inline"><input type="checkbox" .checked=${this.onlyClient}
        @change=${(e: Event) => (this.onlyClient = (e.target as HTMLInputElement).checked)} /> ${t('timeOnlyClient', { client: this.organizationName })}</label>
      ${this.outcome()}
      ${
        !r
          ? nothing
          : r.totalMinutes === 0
            ? html`<p class="muted">${t('timeNone')}</p>`
            : html`<p>${t('timeTotals', { all: time(r.totalMinutes), billable: time(r.billableMinutes), tickets: r.ticketsTotal })}</p>
              <div class="columns">
                <div class="scroll" tabindex="0" role="group" aria-labelledby="time-by-specialist">
                  <table aria-labelledby="time-by-specialist"><caption id="time-by-specialist">${t('timeBySpecialist')}</caption>
                  <thead><tr><th>${t('timeSpecialist')}</th><th class="number">${t('timeAll')}</th><th class="number">${t('timeBillable')}</th><th class="number">${t('timeTickets')}</th></tr></thead>
                  <tbody>${r.bySpecialist.map(
                    (s) => html`<tr><td>${s.staff.name}</td><td class="number">${time(s.minutes)}</td>
                      <td class="number">${time(s.billableMinutes)}</td><td class="number">${s.tickets}</td></tr>`,
                  )}</tbody></table>
                </div>
                <div class="scroll" tabindex="0" role="group" aria-labelledby="time-by-line">
                  <table aria-labelledby="time-by-line"><caption id="time-by-line">${t('timeByLine')}</caption>
                  <thead><tr><th>${t('timeLine')}</th><th class="number">${t('timeAll')}</th><th class="number">${t('timeBillable')}</th></tr></thead>
                  <tbody>${r.byLine.map(
                    (
                      l,
                    ) => html`<tr><td>${t('staffLineN', { line: l.supportLine })}</td><td class="number">${time(l.minutes)}</td>
                      <td class="number">${time(l.billableMinutes)}</td></tr>`,
                  )}</tbody></table>
                </div>
              </div>
              <div class="scroll" tabindex="0" role="group" aria-labelledby="time-by-ticket">
                <table aria-labelledby="time-by-ticket"><caption id="time-by-ticket">${t('timeByTicket', { shown: r.byTicket.length, total: r.ticketsTotal })}</caption>
                <thead><tr><th>${t('timeTicket')}</th><th>${t('timeClient')}</th><th class="number">${t('timeAll')}</th><th class="number">${t('timeBillable')}</th></tr></thead>
                <tbody>${r.byTicket.map(
                  (
                    row,
                  ) => html`<tr><td><a href=${`/console/tickets/${encodeURIComponent(row.ticket.id)}`}>${row.ticket.displayNumber}</a> ${row.ticket.title}</td>
                    <td>${row.organizationName ?? ''}</td><td class="number">${time(row.minutes)}</td><td class="number">${time(row.billableMinutes)}</td></tr>`,
                )}</tbody></table>
              </div>`
      }
    </section>`;
  }
}
