import { html, LitElement, nothing } from 'lit';
import { ConsoleError, request } from '../api.ts';
import {
  cannedListQuery,
  createCannedMutation,
  deleteCannedMutation,
  updateCannedMutation,
} from '../canned-documents.ts';
import { dateTime } from '../format.ts';
import type { ResultOf } from '../graphql.ts';
import { type Locale, translate } from '../i18n.ts';
import { styles } from '../styles.ts';

type Canned = ResultOf<typeof cannedListQuery>['cannedResponses'][number];
type Answer = Record<string, { __typename: string; message?: string; detail?: string | null }>;

/**
 * Canned responses: the shared ones (written by the head of support and admins) and my own, in
 * Russian and English. Anyone who answers tickets writes their own; only `HEAD` and `ADMIN` see
 * the "shared" box and may change or remove a shared one (the server decides either way).
 */
export class CannedView extends LitElement {
  static override styles = styles;
  static override properties = {
    locale: {},
    role: {},
    items: { state: true },
    editing: { state: true },
    problem: { state: true },
    notice: { state: true },
  };
  declare locale: Locale;
  declare role: string;
  declare items: Canned[];
  /** The id of the template in the form, or '' for a new one. */
  declare editing: string;
  declare problem: string;
  declare notice: string;

  constructor() {
    super();
    this.items = [];
    this.editing = '';
    this.problem = '';
    this.notice = '';
  }

  private get mayShare(): boolean {
    return this.role === 'HEAD' || this.role === 'ADMIN';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.items = (await request(cannedListQuery, {}, this.locale)).cannedResponses;
    } catch (error) {
      this.problem = error instanceof ConsoleError ? error.message : String(error);
    }
  }

  /** Runs a write; on success reads the list again, else shows the server's message. */
  private async write(answer: Promise<Answer>): Promise<boolean> {
    this.problem = '';
    this.notice = '';
    try {
      const result = Object.values(await answer)[0];
      if (result?.__typename === 'DomainError') {
        // The detail (in English) says exactly what is wrong, e.g. which placeholder is unknown.
        this.problem = [result.message, result.detail].filter(Boolean).join(': ');
        return false;
      }
      await this.load();
      this.notice = translate(this.locale)('cannedSaved');
      return true;
    } catch (error) {
      this.problem = error instanceof ConsoleError ? error.message : String(error);
      return false;
    }
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const fields = {
      name: String(data.get('name') ?? ''),
      locale: String(data.get('locale') ?? 'ru'),
      body: String(data.get('body') ?? ''),
    };
    const saved = this.editing
      ? await this.write(request(updateCannedMutation, { input: { id: this.editing, ...fields } }, this.locale))
      : await this.write(
          request(createCannedMutation, { input: { ...fields, shared: data.get('shared') === 'on' } }, this.locale),
        );
    if (!saved) return;
    this.editing = '';
    form.reset();
  }

  private async removeItem(item: Canned): Promise<void> {
    if (!confirm(translate(this.locale)('cannedRemoveConfirm', { name: item.name }))) return;
    if (this.editing === item.id) this.editing = '';
    await this.write(request(deleteCannedMutation, { input: { id: item.id } }, this.locale));
  }

  private async edit(item: Canned): Promise<void> {
    this.editing = item.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('form.canned input[name=name]')?.focus();
  }

  override render() {
    const t = translate(this.locale);
    const shared = this.items.filter((i) => i.shared);
    const mine = this.items.filter((i) => !i.shared);
    return html`<section class="card" aria-labelledby="canned-title">
        <h2 id="canned-title">${t('cannedTitle')}</h2>
        ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
        ${this.notice ? html`<p class="muted" role="status">${this.notice}</p>` : nothing}
        ${this.list(t('cannedShared'), shared, this.mayShare)} ${this.list(t('cannedMine'), mine, true)}
      </section>
      ${this.form()}`;
  }

  private list(title: string, items: Canned[], mayChange: boolean) {
    const t = translate(this.locale);
    return html`<h3>${title}</h3>
      ${
        items.length === 0
          ? html`<p class="muted">${t('cannedNone')}</p>`
          : html`<ul class="plain entries" aria-label=${title}>
            ${items.map(
              (item) => html`<li>
                <strong>${item.name}</strong> · ${item.locale === 'ru' ? t('languageRu') : t('languageEn')}
                · <span class="muted">${dateTime(item.updatedAt, this.locale)}</span>
                <pre class="template">${item.body}</pre>
                ${
                  mayChange
                    ? html`<button @click=${() => void this.edit(item)}>${t('edit')}</button>
                      <button aria-label=${t('cannedRemove', { name: item.name })} @click=${() => void this.removeItem(item)}>${t('remove')}</button>`
                    : nothing
                }
              </li>`,
            )}
          </ul>`
      }`;
  }

  private form() {
    const t = translate(this.locale);
    const current = this.items.find((i) => i.id === this.editing);
    const heading = current ? t('cannedEdit', { name: current.name }) : t('cannedNew');
    return html`<section class="card" aria-label=${heading}>
      <h3>${heading}</h3>
      <form class="canned" @submit=${(e: SubmitEvent) => void this.save(e)}>
        <label>${t('cannedName')} <input name="name" required maxlength="100" .value=${current?.name ?? ''} /></label>
        <label>${t('cannedLanguage')}
          <select name="locale" .value=${current?.locale ?? this.locale}>
            <option value="ru" ?selected=${(current?.locale ?? this.locale) === 'ru'}>${t('languageRu')}</option>
            <option value="en" ?selected=${(current?.locale ?? this.locale) === 'en'}>${t('languageEn')}</option>
          </select>
        </label>
        <label>${t('cannedBody')}
          <textarea name="body" required maxlength="10000" rows="6" aria-describedby="placeholders" .value=${current?.body ?? ''}></textarea>
        </label>
        <p class="muted" id="placeholders">${t('cannedPlaceholders')}</p>
        ${
          this.mayShare && !current
            ? html`<label class="inline"><input name="shared" type="checkbox" /> ${t('cannedShare')}</label>`
            : nothing
        }
        <div class="row">
          <button class="primary" type="submit">${current ? t('save') : t('cannedCreate')}</button>
          ${current ? html`<button type="button" @click=${() => (this.editing = '')}>${t('cancel')}</button>` : nothing}
        </div>
      </form>
    </section>`;
  }
}
