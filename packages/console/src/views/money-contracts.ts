import { css, html, nothing } from 'lit';
import { request } from '../api.ts';
import {
  clientContractsQuery,
  createContractMutation,
  createTariffMutation,
  tariffsQuery,
} from '../contract-documents.ts';
import { day, duration, kopecksOf, money } from '../format.ts';
import type { ResultOf } from '../graphql.ts';
import { translate } from '../i18n.ts';
import { styles } from '../styles.ts';
import { LoadedPart } from './loaded-part.ts';

type Tariff = ResultOf<typeof tariffsQuery>['tariffs'][number];
type ContractsNode = Extract<NonNullable<ResultOf<typeof clientContractsQuery>['node']>, { contracts: unknown }>;
type Contract = ContractsNode['contracts'][number];

/** A date input's day as an instant the studio's month of which is that day's in any zone. */
const noonOf = (date: string) => `${date}T12:00:00.000Z`;

/**
 * The studio's tariffs (the head of support and admins add one) and the chosen client's contracts
 * (the accountant, the head and admins add one: tariff, period, prepaid months, discount, free
 * months of a newly built site).
 */
export class MoneyContracts extends LoadedPart {
  static override styles = [
    styles,
    css`
      .scroll { overflow-x: auto; }
      tbody tr { cursor: default; }
      td.number, th.number { text-align: right; white-space: nowrap; }
      form.add { display: flex; gap: 8px; flex-wrap: wrap; align-items: end; }
      form.add input { max-width: 11em; }
    `,
  ];
  static override properties = {
    role: {},
    organizationId: {},
    organizationName: {},
    tariffs: { state: true },
    contracts: { state: true },
  };
  declare role: string;
  declare organizationId: string;
  declare organizationName: string;
  declare tariffs: Tariff[];
  declare contracts: Contract[];

  constructor() {
    super();
    this.tariffs = [];
    this.contracts = [];
  }

  override willUpdate(changed: Map<string, unknown>): void {
    // Another client: only its contracts change (the tariffs are the studio's).
    if (changed.has('organizationId') && changed.get('organizationId') !== undefined) void this.loadContracts();
  }

  protected override async load(): Promise<void> {
    this.tariffs = (await request(tariffsQuery, {}, this.locale)).tariffs;
    await this.loadContracts();
  }

  private async loadContracts(): Promise<void> {
    if (!this.organizationId) return;
    const node = (await request(clientContractsQuery, { id: this.organizationId }, this.locale)).node;
    this.contracts = node && 'contracts' in node ? node.contracts : [];
  }

  private async addTariff(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = translate(this.locale);
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const amounts = ['fee', 'extra', 'minimum'].map((name) => (text(name) ? kopecksOf(text(name)) : 0));
    if (amounts.some(Number.isNaN)) {
      this.problem = t('billBadAmount', { what: t('tariffAmounts') });
      return;
    }
    const [monthlyFeeKopecks = 0, extraHourRateKopecks = 0, minimumFeeKopecks = 0] = amounts;
    const input = {
      name: text('name'),
      billingMode: text('mode') as 'PREPAID' | 'ACTUAL',
      monthlyFeeKopecks,
      extraHourRateKopecks,
      minimumFeeKopecks,
      includedMinutes: Math.round(Number(text('hours').replace(',', '.') || '0') * 60),
      includedLines: data.getAll('line').map(Number),
    };
    if (
      await this.write(request(createTariffMutation, { input }, this.locale), () =>
        t('tariffAdded', { name: input.name }),
      )
    )
      form.reset();
  }

  private async addContract(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = translate(this.locale);
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const input = {
      organizationId: this.organizationId,
      tariffId: text('tariff'),
      number: text('number'),
      startsOn: noonOf(text('startsOn')),
      endsOn: text('endsOn') ? noonOf(text('endsOn')) : null,
      prepaidMonths: Number(text('prepaid') || '1'),
      discountBasisPoints: text('discount') ? Math.round(Number(text('discount').replace(',', '.')) * 100) : null,
      newSite: Boolean(data.get('newSite')),
    };
    const done = () => t('contractAdded', { number: input.number, client: this.organizationName });
    if (await this.write(request(createContractMutation, { input }, this.locale), done)) form.reset();
  }

