import { css, html, LitElement, nothing } from 'lit';
import { request } from '../api.ts';
import { type Locale, translate } from '../i18n.ts';
import { setStaffPasswordMutation } from '../staff-documents.ts';
import { styles } from '../styles.ts';
import { failureOf } from './write-outcome.ts';

/**
 * `/console/set-password#token=…`: a new staff member (or one whose password an admin reset)
 * chooses a password with the one-time link they were sent. The secret stays in the fragment, so
 * it never reaches a server log; the page takes it out of the address bar at once.
 */
export class SetPasswordPage extends LitElement {
  static override styles = [styles, css`.done { max-width: 340px; margin: 48px auto; }`];
  static override properties = { locale: {}, problem: { state: true }, email: { state: true } };
  declare locale: Locale;
  declare problem: string;
  /** Set once the password is saved: the address to sign in with. */
  declare email: string;
  private readonly token: string;

  constructor() {
    super();
    this.problem = '';
    this.email = '';
    this.token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
    history.replaceState(null, '', location.pathname);
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const t = translate(this.locale);
    const data = new FormData(event.target as HTMLFormElement);
    const password = String(data.get('password') ?? '');
    if (password !== String(data.get('repeat') ?? '')) {
      this.problem = t('pwMismatch');
      return;
    }
    let email = '';
    this.problem = await failureOf(
      request(setStaffPasswordMutation, { input: { token: this.token, password } }, this.locale).then((answer) => {
        if (answer.setStaffPassword.__typename === 'SetStaffPasswordPayload') email = answer.setStaffPassword.email;
        return answer;
      }),
    );
    if (!this.problem) this.email = email;
  }

  override render() {
    const t = translate(this.locale);
    if (this.email)
      return html`<div class="done" role="status"><p>${t('pwDone', { email: this.email })}</p>
        <p><a href="/console">${t('pwSignIn')}</a></p></div>`;
    if (!this.token) return html`<p class="error done" role="alert">${t('pwNoLink')}</p>`;
    return html`<form class="sign-in" aria-labelledby="pw-title" @submit=${(e: SubmitEvent) => void this.save(e)}>
      <h2 id="pw-title">${t('pwTitle')}</h2>
      <p class="muted">${t('pwHint')}</p>
      <label>${t('pwNew')}<input name="password" type="password" autocomplete="new-password" minlength="12" required /></label>
      <label>${t('pwRepeat')}<input name="repeat" type="password" autocomplete="new-password" minlength="12" required /></label>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <button class="primary" type="submit">${t('pwSave')}</button>
    </form>`;
  }
}
