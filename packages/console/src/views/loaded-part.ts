import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import type { Locale } from '../i18n.ts';
import { failureOf, type WriteAnswer } from './write-outcome.ts';

/**
 * What the settings page's parts and the money page's sections share: the reader's language,
 * whether they may change what they show (`editor`), loading when shown, and the outcome of the
 * last write.
 */
export abstract class LoadedPart extends LitElement {
  static override properties: PropertyDeclarations = {
    locale: {},
    editor: { type: Boolean },
    problem: { state: true },
    notice: { state: true },
  };
  declare locale: Locale;
  declare editor: boolean;
  declare problem: string;
  declare notice: string;

  constructor() {
    super();
    this.editor = false;
    this.problem = '';
    this.notice = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Reads what the part shows. */
  protected abstract load(): Promise<void>;

  /** Runs a write; when it went through, reloads and says `done()`; else shows the server's reason. */
  protected async write(answer: Promise<WriteAnswer>, done: () => string): Promise<boolean> {
    this.notice = '';
    this.problem = await failureOf(answer);
    if (this.problem) return false;
    await this.load();
    this.notice = done();
    return true;
  }

  /** The last write's outcome, for screen readers too. */
  protected outcome() {
    return html`${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.notice ? html`<p class="muted" role="status">${this.notice}</p>` : nothing}`;
  }
}
