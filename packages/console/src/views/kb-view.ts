import { css, html, LitElement, nothing } from 'lit';
import { ConsoleError, request } from '../api.ts';
import type { ResultOf } from '../graphql.ts';
import { type Locale, translate } from '../i18n.ts';
import { articlesQuery } from '../kb-documents.ts';
import { allOrganizations } from '../organization-list.ts';
import { styles } from '../styles.ts';

type Listed = ResultOf<typeof articlesQuery>['articles']['edges'][number]['node'];

/**
 * The knowledge base: every article, drafts included, on the left (searchable, by language and
 * status); the chosen one, or a new one, in the editor on the right. `?article=<id>` opens one
 * (the ticket page links a new article made from a ticket here).
 */
export class KnowledgeBaseView extends LitElement {
  static override styles = [
    styles,
    css`
      .kb { display: grid; grid-template-columns: 300px minmax(0, 1fr); gap: 16px; align-items: start; }
      .kb nav ul { max-height: 70vh; overflow: auto; }
      .kb nav button.pick { width: 100%; text-align: left; border: 0; background: none; padding: 4px 6px; }
      .kb nav button.pick[aria-current='true'] { background: #e8efff; font-weight: 600; }
      .side { display: flex; flex-direction: column; gap: 12px; }
      @media (max-width: 900px) { .kb { grid-template-columns: minmax(0, 1fr); } }
    `,
  ];
  static override properties = {
    locale: {},
    articles: { state: true },
    organizations: { state: true },
    search: { state: true },
    selected: { state: true },
    problem: { state: true },
  };
  declare locale: Locale;
  declare articles: Listed[];
  declare organizations: { id: string; name: string }[];
  declare search: string;
  /** The article in the editor: its id, '' for a new one, null for none. */
  declare selected: string | null;
  declare problem: string;

  constructor() {
    super();
    this.articles = [];
    this.organizations = [];
    this.search = '';
    this.selected = new URLSearchParams(location.search).get('article');
    this.problem = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
    void allOrganizations(this.locale)
      .then((organizations) => {
        this.organizations = organizations;
      })
      .catch(() => undefined);
  }

  private async load(): Promise<void> {
    try {
      const all: Listed[] = [];
      let after: string | null = null;
      do {
        const { articles }: ResultOf<typeof articlesQuery> = await request(articlesQuery, { after }, this.locale);
        all.push(...articles.edges.map((e) => e.node));
        after = articles.pageInfo.hasNextPage ? (articles.pageInfo.endCursor ?? null) : null;
      } while (after);
      this.articles = all;
    } catch (error) {
      this.problem = error instanceof ConsoleError ? error.message : String(error);
    }
  }

  private pick(id: string | null): void {
    this.selected = id;
    history.replaceState(null, '', id ? `/console/kb?article=${encodeURIComponent(id)}` : '/console/kb');
  }

  private changed(id: string): void {
    this.pick(id || null);
    void this.load();
  }

  override render() {
    const t = translate(this.locale);
    const needle = this.search.trim().toLocaleLowerCase();
    const shown = needle
      ? this.articles.filter((a) => `${a.draftTitle ?? ''} ${a.title}`.toLocaleLowerCase().includes(needle))
      : this.articles;
    return html`<h2>${t('kbTitle')}</h2>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <div class="kb">
        <nav class="card" aria-label=${t('kbTitle')}>
          <div class="row">
            <button class="primary" @click=${() => this.pick('')}>${t('kbNew')}</button>
          </div>
          <label>${t('kbSearch')}
            <input type="search" .value=${this.search} @input=${(e: Event) => (this.search = (e.target as HTMLInputElement).value)} />
          </label>
          ${
            shown.length === 0
              ? html`<p class="muted">${t('kbNone')}</p>`
              : html`<ul class="plain">
                ${shown.map(
                  (a) => html`<li>
                    <button class="pick" aria-current=${this.selected === a.id ? 'true' : 'false'} @click=${() => this.pick(a.id)}>
                      ${a.draftTitle ?? a.title}
                    </button>
                    <span class="flag">${a.locale}</span>
                    <span class="flag">${t(`kbStatus${a.status}`)}</span>
                    ${a.hasUnpublishedChanges ? html`<span class="flag warn">${t('kbChanged')}</span>` : nothing}
                  </li>`,
                )}
              </ul>`
          }
        </nav>
        <div class="side">
          ${
            this.selected === null
              ? html`<p class="muted">${t('kbPick')}</p>`
              : html`<caredesk-article-editor .locale=${this.locale} .articleId=${this.selected}
                  .organizations=${this.organizations} @changed=${(e: CustomEvent<string>) => this.changed(e.detail)}>
                </caredesk-article-editor>`
          }
        </div>
      </div>`;
  }
}
