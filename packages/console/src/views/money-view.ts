import { css, html, LitElement, nothing } from 'lit';
import { ConsoleError, request } from '../api.ts';
import { day, duration, money, previousMonth, thisMonth } from '../format.ts';
import type { ResultOf } from '../graphql.ts';
import { type Locale, translate } from '../i18n.ts';
import { confirmInvoicePaymentMutation, issueMonthlyInvoicesMutation, monthReportQuery } from '../money-documents.ts';
import { allOrganizations } from '../organization-list.ts';
import { styles } from '../styles.ts';
import { failureOf } from './write-outcome.ts';

type Report = NonNullable<ResultOf<typeof monthReportQuery>['monthlyReport']>;

/**
 * Money, for the accountant, the head of support and admins: one client's month on screen —
 * totals, prepaid hours, the lines as billed, the tickets worked on by support line — with the
 * report's PDF and CSV; the documents issued for the month, issuing the month now (a correction
 * when already issued), and recording that a payment arrived (accountant and admin; not for a
 * correction that owes nothing).
 */
export class MoneyView extends LitElement {
  static override styles = [
    styles,
    css`
      .money { display: flex; flex-direction: column; gap: 12px; }
      td.number, th.number { text-align: right; white-space: nowrap; }
      tbody tr { cursor: default; }
      .total td { font-weight: 700; }
    `,
  ];
  static override properties = {
    locale: {},
    role: {},
    organizations: { state: true },
    organizationId: { state: true },
    month: { state: true },
    report: { state: true },
    problem: { state: true },
    notice: { state: true },
  };
  declare locale: Locale;
  declare role: string;
  declare organizations: { id: string; name: string }[];
  declare organizationId: string;
  declare month: string;
  declare report: Report | null;
  declare problem: string;
  declare notice: string;

  constructor() {
    super();
    this.organizations = [];
    this.organizationId = '';
    this.month = previousMonth(thisMonth(new Date()));
    this.report = null;
    this.problem = '';
    this.notice = '';
  }

  private get mayConfirm(): boolean {
    return this.role === 'ACCOUNTANT' || this.role === 'ADMIN';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void allOrganizations(this.locale)
      .then((organizations) => {
        this.organizations = organizations;
        if (!this.organizationId && this.organizations[0]) {
          this.organizationId = this.organizations[0].id;
          void this.load();
        }
      })
      .catch((error) => {
        this.problem = error instanceof ConsoleError ? error.message : String(error);
      });
  }

  private async load(): Promise<void> {
    if (!this.organizationId || !/^\d{4}-\d{2}$/.test(this.month)) return;
    try {
      const answer = await request(
        monthReportQuery,
        { month: this.month, organizationId: this.organizationId },
        this.locale,
      );
      this.report = answer.monthlyReport;
    } catch (error) {
      this.report = null;
      this.problem = error instanceof ConsoleError ? error.message : String(error);
    }
  }

  private choose(changes: { organizationId?: string; month?: string }): void {
    Object.assign(this, changes);
    this.problem = '';
    this.notice = '';
    void this.load();
  }

  private async issue(): Promise<void> {
    const t = translate(this.locale);
    this.notice = '';
    let numbers: string[] = [];
    this.problem = await failureOf(
      request(
        issueMonthlyInvoicesMutation,
        { input: { month: this.month, organizationId: this.organizationId } },
        this.locale,
      ).then((answer) => {
        const result = answer.issueMonthlyInvoices;
        if (result.__typename === 'IssueMonthlyInvoicesPayload') numbers = result.invoices.map((i) => i.number);
        return answer;
      }),
    );
    if (this.problem) return;
    await this.load();
    this.notice = numbers.length ? t('moneyIssuedSome', { numbers: numbers.join(', ') }) : t('moneyIssuedNone');
  }

  private async confirmPayment(invoiceId: string): Promise<void> {
    this.notice = '';
    this.problem = await failureOf(request(confirmInvoicePaymentMutation, { input: { invoiceId } }, this.locale));
    if (this.problem) return;
    await this.load();
    this.notice = translate(this.locale)('moneyConfirmed');
  }

  override render() {
    const t = translate(this.locale);
    return html`<div class="money">
      <h2>${t('moneyTitle')}</h2>
      <div class="toolbar">
        <label>${t('moneyClient')}
          <select .value=${this.organizationId} @change=${(e: Event) => this.choose({ organizationId: (e.target as HTMLSelectElement).value })}>
            ${this.organizations.map((o) => html`<option value=${o.id} ?selected=${o.id === this.organizationId}>${o.name}</option>`)}
          </select>
        </label>
        <label>${t('moneyMonth')}
          <input type="month" .value=${this.month} @change=${(e: Event) => this.choose({ month: (e.target as HTMLInputElement).value })} />
        </label>
      </div>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.notice ? html`<p class="muted" role="status">${this.notice}</p>` : nothing}
      ${this.report ? this.month_(this.report) : html`<p class="muted">${this.organizationId ? t('moneyNoReport') : t('moneyPick')}</p>`}
      <caredesk-money-time .locale=${this.locale} .month=${this.month} .organizationId=${this.organizationId}
        .organizationName=${this.organizations.find((o) => o.id === this.organizationId)?.name ?? ''}></caredesk-money-time>
      <caredesk-money-contracts .locale=${this.locale} .role=${this.role} .organizationId=${this.organizationId}
        .organizationName=${this.organizations.find((o) => o.id === this.organizationId)?.name ?? ''}></caredesk-money-contracts>
    </div>`;
  }

