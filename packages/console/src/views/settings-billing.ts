import { css, html, nothing } from 'lit';
import { request } from '../api.ts';
import { kopecksOf } from '../format.ts';
import { type StringKey, translate } from '../i18n.ts';
import { setBillingRulesMutation, studioRulesQuery } from '../rules-documents.ts';
import { styles } from '../styles.ts';
import { LoadedPart } from './loaded-part.ts';

interface Rules {
  hourlyRateKopecksByLine: Record<string, number>;
  flatHourlyRateKopecks: number | null;
  priorityCoefficientPercent: Record<string, number>;
  extraHourRateKopecks: number;
  longPrepaymentDiscountBasisPoints: number;
  newSiteFreeMonths: number;
}

const lines = ['1', '2', '3'] as const;
const priorities = ['NORMAL', 'HIGH', 'URGENT', 'IMMEDIATE'] as const;

const roubles = (kopecks: number) => (kopecks / 100).toFixed(2).replace(/\.00$/, '');

/**
 * The studio's billing rules (docs/billing.md): hourly rates by support line or one flat rate,
 * priority coefficients, the extra-hour rate, the long-prepayment discount and a new site's free
 * months. Contracts may override them (through the API).
 */
export class SettingsBilling extends LoadedPart {
  static override styles = [
    styles,
    css`
      form { display: flex; flex-direction: column; gap: 10px; max-width: 640px; }
      fieldset { border: 1px solid var(--line); border-radius: 6px; display: flex; gap: 8px 16px; flex-wrap: wrap; }
      input { width: 9em; }
    `,
  ];
  static override properties = {
    rules: { state: true },
  };
  declare rules: Rules | null;

  constructor() {
    super();
    this.rules = null;
  }

  protected override async load(): Promise<void> {
    this.rules = (await request(studioRulesQuery, {}, this.locale)).billingRules as Rules;
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = translate(this.locale);
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const money = (name: string, label: string) => {
      const kopecks = kopecksOf(text(name));
      if (Number.isNaN(kopecks)) throw new Error(t('billBadAmount', { what: label }));
      return kopecks;
    };
    let rules: Rules;
    try {
      rules = {
        hourlyRateKopecksByLine: Object.fromEntries(
          lines.map((l) => [l, money(`line${l}`, t('billLine', { line: l }))]),
        ),
        flatHourlyRateKopecks: text('flat') ? money('flat', t('billFlat')) : null,
        priorityCoefficientPercent: Object.fromEntries(priorities.map((p) => [p, Number(text(`coef-${p}`))])),
        extraHourRateKopecks: money('extra', t('billExtra')),
        longPrepaymentDiscountBasisPoints: Math.round(Number(text('discount').replace(',', '.')) * 100),
        newSiteFreeMonths: Number(text('freeMonths')),
      };
    } catch (error) {
      this.problem = (error as Error).message;
      return;
    }
    await this.write(request(setBillingRulesMutation, { input: { rules } }, this.locale), () => t('setSaved'));
  }

  override render() {
    const t = translate(this.locale);
    const rules = this.rules;
    if (!rules) return html`<p class="muted">${t('setLoading')}</p>`;
    const disabled = !this.editor;
    const field = (label: string, name: string, value: string, hint = '') =>
      html`<label>${label} <input name=${name} inputmode="decimal" .value=${value} ?disabled=${disabled} />
        ${hint ? html`<span class="muted">${hint}</span>` : nothing}</label>`;
    return html`<section class="card" aria-labelledby="bill-title">
      <h3 id="bill-title">${t('billTitle')}</h3>
      <p class="muted">${t('billHint')}</p>
      <form aria-labelledby="bill-title" @submit=${(e: SubmitEvent) => void this.save(e)}>
        <fieldset><legend>${t('billRates')}</legend>
          ${lines.map((l) => field(t('billLine', { line: l }), `line${l}`, roubles(rules.hourlyRateKopecksByLine[l] ?? 0)))}
          ${field(t('billFlat'), 'flat', rules.flatHourlyRateKopecks === null ? '' : roubles(rules.flatHourlyRateKopecks), t('billFlatHint'))}
          ${field(t('billExtra'), 'extra', roubles(rules.extraHourRateKopecks))}
        </fieldset>
        <fieldset><legend>${t('billCoefficients')}</legend>
          ${priorities.map((p) => field(t(`p_${p}` as StringKey), `coef-${p}`, String(rules.priorityCoefficientPercent[p] ?? 100)))}
        </fieldset>
        <fieldset><legend>${t('billTerms')}</legend>
          ${field(t('billDiscount'), 'discount', String(rules.longPrepaymentDiscountBasisPoints / 100))}
          ${field(t('billFreeMonths'), 'freeMonths', String(rules.newSiteFreeMonths))}
        </fieldset>
        ${this.outcome()}
        ${this.editor ? html`<button class="primary" type="submit">${t('billSave')}</button>` : nothing}
      </form>
    </section>`;
  }
}
