import { css, html, LitElement, nothing } from 'lit';
import { ConsoleError, request } from '../api.ts';
import { dateTime } from '../format.ts';
import type { ResultOf } from '../graphql.ts';
import { type Locale, translate } from '../i18n.ts';
import {
  articleQuery,
  createArticleMutation,
  deleteArticleMutation,
  publishArticleMutation,
  unpublishArticleMutation,
  updateArticleMutation,
} from '../kb-documents.ts';
import { lineDiff } from '../line-diff.ts';
import { markdown } from '../markdown.ts';
import { styles } from '../styles.ts';
import { failureOf } from './write-outcome.ts';

type Article = NonNullable<ResultOf<typeof articleQuery>['article']>;
type Visibility = 'PUBLIC' | 'ORGANIZATION' | 'STAFF';
interface Draft {
  title: string;
  body: string;
  locale: string;
  visibility: Visibility;
  organizationId: string;
  tags: string;
}

const blank = (locale: string): Draft => ({
  title: '',
  body: '',
  locale,
  visibility: 'PUBLIC',
  organizationId: '',
  tags: '',
});

/**
 * One article: its draft in a Markdown editor with a live preview, saved, published (each
 * publication a numbered version), unpublished or deleted; its versions, each compared with the
 * draft line by line; and its figures per month. Tells its page `changed` (with the article's
 * id, '' once deleted) after each change.
 */
export class ArticleEditor extends LitElement {
  static override styles = [
    styles,
    css`
      :host { display: flex; flex-direction: column; gap: 12px; }
      .editor { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 12px; }
      .editor textarea { min-height: 320px; font-family: ui-monospace, monospace; }
      .diff { font: 13px/1.4 ui-monospace, monospace; margin: 0; padding: 6px; background: var(--soft); white-space: pre-wrap; }
      .diff .added { background: #d8f5dd; display: block; }
      .diff .removed { background: #fde2e1; display: block; text-decoration: line-through; }
      .diff .same { display: block; }
      td.number, th.number { text-align: right; }
      @media (max-width: 900px) { .editor { grid-template-columns: minmax(0, 1fr); } }
    `,
  ];
  static override properties = {
    locale: {},
    articleId: {},
    organizations: { attribute: false },
    article: { state: true },
    draft: { state: true },
    compared: { state: true },
    problem: { state: true },
    notice: { state: true },
  };
  declare locale: Locale;
  /** '' for a new article. */
  declare articleId: string;
  declare organizations: { id: string; name: string }[];
  declare article: Article | null;
  declare draft: Draft;
  /** The version compared with the draft, 0 for none. */
  declare compared: number;
  declare problem: string;
  declare notice: string;

