import { html, LitElement, nothing } from 'lit';
import { type Locale, translate } from '../i18n.ts';
import { styles } from '../styles.ts';

/** An attached image at full size in a modal dialog, on a neutral background; Esc closes it. */
export class ImageViewer extends LitElement {
  static override styles = styles;
  static override properties = { locale: {}, image: { state: true } };
  declare locale: Locale;
  declare image: { url: string; name: string } | null;

  constructor() {
    super();
    this.image = null;
  }

  async show(url: string, name: string): Promise<void> {
    this.image = { url, name };
    await this.updateComplete;
    this.renderRoot.querySelector('dialog')?.showModal();
  }

  override render() {
    const t = translate(this.locale);
    return html`<dialog class="viewer" aria-label=${this.image?.name ?? ''} @close=${() => (this.image = null)}>
      ${
        this.image
          ? html`<div class="row"><strong>${this.image.name}</strong><span class="spacer"></span>
              <a href=${this.image.url} target="_blank" rel="noopener">${t('openImage', { name: '' }).trim()}</a>
              <button @click=${() => this.renderRoot.querySelector('dialog')?.close()}>${t('close')}</button></div>
            <img src=${this.image.url} alt=${this.image.name} />`
          : nothing
      }
    </dialog>`;
  }
}