  private month_(r: Report) {
    const t = translate(this.locale);
    const sum = (kopecks: number) => money(kopecks, this.locale);
    return html`<section class="card" aria-labelledby="totals-title">
        <h3 id="totals-title">${t('moneyTotals')}</h3>
        <p>${r.contractNumber ? t('moneyContract', { number: r.contractNumber, tariff: r.tariffName ?? '' }) : t('moneyNoContract')}
          ${r.freeSupport ? html`<span class="flag">${t('moneyFree')}</span>` : nothing}</p>
        <dl>
          <dt>${t('moneyMonthTotal')}</dt><dd>${sum(r.totals.monthKopecks)}</dd>
          <dt>${t('moneyPaidTickets')}</dt><dd>${sum(r.totals.paidTicketsKopecks)}</dd>
          <dt>${t('moneyTotal')}</dt><dd><strong>${sum(r.totals.totalKopecks)}</strong></dd>
        </dl>
        <p class="row"><a href=${r.pdfUrl}>${t('moneyPdf')}</a> <a href=${r.csvUrl}>${t('moneyCsv')}</a></p>
        ${r.prepaid ? this.prepaid(r.prepaid) : nothing}
      </section>
      ${this.invoices(r)} ${this.lines(r)} ${this.works(r)}`;
  }

  private prepaid(p: NonNullable<Report['prepaid']>) {
    const t = translate(this.locale);
    const time = (minutes: number) => duration(minutes, this.locale);
    return html`<h4>${t('moneyPrepaid')}</h4>
      <dl>
        <dt>${t('moneyIncluded')}</dt><dd>${time(p.includedMinutes)}</dd>
        <dt>${t('moneyCarriedIn')}</dt><dd>${time(p.carriedInMinutes)}</dd>
        <dt>${t('moneyDrawn')}</dt><dd>${time(p.drawnMinutes)}</dd>
        <dt>${t('moneyRemaining')}</dt><dd>${time(p.remainingMinutes)}</dd>
        <dt>${t('moneyCarriesOver')}</dt><dd>${time(p.carriesOverMinutes)}</dd>
      </dl>`;
  }

  private invoices(r: Report) {
    const t = translate(this.locale);
    return html`<section class="card" aria-labelledby="invoices-title">
      <h3 id="invoices-title">${t('moneyInvoices')}</h3>
      ${
        r.invoices.length === 0
          ? html`<p class="muted">${t('moneyNoInvoices')}</p>`
          : html`<table aria-labelledby="invoices-title">
            <thead><tr><th>${t('moneyNumber')}</th><th>${t('moneyKind')}</th><th>${t('moneyIssued')}</th>
              <th class="number">${t('moneyAmount')}</th><th>${t('moneyStatus')}</th></tr></thead>
            <tbody>
              ${r.invoices.map(
                (i) => html`<tr>
                  <td>${i.number}</td><td>${t(`moneyKind${i.kind}`)}</td><td>${day(i.issuedAt, this.locale)}</td>
                  <td class="number">${money(i.totalKopecks, this.locale)}</td>
                  <td>${i.status === 'PAID' && i.paidAt ? t('moneyStatusPAID', { date: day(i.paidAt, this.locale) }) : t(i.status === 'VOID' ? 'moneyStatusVOID' : 'moneyStatusISSUED')}
                    ${
                      i.status === 'ISSUED' && i.totalKopecks > 0 && this.mayConfirm
                        ? html`<button class="small" aria-label=${t('moneyConfirmLabel', { number: i.number })}
                          @click=${() => void this.confirmPayment(i.id)}>${t('moneyConfirm')}</button>`
                        : nothing
                    }</td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }
      <p class="row"><button @click=${() => void this.issue()}>${t('moneyIssue')}</button>
        <span class="muted hint">${t('moneyIssueHint')}</span></p>
    </section>`;
  }

  private lines(r: Report) {
    const t = translate(this.locale);
    return html`<section class="card" aria-labelledby="lines-title">
      <h3 id="lines-title">${t('moneyLines')}</h3>
      <table aria-labelledby="lines-title">
        <thead><tr><th>${t('moneyLine')}</th><th class="number">${t('moneyTime')}</th>
          <th class="number">${t('moneyRate')}</th><th class="number">${t('moneyAmount')}</th></tr></thead>
        <tbody>
          ${r.lines.map(
            (l) => html`<tr>
              <td>${l.description}${l.coefficientPercent && l.coefficientPercent !== 100 ? html` <span class="flag">×${l.coefficientPercent / 100}</span>` : nothing}</td>
              <td class="number">${l.minutes ? duration(l.minutes, this.locale) : ''}</td>
              <td class="number">${l.rateKopecks ? money(l.rateKopecks, this.locale) : ''}</td>
              <td class="number">${money(l.amountKopecks, this.locale)}</td>
            </tr>`,
          )}
          <tr class="total"><td>${t('moneyTotal')}</td><td></td><td></td><td class="number">${money(r.totals.totalKopecks, this.locale)}</td></tr>
        </tbody>
      </table>
    </section>`;
  }

  private works(r: Report) {
    const t = translate(this.locale);
    if (r.works.length === 0) return nothing;
    return html`<section class="card" aria-labelledby="works-title">
      <h3 id="works-title">${t('moneyWorks')}</h3>
      <table aria-labelledby="works-title">
        <thead><tr><th>${t('moneyTicket')}</th><th>${t('moneyByLine')}</th>
          <th class="number">${t('moneyTime')}</th><th class="number">${t('moneyBillable')}</th></tr></thead>
        <tbody>
          ${r.works.map(
            (w) => html`<tr>
              <td>#${w.ticketNumber} ${w.title}</td>
              <td>${w.byLevel.map((l) => html`<span class="flag">${t('moneyLineN', { n: l.supportLine })}: ${duration(l.minutes, this.locale)}</span>`)}</td>
              <td class="number">${duration(w.totalMinutes, this.locale)}</td>
              <td class="number">${duration(w.billableMinutes, this.locale)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }
}
