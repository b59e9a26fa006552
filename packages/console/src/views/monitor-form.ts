import { html, LitElement, nothing } from 'lit';
import { request } from '../api.ts';
import { type Locale, translate } from '../i18n.ts';
import { createMonitorMutation, updateMonitorMutation } from '../monitoring-documents.ts';
import { styles } from '../styles.ts';
import { monitoringStyles } from './monitoring-styles.ts';

const kinds = ['HTTP', 'TLS', 'DOMAIN', 'TCP', 'HEARTBEAT'] as const;
type Kind = (typeof kinds)[number];

/** A monitor being changed: its settings as the server keeps them (`Monitor.config`). */
export interface EditedMonitor {
  id: string;
  name: string;
  kind: Kind;
  config: Record<string, unknown>;
}

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
 * Adds a monitor of any kind the API has to a client's site, or changes one (`editing`; its kind
 * stays). A heartbeat's push URL is shown once, as the server gives it.
 *
 * @fires created - `detail`: the notice to show (after adding or changing).
 * @fires cancel - the change was given up.
 */
export class MonitorForm extends LitElement {
  static override styles = [styles, monitoringStyles];
  static override properties = {
    locale: {},
    sites: {},
    editing: {},
    kind: { state: true },
    problem: { state: true },
    pushUrl: { state: true },
  };
  declare locale: Locale;
  declare sites: { id: string; name: string; url: string }[];
  /** The monitor being changed, or null to add one. */
  declare editing: EditedMonitor | null;
  declare kind: Kind;
  declare problem: string;
  declare pushUrl: string;

  constructor() {
    super();
    this.sites = [];
    this.editing = null;
    this.kind = 'HTTP';
    this.problem = '';
    this.pushUrl = '';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('editing') && this.editing) {
      this.kind = this.editing.kind;
      this.problem = '';
      this.pushUrl = '';
    }
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('editing') && this.editing)
      this.renderRoot.querySelector<HTMLInputElement>('input[name=name]')?.focus();
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    this.problem = '';
    try {
      const check = checkOf(this.kind, data);
      const editing = this.editing;
      const outcome: { __typename: string; message?: string; detail?: string | null; pushUrl?: string | null } = editing
        ? (
            await request(
              updateMonitorMutation,
              { input: { monitorId: editing.id, name, ...check } as never },
              this.locale,
            )
          ).updateMonitor
        : (
            await request(
              createMonitorMutation,
              { input: { siteId: String(data.get('site')), name, kind: this.kind, ...check } as never },
              this.locale,
            )
          ).createMonitor;
      if (outcome.__typename === 'DomainError') {
        this.problem = [outcome.message, outcome.detail].filter(Boolean).join(' ');
        return;
      }
      this.pushUrl = outcome.pushUrl ?? '';
      form.reset();
      this.kind = 'HTTP';
      const t = translate(this.locale);
      this.dispatchEvent(new CustomEvent('created', { detail: t(editing ? 'monChanged' : 'monCreated', { name }) }));
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    const t = translate(this.locale);
    const config = this.editing?.config ?? {};
    const value = (name: string) => {
      const stored = config[name === 'period' ? 'periodSeconds' : name];
      return stored === undefined || stored === null ? '' : String(stored);
    };
    const field = (name: string, label: Parameters<typeof t>[0], type = 'text', required = true) =>
      html`<label>${t(label)}<input name=${name} type=${type} ?required=${required} .value=${value(name)} /></label>`;
    const specific = {
      HTTP: html`${field('url', 'monUrl', 'url')}${field('keyword', 'monKeyword', 'text', false)}`,
      TLS: html`${field('host', 'monHost')}${field('port', 'monPort', 'number', false)}`,
      DOMAIN: field('domain', 'monDomain'),
      TCP: html`${field('host', 'monHost')}${field('port', 'monPort', 'number')}`,
      HEARTBEAT: field('period', 'monPeriod', 'number'),
    }[this.kind];
    const title = this.editing ? t('monEdit', { name: this.editing.name }) : t('monAdd');
    return html`<form class="monitor-form" aria-labelledby="add-title" @submit=${(e: SubmitEvent) => void this.submit(e)}>
      <h3 id="add-title">${title}</h3>
      ${
        this.editing
          ? nothing
          : html`<label>${t('monSite')}<select name="site" required>
        ${this.sites.map((s) => html`<option value=${s.id}>${s.name} (${s.url})</option>`)}
      </select></label>`
      }
      <label>${t('monName')}<input name="name" required .value=${this.editing?.name ?? ''} /></label>
      <label>${t('monKind')}<select name="kind" ?disabled=${Boolean(this.editing)} @change=${(e: Event) => {
        this.kind = (e.target as HTMLSelectElement).value as Kind;
      }}>${kinds.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${k}</option>`)}</select></label>
      ${specific}
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.pushUrl ? html`<p class="notice" role="status">${t('monPushUrl', { url: this.pushUrl })}</p>` : nothing}
      <div><button class="primary" type="submit">${this.editing ? t('monSave') : t('monAdd')}</button>
        ${this.editing ? html`<button type="button" @click=${() => this.dispatchEvent(new CustomEvent('cancel'))}>${t('monCancel')}</button>` : nothing}</div>
    </form>`;
  }
}
