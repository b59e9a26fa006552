import { html, LitElement, nothing } from 'lit';
import { ConsoleError, request } from '../api.ts';
import { dateTime } from '../format.ts';
import { type Locale, translate } from '../i18n.ts';
import { styles } from '../styles.ts';
import { purgeSecretMutation, revealSecretMutation } from '../ticket-documents.ts';

export type SecretRow = { id: string; label: string; createdAt: string; purgedAt: string | null };

/** Credentials handed over for the ticket: labels; reveal one (audited), hide it again, purge it now. */
export class TicketSecrets extends LitElement {
  static override styles = styles;
  static override properties = {
    locale: {},
    secrets: { attribute: false },
    shown: { state: true },
    problem: { state: true },
  };
  declare locale: Locale;
  declare secrets: SecretRow[];
  /** Revealed values by secret id: kept in this element only, gone when the ticket closes in the browser. */
  declare shown: Record<string, string>;
  declare problem: string;

  constructor() {
    super();
    this.secrets = [];
    this.shown = {};
    this.problem = '';
  }

  private async reveal(id: string): Promise<void> {
    this.problem = '';
    try {
      const { revealTicketSecret: answer } = await request(
        revealSecretMutation,
        { input: { secretId: id } },
        this.locale,
      );
      if (answer.__typename === 'RevealedSecret') this.shown = { ...this.shown, [id]: answer.value };
      else if (answer.__typename === 'DomainError') this.problem = answer.message;
    } catch (error) {
      this.problem = error instanceof ConsoleError ? error.message : String(error);
    }
  }

  private async purge(id: string): Promise<void> {
    const { [id]: _gone, ...rest } = this.shown;
    this.shown = rest;
    const { purgeTicketSecret: answer } = await request(purgeSecretMutation, { input: { secretId: id } }, this.locale);
    if (answer.__typename === 'DomainError') this.problem = answer.message;
    this.dispatchEvent(new CustomEvent('changed'));
  }

  override render() {
    const t = translate(this.locale);
    if (this.secrets.length === 0) return nothing;
    return html`<section class="card" aria-label=${t('secrets')}>
      <h3>${t('secrets')}</h3>
      <p class="muted">${t('revealedNote')}</p>
      <ul class="plain">${this.secrets.map(
        (secret) => html`<li class="row">
          <strong>${secret.label}</strong>
          ${
            secret.purgedAt
              ? html`<span class="muted">${t('purged', { at: dateTime(secret.purgedAt, this.locale) })}</span>`
              : html`${
                  this.shown[secret.id] !== undefined
                    ? html`<code class="secret">${this.shown[secret.id]}</code>
                      <button @click=${() => {
                        const { [secret.id]: _hidden, ...rest } = this.shown;
                        this.shown = rest;
                      }}>${t('hide')}</button>`
                    : html`<button @click=${() => void this.reveal(secret.id)}>${t('reveal')}</button>`
                }
                <button @click=${() => void this.purge(secret.id)}>${t('purge')}</button>`
          }
        </li>`,
      )}</ul>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
    </section>`;
  }
}
