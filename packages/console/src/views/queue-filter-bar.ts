import { css, html, LitElement, nothing } from 'lit';
import { type Locale, type StringKey, translate } from '../i18n.ts';
import { allOrganizations } from '../organization-list.ts';
import { noFilters, priorities, type QueueFilters, statuses } from '../queue-filters.ts';
import { queueStyles } from '../queue-styles.ts';
import { styles } from '../styles.ts';

/**
 * The queue's filters beside its scope buttons: statuses and priorities (several of each), one
 * organization, overdue only. Reads the organizations itself.
 *
 * @fires filters - `detail`: the filters changed (a part of {@link QueueFilters}).
 */
export class QueueFilterBar extends LitElement {
  // Its controls sit in the queue's toolbar row.
  static override styles = [styles, queueStyles, css`:host { display: contents; }`];
  static override properties = {
    locale: {},
    filters: { attribute: false },
    organizations: { state: true },
  };
  declare locale: Locale;
  declare filters: QueueFilters;
  declare organizations: { id: string; name: string }[];

  constructor() {
    super();
    this.filters = noFilters;
    this.organizations = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void allOrganizations(this.locale)
      .then((organizations) => {
        this.organizations = organizations;
      })
      .catch(() => {});
  }

  private change(part: Partial<QueueFilters>): void {
    this.dispatchEvent(new CustomEvent('filters', { detail: part }));
  }

  /** A drop-down of check boxes for the statuses or the priorities; none ticked filters nothing. */
  private pick(field: 'statuses' | 'priorities', label: string, values: readonly string[], hint = '') {
    const t = translate(this.locale);
    const chosen: string[] = this.filters[field];
    const word = (value: string) => (field === 'statuses' ? `s_${value}` : `p_${value}`) as StringKey;
    const toggle = (value: string, on: boolean) => {
      const next = on ? [...chosen, value] : chosen.filter((c) => c !== value);
      this.change({ [field]: values.filter((v) => next.includes(v)) } as Partial<QueueFilters>);
    };
    // One drop-down open at a time (details of one name).
    return html`<details name="queue-filter" class=${`pick ${chosen.length ? 'on' : ''}`}>
      <summary>${label}${chosen.length ? ` · ${chosen.length}` : ''}</summary>
      <fieldset>
        <legend class="sr">${label}</legend>
        ${values.map(
          (value) => html`<label class="inline"><input type="checkbox" .checked=${chosen.includes(value)}
            @change=${(e: Event) => toggle(value, (e.target as HTMLInputElement).checked)} />${t(word(value))}</label>`,
        )}
        ${hint ? html`<span class="hint">${hint}</span>` : nothing}
      </fieldset>
    </details>`;
  }

  override render() {
    const t = translate(this.locale);
    const f = this.filters;
    const any = f.statuses.length || f.priorities.length || f.organizationId || f.overdue;
    return html`${this.pick('statuses', t('status'), statuses, t('queueStatusHint'))}
      ${this.pick('priorities', t('priority'), priorities)}
      <label class="inline">${t('queueOrganization')}
        <select @change=${(e: Event) => this.change({ organizationId: (e.target as HTMLSelectElement).value || null })}>
          <option value="" ?selected=${!f.organizationId}>${t('queueAllOrganizations')}</option>
          ${this.organizations.map((o) => html`<option value=${o.id} ?selected=${o.id === f.organizationId}>${o.name}</option>`)}
        </select>
      </label>
      <button aria-pressed=${f.overdue ? 'true' : 'false'} title=${t('queueOverdueHint')}
        @click=${() => this.change({ overdue: !f.overdue })}>${t('queueOverdue')}</button>
      ${any ? html`<button @click=${() => this.change({ statuses: [], priorities: [], organizationId: null, overdue: false })}>${t('queueClear')}</button>` : nothing}`;
  }
}
