import { html, LitElement, nothing } from 'lit';
import { request } from '../api.ts';
import { dateTime, studioZone } from '../format.ts';
import type { ResultOf } from '../graphql.ts';
import { type Locale, translate } from '../i18n.ts';
import { createMaintenanceMutation, endMaintenanceMutation, maintenanceQuery } from '../monitoring-documents.ts';
import { styles } from '../styles.ts';
import { monitoringStyles } from './monitoring-styles.ts';

type Window = ResultOf<typeof maintenanceQuery>['maintenanceWindows'][number];

/** A one-off window is on now from its start to its end; a recurring one is described, not timed. */
const isOn = (w: Window, now: number) =>
  !w.recurring && Date.parse(w.startsAt) <= now && (!w.endsAt || Date.parse(w.endsAt) > now);
const isOver = (w: Window, now: number) => Boolean(w.endsAt && Date.parse(w.endsAt) <= now);

/**
 * Maintenance windows on the monitoring board: what is planned or on now (checks file nothing
 * and uptime does not count), a one-off window planned for a site, one on now ended early.
 */
export class MaintenancePanel extends LitElement {
  static override styles = [styles, monitoringStyles];
  static override properties = {
    locale: {},
    mayManage: { type: Boolean },
    sites: {},
    windows: { state: true },
    problem: { state: true },
    notice: { state: true },
    recurring: { state: true },
  };
  declare locale: Locale;
  declare mayManage: boolean;
  declare sites: { id: string; name: string }[];
  declare windows: Window[];
  declare problem: string;
  declare notice: string;
  /** The form plans a weekly window rather than a one-off. */
  declare recurring: boolean;

  constructor() {
    super();
    this.mayManage = false;
    this.sites = [];
    this.windows = [];
    this.problem = '';
    this.notice = '';
    this.recurring = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.windows = (await request(maintenanceQuery, {}, this.locale)).maintenanceWindows;
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  private async run(outcome: Promise<Record<string, { __typename: string; message?: string }>>, done: string) {
    this.problem = '';
    try {
      const result = Object.values(await outcome)[0];
      if (result?.__typename === 'DomainError') {
        this.problem = result.message ?? '';
        return;
      }
      this.notice = done;
      await this.load();
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  private async plan(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const title = String(data.get('title') ?? '').trim();
    const at = (name: string) => new Date(String(data.get(name))).toISOString();
    const siteId = String(data.get('site'));
    // A weekly window: on the chosen weekdays (none: every day) at a local time of the studio's zone.
    const input = this.recurring
      ? {
          title,
          siteId,
          recurring: true,
          startsAt: new Date().toISOString(),
          weekdays: data.getAll('weekday').map(Number),
          localStart: String(data.get('localStart')),
          durationMinutes: Number(data.get('duration')),
          timeZone: studioZone() ?? 'UTC',
        }
      : { title, siteId, startsAt: at('from'), endsAt: at('to') };
    await this.run(
      request(createMaintenanceMutation, { input }, this.locale),
      translate(this.locale)('mwAdded', { title }),
    );
    if (!this.problem) form.reset();
  }

  private scope(w: Window): string {
    const t = translate(this.locale);
    if (w.siteId) return this.sites.find((s) => s.id === w.siteId)?.name ?? '';
    return w.organizationId ? t('mwWhole') : t('mwMonitor');
  }

  private when(w: Window): string {
    const t = translate(this.locale);
    if (w.recurring) {
      const days = w.weekdays.length
        ? w.weekdays
            .map((d) =>
              new Date(Date.UTC(2024, 0, d)).toLocaleDateString(this.locale, { weekday: 'short', timeZone: 'UTC' }),
            )
            .join(', ')
        : t('mwEveryDay');
      return t('mwEvery', { days, time: w.localStart ?? '', minutes: w.durationMinutes ?? 0, zone: w.timeZone });
    }
    return `${dateTime(w.startsAt, this.locale)} — ${w.endsAt ? dateTime(w.endsAt, this.locale) : '…'}`;
  }

  override render() {
    const t = translate(this.locale);
    const now = Date.now();
    const shown = this.windows.filter((w) => !isOver(w, now));
    return html`<section aria-labelledby="mw-title"><h3 id="mw-title">${t('mwTitle')}</h3>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${
        shown.length === 0
          ? html`<p class="muted">${t('mwNone')}</p>`
          : html`<ul class="windows">${shown.map(
              (w) => html`<li><b>${w.title}</b> · ${this.scope(w)} · ${this.when(w)}
                ${isOn(w, now) ? html`<span class="state" data-state="PAUSED">${t('mwNow')}</span>` : nothing}
                ${
                  this.mayManage && isOn(w, now)
                    ? html`<button aria-label=${t('mwEndLabel', { title: w.title })}
                        @click=${() => void this.run(request(endMaintenanceMutation, { id: w.id }, this.locale), '')}>${t('mwEnd')}</button>`
                    : nothing
                }</li>`,
            )}</ul>`
      }
      ${
        this.mayManage
          ? html`<form class="monitor-form" aria-label=${t('mwAdd')} @submit=${(e: SubmitEvent) => void this.plan(e)}>
        <label>${t('mwName')}<input name="title" required maxlength="200" /></label>
        <label>${t('monSite')}<select name="site" required>${this.sites.map((s) => html`<option value=${s.id}>${s.name}</option>`)}</select></label>
        <label class="inline"><input type="checkbox" .checked=${this.recurring}
          @change=${(e: Event) => {
            this.recurring = (e.target as HTMLInputElement).checked;
          }} /> ${t('mwWeekly')}</label>
        ${
          this.recurring
            ? html`<fieldset class="weekdays"><legend>${t('mwDays')}</legend>${[1, 2, 3, 4, 5, 6, 7].map(
                (d) =>
                  html`<label class="inline"><input type="checkbox" name="weekday" value=${d} />${new Date(Date.UTC(2024, 0, d)).toLocaleDateString(this.locale, { weekday: 'short', timeZone: 'UTC' })}</label>`,
              )}</fieldset>
              <label>${t('mwAt')}<input name="localStart" type="time" required /></label>
              <label>${t('mwMinutes')}<input name="duration" type="number" min="1" max="1440" required /></label>`
            : html`<label>${t('mwFrom')}<input name="from" type="datetime-local" required /></label>
              <label>${t('mwTo')}<input name="to" type="datetime-local" required /></label>`
        }
        <div><button class="primary" type="submit">${t('mwAdd')}</button></div>
      </form>`
          : nothing
      }
    </section>`;
  }
}
