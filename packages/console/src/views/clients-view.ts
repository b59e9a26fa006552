import { css, html, LitElement, nothing } from 'lit';
import { ConsoleError, request } from '../api.ts';
import { createOrganizationMutation, createSiteMutation, organizationQuery } from '../clients-documents.ts';
import { day } from '../format.ts';
import type { ResultOf } from '../graphql.ts';
import { type Locale, translate } from '../i18n.ts';
import { allOrganizations, type ListedOrganization } from '../organization-list.ts';
import { styles } from '../styles.ts';
import { failureOf } from './write-outcome.ts';

type Detail = Extract<NonNullable<ResultOf<typeof organizationQuery>['node']>, { contacts: unknown }>;

/**
 * The studio's clients: the organizations on the left, one organization's contacts, sites and
 * contracts on the right. Every staff role reads it; the head of support and admins add clients
 * and sites, manage contacts and set a site's widget look (the server decides either way).
 */
export class ClientsView extends LitElement {
  static override styles = [
    styles,
    css`
      .clients { display: grid; grid-template-columns: 280px minmax(0, 1fr); gap: 16px; align-items: start; }
      .clients nav ul { max-height: 70vh; overflow: auto; }
      .clients nav button { width: 100%; text-align: left; border: 0; background: none; padding: 4px 6px; }
      .clients nav button[aria-current='true'] { background: #e8efff; font-weight: 600; }
      .detail { display: flex; flex-direction: column; gap: 12px; }
      @media (max-width: 800px) { .clients { grid-template-columns: minmax(0, 1fr); } }
    `,
  ];
  static override properties = {
    locale: {},
    role: {},
    organizations: { state: true },
    search: { state: true },
    selected: { state: true },
    detail: { state: true },
    problem: { state: true },
    notice: { state: true },
  };
  declare locale: Locale;
  declare role: string;
  declare organizations: ListedOrganization[];
  declare search: string;
  declare selected: string;
  declare detail: Detail | null;
  declare problem: string;
  declare notice: string;

  constructor() {
    super();
    this.organizations = [];
    this.search = '';
    this.selected = '';
    this.detail = null;
    this.problem = '';
    this.notice = '';
  }

  private get mayChange(): boolean {
    return this.role === 'HEAD' || this.role === 'ADMIN';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadList();
  }

  private async loadList(): Promise<void> {
    try {
      this.organizations = await allOrganizations(this.locale);
    } catch (error) {
      this.problem = error instanceof ConsoleError ? error.message : String(error);
    }
  }

  private async select(id: string): Promise<void> {
    this.selected = id;
    this.notice = '';
    await this.loadDetail();
  }

  private async loadDetail(): Promise<void> {
    if (!this.selected) return;
    try {
      const { node } = await request(organizationQuery, { id: this.selected }, this.locale);
      this.detail = node && 'contacts' in node ? (node as Detail) : null;
    } catch (error) {
      this.problem = error instanceof ConsoleError ? error.message : String(error);
    }
  }

  private async addClient(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const input = {
      name: String(data.get('name') ?? ''),
      email: String(data.get('email') ?? '') || null,
      locale: String(data.get('locale') ?? 'ru'),
    };
    this.notice = '';
    let createdId = '';
    this.problem = await failureOf(
      request(createOrganizationMutation, { input }, this.locale).then((answer) => {
        const result = answer.createOrganization;
        if (result.__typename === 'OrganizationPayload') createdId = result.organization.id;
        return answer;
      }),
    );
    if (this.problem) return;
    form.reset();
    this.notice = translate(this.locale)('clientAdded');
    await this.loadList();
    if (createdId) await this.select(createdId);
  }

  private async addSite(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const input = {
      organizationId: this.selected,
      name: String(data.get('name') ?? ''),
      url: String(data.get('url') ?? ''),
    };
    this.notice = '';
    this.problem = await failureOf(request(createSiteMutation, { input }, this.locale));
    if (this.problem) return;
    form.reset();
    await this.loadDetail();
  }

