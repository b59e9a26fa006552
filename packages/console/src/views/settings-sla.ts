import { css, html, nothing } from 'lit';
import { request } from '../api.ts';
import { type StringKey, translate } from '../i18n.ts';
import { setSlaTargetsMutation, studioRulesQuery } from '../rules-documents.ts';
import { styles } from '../styles.ts';
import { LoadedPart } from './loaded-part.ts';

interface Clock {
  workingMinutes?: number;
  outsideMinutes?: number;
  withinWorkingDays?: number;
}
type Target = { reaction?: Clock; resolution?: Clock };
interface Targets {
  priority: Record<string, Target>;
  category: Record<string, Target>;
}

const priorities = ['NORMAL', 'HIGH', 'URGENT', 'IMMEDIATE'] as const;
const categories = ['EMERGENCY', 'PROBLEM', 'QUESTION', 'CONTENT', 'IMPROVEMENT', 'VISITOR_REPORT'] as const;
const clocks = ['reaction', 'resolution'] as const;

/** A clock of the form, or undefined when its unit is "none". */
function clockOf(data: FormData, name: string): Clock | undefined {
  const unit = String(data.get(`${name}.unit`) ?? '');
  const value = Number(data.get(`${name}.value`) ?? '');
  if (!unit) return undefined;
  if (unit === 'days') return { withinWorkingDays: value };
  const outside = String(data.get(`${name}.outside`) ?? '').trim();
  return { workingMinutes: value, ...(outside ? { outsideMinutes: Number(outside) } : {}) };
}

/**
 * The SLA targets per priority and category: how soon staff react and resolve, in working minutes
 * or working days, and how fast the clock runs outside working hours. Saving recomputes the due
 * times of open tickets (the server).
 */
export class SettingsSla extends LoadedPart {
  static override styles = [
    styles,
    css`
      .scroll { overflow-x: auto; }
      td input[type='number'] { width: 6.5em; }
      td input.outside { width: 8.5em; }
      td .clock { display: flex; gap: 4px; flex-wrap: wrap; align-items: center; font-weight: normal; }
      tbody tr { cursor: default; }
    `,
  ];
  static override properties = {
    targets: { state: true },
  };
  declare targets: Targets | null;

  constructor() {
    super();
    this.targets = null;
  }

  protected override async load(): Promise<void> {
    this.targets = (await request(studioRulesQuery, {}, this.locale)).slaTargets as Targets;
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const target = (scope: string, key: string): Target => {
      const result: Target = {};
      for (const clock of clocks) {
        const value = clockOf(data, `${scope}.${key}.${clock}`);
        if (value) result[clock] = value;
      }
      return result;
    };
    const targets = {
      priority: Object.fromEntries(priorities.map((p) => [p, target('priority', p)])),
      category: Object.fromEntries(
        categories.map((c) => {
          const value = target('category', c);
          return [c, Object.keys(value).length > 0 ? value : null];
        }),
      ),
    };
    let moved = 0;
    await this.write(
      request(setSlaTargetsMutation, { targets }, this.locale).then((answer) => {
        if (answer.setSlaTargets.__typename === 'SlaTargetsPayload') moved = answer.setSlaTargets.ticketsRecomputed;
        return answer;
      }),
      () => translate(this.locale)('slaSaved', { tickets: moved }),
    );
  }

  override render() {
    const t = translate(this.locale);
    const targets = this.targets;
    if (!targets) return html`<p class="muted">${t('setLoading')}</p>`;
    const rows = [
      ...priorities.map((p) => ({
        scope: 'priority',
        key: p,
        label: `p_${p}` as StringKey,
        target: targets.priority[p],
      })),
      ...categories.map((c) => ({
        scope: 'category',
        key: c,
        label: `c_${c}` as StringKey,
        target: targets.category[c],
      })),
    ];
    return html`<section class="card" aria-labelledby="sla-title">
      <h3 id="sla-title">${t('slaTitle')}</h3>
      <p class="muted">${t('slaHint')}</p>
      <form @submit=${(e: SubmitEvent) => void this.save(e)} aria-labelledby="sla-title">
        <div class="scroll" tabindex="0" role="group" aria-labelledby="sla-title"><table>
          <thead><tr><th scope="col">${t('slaFor')}</th><th scope="col">${t('slaReaction')}</th><th scope="col">${t('slaResolution')}</th></tr></thead>
          <tbody>${rows.map(
            (row, i) => html`${
              i === priorities.length
                ? html`<tr><th colspan="3" scope="rowgroup">${t('slaByCategory')}</th></tr>`
                : i === 0
                  ? html`<tr><th colspan="3" scope="rowgroup">${t('slaByPriority')}</th></tr>`
                  : nothing
            }<tr>
              <th scope="row">${t(row.label)}</th>
              ${clocks.map((clock) => html`<td>${this.clock(`${row.scope}.${row.key}.${clock}`, row.target?.[clock], `${t(row.label)}, ${t(clock === 'reaction' ? 'slaReaction' : 'slaResolution')}`)}</td>`)}
            </tr>`,
          )}</tbody>
        </table></div>
        ${this.outcome()}
        ${this.editor ? html`<button class="primary" type="submit">${t('slaSave')}</button>` : nothing}
      </form>
    </section>`;
  }

  private clock(name: string, clock: Clock | undefined, what: string) {
    const t = translate(this.locale);
    const unit = clock?.withinWorkingDays ? 'days' : clock?.workingMinutes ? 'minutes' : '';
    const value = clock?.withinWorkingDays ?? clock?.workingMinutes;
    const disabled = !this.editor;
    return html`<div class="clock">
      <input type="number" name=${`${name}.value`} min="1" max="525600" .value=${value ? String(value) : ''}
        aria-label=${t('slaAmount', { what })} ?disabled=${disabled} />
      <select name=${`${name}.unit`} aria-label=${t('slaUnit', { what })} ?disabled=${disabled}>
        <option value="" ?selected=${unit === ''}>${t('slaNone')}</option>
        <option value="minutes" ?selected=${unit === 'minutes'}>${t('slaWorkingMinutes')}</option>
        <option value="days" ?selected=${unit === 'days'}>${t('slaWorkingDays')}</option>
      </select>
      <input class="outside" type="number" name=${`${name}.outside`} min="1" max="525600" .value=${clock?.outsideMinutes ? String(clock.outsideMinutes) : ''}
        placeholder=${t('slaOutsidePlaceholder')} aria-label=${t('slaOutside', { what })} ?disabled=${disabled} />
    </div>`;
  }
}
