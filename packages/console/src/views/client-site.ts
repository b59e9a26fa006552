import { css, html, LitElement, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { request } from '../api.ts';
import { updateSiteMutation } from '../clients-documents.ts';
import { type Locale, translate } from '../i18n.ts';
import { styles } from '../styles.ts';
import { failureOf } from './write-outcome.ts';

type Position = 'BOTTOM_RIGHT' | 'BOTTOM_LEFT';
export interface ClientSiteData {
  id: string;
  name: string;
  url: string;
  publicKey: string;
  allowedOrigins: string[];
  statusPage: boolean;
  embedSnippet: string;
  widgetLook: { color: string | null; position: Position | null; launcherText: string | null };
}

/** The widget's own colour when a site sets none. */
const defaultColor = '#2155d6';

/**
 * One client site: its widget key and the code to embed; for the head of support and admins,
 * where the widget may be used, the public status page, and the widget's look with a preview of
 * the launcher. Tells its page `changed` after a save.
 */
export class ClientSite extends LitElement {
  static override styles = [
    styles,
    css`
      fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; }
      .look-preview { display: flex; padding: 12px; background: var(--soft); border-radius: 6px; margin: 6px 0; }
      .launcher-preview { color: #fff; border-radius: 24px; padding: 10px 16px; font-weight: 600; }
      .snippet { overflow-wrap: anywhere; }
    `,
  ];
  static override properties = {
    locale: {},
    site: { attribute: false },
    mayChange: { type: Boolean },
    draft: { state: true },
    problem: { state: true },
    notice: { state: true },
  };
  declare locale: Locale;
  declare site: ClientSiteData;
  declare mayChange: boolean;
  /** The look as being edited, for the preview. */
  declare draft: { color: string; position: Position; launcherText: string } | null;
  declare problem: string;
  declare notice: string;

  constructor() {
    super();
    this.mayChange = false;
    this.draft = null;
    this.problem = '';
    this.notice = '';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('site')) {
      const look = this.site.widgetLook;
      this.draft = {
        color: look.color ?? defaultColor,
        position: look.position ?? 'BOTTOM_RIGHT',
        launcherText: look.launcherText ?? '',
      };
    }
  }

  private readDraft(form: HTMLFormElement): void {
    const data = new FormData(form);
    this.draft = {
      color: String(data.get('color') ?? defaultColor),
      position: data.get('position') === 'BOTTOM_LEFT' ? 'BOTTOM_LEFT' : 'BOTTOM_RIGHT',
      launcherText: String(data.get('launcherText') ?? ''),
    };
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.readDraft(form);
    const draft = this.draft ?? { color: defaultColor, position: 'BOTTOM_RIGHT', launcherText: '' };
    // Untouched defaults stay unset, so the script tag's own attributes keep deciding.
    const color = draft.color === defaultColor && !this.site.widgetLook.color ? null : draft.color;
    const position = draft.position === 'BOTTOM_RIGHT' && !this.site.widgetLook.position ? null : draft.position;
    const input = {
      siteId: this.site.id,
      allowedOrigins: String(data.get('origins') ?? '')
        .split(/\s+/)
        .filter(Boolean),
      statusPage: data.get('statusPage') === 'on',
      widgetLook: { color, position, launcherText: draft.launcherText.trim() || null },
    };
    this.notice = '';
    this.problem = await failureOf(request(updateSiteMutation, { input }, this.locale));
    if (this.problem) return;
    this.notice = translate(this.locale)('siteSaved');
    this.dispatchEvent(new CustomEvent('changed'));
  }

  private async copy(): Promise<void> {
    const t = translate(this.locale);
    const text = this.site.embedSnippet;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard permission: select the code so that Ctrl+C copies it.
      const range = document.createRange();
      const code = this.renderRoot.querySelector('pre.snippet');
      if (code) range.selectNodeContents(code);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }
    this.notice = t('snippetCopied');
  }

  override render() {
    const t = translate(this.locale);
    const site = this.site;
    const titleId = `site-${site.publicKey}`;
    return html`<section class="card site" aria-labelledby=${titleId}>
      <h4 id=${titleId}>${site.name} · <a href=${site.url} target="_blank" rel="noopener">${site.url}</a></h4>
      <dl>
        <dt>${t('siteKey')}</dt><dd><code>${site.publicKey}</code></dd>
        <dt>${t('siteStatusPage')}</dt>
        <dd>${site.statusPage ? html`<a href=${`/status/${site.publicKey}`} target="_blank" rel="noopener">${t('siteStatusOpen')}</a>` : '—'}</dd>
      </dl>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.notice ? html`<p class="muted" role="status">${this.notice}</p>` : nothing}
      ${this.mayChange ? this.form() : nothing}
      <h4>${t('snippetTitle')}</h4>
      <p class="muted hint">${t('snippetHint')}</p>
      <pre class="template snippet" aria-label=${t('snippetTitle')}>${site.embedSnippet}</pre>
      <button @click=${() => void this.copy()}>${t('snippetCopy')}</button>
    </section>`;
  }

  private form() {
    const t = translate(this.locale);
    const site = this.site;
    const draft = this.draft;
    return html`<form class="fields" @submit=${(e: SubmitEvent) => void this.save(e)}
        @input=${(e: Event) => this.readDraft(e.currentTarget as HTMLFormElement)}>
      <label>${t('siteOrigins')}
        <textarea name="origins" rows="2" .value=${site.allowedOrigins.join('\n')}></textarea>
      </label>
      <label class="inline"><input name="statusPage" type="checkbox" ?checked=${site.statusPage} /> ${t('siteStatusPage')}</label>
      <fieldset>
        <legend>${t('lookTitle')}</legend>
        <div class="row">
          <label>${t('lookColor')}
            <input name="color" type="color" .value=${draft?.color ?? defaultColor} aria-describedby=${`hint-${site.publicKey}`} />
          </label>
          <label>${t('lookPosition')}
            <select name="position" .value=${draft?.position ?? 'BOTTOM_RIGHT'}>
              <option value="BOTTOM_RIGHT" ?selected=${draft?.position !== 'BOTTOM_LEFT'}>${t('lookRight')}</option>
              <option value="BOTTOM_LEFT" ?selected=${draft?.position === 'BOTTOM_LEFT'}>${t('lookLeft')}</option>
            </select>
          </label>
          <label>${t('lookText')}
            <input name="launcherText" maxlength="40" placeholder=${t('lookDefaultText')} .value=${draft?.launcherText ?? ''} />
          </label>
        </div>
        <p class="muted hint" id=${`hint-${site.publicKey}`}>${t('lookColorHint')}</p>
        <div class="look-preview" aria-label=${t('lookPreview')} role="img"
          style=${styleMap({ justifyContent: draft?.position === 'BOTTOM_LEFT' ? 'flex-start' : 'flex-end' })}>
          <span class="launcher-preview" style=${styleMap({ background: draft?.color ?? defaultColor })}>${draft?.launcherText.trim() || t('lookDefaultText')}</span>
        </div>
      </fieldset>
      <button class="primary" type="submit">${t('siteSave')}</button>
    </form>`;
  }
}
