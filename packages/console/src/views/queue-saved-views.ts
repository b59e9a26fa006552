import { html, LitElement, nothing } from 'lit';
import { request } from '../api.ts';
import type { ResultOf } from '../graphql.ts';
import { type Locale, translate } from '../i18n.ts';
import { deleteQueueViewMutation, queueViewsQuery, saveQueueViewMutation } from '../queue-documents.ts';
import { noFilters, type QueueFilters, sameFilters, ticketFilter, viewFilters } from '../queue-filters.ts';
import { queueStyles } from '../queue-styles.ts';
import { styles } from '../styles.ts';

type View = ResultOf<typeof queueViewsQuery>['queueViews'][number];

/**
 * My saved queue views: one click applies one (its filters and order), × deletes it, and "Save
 * view" keeps the current filters under a name typed in a small form. Reads and writes the views itself.
 *
 * @fires apply - `detail`: the {@link QueueFilters} of the view chosen.
 */
export class QueueSavedViews extends LitElement {
  static override styles = [styles, queueStyles];
  static override properties = {
    locale: {},
    filters: { attribute: false },
    views: { state: true },
    naming: { state: true },
    problem: { state: true },
  };
  declare locale: Locale;
  /** The queue's current filters: what "Save view" keeps, and which view is pressed. */
  declare filters: QueueFilters;
  declare views: View[];
  /** The name form is open. */
  declare naming: boolean;
  declare problem: string;

  constructor() {
    super();
    this.filters = noFilters;
    this.views = [];
    this.naming = false;
    this.problem = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.read();
  }

  private async read(): Promise<void> {
    try {
      this.views = (await request(queueViewsQuery, {}, this.locale)).queueViews;
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const name = String(new FormData(event.target as HTMLFormElement).get('name') ?? '').trim();
    if (!name) return;
    const input = { name, filter: ticketFilter(this.filters), order: this.filters.order };
    const { saveQueueView: saved } = await request(saveQueueViewMutation, { input }, this.locale);
    if (saved.__typename === 'DomainError') {
      this.problem = saved.message;
      return;
    }
    this.problem = '';
    this.naming = false;
    await this.read();
  }

  private async deleteView(view: View): Promise<void> {
    const { deleteQueueView: deleted } = await request(
      deleteQueueViewMutation,
      { input: { id: view.id } },
      this.locale,
    );
    this.problem = deleted.__typename === 'DomainError' ? deleted.message : '';
    await this.read();
  }

  private async openForm(): Promise<void> {
    this.naming = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('input[name=name]')?.focus();
  }

  override render() {
    const t = translate(this.locale);
    return html`<div class="views" role="group" aria-label=${t('queueViews')}>
      <span class="muted">${t('queueViews')}:</span>
      ${this.views.map(
        (view) => html`<span class="view">
          <button aria-pressed=${sameFilters(viewFilters(view), this.filters) ? 'true' : 'false'}
            @click=${() => this.dispatchEvent(new CustomEvent('apply', { detail: viewFilters(view) }))}>${view.name}</button>
          <button aria-label=${t('queueViewDelete', { name: view.name })} title=${t('queueViewDelete', { name: view.name })}
            @click=${() => void this.deleteView(view)}>×</button>
        </span>`,
      )}
      ${
        this.naming
          ? html`<form @submit=${(e: SubmitEvent) => void this.save(e)}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Escape') this.naming = false;
              }}>
              <label class="inline">${t('queueViewName')}
                <input name="name" required maxlength="60" autocomplete="off" /></label>
              <button class="primary" type="submit">${t('queueViewSave')}</button>
              <button type="button" @click=${() => (this.naming = false)}>${t('queueViewCancel')}</button>
            </form>`
          : html`<button @click=${() => void this.openForm()}>${t('queueSaveView')}</button>`
      }
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
    </div>`;
  }
}