  constructor() {
    super();
    this.articleId = '';
    this.organizations = [];
    this.article = null;
    this.draft = blank('ru');
    this.compared = 0;
    this.problem = '';
    this.notice = '';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('articleId')) {
      this.compared = 0;
      this.article = null;
      this.draft = blank(this.locale);
      if (this.articleId) void this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      const { article } = await request(articleQuery, { id: this.articleId }, this.locale);
      this.article = article;
      if (article)
        this.draft = {
          title: article.draftTitle ?? article.title,
          body: article.draftBody ?? article.body,
          locale: article.locale,
          visibility: article.visibility,
          organizationId: article.organization?.id ?? '',
          tags: (article.draftTags ?? article.tags).join(', '),
        };
    } catch (error) {
      this.problem = error instanceof ConsoleError ? error.message : String(error);
    }
  }

  private input() {
    const d = this.draft;
    return {
      title: d.title,
      body: d.body,
      locale: d.locale,
      visibility: d.visibility,
      organizationId: d.visibility === 'ORGANIZATION' && d.organizationId ? d.organizationId : null,
      tags: d.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    };
  }

  /** Saves the draft (creating the article when new); answers its id, or '' when refused. */
  private async saveDraft(): Promise<string> {
    this.notice = '';
    let id = this.articleId;
    this.problem = await failureOf(
      id
        ? request(updateArticleMutation, { id, input: this.input() }, this.locale)
        : request(createArticleMutation, { input: this.input() }, this.locale).then((answer) => {
            if (answer.createArticle.__typename === 'Article') id = answer.createArticle.id;
            return answer;
          }),
    );
    return this.problem ? '' : id;
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const id = await this.saveDraft();
    if (!id) return;
    await this.changed(id, translate(this.locale)('kbSaved'));
  }

  private async publish(): Promise<void> {
    const id = await this.saveDraft();
    if (!id) return;
    this.problem = await failureOf(request(publishArticleMutation, { id }, this.locale));
    if (this.problem) return;
    await this.changed(id, '');
    this.notice = translate(this.locale)('kbPublished', { n: this.article?.version ?? '' });
  }

  private async unpublish(): Promise<void> {
    this.problem = await failureOf(request(unpublishArticleMutation, { id: this.articleId }, this.locale));
    if (!this.problem) await this.changed(this.articleId, translate(this.locale)('kbUnpublished'));
  }

  private async deleteArticle(): Promise<void> {
    const t = translate(this.locale);
    if (!confirm(t('kbDeleteConfirm', { title: this.draft.title }))) return;
    this.problem = await failureOf(request(deleteArticleMutation, { id: this.articleId }, this.locale));
    if (!this.problem) this.dispatchEvent(new CustomEvent('changed', { detail: '' }));
  }

  /** Reads the article again and tells the page (whose list shows status and version). */
  private async changed(id: string, notice: string): Promise<void> {
    if (id === this.articleId) await this.load();
    this.notice = notice;
    this.dispatchEvent(new CustomEvent('changed', { detail: id }));
  }

  private edit(event: Event): void {
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this.draft = {
      title: String(data.get('title') ?? ''),
      body: String(data.get('body') ?? ''),
      locale: String(data.get('locale') ?? 'ru'),
      visibility: (String(data.get('visibility') ?? 'PUBLIC') as Visibility) || 'PUBLIC',
      organizationId: String(data.get('organizationId') ?? ''),
      tags: String(data.get('tags') ?? ''),
    };
  }

  override render() {
    const t = translate(this.locale);
    const a = this.article;
    const d = this.draft;
    return html`<section class="card" aria-labelledby="article-heading">
        <h3 id="article-heading">${a ? d.title || a.title : t('kbNew')}</h3>
        ${
          a
            ? html`<p class="row">
              <span class="flag">${t(`kbStatus${a.status}`)}</span>
              ${a.version ? html`<span class="flag">${t('kbVersion', { n: a.version })}</span>` : nothing}
              ${a.hasUnpublishedChanges ? html`<span class="flag warn">${t('kbChanged')}</span>` : nothing}
              ${a.status === 'PUBLISHED' ? html`<a href=${a.url} target="_blank" rel="noopener">${t('kbOpen')}</a>` : nothing}
              ${a.sourceTicketId ? html`<a href=${`/console/tickets/${encodeURIComponent(a.sourceTicketId)}`}>${t('kbFromTicket')}</a>` : nothing}
            </p>`
            : nothing
        }
        ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
        ${this.notice ? html`<p class="muted" role="status">${this.notice}</p>` : nothing}
        <form aria-labelledby="article-heading" @input=${(e: Event) => this.edit(e)} @change=${(e: Event) => this.edit(e)}
          @submit=${(e: SubmitEvent) => void this.save(e)}>
          <div class="row fields">
            <label>${t('kbArticleTitle')} <input name="title" required maxlength="200" .value=${d.title} /></label>
            <label>${t('kbLanguage')}
              <select name="locale" .value=${d.locale}>
                <option value="ru" ?selected=${d.locale === 'ru'}>${t('languageRu')}</option>
                <option value="en" ?selected=${d.locale === 'en'}>${t('languageEn')}</option>
              </select>
            </label>
            <label>${t('kbAudience')}
              <select name="visibility" .value=${d.visibility}>
                ${(['PUBLIC', 'ORGANIZATION', 'STAFF'] as const).map(
                  (v) => html`<option value=${v} ?selected=${d.visibility === v}>${t(`kbAudience${v}`)}</option>`,
                )}
              </select>
            </label>
            ${
              d.visibility === 'ORGANIZATION'
                ? html`<label>${t('kbOrganization')}
                  <select name="organizationId" .value=${d.organizationId} required>
                    <option value=""></option>
                    ${this.organizations.map((o) => html`<option value=${o.id} ?selected=${d.organizationId === o.id}>${o.name}</option>`)}
                  </select>
                </label>`
                : nothing
            }
            <label>${t('kbTags')} <input name="tags" .value=${d.tags} /></label>
          </div>
          <div class="editor">
            <label>${t('kbBody')} <textarea name="body" required .value=${d.body}></textarea></label>
            <div>
              <h4 id="preview-title">${t('kbPreview')}</h4>
              <div class="preview body" role="region" aria-labelledby="preview-title">${markdown(d.body)}</div>
            </div>
          </div>
          <div class="row">
            <button class="primary" type="submit">${t('kbSaveDraft')}</button>
            <button type="button" @click=${() => void this.publish()}>${t('kbPublish')}</button>
            ${a?.status === 'PUBLISHED' ? html`<button type="button" @click=${() => void this.unpublish()}>${t('kbUnpublish')}</button>` : nothing}
            ${a ? html`<button type="button" @click=${() => void this.deleteArticle()}>${t('kbDelete')}</button>` : nothing}
          </div>
        </form>
      </section>
      ${a ? this.versions(a) : nothing} ${a ? this.figures(a) : nothing}`;
  }

  private versions(a: Article) {
    const t = translate(this.locale);
    const versions = a.versions ?? [];
    const compared = versions.find((v) => v.version === this.compared);
    return html`<section class="card" aria-labelledby="versions-title">
      <h3 id="versions-title">${t('kbVersions')}</h3>
      ${
        versions.length === 0
          ? html`<p class="muted">${t('kbNoVersions')}</p>`
          : html`<ul class="plain">
            ${versions.map(
              (v) => html`<li>
                <strong>${t('kbVersion', { n: v.version })}</strong> · ${v.title} ·
                <span class="muted">${dateTime(v.publishedAt, this.locale)}</span>
                <button class="small" aria-pressed=${this.compared === v.version ? 'true' : 'false'}
                  @click=${() => (this.compared = this.compared === v.version ? 0 : v.version)}>
                  ${t('kbCompare', { n: v.version })}
                </button>
              </li>`,
            )}
          </ul>`
      }
      ${compared ? this.diff(compared) : nothing}
    </section>`;
  }

  private diff(version: { version: number; title: string; body: string }) {
    const t = translate(this.locale);
    const lines = lineDiff(`${version.title}\n\n${version.body}`, `${this.draft.title}\n\n${this.draft.body}`);
    const title = t('kbDiffTitle', { n: version.version });
    return html`<h4 id="diff-title">${title}</h4>
      ${
        lines.every((l) => l.kind === 'same')
          ? html`<p class="muted">${t('kbDiffSame')}</p>`
          : html`<pre class="diff" role="region" aria-labelledby="diff-title">${lines.map((l) =>
              l.kind === 'added'
                ? html`<ins class="added">+ ${l.text}</ins>`
                : l.kind === 'removed'
                  ? html`<del class="removed">− ${l.text}</del>`
                  : html`<span class="same">  ${l.text}</span>`,
            )}</pre>`
      }`;
  }

  private figures(a: Article) {
    const t = translate(this.locale);
    const months = a.monthStats ?? [];
    return html`<section class="card" aria-labelledby="figures-title">
      <h3 id="figures-title">${t('kbFigures')}</h3>
      ${
        months.length === 0
          ? html`<p class="muted">${t('kbNoFigures')}</p>`
          : html`<table aria-labelledby="figures-title">
            <thead><tr>
              <th>${t('kbMonth')}</th><th class="number">${t('kbViews')}</th><th class="number">${t('kbHelped')}</th>
              <th class="number">${t('kbDidNotHelp')}</th><th class="number">${t('kbDeflections')}</th>
            </tr></thead>
            <tbody>
              ${months.map(
                (m) => html`<tr>
                  <td>${m.month}</td><td class="number">${m.views}</td><td class="number">${m.helpfulYes}</td>
                  <td class="number">${m.helpfulNo}</td><td class="number">${m.deflections}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }
    </section>`;
  }
}
