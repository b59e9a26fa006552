import { css, html, LitElement, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { ConsoleError, request } from '../api.ts';
import { dateTime, previousMonth, thisMonth } from '../format.ts';
import type { ResultOf } from '../graphql.ts';
import { type Locale, translate } from '../i18n.ts';
import { monthTotalsQuery, studioMonthQuery } from '../statistics-documents.ts';
import { styles } from '../styles.ts';
import type { TrendSeries } from './trend-chart.ts';

type Month = ResultOf<typeof studioMonthQuery>;
type Figures = Month['studioStatistics']['organizations'][number]['statistics'];
type Totals = ResultOf<typeof monthTotalsQuery>['studioStatistics'];

/** Months the trend shows, the chosen one last. */
const trendMonths = 6;
/** Clients listed before "show all". */
const clientsShown = 25;

const hours = (minutes: number | null | undefined) => (minutes == null ? null : minutes / 60);
const percent = (share: number | null | undefined) => (share == null ? null : share * 100);

/**
 * Statistics for the head of support: the month at a glance (tickets, median first answer and
 * resolution in working hours, shares within target, satisfaction, breaches), the trend over
 * six months as charts, the same figures by client, specialist and support line, and the month's
 * SLA breaches with their tickets.
 */
export class StatisticsView extends LitElement {
  static override styles = [
    styles,
    css`
      .stats { display: flex; flex-direction: column; gap: 12px; }
      .tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 8px; }
      .tile { border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; }
      .tile .figure { font-size: 22px; font-weight: 700; }
      .charts { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; }
      td.number, th.number { text-align: right; white-space: nowrap; }
      tbody tr { cursor: default; }
      .bar { display: inline-block; height: 8px; background: #2155d6; border-radius: 4px; vertical-align: middle; margin-left: 6px; }
      .bar.low { background: #a4161a; }
      .scroll { overflow-x: auto; }
      @media (max-width: 900px) { .charts { grid-template-columns: minmax(0, 1fr); } }
    `,
  ];
  static override properties = {
    locale: {},
    month: { state: true },
    data: { state: true },
    trend: { state: true },
    allClients: { state: true },
    problem: { state: true },
  };
  declare locale: Locale;
  declare month: string;
  declare data: Month | null;
  declare trend: Totals[];
  declare allClients: boolean;
  declare problem: string;

  constructor() {
    super();
    this.month = thisMonth(new Date());
    this.data = null;
    this.trend = [];
    this.allClients = false;
    this.problem = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const month = this.month;
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    this.problem = '';
    try {
      this.data = await request(studioMonthQuery, { month }, this.locale);
      // The months before, one request each, after the month itself is on screen.
      const months = [month];
      while (months.length < trendMonths) months.unshift(previousMonth(months[0] as string));
      const totals = await Promise.all(
        months.map((m) => request(monthTotalsQuery, { month: m }, this.locale).then((r) => r.studioStatistics)),
      );
      if (this.month === month) this.trend = totals;
    } catch (error) {
      this.problem = error instanceof ConsoleError ? error.message : String(error);
    }
  }

  private figure(value: number | null | undefined, unit: 'h' | '%' | 'score'): string {
    const t = translate(this.locale);
    if (value == null) return t('statsNone');
    const number = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1 });
    if (unit === 'h') return `${number.format(value / 60)} ${this.locale === 'ru' ? 'ч' : 'h'}`;
    if (unit === '%') return `${number.format(value * 100)} %`;
    return number.format(value);
  }

  override render() {
    const t = translate(this.locale);
    return html`<div class="stats">
      <h2>${t('statsTitle')}</h2>
      <div class="toolbar">
        <label>${t('statsMonth')}
          <input type="month" .value=${this.month} @change=${(e: Event) => {
            this.month = (e.target as HTMLInputElement).value;
            this.trend = [];
            void this.load();
          }} />
        </label>
        <span class="muted hint">${t('statsWorkingHours')}</span>
      </div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.data ? this.month_(this.data) : nothing}
    </div>`;
  }

  private month_(data: Month) {
    const t = translate(this.locale);
    const total = data.studioStatistics.total;
    const tile = (label: string, value: string) =>
      html`<div class="tile"><div class="muted">${label}</div><div class="figure">${value}</div></div>`;
    return html`<section class="card" aria-labelledby="month-title">
        <h3 id="month-title" class="sr">${t('statsMonth')} ${data.studioStatistics.month}</h3>
        <div class="tiles">
          ${tile(t('statsTickets'), String(total.tickets))}
          ${tile(t('statsFirstAnswer'), this.figure(total.medianFirstResponseMinutes, 'h'))}
          ${tile(t('statsResolve'), this.figure(total.medianResolutionMinutes, 'h'))}
          ${tile(t('statsReactionShare'), this.figure(total.reactionWithinTargetShare, '%'))}
          ${tile(t('statsResolutionShare'), this.figure(total.resolutionWithinTargetShare, '%'))}
          ${tile(
            t('statsSatisfaction'),
            total.satisfactionAverage == null
              ? t('statsNone')
              : t('statsSatisfactionOf', {
                  average: this.figure(total.satisfactionAverage, 'score'),
                  count: total.satisfactionCount,
                }),
          )}
          ${tile(t('statsBreachCount'), String(total.breaches))}
        </div>
      </section>
      ${this.charts()} ${this.byClient(data)} ${this.byStaff(data)} ${this.breaches(data)}`;
  }

  private charts() {
    const t = translate(this.locale);
    if (this.trend.length === 0) return nothing;
    const months = this.trend.map((m) => m.month);
    const times: TrendSeries[] = [
      {
        label: t('statsFirstAnswer'),
        values: this.trend.map((m) => hours(m.total.medianFirstResponseMinutes)),
        color: '#2155d6',
      },
      {
        label: t('statsResolve'),
        values: this.trend.map((m) => hours(m.total.medianResolutionMinutes)),
        color: '#8a5a00',
      },
    ];
    const shares: TrendSeries[] = [
      {
        label: t('statsReactionShare'),
        values: this.trend.map((m) => percent(m.total.reactionWithinTargetShare)),
        color: '#2155d6',
      },
      {
        label: t('statsResolutionShare'),
        values: this.trend.map((m) => percent(m.total.resolutionWithinTargetShare)),
        color: '#1b7f3b',
      },
      {
        label: t('statsSatisfactionShare'),
        values: this.trend.map((m) =>
          m.total.satisfactionAverage == null ? null : (m.total.satisfactionAverage / 5) * 100,
        ),
        color: '#a4161a',
      },
    ];
    const unit = this.locale === 'ru' ? ' ч' : ' h';
    return html`<div class="charts">
      <section class="card"><caredesk-trend-chart .caption=${t('statsTrendTimes')} .months=${months} .series=${times}
        .unit=${unit} .tableLabel=${t('statsAsTable')} .xLabel=${t('statsMonth')}></caredesk-trend-chart></section>
      <section class="card"><caredesk-trend-chart .caption=${t('statsTrendShares')} .months=${months} .series=${shares}
        unit=" %" .tableLabel=${t('statsAsTable')} .xLabel=${t('statsMonth')}></caredesk-trend-chart></section>
    </div>`;
  }

  /** The columns every breakdown shows, after its name. */
  private columns(f: Figures) {
    const share = (value: number | null | undefined) =>
      html`${this.figure(value, '%')}${value == null ? nothing : html`<span class=${value < 0.8 ? 'bar low' : 'bar'} style=${styleMap({ width: `${Math.round(value * 40)}px` })} aria-hidden="true"></span>`}`;
    return html`<td class="number">${f.tickets}</td>
      <td class="number">${this.figure(f.medianFirstResponseMinutes, 'h')}</td>
      <td class="number">${this.figure(f.medianResolutionMinutes, 'h')}</td>
      <td class="number">${share(f.reactionWithinTargetShare)}</td>
      <td class="number">${share(f.resolutionWithinTargetShare)}</td>
      <td class="number">${this.figure(f.satisfactionAverage, 'score')}</td>
      <td class="number">${f.breaches}</td>`;
  }

  private head(first: string) {
    const t = translate(this.locale);
    return html`<thead><tr><th>${first}</th><th class="number">${t('statsTickets')}</th>
      <th class="number">${t('statsFirstAnswer')}</th><th class="number">${t('statsResolve')}</th>
      <th class="number">${t('statsReactionShare')}</th><th class="number">${t('statsResolutionShare')}</th>
      <th class="number">${t('statsSatisfaction')}</th><th class="number">${t('statsBreachCount')}</th></tr></thead>`;
  }

  private byClient(data: Month) {
    const t = translate(this.locale);
    const all = data.studioStatistics.organizations;
    const shown = this.allClients ? all : all.slice(0, clientsShown);
    return html`<section class="card" aria-labelledby="by-client">
      <h3 id="by-client">${t('statsByOrganization')}</h3>
      <div class="scroll" tabindex="0" role="group" aria-labelledby="by-client"><table aria-labelledby="by-client">
        ${this.head(t('statsClient'))}
        <tbody>${shown.map((o) => html`<tr><td>${o.organization.name}</td>${this.columns(o.statistics)}</tr>`)}</tbody>
      </table></div>
      ${all.length > shown.length ? html`<button @click=${() => (this.allClients = true)}>${t('statsShowAll', { n: all.length })}</button>` : nothing}
    </section>`;
  }

  private byStaff(data: Month) {
    const t = translate(this.locale);
    return html`<section class="card" aria-labelledby="by-staff">
        <h3 id="by-staff">${t('statsBySpecialist')}</h3>
        <div class="scroll" tabindex="0" role="group" aria-labelledby="by-staff"><table aria-labelledby="by-staff">
          ${this.head(t('statsSpecialist'))}
          <tbody>${data.specialistStatistics.map(
            (s) =>
              html`<tr><td>${s.staff.name}${s.line ? html` <span class="flag">${t('statsLineN', { n: s.line })}</span>` : nothing}</td>${this.columns(s.statistics)}</tr>`,
          )}</tbody>
        </table></div>
      </section>
      <section class="card" aria-labelledby="by-line">
        <h3 id="by-line">${t('statsByLine')}</h3>
        <div class="scroll" tabindex="0" role="group" aria-labelledby="by-line"><table aria-labelledby="by-line">
          ${this.head(t('statsLine'))}
          <tbody>${data.lineStatistics.map((l) => html`<tr><td>${t('statsLineN', { n: l.line })}</td>${this.columns(l.statistics)}</tr>`)}</tbody>
        </table></div>
      </section>`;
  }

  private breaches(data: Month) {
    const t = translate(this.locale);
    const list = data.studioStatistics.breaches;
    return html`<section class="card" aria-labelledby="breaches-title">
      <h3 id="breaches-title">${t('statsBreaches')}</h3>
      ${
        list.length === 0
          ? html`<p class="muted">${t('statsNoBreaches')}</p>`
          : html`<div class="scroll" tabindex="0" role="group" aria-labelledby="breaches-title"><table aria-labelledby="breaches-title">
            <thead><tr><th>${t('statsAt')}</th><th>${t('statsTicket')}</th><th>${t('statsClient')}</th>
              <th>${t('statsKind')}</th><th>${t('statsAssignee')}</th></tr></thead>
            <tbody>${list.map(
              (b) => html`<tr>
                <td>${dateTime(b.at, this.locale)}</td>
                <td><a href=${`/console/tickets/${encodeURIComponent(b.ticketId)}`} @click=${(e: Event) => this.openTicket(e, b.ticketId)}>#${b.ticketNumber} ${b.title}</a></td>
                <td>${b.organizationName ?? ''}</td>
                <td>${t(`statsBreach${b.kind}`)}</td>
                <td>${b.assigneeName ?? ''}</td>
              </tr>`,
            )}</tbody>
          </table></div>`
      }
    </section>`;
  }

  private openTicket(event: Event, id: string): void {
    event.preventDefault();
    this.dispatchEvent(new CustomEvent('open', { detail: id }));
  }
}
