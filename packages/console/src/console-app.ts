import { html, LitElement, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { ConsoleError, closeLive, request, type SignedIn, signIn, signOut } from './api.ts';
import { viewerQuery } from './documents.ts';
import { useStudioZone } from './format.ts';
import { browserLocale, type Locale, translate } from './i18n.ts';
import { styles } from './styles.ts';
import { workingHoursQuery } from './ticket-documents.ts';
import { ArticleEditor } from './views/article-editor.ts';
import { CannedView } from './views/canned-view.ts';
import { ClientContacts } from './views/client-contacts.ts';
import { ClientSite } from './views/client-site.ts';
import { ClientsView } from './views/clients-view.ts';
import { Composer } from './views/composer.ts';
import { ImageViewer } from './views/image-viewer.ts';
import { KnowledgeBaseView } from './views/kb-view.ts';
import { MaintenancePanel } from './views/maintenance-panel.ts';
import { MoneyContracts } from './views/money-contracts.ts';
import { MoneyTime } from './views/money-time.ts';
import { MoneyView } from './views/money-view.ts';
import { MonitorForm } from './views/monitor-form.ts';
import { MonitoringView } from './views/monitoring-view.ts';
import { MoveDialog } from './views/move-dialog.ts';
import { PageContext } from './views/page-context.ts';
import { QueueView } from './views/queue-view.ts';
import { SetPasswordPage } from './views/set-password-page.ts';
import { SettingsBilling } from './views/settings-billing.ts';
import { SettingsCalendar } from './views/settings-calendar.ts';
import { SettingsHours } from './views/settings-hours.ts';
import { SettingsMail } from './views/settings-mail.ts';
import { SettingsNotifications } from './views/settings-notifications.ts';
import { SettingsSla } from './views/settings-sla.ts';
import { SettingsStaff } from './views/settings-staff.ts';
import { SettingsTokens } from './views/settings-tokens.ts';
import { SettingsView } from './views/settings-view.ts';
import { SplitDialog } from './views/split-dialog.ts';
import { StatisticsView } from './views/statistics-view.ts';
import { TicketSecrets } from './views/ticket-secrets.ts';
import { TicketSide } from './views/ticket-side.ts';
import { TicketTime } from './views/ticket-time.ts';
import { TicketView } from './views/ticket-view.ts';
import { TrendChart } from './views/trend-chart.ts';

/** The console's pages besides the queue and a ticket: `/console/<page>`. */
const pages = ['canned', 'monitoring', 'clients', 'kb', 'money', 'statistics', 'settings'] as const;
/** The roles that see money. */
const moneyRoles = ['ACCOUNTANT', 'HEAD', 'ADMIN'];
type Page = (typeof pages)[number];

/** The staff console: sign-in, then the queue, one ticket at a time, the canned responses, monitoring and clients. */
export class ConsoleApp extends LitElement {
  static override styles = styles;
  static override properties = {
    staff: { state: true },
    locale: { state: true },
    ticketId: { state: true },
    page: { state: true },
    problem: { state: true },
    ready: { state: true },
    attention: { state: true },
  };
  declare staff: { id: string; name: string; role: string } | null;
  declare locale: Locale;
  declare ticketId: string | null;
  /** The page open instead of the queue or a ticket, if any. */
  declare page: Page | null;
  declare problem: string;
  declare ready: boolean;
  /** How many of my tickets need me now: shown in the page's title. */
  declare attention: number;

  constructor() {
    super();
    this.staff = null;
    this.locale = browserLocale();
    this.ticketId = null;
    this.page = null;
    this.problem = '';
    this.ready = false;
    this.attention = 0;
  }

  get t() {
    return translate(this.locale);
  }

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    addEventListener('popstate', () => this.route());
    try {
      const { viewer } = await request(viewerQuery, {}, this.locale);
      this.staff = viewer.kind === 'STAFF' && viewer.staff ? viewer.staff : null;
    } catch {
      this.staff = null;
    }
    if (this.staff) await this.readStudioZone();
    this.route();
    this.ready = true;
  }

  /** Dates and clocks are shown in the studio's time zone. */
  private async readStudioZone(): Promise<void> {
    const answer = await request(workingHoursQuery, {}, this.locale).catch(() => null);
    if (answer) useStudioZone(answer.workingHours.timeZone);
  }

  /** `/console/tickets/<id>` opens a ticket, `/console/canned` or `/console/monitoring` a page; `/console` the queue. */
  private route(): void {
    const match = /\/console\/tickets\/([^/]+)$/.exec(location.pathname);
    this.ticketId = match ? decodeURIComponent(match[1] ?? '') : null;
    const page = /\/console\/(\w+)\/?$/.exec(location.pathname)?.[1];
    this.page = pages.find((p) => p === page) ?? null;
  }

  open(id: string | null): void {
    history.pushState(null, '', id ? `/console/tickets/${encodeURIComponent(id)}` : '/console');
    this.ticketId = id;
    this.page = null;
  }

  private openPage(event: Event, page: Page): void {
    event.preventDefault();
    history.pushState(null, '', `/console/${page}`);
    this.ticketId = null;
    this.page = page;
  }

  /** The knowledge base with one article in the editor. */
  private openArticle(id: string): void {
    history.pushState(null, '', `/console/kb?article=${encodeURIComponent(id)}`);
    this.ticketId = null;
    this.page = 'kb';
  }

  private openQueue(event: Event): void {
    event.preventDefault();
    this.open(null);
  }

  private async submitSignIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.problem = '';
    try {
      const staff: SignedIn = await signIn(String(data.get('email')), String(data.get('password')), this.locale);
      await this.readStudioZone();
      this.staff = staff;
    } catch (error) {
      this.problem = error instanceof ConsoleError ? error.message : String(error);
    }
  }

  private async leave(): Promise<void> {
    await signOut();
    closeLive();
    this.staff = null;
    this.open(null);
  }

  override updated(): void {
    document.documentElement.lang = this.locale;
    document.title = this.attention ? `(${this.attention}) ${this.t('title')}` : this.t('title');
  }

  override render() {
    const t = this.t;
    if (!this.ready) return nothing;
    const switchLanguage = html`<button @click=${() => (this.locale = this.locale === 'ru' ? 'en' : 'ru')}>${t('language')}</button>`;
    if (/\/console\/set-password\/?$/.test(location.pathname))
      return html`<header><h1>${t('title')}</h1>${switchLanguage}</header>
        <main><caredesk-set-password .locale=${this.locale}></caredesk-set-password></main>`;
    if (!this.staff)
      return html`<header><h1>${t('title')}</h1>${switchLanguage}</header>
        <main>
          <form class="sign-in" @submit=${(e: SubmitEvent) => void this.submitSignIn(e)}>
            <label>${t('email')}<input name="email" type="email" autocomplete="username" required /></label>
            <label>${t('password')}<input name="password" type="password" autocomplete="current-password" required /></label>
            ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
            <button class="primary" type="submit">${t('signIn')}</button>
          </form>
        </main>`;
    return html`<header>
        <h1>${t('title')}</h1>
        <nav aria-label=${t('sections')}>
          <a href="/console" aria-current=${!this.ticketId && !this.page ? 'page' : 'false'} @click=${(e: Event) => this.openQueue(e)}>${t('queue')}</a>
          <a href="/console/canned" aria-current=${this.page === 'canned' ? 'page' : 'false'} @click=${(e: Event) => this.openPage(e, 'canned')}>${t('cannedTitle')}</a>
          <a href="/console/monitoring" aria-current=${this.page === 'monitoring' ? 'page' : 'false'} @click=${(e: Event) => this.openPage(e, 'monitoring')}>${t('monTitle')}</a>
          ${
            this.staff.role === 'ACCOUNTANT'
              ? nothing
              : html`<a href="/console/kb" aria-current=${this.page === 'kb' ? 'page' : 'false'} @click=${(e: Event) => this.openPage(e, 'kb')}>${t('kbTitle')}</a>`
          }
          ${
            moneyRoles.includes(this.staff.role)
              ? html`<a href="/console/money" aria-current=${this.page === 'money' ? 'page' : 'false'} @click=${(e: Event) => this.openPage(e, 'money')}>${t('moneyTitle')}</a>`
              : nothing
          }
          <a href="/console/statistics" aria-current=${this.page === 'statistics' ? 'page' : 'false'} @click=${(e: Event) => this.openPage(e, 'statistics')}>${t('statsTitle')}</a>
          <a href="/console/clients" aria-current=${this.page === 'clients' ? 'page' : 'false'} @click=${(e: Event) => this.openPage(e, 'clients')}>${t('clientsTitle')}</a>
          <a href="/console/settings" aria-current=${this.page === 'settings' ? 'page' : 'false'} @click=${(e: Event) => this.openPage(e, 'settings')}>${t('settingsTitle')}</a>
        </nav>
        <span class="muted">${t('signedInAs', { name: this.staff.name })}</span>
        ${switchLanguage}
        <button @click=${() => void this.leave()}>${t('signOut')}</button>
      </header>
      <main>
        ${
          this.page === 'canned'
            ? html`<caredesk-canned .locale=${this.locale} .role=${this.staff.role}></caredesk-canned>`
            : this.page === 'monitoring'
              ? html`<caredesk-monitoring .locale=${this.locale} .role=${this.staff.role}
                  @open=${(e: CustomEvent<string>) => this.open(e.detail)}></caredesk-monitoring>`
              : this.page === 'kb' && this.staff.role !== 'ACCOUNTANT'
                ? html`<caredesk-kb .locale=${this.locale}></caredesk-kb>`
                : this.page === 'money' && moneyRoles.includes(this.staff.role)
                  ? html`<caredesk-money .locale=${this.locale} .role=${this.staff.role}></caredesk-money>`
                  : this.page === 'statistics'
                    ? html`<caredesk-statistics .locale=${this.locale} @open=${(e: CustomEvent<string>) => this.open(e.detail)}></caredesk-statistics>`
                    : this.page === 'settings'
                      ? html`<caredesk-settings .locale=${this.locale} .role=${this.staff.role}></caredesk-settings>`
                      : this.page === 'clients'
                        ? html`<caredesk-clients .locale=${this.locale} .role=${this.staff.role}></caredesk-clients>`
                        : this.ticketId
                          ? keyed(
                              this.ticketId,
                              html`<caredesk-ticket .ticketId=${this.ticketId} .locale=${this.locale} .staffId=${this.staff.id} .role=${this.staff.role}
                  @back=${() => this.open(null)} @open=${(e: CustomEvent<string>) => this.open(e.detail)}
                  @open-article=${(e: CustomEvent<string>) => this.openArticle(e.detail)}></caredesk-ticket>`,
                            )
                          : html`<caredesk-queue .locale=${this.locale} .staffId=${this.staff.id} @open=${(e: CustomEvent<string>) => this.open(e.detail)}
                @attention=${(e: CustomEvent<number>) => {
                  this.attention = e.detail;
                }}></caredesk-queue>`
        }
      </main>`;
  }
}

