import { css, html, LitElement } from 'lit';

/**
 * The support widget embedded on a client's site. This first version only shows
 * that the script loaded; filing tickets comes with the widget issue.
 *
 * @csspart launcher - the round button in the corner
 */
export class CaredeskWidget extends LitElement {
  static override properties = { siteKey: { type: String, attribute: 'site-key' } };
  declare siteKey: string | undefined;

  static override styles = css`
    :host { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; font: 14px system-ui, sans-serif; }
    button { border: 0; border-radius: 24px; padding: 12px 18px; background: #2155d6; color: #fff; cursor: pointer; }
  `;

  override render() {
    return html`<button part="launcher" title="Support / Поддержка">Поддержка · Support</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'caredesk-widget': CaredeskWidget;
  }
}
