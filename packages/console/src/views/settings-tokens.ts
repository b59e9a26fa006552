import { css, html, LitElement, nothing } from 'lit';
import { ConsoleError, request } from '../api.ts';
import { dateTime } from '../format.ts';
import type { ResultOf } from '../graphql.ts';
import { type Locale, translate } from '../i18n.ts';
import { apiTokensQuery, createApiTokenMutation, revokeApiTokenMutation } from '../settings-documents.ts';
import { styles } from '../styles.ts';
import { failureOf } from './write-outcome.ts';

type Token = ResultOf<typeof apiTokensQuery>['apiTokens'][number];
const scopes = ['tickets:read', 'tickets:write', 'monitoring:report', 'admin'] as const;

/**
 * API tokens: create one (its secret shown once, with at most the caller's own scopes: the server
 * decides) and revoke it; each staff member sees their own, an admin everyone's.
 */
export class SettingsTokens extends LitElement {
  static override styles = [
    styles,
    css`
      .secret-box { display: flex; flex-direction: column; gap: 4px; }
      .secret { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
      fieldset { border: 1px solid var(--line); border-radius: 6px; }
      tbody tr { cursor: default; }
      .scroll { overflow-x: auto; }
    `,
  ];
  static override properties = {
    locale: {},
    tokens: { state: true },
    secret: { state: true },
    problem: { state: true },
    notice: { state: true },
  };
  declare locale: Locale;
  declare tokens: Token[];
  /** The secret of the token just created, shown until the page is left. */
  declare secret: string;
  declare problem: string;
  declare notice: string;

  constructor() {
    super();
    this.tokens = [];
    this.secret = '';
    this.problem = '';
    this.notice = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.tokens = (await request(apiTokensQuery, {}, this.locale)).apiTokens;
    } catch (error) {
      this.problem = error instanceof ConsoleError ? error.message : String(error);
    }
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const expires = String(data.get('expiresAt') ?? '');
    const input = {
      name: String(data.get('name') ?? ''),
      scopes: data.getAll('scope').map(String),
      expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : null,
    };
    this.secret = '';
    this.notice = '';
    let secret = '';
    this.problem = await failureOf(
      request(createApiTokenMutation, { input }, this.locale).then((answer) => {
        if (answer.createApiToken.__typename === 'CreateApiTokenPayload') secret = answer.createApiToken.secret;
        return answer;
      }),
    );
    if (this.problem) return;
    form.reset();
    this.secret = secret;
    await this.load();
  }

  private async revoke(token: Token): Promise<void> {
    const t = translate(this.locale);
    if (!confirm(t('tokenRevokeConfirm', { name: token.name }))) return;
    this.notice = '';
    this.problem = await failureOf(request(revokeApiTokenMutation, { input: { tokenId: token.id } }, this.locale));
    if (this.problem) return;
    this.notice = t('tokenRevokedNotice');
    await this.load();
  }

  override render() {
    const t = translate(this.locale);
    return html`<section class="card" aria-labelledby="tokens-title">
        <h3 id="tokens-title">${t('tokensTitle')}</h3>
        <p class="muted hint">${t('tokensHint')}</p>
        ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
        ${this.notice ? html`<p class="muted" role="status">${this.notice}</p>` : nothing}
        ${
          this.secret
            ? html`<div class="warning secret-box" role="status"><span>${t('tokenSecret')}</span>
              <code class="secret">${this.secret}</code></div>`
            : nothing
        }
        ${this.tokens.length === 0 ? html`<p class="muted">${t('tokensNone')}</p>` : this.list()}
        ${this.form()}
      </section>`;
  }

  private list() {
    const t = translate(this.locale);
    const now = Date.now();
    return html`<div class="scroll" tabindex="0" role="group" aria-labelledby="tokens-title"><table aria-labelledby="tokens-title">
      <thead><tr><th>${t('tokenName')}</th><th>${t('tokenScopes')}</th><th>${t('tokenOwner')}</th>
        <th>${t('tokenCreated')}</th><th>${t('tokenLastUsed')}</th><th>${t('tokenState')}</th></tr></thead>
      <tbody>${this.tokens.map((token) => {
        const expired = token.expiresAt !== null && new Date(token.expiresAt).getTime() <= now;
        const state = token.revokedAt
          ? t('tokenRevoked', { date: dateTime(token.revokedAt, this.locale) })
          : expired
            ? t('tokenExpired')
            : t('tokenActive');
        return html`<tr>
          <td>${token.name} <code class="muted">${token.prefix}…</code></td>
          <td>${token.scopes.map((s) => html`<span class="flag">${s}</span>`)}</td>
          <td>${token.staffName ?? ''}</td>
          <td>${dateTime(token.createdAt, this.locale)}</td>
          <td>${token.lastUsedAt ? dateTime(token.lastUsedAt, this.locale) : t('tokenNever')}</td>
          <td>${state}
            ${
              token.revokedAt || expired
                ? nothing
                : html`<button class="small" aria-label=${t('tokenRevokeLabel', { name: token.name })}
                  @click=${() => void this.revoke(token)}>${t('tokenRevoke')}</button>`
            }</td>
        </tr>`;
      })}</tbody>
    </table></div>`;
  }

  private form() {
    const t = translate(this.locale);
    return html`<form class="fields" aria-labelledby="token-new" @submit=${(e: SubmitEvent) => void this.create(e)}>
      <h4 id="token-new">${t('tokenCreate')}</h4>
      <label>${t('tokenName')} <input name="name" required maxlength="100" /></label>
      <fieldset class="row">
        <legend>${t('tokenScopes')}</legend>
        ${scopes.map(
          (scope) => html`<label class="inline"><input type="checkbox" name="scope" value=${scope}
            ?checked=${scope === 'tickets:read'} /> ${scope}</label>`,
        )}
      </fieldset>
      <label>${t('tokenExpires')} <input name="expiresAt" type="date" /></label>
      <button class="primary" type="submit">${t('tokenCreate')}</button>
    </form>`;
  }
}