customElements.define('caredesk-queue', QueueView);
customElements.define('caredesk-ticket', TicketView);
customElements.define('caredesk-ticket-side', TicketSide);
customElements.define('caredesk-page-context', PageContext);
customElements.define('caredesk-ticket-time', TicketTime);
customElements.define('caredesk-ticket-secrets', TicketSecrets);
customElements.define('caredesk-move-dialog', MoveDialog);
customElements.define('caredesk-split-dialog', SplitDialog);
customElements.define('caredesk-composer', Composer);
customElements.define('caredesk-image-viewer', ImageViewer);
customElements.define('caredesk-canned', CannedView);
customElements.define('caredesk-monitoring', MonitoringView);
customElements.define('caredesk-monitor-form', MonitorForm);
customElements.define('caredesk-maintenance', MaintenancePanel);
customElements.define('caredesk-clients', ClientsView);
customElements.define('caredesk-kb', KnowledgeBaseView);
customElements.define('caredesk-money', MoneyView);
customElements.define('caredesk-money-contracts', MoneyContracts);
customElements.define('caredesk-money-time', MoneyTime);
customElements.define('caredesk-statistics', StatisticsView);
customElements.define('caredesk-settings', SettingsView);
customElements.define('caredesk-settings-hours', SettingsHours);
customElements.define('caredesk-settings-calendar', SettingsCalendar);
customElements.define('caredesk-settings-sla', SettingsSla);
customElements.define('caredesk-settings-billing', SettingsBilling);
customElements.define('caredesk-settings-tokens', SettingsTokens);
customElements.define('caredesk-settings-notifications', SettingsNotifications);
customElements.define('caredesk-settings-mail', SettingsMail);
customElements.define('caredesk-settings-staff', SettingsStaff);
customElements.define('caredesk-set-password', SetPasswordPage);
customElements.define('caredesk-trend-chart', TrendChart);
customElements.define('caredesk-article-editor', ArticleEditor);
customElements.define('caredesk-client-contacts', ClientContacts);
customElements.define('caredesk-client-site', ClientSite);
customElements.define('caredesk-console', ConsoleApp);