  override render() {
    const t = translate(this.locale);
    const mayAddTariff = this.role === 'HEAD' || this.role === 'ADMIN';
    return html`<section class="card" aria-labelledby="contracts-title">
      <h3 id="contracts-title">${t('contractsTitle', { client: this.organizationName })}</h3>
      ${this.outcome()}
      ${
        this.contracts.length === 0
          ? html`<p class="muted">${t('contractsNone')}</p>`
          : html`<div class="scroll" tabindex="0" role="group" aria-labelledby="contracts-title"><table aria-labelledby="contracts-title">
            <thead><tr><th>${t('contractNumber')}</th><th>${t('contractTariff')}</th><th>${t('contractPeriod')}</th>
              <th class="number">${t('contractPrepaid')}</th><th class="number">${t('contractDiscount')}</th><th>${t('contractFreeUntil')}</th></tr></thead>
            <tbody>${this.contracts.map(
              (c) => html`<tr>
                <td>${c.number}${c.active ? nothing : html` <span class="flag">${t('contractInactive')}</span>`}</td>
                <td>${c.tariff.name}</td>
                <td>${day(c.startsOn, this.locale)} – ${c.endsOn ? day(c.endsOn, this.locale) : '…'}</td>
                <td class="number">${c.prepaidMonths}</td>
                <td class="number">${c.discountBasisPoints / 100} %</td>
                <td>${c.freeSupportUntil ? day(c.freeSupportUntil, this.locale) : ''}</td>
              </tr>`,
            )}</tbody></table></div>`
      }
      ${this.organizationId ? this.contractForm() : nothing}
      <h4 id="tariffs-title">${t('tariffsTitle')}</h4>
      <div class="scroll" tabindex="0" role="group" aria-labelledby="tariffs-title"><table aria-labelledby="tariffs-title">
        <thead><tr><th>${t('tariffName')}</th><th>${t('tariffMode')}</th><th class="number">${t('tariffFee')}</th>
          <th class="number">${t('tariffHours')}</th><th>${t('tariffLines')}</th><th class="number">${t('tariffExtra')}</th><th class="number">${t('tariffMinimum')}</th></tr></thead>
        <tbody>${this.tariffs.map(
          (tariff) => html`<tr>
            <td>${tariff.name}${tariff.active ? nothing : html` <span class="flag">${t('contractInactive')}</span>`}</td>
            <td>${t(tariff.billingMode === 'PREPAID' ? 'tariffPrepaid' : 'tariffActual')}</td>
            <td class="number">${money(tariff.monthlyFeeKopecks, this.locale)}</td>
            <td class="number">${duration(tariff.includedMinutes, this.locale)}</td>
            <td>${tariff.includedLines.length ? tariff.includedLines.join(', ') : t('tariffAnyLine')}</td>
            <td class="number">${money(tariff.extraHourRateKopecks, this.locale)}</td>
            <td class="number">${money(tariff.minimumFeeKopecks, this.locale)}</td>
          </tr>`,
        )}</tbody></table></div>
      ${mayAddTariff ? this.tariffForm() : nothing}
    </section>`;
  }

  private contractForm() {
    const t = translate(this.locale);
    return html`<form class="add" aria-labelledby="contract-new" @submit=${(e: SubmitEvent) => void this.addContract(e)}>
      <h4 id="contract-new">${t('contractNew')}</h4>
      <label>${t('contractNumber')} <input name="number" required maxlength="50" /></label>
      <label>${t('contractTariff')}
        <select name="tariff" required>${this.tariffs.filter((x) => x.active).map((x) => html`<option value=${x.id}>${x.name}</option>`)}</select>
      </label>
      <label>${t('contractStarts')} <input name="startsOn" type="date" required /></label>
      <label>${t('contractEnds')} <input name="endsOn" type="date" /></label>
      <label>${t('contractPrepaid')} <input name="prepaid" type="number" min="1" max="36" value="1" /></label>
      <label>${t('contractDiscount')} <input name="discount" inputmode="decimal" placeholder=${t('contractDiscountDefault')} /></label>
      <label class="inline"><input name="newSite" type="checkbox" /> ${t('contractNewSite')}</label>
      <button class="primary" type="submit">${t('contractAdd')}</button>
    </form>`;
  }

  private tariffForm() {
    const t = translate(this.locale);
    return html`<form class="add" aria-labelledby="tariff-new" @submit=${(e: SubmitEvent) => void this.addTariff(e)}>
      <h4 id="tariff-new">${t('tariffNew')}</h4>
      <label>${t('tariffName')} <input name="name" required maxlength="100" /></label>
      <label>${t('tariffMode')}
        <select name="mode"><option value="PREPAID">${t('tariffPrepaid')}</option><option value="ACTUAL">${t('tariffActual')}</option></select>
      </label>
      <label>${t('tariffFee')} <input name="fee" inputmode="decimal" required /></label>
      <label>${t('tariffHours')} <input name="hours" inputmode="decimal" value="0" /></label>
      <fieldset class="row"><legend>${t('tariffLines')}</legend>
        ${[1, 2, 3].map((line) => html`<label class="inline"><input type="checkbox" name="line" value=${line} /> ${line}</label>`)}
      </fieldset>
      <label>${t('tariffExtra')} <input name="extra" inputmode="decimal" required /></label>
      <label>${t('tariffMinimum')} <input name="minimum" inputmode="decimal" value="0" /></label>
      <button class="primary" type="submit">${t('tariffAdd')}</button>
    </form>`;
  }
}
