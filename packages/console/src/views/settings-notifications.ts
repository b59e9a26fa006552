import { css, html, LitElement, nothing } from 'lit';
import { request } from '../api.ts';
import { type Locale, translate } from '../i18n.ts';
import { myNotificationModeQuery, setMyNotificationModeMutation } from '../rules-documents.ts';
import { styles } from '../styles.ts';

const modes = ['IMMEDIATE', 'DIGEST', 'OFF'] as const;
type Mode = (typeof modes)[number];
const modeLabel = { IMMEDIATE: 'notifyImmediate', DIGEST: 'notifyDigest', OFF: 'notifyOff' } as const;

/** My e-mail about the tickets I work on: at once, a daily digest, or none. Saved on change. */
export class SettingsNotifications extends LitElement {
  static override styles = [styles, css`fieldset.modes { border: 0; padding: 0; margin: 0; }`];
  static override properties = { locale: {}, mode: { state: true }, notice: { state: true } };
  declare locale: Locale;
  declare mode: Mode | null;
  declare notice: string;

  constructor() {
    super();
    this.mode = null;
    this.notice = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void request(myNotificationModeQuery, {}, this.locale).then((answer) => {
      this.mode = answer.myNotificationMode;
    });
  }

  private async choose(mode: Mode): Promise<void> {
    this.notice = '';
    this.mode = (await request(setMyNotificationModeMutation, { mode }, this.locale)).setMyNotificationMode.mode;
    this.notice = translate(this.locale)('setSaved');
  }

  override render() {
    const t = translate(this.locale);
    return html`<section class="card" aria-labelledby="notify-title">
      <h3 id="notify-title">${t('notifyTitle')}</h3>
      <fieldset class="plain modes">
        <legend class="muted">${t('notifyHint')}</legend>
        ${modes.map(
          (mode) => html`<label class="inline"><input type="radio" name="mode" .checked=${this.mode === mode}
            @change=${() => void this.choose(mode)} /> ${t(modeLabel[mode])}</label>`,
        )}
      </fieldset>
      ${this.notice ? html`<p class="muted" role="status">${this.notice}</p>` : nothing}
    </section>`;
  }
}
