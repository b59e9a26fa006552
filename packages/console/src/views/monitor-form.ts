import { html, LitElement, nothing } from 'lit';
import { request } from '../api.ts';
import { type Locale, translate } from '../i18n.ts';
import { createMonitorMutation } from '../monitoring-documents.ts';
import { styles } from '../styles.ts';
import { monitoringStyles } from './monitoring-styles.ts';

const kinds = ['HTTP', 'TLS', 'DOMAIN', 'TCP', 'HEARTBEAT'] as const;
type Kind = (typeof kinds)[number];

/** The check of one kind from the form's fields, as `CreateMonitorInput` takes it. */
function checkOf(kind: Kind, data: FormData): Record<string, unknown> {
  const text = (name: string) => String(data.get(name) ?? '').trim();
  switch (kind) {
    case 'HTTP':
      return { http: { url: text('url'), ...(text('keyword') ? { keyword: text('keyword') } : {}) } };
    case 'TLS':
      return { tls: { host: text('host'), ...(text('port') ? { port: Number(text('port')) } : {}) } };
    case 'DOMAIN':
      return { domain: { domain: text('domain') } };
    case 'TCP':
      return { tcp: { host: text('host'), port: Number(text('port')) } };
    case 'HEARTBEAT':
      return { heartbeat: { periodSeconds: Number(text('period')) } };
  }
}

/**
 * Adds a monitor of any kind the API has to a client's site. A heartbeat's push URL is shown
 * once, as the server gives it.
 *
 * @fires created - `detail`: the notice to show.
 */
export class MonitorForm extends LitElement {
  static override styles = [styles, monitoringStyles];
  static override properties = {
    locale: {},
    sites: {},
    kind: { state: true },
    problem: { state: true },
    pushUrl: { state: true },
  };
  declare locale: Locale;
  declare sites: { id: string; name: string; url: string }[];
  declare kind: Kind;
  declare problem: string;
  declare pushUrl: string;

  constructor() {
    super();
    this.sites = [];
    this.kind = 'HTTP';
    this.problem = '';
    this.pushUrl = '';
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    this.problem = '';
    try {
      const { createMonitor } = await request(
        createMonitorMutation,
        {
          input: {
            siteId: String(data.get('site')),
            name,
            kind: this.kind,
            ...checkOf(this.kind, data),
          } as never,
        },
        this.locale,
      );
      if (createMonitor.__typename === 'DomainError') {
        this.problem = [createMonitor.message, createMonitor.detail].filter(Boolean).join(' ');
        return;
      }
      this.pushUrl = createMonitor.__typename === 'MonitorPayload' ? (createMonitor.pushUrl ?? '') : '';
      form.reset();
      this.kind = 'HTTP';
      this.dispatchEvent(new CustomEvent('created', { detail: translate(this.locale)('monCreated', { name }) }));
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    const t = translate(this.locale);
    const field = (name: string, label: Parameters<typeof t>[0], type = 'text', required = true) =>
      html`<label>${t(label)}<input name=${name} type=${type} ?required=${required} /></label>`;
    const specific = {
      HTTP: html`${field('url', 'monUrl', 'url')}${field('keyword', 'monKeyword', 'text', false)}`,
      TLS: html`${field('host', 'monHost')}${field('port', 'monPort', 'number', false)}`,
      DOMAIN: field('domain', 'monDomain'),
      TCP: html`${field('host', 'monHost')}${field('port', 'monPort', 'number')}`,
      HEARTBEAT: field('period', 'monPeriod', 'number'),
    }[this.kind];
    return html`<form class="monitor-form" aria-labelledby="add-title" @submit=${(e: SubmitEvent) => void this.submit(e)}>
      <h3 id="add-title">${t('monAdd')}</h3>
      <label>${t('monSite')}<select name="site" required>
        ${this.sites.map((s) => html`<option value=${s.id}>${s.name} (${s.url})</option>`)}
      </select></label>
      ${field('name', 'monName')}
      <label>${t('monKind')}<select name="kind" @change=${(e: Event) => {
        this.kind = (e.target as HTMLSelectElement).value as Kind;
      }}>${kinds.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${k}</option>`)}</select></label>
      ${specific}
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.pushUrl ? html`<p class="notice" role="status">${t('monPushUrl', { url: this.pushUrl })}</p>` : nothing}
      <div><button class="primary" type="submit">${t('monAdd')}</button></div>
    </form>`;
  }
}
