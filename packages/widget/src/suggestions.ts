import { html, nothing } from 'lit';
import type { CaredeskWidget } from './caredesk-widget.ts';
import { gql } from './graphql.ts';

/** A knowledge-base article offered while the visitor describes the problem. */
export interface Suggestion {
  id: string;
  title: string;
  excerpt: string;
  url: string;
}

const strings = {
  en: { head: 'Maybe this answers it:', open: 'Read', solved: 'This solved it', thanks: 'Glad it helped!' },
  ru: { head: 'Возможно, здесь есть ответ:', open: 'Читать', solved: 'Это помогло', thanks: 'Рады, что помогло!' },
};

const search = `query ($q: String!, $l: String) { searchArticles(query: $q, locale: $l, first: 3) { id title excerpt url } }`;
const count = (field: string) =>
  `mutation ($id: ID!) { ${field}(id: $id) { __typename ... on DomainError { code message } } }`;

let timer: ReturnType<typeof setTimeout> | undefined;
let asked = '';
let latest = 0;

/** What to look for: the title, or the description's first words while the title is empty. */
function queryOf(w: CaredeskWidget): string {
  const title = w.fields.title?.trim() ?? '';
  const text = title.length >= 3 ? title : (w.fields.description ?? '').trim().split(/\s+/).slice(0, 6).join(' ');
  return text.length >= 3 ? text.slice(0, 200) : '';
}

/** Called on every keystroke of the form: asks for articles 300 ms after typing stops. */
export function suggest(w: CaredeskWidget): void {
  clearTimeout(timer);
  timer = setTimeout(() => void lookUp(w), 300);
}

async function lookUp(w: CaredeskWidget): Promise<void> {
  const query = queryOf(w);
  if (query === asked) return;
  asked = query;
  const mine = ++latest;
  let found: Suggestion[] = [];
  if (query) {
    try {
      found = await gql<Suggestion[]>(w.caller, 'searchArticles', search, { q: query, l: w.activeLocale });
    } catch {
      found = [];
    }
  }
  // An answer to an older query than the last one asked is dropped.
  if (mine === latest) w.suggestions = found;
}

function record(w: CaredeskWidget, field: string, id: string) {
  void gql(w.caller, field, count(field), { id }).catch(() => undefined);
}

/** Up to three articles above the rest of the form; reading one counts a view. */
export function suggestionsView(w: CaredeskWidget) {
  const s = strings[w.activeLocale];
  if (!w.suggestions.length) return nothing;
  return html`<section class="suggestions" aria-live="polite">
    <div class="muted">${s.head}</div>
    <ul class="files">
      ${w.suggestions.map(
        (a) => html`<li>
          <b>${a.title}</b>
          <div class="muted">${a.excerpt}</div>
          <div class="row">
            <a href=${a.url} target="_blank" rel="noopener" @click=${() => record(w, 'recordArticleView', a.id)}>${s.open}</a>
            <button type="button" @click=${() => solved(w, a.id, s.thanks)}>${s.solved}</button>
          </div>
        </li>`,
      )}
    </ul>
  </section>`;
}

/** "This solved it": counts a deflection, clears the form and closes without a ticket. */
function solved(w: CaredeskWidget, id: string, thanks: string) {
  record(w, 'recordArticleDeflection', id);
  w.fields = { email: w.fields.email, name: w.fields.name };
  w.suggestions = [];
  asked = '';
  w.notice = thanks;
  void w.close();
}
