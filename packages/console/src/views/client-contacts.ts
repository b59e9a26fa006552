import { html, LitElement, nothing } from 'lit';
import { request } from '../api.ts';
import {
  authorizeContactMutation,
  deactivateContactMutation,
  deauthorizeContactMutation,
  reactivateContactMutation,
} from '../clients-documents.ts';
import { type Locale, translate } from '../i18n.ts';
import { styles } from '../styles.ts';
import { failureOf } from './write-outcome.ts';

export interface ClientContact {
  id: string;
  name: string;
  email: string;
  authorized: boolean;
  active: boolean;
}

/**
 * An organization's people: who is authorized and who is active, and (for the head of support
 * and admins) authorizing, taking authorization away, deactivating, reactivating. Tells its page
 * `changed` after each change.
 */
export class ClientContacts extends LitElement {
  static override styles = styles;
  static override properties = {
    locale: {},
    organizationId: {},
    contacts: { attribute: false },
    mayChange: { type: Boolean },
    problem: { state: true },
    notice: { state: true },
  };
  declare locale: Locale;
  declare organizationId: string;
  declare contacts: ClientContact[];
  declare mayChange: boolean;
  declare problem: string;
  declare notice: string;

  constructor() {
    super();
    this.contacts = [];
    this.mayChange = false;
    this.problem = '';
    this.notice = '';
  }

  private async change(answer: Promise<Record<string, { __typename: string }>>): Promise<boolean> {
    this.notice = '';
    this.problem = await failureOf(answer);
    if (this.problem) return false;
    this.notice = translate(this.locale)('contactDone');
    this.dispatchEvent(new CustomEvent('changed'));
    return true;
  }

  private act(contact: ClientContact, action: 'authorize' | 'deauthorize' | 'deactivate' | 'reactivate'): void {
    const t = translate(this.locale);
    const input = { contactId: contact.id };
    if (action === 'deactivate' && !confirm(t('contactDeactivateConfirm', { name: contact.name }))) return;
    const run = {
      authorize: () =>
        request(
          authorizeContactMutation,
          { input: { email: contact.email, organizationId: this.organizationId } },
          this.locale,
        ),
      deauthorize: () => request(deauthorizeContactMutation, { input }, this.locale),
      deactivate: () => request(deactivateContactMutation, { input }, this.locale),
      reactivate: () => request(reactivateContactMutation, { input }, this.locale),
    }[action];
    void this.change(run());
  }

  private async add(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const input = { email: String(data.get('email') ?? ''), organizationId: this.organizationId, name: name || null };
    if (await this.change(request(authorizeContactMutation, { input }, this.locale))) form.reset();
  }

  override render() {
    const t = translate(this.locale);
    return html`<section class="card" aria-labelledby="contacts-title">
      <h3 id="contacts-title">${t('contactsTitle')}</h3>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.notice ? html`<p class="muted" role="status">${this.notice}</p>` : nothing}
      ${
        this.contacts.length === 0
          ? html`<p class="muted">${t('contactsNone')}</p>`
          : html`<ul class="plain contacts">
            ${this.contacts.map((c) => this.contact(c))}
          </ul>`
      }
      ${this.mayChange ? this.form() : nothing}
    </section>`;
  }

  private contact(c: ClientContact) {
    const t = translate(this.locale);
    const standing = !c.active
      ? t('contactInactive')
      : c.authorized
        ? t('contactAuthorized')
        : t('contactNotAuthorized');
    const button = (label: string, action: Parameters<ClientContacts['act']>[1]) =>
      html`<button class="small" @click=${() => this.act(c, action)}>${label}</button>`;
    return html`<li class=${c.active ? '' : 'muted'}>
      <strong>${c.name}</strong> · ${c.email} · <span class="flag">${standing}</span>
      ${
        this.mayChange
          ? html`<span class="row" role="group" aria-label=${t('contactActions', { name: c.name })}>
            ${c.active && !c.authorized ? button(t('contactAuthorize'), 'authorize') : nothing}
            ${c.active && c.authorized ? button(t('contactDeauthorize'), 'deauthorize') : nothing}
            ${c.active ? button(t('contactDeactivate'), 'deactivate') : button(t('contactReactivate'), 'reactivate')}
          </span>`
          : nothing
      }
    </li>`;
  }

  private form() {
    const t = translate(this.locale);
    return html`<form class="fields" aria-labelledby="contact-new" @submit=${(e: SubmitEvent) => void this.add(e)}>
      <h4 id="contact-new">${t('contactNew')}</h4>
      <p class="muted hint">${t('contactNewHint')}</p>
      <div class="row">
        <label>${t('contactEmail')} <input name="email" type="email" required maxlength="254" /></label>
        <label>${t('contactName')} <input name="name" maxlength="200" /></label>
        <button class="primary" type="submit">${t('contactAuthorize')}</button>
      </div>
    </form>`;
  }
}