  override render() {
    const t = translate(this.locale);
    const needle = this.search.trim().toLocaleLowerCase();
    const shown = needle
      ? this.organizations.filter((o) => `${o.name} ${o.email ?? ''}`.toLocaleLowerCase().includes(needle))
      : this.organizations;
    return html`<h2>${t('clientsTitle')}</h2>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.notice ? html`<p class="muted" role="status">${this.notice}</p>` : nothing}
      <div class="clients">
        <div class="aside">
          <nav class="card" aria-label=${t('clientsTitle')}>
            <label>${t('clientsSearch')}
              <input type="search" .value=${this.search} @input=${(e: Event) => (this.search = (e.target as HTMLInputElement).value)} />
            </label>
            ${
              shown.length === 0
                ? html`<p class="muted">${t('clientsNone')}</p>`
                : html`<ul class="plain">
                  ${shown.map(
                    (o) => html`<li><button aria-current=${this.selected === o.id ? 'true' : 'false'}
                      @click=${() => void this.select(o.id)}>${o.name}</button></li>`,
                  )}
                </ul>`
            }
          </nav>
          ${this.mayChange ? this.clientForm() : nothing}
        </div>
        ${this.detail ? this.organization(this.detail) : html`<p class="muted">${t('clientsPick')}</p>`}
      </div>`;
  }

  private organization(org: Detail) {
    const t = translate(this.locale);
    return html`<div class="detail">
      <section class="card" aria-labelledby="org-title">
        <h3 id="org-title">${org.name}</h3>
        ${org.email ? html`<p class="muted">${org.email}</p>` : nothing}
      </section>
      <caredesk-client-contacts .locale=${this.locale} .organizationId=${org.id} .contacts=${org.contacts}
        ?mayChange=${this.mayChange} @changed=${() => void this.loadDetail()}></caredesk-client-contacts>
      <section class="card" aria-labelledby="sites-title">
        <h3 id="sites-title">${t('sitesTitle')}</h3>
        ${org.sites.length === 0 ? html`<p class="muted">${t('sitesNone')}</p>` : nothing}
        ${org.sites.map(
          (site) => html`<caredesk-client-site .locale=${this.locale} .site=${site} ?mayChange=${this.mayChange}
            @changed=${() => void this.loadDetail()}></caredesk-client-site>`,
        )}
        ${this.mayChange ? this.siteForm() : nothing}
      </section>
      ${this.contracts(org)}
    </div>`;
  }

  private contracts(org: Detail) {
    const t = translate(this.locale);
    return html`<section class="card" aria-labelledby="contracts-title">
      <h3 id="contracts-title">${t('contractsTitle')}</h3>
      ${
        org.contracts.length === 0
          ? html`<p class="muted">${t('contractsNone')}</p>`
          : html`<ul class="plain">
            ${org.contracts.map(
              (c) => html`<li>
                <strong>№ ${c.number}</strong> · ${c.tariff.name} ·
                <span class="flag">${c.active ? t('contractActive') : t('contractEnded')}</span>
                ${t('contractFrom', { date: day(c.startsOn, this.locale) })}
                ${c.endsOn ? t('contractUntil', { date: day(c.endsOn, this.locale) }) : nothing}
                ${c.prepaidMonths > 1 ? html`· ${t('contractPrepaid', { months: c.prepaidMonths })}` : nothing}
                ${c.discountBasisPoints ? html`· ${t('contractDiscount', { percent: c.discountBasisPoints / 100 })}` : nothing}
                ${c.freeSupportUntil ? html`· ${t('contractFreeUntil', { date: day(c.freeSupportUntil, this.locale) })}` : nothing}
              </li>`,
            )}
          </ul>`
      }
    </section>`;
  }

  private clientForm() {
    const t = translate(this.locale);
    return html`<form class="card fields" aria-labelledby="client-new" @submit=${(e: SubmitEvent) => void this.addClient(e)}>
      <h3 id="client-new">${t('clientNew')}</h3>
      <label>${t('clientName')} <input name="name" required maxlength="200" /></label>
      <label>${t('clientEmail')} <input name="email" type="email" maxlength="254" /></label>
      <label>${t('clientLanguage')}
        <select name="locale">
          <option value="ru">${t('languageRu')}</option>
          <option value="en">${t('languageEn')}</option>
        </select>
      </label>
      <button class="primary" type="submit">${t('clientCreate')}</button>
    </form>`;
  }

  private siteForm() {
    const t = translate(this.locale);
    return html`<form class="fields" aria-labelledby="site-new" @submit=${(e: SubmitEvent) => void this.addSite(e)}>
      <h4 id="site-new">${t('siteNew')}</h4>
      <div class="row">
        <label>${t('siteName')} <input name="name" required maxlength="200" /></label>
        <label>${t('siteUrl')} <input name="url" type="url" required placeholder="https://shop.example" /></label>
        <button class="primary" type="submit">${t('siteCreate')}</button>
      </div>
    </form>`;
  }
}
