import { html, LitElement, nothing } from 'lit';
import { ConsoleError, request } from '../api.ts';
import { dateTime, duration } from '../format.ts';
import type { ResultOf } from '../graphql.ts';
import { type Locale, translate } from '../i18n.ts';
import { styles } from '../styles.ts';
import {
  deleteTimeEntryMutation,
  logTimeMutation,
  runningTimerQuery,
  startTimerMutation,
  stopTimerMutation,
  updateTimeEntryMutation,
} from '../ticket-documents.ts';

export type TimeEntry = {
  id: string;
  minutes: number;
  note: string | null;
  billable: boolean;
  running: boolean;
  startedAt: string;
  supportLine: number;
  staff: { id: string; name: string };
};
type Running = ResultOf<typeof runningTimerQuery>['myRunningTimer'];

/**
 * The ticket's time: my timer (start/stop, one at a time across tickets), logging time by
 * hand, the entries, and correcting or deleting my own. Fires `changed` after each write.
 */
export class TicketTime extends LitElement {
  static override styles = styles;
  static override properties = {
    ticketId: {},
    staffId: {},
    locale: {},
    entries: { attribute: false },
    running: { state: true },
    editing: { state: true },
    problem: { state: true },
    tick: { state: true },
  };
  declare ticketId: string;
  declare staffId: string;
  declare locale: Locale;
  declare entries: TimeEntry[];
  declare running: Running;
  declare editing: string;
  declare problem: string;
  declare tick: number;
  private clock: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.entries = [];
    this.running = null;
    this.editing = '';
    this.problem = '';
    this.tick = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.readTimer();
    this.clock = setInterval(() => {
      if (this.running) this.tick += 1;
    }, 30_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
  }

  private async readTimer(): Promise<void> {
    this.running = (await request(runningTimerQuery, {}, this.locale).catch(() => null))?.myRunningTimer ?? null;
  }

  private async write(answer: Promise<Record<string, { __typename: string; message?: string }>>): Promise<boolean> {
    this.problem = '';
    try {
      const result = Object.values(await answer)[0];
      if (result?.__typename === 'DomainError') {
        this.problem = result.message ?? '';
        return false;
      }
      await this.readTimer();
      this.dispatchEvent(new CustomEvent('changed'));
      return true;
    } catch (error) {
      this.problem = error instanceof ConsoleError ? error.message : String(error);
      return false;
    }
  }

  private async log(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const minutes = Number(data.get('minutes'));
    const note = String(data.get('note') ?? '').trim() || undefined;
    const input = { ticketId: this.ticketId, minutes, note, billable: data.get('billable') === 'on' };
    if (await this.write(request(logTimeMutation, { input }, this.locale))) form.reset();
  }

  private async saveEdit(event: SubmitEvent, entry: TimeEntry): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const input = {
      timeEntryId: entry.id,
      minutes: Number(data.get('minutes')),
      note: String(data.get('note') ?? ''),
      billable: data.get('billable') === 'on',
    };
    if (await this.write(request(updateTimeEntryMutation, { input }, this.locale))) this.editing = '';
  }

  override render() {
    const t = translate(this.locale);
    const mine = this.running;
    const here = mine?.ticket.id === this.ticketId;
    const elapsed = mine ? Math.max(0, Math.floor((Date.now() - new Date(mine.startedAt).getTime()) / 60_000)) : 0;
    const total = this.entries.reduce((sum, e) => sum + e.minutes, 0);
    return html`<section class="card" aria-label=${t('time')}>
      <h3>${t('time')}</h3>
      <div class="row">
        ${
          here
            ? html`<button class="primary" @click=${() => void this.write(request(stopTimerMutation, { input: {} }, this.locale))}>${t('stopTimer', { elapsed: duration(elapsed, this.locale) })}</button>`
            : html`<button @click=${() => void this.write(request(startTimerMutation, { input: { ticketId: this.ticketId } }, this.locale))}>${t('startTimer')}</button>
              ${mine ? html`<span class="muted">${t('timerElsewhere', { number: mine.ticket.displayNumber })}</span>` : nothing}`
        }
      </div>
      <form class="row" @submit=${(e: SubmitEvent) => void this.log(e)}>
        <label class="inline">${t('minutes')} <input name="minutes" type="number" min="1" max="1440" required style="width:6em" /></label>
        <label class="inline">${t('timeNote')} <input name="note" /></label>
        <label class="inline"><input name="billable" type="checkbox" checked /> ${t('billable')}</label>
        <button type="submit">${t('logTime')}</button>
      </form>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${
        this.entries.length === 0
          ? html`<p class="muted">${t('noTime')}</p>`
          : html`<ul class="plain entries">${this.entries.map((entry) => this.entry(entry))}</ul>
            <p class="muted">${t('totalTime', { total: duration(total, this.locale) })}</p>`
      }
    </section>`;
  }

  private entry(entry: TimeEntry) {
    const t = translate(this.locale);
    const own = entry.staff.id === this.staffId;
    if (this.editing === entry.id)
      return html`<li><form class="row" @submit=${(e: SubmitEvent) => void this.saveEdit(e, entry)}>
        <label class="inline">${t('minutes')} <input name="minutes" type="number" min="1" max="1440" .value=${String(entry.minutes)} style="width:6em" /></label>
        <label class="inline">${t('timeNote')} <input name="note" .value=${entry.note ?? ''} /></label>
        <label class="inline"><input name="billable" type="checkbox" ?checked=${entry.billable} /> ${t('billable')}</label>
        <button type="submit">${t('save')}</button><button type="button" @click=${() => (this.editing = '')}>${t('cancel')}</button>
      </form></li>`;
    return html`<li>
      <strong>${entry.running ? t('running') : duration(entry.minutes, this.locale)}</strong>
      · ${entry.staff.name} · L${entry.supportLine} · ${dateTime(entry.startedAt, this.locale)}
      · <span class="muted">${t(entry.billable ? 'billable' : 'nonBillable')}</span>
      ${entry.note ? html`<div>${entry.note}</div>` : nothing}
      ${
        own && !entry.running
          ? html`<button @click=${() => (this.editing = entry.id)}>${t('edit')}</button>
            <button @click=${() => void this.write(request(deleteTimeEntryMutation, { input: { timeEntryId: entry.id } }, this.locale))}>${t('remove')}</button>`
          : nothing
      }
    </li>`;
  }
}
