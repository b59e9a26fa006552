import { html, nothing } from 'lit';
import type { CaredeskWidget } from '../caredesk-widget.ts';
import { submitForm } from '../form-actions.ts';
import type { StringKey } from '../i18n.ts';
import { filesView } from './files-view.ts';
import { greetingView } from './greeting-view.ts';

const categories = ['PROBLEM', 'QUESTION', 'IMPROVEMENT', 'CONTENT'];
const priorities = ['NORMAL', 'HIGH', 'URGENT', 'IMMEDIATE'];

/** The ticket form: what happened, who to answer, the page context and files. */
export function formView(w: CaredeskWidget) {
  const t = w.t;
  const f = w.fields;
  const input = (name: keyof typeof f) => (e: Event) => {
    f[name] = (e.target as HTMLInputElement).value;
    w.suggest();
  };
  const text = (name: 'title' | 'email' | 'name', label: StringKey, type = 'text') =>
    html`<label>${t(label)}<input name=${name} type=${type} .value=${f[name] ?? ''} @input=${input(name)}
      autocomplete=${name === 'title' ? 'off' : name} ?required=${name === 'title'} maxlength="200" /></label>`;
  const choice = (name: 'category' | 'priority', label: StringKey, values: string[], prefix: string) =>
    html`<label>${t(label)}<select name=${name} @change=${input(name)}>
      ${values.map((v) => html`<option value=${v} ?selected=${f[name] === v}>${t(`${prefix}${v}` as StringKey)}</option>`)}
    </select></label>`;
  const contact = Boolean(w.identity.token);
  return html`<form
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      void submitForm(w);
    }}
    @paste=${(e: ClipboardEvent) => {
      const pasted = [...(e.clipboardData?.files ?? [])];
      if (pasted.length) {
        e.preventDefault();
        w.addFiles(pasted);
      }
    }}
    class="stack"
  >
    ${greetingView(w.availability.value, t, w.activeLocale)}
    ${text('title', 'fTitle')}
    <label>${t('fDescription')}<textarea name="description" required maxlength="20000" .value=${f.description ?? ''}
      @input=${input('description')}></textarea></label>
    ${w.suggestPart?.suggestionsView(w) ?? nothing}
    ${contact ? choice('category', 'fCategory', categories, 'c_') : nothing}
    ${contact && w.authorized ? choice('priority', 'fPriority', priorities, 'p_') : nothing}
    ${contact ? nothing : html`${text('email', 'fEmail', 'email')}${text('name', 'fName')}`}
    ${filesView(w)}
    <fieldset class="context">
      <legend class="muted">${t('context')}</legend>
      <ul>
        ${w.context.map(
          (item) => html`<li>
            <b>${t(`k_${item.key}` as StringKey)}:</b><span>${item.value}</span>
            <button type="button" class="x" aria-label=${`${t('remove')}: ${t(`k_${item.key}` as StringKey)}`}
              @click=${() => {
                w.context = w.context.filter((c) => c !== item);
              }}>✕</button>
          </li>`,
        )}
      </ul>
    </fieldset>
    ${w.progress !== null ? html`<div class="muted" role="status"><progress max="100" .value=${w.progress}></progress> ${t('uploading', { p: w.progress })}</div>` : nothing}
    <div class="row"><button class="primary" type="submit" ?disabled=${w.busy}>${w.busy ? t('sending') : t('send')}</button></div>
  </form>`;
}
