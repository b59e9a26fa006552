import { html, LitElement, nothing } from 'lit';
import { ConsoleError, request, upload } from '../api.ts';
import type { cannedResponsesQuery } from '../documents.ts';
import { replyMutation } from '../documents.ts';
import type { ResultOf } from '../graphql.ts';
import { type Locale, translate } from '../i18n.ts';
import { markdown } from '../markdown.ts';
import { styles } from '../styles.ts';
import { attachFilesMutation, searchArticlesQuery } from '../ticket-documents.ts';

type Canned = ResultOf<typeof cannedResponsesQuery>['cannedResponses'];
type Article = ResultOf<typeof searchArticlesQuery>['searchArticles'][number];
export type Mode = 'reply' | 'note';

const newKey = () => `console-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
const citeLimit = 10;

/**
 * The composer: public reply or internal note, Markdown with a preview, files by picking,
 * dropping or pasting (images previewed, removable), knowledge-base articles cited by searching
 * in place, canned responses by name (Alt+C). Fires `sent` after a reply or files went out.
 */
export class Composer extends LitElement {
  static override styles = styles;
  static override properties = {
    ticketId: {},
    locale: {},
    canned: { attribute: false },
    changed: { type: Boolean },
    mode: { state: true },
    previewing: { state: true },
    files: { state: true },
    found: { state: true },
    cited: { state: true },
    problem: { state: true },
    busy: { state: true },
    text: { state: true },
  };
  declare ticketId: string;
  declare locale: Locale;
  declare canned: Canned;
  /** The ticket moved on since it was opened: warn before sending. */
  declare changed: boolean;
  declare mode: Mode;
  declare previewing: boolean;
  declare files: { file: File; preview: string | null }[];
  declare found: Article[];
  declare cited: Article[];
  declare problem: string;
  declare busy: boolean;
  declare text: string;
  private searching: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.canned = [];
    this.changed = false;
    this.mode = 'reply';
    this.previewing = false;
    this.files = [];
    this.found = [];
    this.cited = [];
    this.problem = '';
    this.busy = false;
    this.text = '';
  }

  /** Switches to reply or note and puts the cursor in the text (r and n in the ticket view). */
  async write(mode: Mode): Promise<void> {
    this.mode = mode;
    this.previewing = false;
    await this.updateComplete;
    this.box()?.focus();
  }

  private box(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector<HTMLTextAreaElement>('textarea[name=body]');
  }

  private addFiles(list: FileList | File[] | null | undefined): void {
    const added = [...(list ?? [])].map((file) => ({
      file,
      preview: file.type.startsWith('image/') ? URL.createObjectURL(file) : null,
    }));
    if (added.length) this.files = [...this.files, ...added];
  }

  private removeFile(index: number): void {
    const gone = this.files[index];
    if (gone?.preview) URL.revokeObjectURL(gone.preview);
    this.files = this.files.filter((_, i) => i !== index);
  }

  private insert(text: string): void {
    const box = this.box();
    if (!box) return;
    const at = box.selectionStart ?? box.value.length;
    box.setRangeText(text, at, box.selectionEnd ?? at, 'end');
    this.text = box.value;
    box.focus();
  }

  private insertCanned(event: Event): void {
    event.preventDefault();
    const field = this.renderRoot.querySelector<HTMLInputElement>('input[name=canned]');
    const name = field?.value.trim().toLowerCase() ?? '';
    const chosen =
      this.canned.find((c) => c.name.toLowerCase() === name) ??
      this.canned.find((c) => c.name.toLowerCase().includes(name));
    if (chosen && name) {
      this.insert(chosen.text);
      if (field) field.value = '';
    }
  }

  private search(query: string): void {
    clearTimeout(this.searching);
    if (query.trim().length < 2) {
      this.found = [];
      return;
    }
    this.searching = setTimeout(() => {
      void request(searchArticlesQuery, { query }, this.locale).then(
        (data) => {
          this.found = data.searchArticles;
        },
        () => {},
      );
    }, 200);
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.altKey && (event.key === 'c' || event.code === 'KeyC')) {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLInputElement>('input[name=canned]')?.focus();
    } else if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLFormElement>('form.composer')?.requestSubmit();
    }
  }

  private async send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const body = this.text.trim();
    if (!body && this.files.length === 0) return;
    this.busy = true;
    this.problem = '';
    const internal = this.mode === 'note';
    try {
      if (body) {
        const input = {
          ticketId: this.ticketId,
          body,
          internal,
          idempotencyKey: newKey(),
          articleIds: this.cited.map((a) => a.id),
        };
        const { replyToTicket: answer } = await request(replyMutation, { input }, this.locale);
        if (answer.__typename === 'DomainError') throw new ConsoleError(answer.message, 'DOMAIN');
        this.text = '';
        this.cited = [];
      }
      if (this.files.length) {
        const files = this.files.map((f) => f.file);
        const answer = await upload(attachFilesMutation, { ticketId: this.ticketId, internal }, files, this.locale);
        if (answer.__typename === 'DomainError') throw new ConsoleError(answer.message ?? '', 'DOMAIN');
        for (const f of this.files) if (f.preview) URL.revokeObjectURL(f.preview);
        this.files = [];
      }
      this.previewing = false;
      this.dispatchEvent(new CustomEvent('sent'));
    } catch (error) {
      this.problem = error instanceof ConsoleError ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = translate(this.locale);
    const note = this.mode === 'note';
    return html`<form class="composer" @submit=${(e: SubmitEvent) => void this.send(e)} @keydown=${(e: KeyboardEvent) => this.onKeydown(e)}>
      <div class="row" role="group" aria-label=${t('mode')}>
        <button type="button" aria-pressed=${note ? 'false' : 'true'} @click=${() => void this.write('reply')}>${t('reply')}</button>
        <button type="button" aria-pressed=${note ? 'true' : 'false'} @click=${() => void this.write('note')}>${t('note')}</button>
        <span class="spacer"></span>
        <button type="button" aria-pressed=${this.previewing ? 'false' : 'true'} @click=${() => (this.previewing = false)}>${t('write')}</button>
        <button type="button" aria-pressed=${this.previewing ? 'true' : 'false'} @click=${() => (this.previewing = true)}>${t('preview')}</button>
      </div>
      ${this.changed ? html`<p class="warning" role="status">${t('changed')}</p>` : nothing}
      ${
        this.canned.length
          ? html`<div class="row">
              <label class="inline">${t('cannedName')}
                <input name="canned" list="canned-names" autocomplete="off" @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.insertCanned(e)} />
              </label>
              <datalist id="canned-names">${this.canned.map((c) => html`<option value=${c.name}>${c.locale}</option>`)}</datalist>
              <button type="button" @click=${(e: Event) => this.insertCanned(e)}>${t('cannedInsert')}</button>
            </div>`
          : nothing
      }
      ${
        this.previewing
          ? html`<div class=${`preview body ${this.mode}`} aria-label=${t('preview')} role="region">${markdown(this.text)}</div>`
          : html`<label>${t(note ? 'noteLabel' : 'replyLabel')}
              <textarea name="body" class=${this.mode} .value=${this.text}
                @input=${(e: InputEvent) => {
                  this.text = (e.target as HTMLTextAreaElement).value;
                  this.dispatchEvent(new CustomEvent('typing'));
                }}
                @paste=${(e: ClipboardEvent) => {
                  if (e.clipboardData?.files.length) {
                    e.preventDefault();
                    this.addFiles(e.clipboardData.files);
                  }
                }}
                @dragover=${(e: DragEvent) => e.preventDefault()}
                @drop=${(e: DragEvent) => {
                  e.preventDefault();
                  this.addFiles(e.dataTransfer?.files);
                }}></textarea></label>
            <p class="muted hint">${t('markdownHint')} · ${t('dropHere')}</p>`
      }
      <div class="row">
        <label class="inline file-pick">${t('attach')}
          <input type="file" multiple @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            this.addFiles(input.files);
            input.value = '';
          }} /></label>
      </div>
      ${
        this.files.length
          ? html`<ul class="row plain files">${this.files.map(
              (f, i) => html`<li class="file">
                ${f.preview ? html`<img src=${f.preview} alt=${f.file.name} />` : nothing}
                <span>${f.file.name}</span>
                <button type="button" aria-label=${t('removeFile', { name: f.file.name })} @click=${() => this.removeFile(i)}>×</button>
              </li>`,
            )}</ul>`
          : nothing
      }
      <details>
        <summary>${t('cite')}${this.cited.length ? ` (${this.cited.length})` : ''}</summary>
        <label>${t('citeSearch')}<input type="search" name="cite" autocomplete="off" @input=${(e: InputEvent) => this.search((e.target as HTMLInputElement).value)} /></label>
        <ul class="plain">${this.found.map(
          (
            a,
          ) => html`<li><button type="button" ?disabled=${this.cited.some((c) => c.id === a.id) || this.cited.length >= citeLimit}
            @click=${() => (this.cited = [...this.cited, a])}>${a.title}</button> <span class="muted">${a.locale} · ${a.excerpt}</span></li>`,
        )}</ul>
      </details>
      ${
        this.cited.length
          ? html`<p class="row">${t('cited')}: ${this.cited.map(
              (
                a,
              ) => html`<span class="flag">${a.title} <button type="button" aria-label=${t('removeFile', { name: a.title })}
                @click=${() => (this.cited = this.cited.filter((c) => c.id !== a.id))}>×</button></span>`,
            )}</p>`
          : nothing
      }
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <div class="row"><button class="primary" type="submit" ?disabled=${this.busy}>${t(note ? 'sendNote' : 'send')}</button></div>
    </form>`;
  }
}
