import { css, html, nothing } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { request } from '../api.ts';
import { calendarFile, isoDate, monthWeeks, type WeekHours, type YearDay } from '../calendar-year.ts';
import { type StringKey, translate } from '../i18n.ts';
import { styles } from '../styles.ts';
import {
  calendarYearQuery,
  importCalendarMutation,
  setCalendarDayMutation,
  studioHoursQuery,
} from '../working-time-documents.ts';
import { LoadedPart } from './loaded-part.ts';

const kindLabel: Record<YearDay['type'], StringKey> = {
  REGULAR: 'calRegular',
  WEEKEND: 'calWeekend',
  HOLIDAY: 'calHoliday',
  WORKDAY: 'calWorkday',
  SHORT: 'calShort',
};

/**
 * The working calendar as a year view: holidays, moved working days and short days at a glance;
 * pick a day to change it (the head of support and admins), import a country's calendar or the
 * studio's own file, export the year. Open tickets' due times follow every change (the server).
 */
export class SettingsCalendar extends LoadedPart {
  static override styles = [
    styles,
    css`
      .months { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; }
      .month table { width: auto; border-collapse: collapse; }
      .month caption { font-weight: 600; text-align: left; padding: 2px 0; }
      .month th, .month td { padding: 0; border: 0; text-align: center; font-size: 12px; }
      .month th { color: #5b6473; font-weight: normal; width: 28px; }
      .month button { width: 28px; height: 26px; padding: 0; border-radius: 4px; border: 1px solid transparent; background: none; font-size: 12px; }
      .WEEKEND { color: #5b6473; background: #eef0f4 !important; }
      .HOLIDAY { background: #fde2e1 !important; color: #8a1111; font-weight: 600; }
      .WORKDAY { background: #dff3e4 !important; color: #14532d; font-weight: 600; }
      .SHORT { background: #fff3bf !important; color: #6b4a00; }
      .month button.picked { border-color: var(--accent); outline: 2px solid var(--accent); }
      .legend { display: flex; gap: 8px; flex-wrap: wrap; margin: 6px 0; }
      .legend span { padding: 0 6px; border-radius: 4px; }
      .editor { display: flex; gap: 8px; flex-wrap: wrap; align-items: end; margin: 8px 0; }
      form.import { display: flex; gap: 8px; flex-wrap: wrap; align-items: end; }
    `,
  ];
  static override properties = {
    year: { state: true },
    days: { state: true },
    picked: { state: true },
  };
  declare year: number;
  declare days: Map<string, YearDay>;
  declare picked: YearDay | null;

  constructor() {
    super();
    this.year = new Date().getFullYear();
    this.days = new Map();
    this.picked = null;
  }

  protected override async load(): Promise<void> {
    const answer = await request(
      calendarYearQuery,
      { from: isoDate(this.year, 1, 1), to: isoDate(this.year, 12, 31) },
      this.locale,
    );
    this.days = new Map(answer.calendarDays.map((day): [string, YearDay] => [day.date as string, day as YearDay]));
    if (this.picked) this.picked = this.days.get(this.picked.date) ?? null;
  }

  private go(step: number): void {
    this.year += step;
    this.picked = null;
    void this.load();
  }

  private async change(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const picked = this.picked;
    if (!picked) return;
    const data = new FormData(event.target as HTMLFormElement);
    const kind = String(data.get('kind') ?? '');
    const minutes = String(data.get('minutes') ?? '').trim();
    const input = {
      date: picked.date,
      kind: kind ? (kind as 'HOLIDAY' | 'WORKDAY' | 'SHORT') : null,
      note: String(data.get('note') ?? '').trim() || null,
      workingMinutes: kind && kind !== 'HOLIDAY' && minutes ? Number(minutes) : null,
    };
    let moved = 0;
    await this.write(
      request(setCalendarDayMutation, { input }, this.locale).then((answer) => {
        if (answer.setCalendarDay.__typename === 'CalendarChangePayload')
          moved = answer.setCalendarDay.ticketsRecomputed;
        return answer;
      }),
      () => translate(this.locale)('calChanged', { tickets: moved }),
    );
  }

  private async importFile(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) return;
    const name = file.name.toLowerCase();
    const format = name.endsWith('.csv') ? 'CSV' : name.endsWith('.ics') || name.endsWith('.ical') ? 'ICAL' : 'JSON';
    const input = {
      content: await file.text(),
      format: format as 'CSV' | 'ICAL' | 'JSON',
      replaceYears: Boolean(data.get('replace')),
    };
    let summary = { days: 0, years: '', tickets: 0 };
    const imported = await this.write(
      request(importCalendarMutation, { input }, this.locale).then((answer) => {
        const result = answer.importCalendar;
        if (result.__typename === 'CalendarChangePayload')
          summary = {
            days: result.days ?? 0,
            years: (result.years ?? []).join(', '),
            tickets: result.ticketsRecomputed,
          };
        return answer;
      }),
      () => translate(this.locale)('calImported', summary),
    );
    if (imported) form.reset();
  }

  private async exportYear(): Promise<void> {
    const hours: WeekHours = (await request(studioHoursQuery, {}, this.locale)).workingHours;
    const blob = new Blob([calendarFile(this.year, [...this.days.values()], hours)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `calendar-${this.year}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  override render() {
    const t = translate(this.locale);
    return html`<section class="card" aria-labelledby="cal-title">
      <h3 id="cal-title">${t('calTitle', { year: this.year })}</h3>
      <div class="toolbar">
        <button @click=${() => this.go(-1)}>← ${this.year - 1}</button>
        <button @click=${() => this.go(1)}>${this.year + 1} →</button>
        <button @click=${() => void this.exportYear()}>${t('calExport', { year: this.year })}</button>
      </div>
      <p class="legend">
        ${(['HOLIDAY', 'WORKDAY', 'SHORT', 'WEEKEND'] as const).map((k) => html`<span class=${k}>${t(kindLabel[k])}</span>`)}
      </p>
      ${this.outcome()}
      ${this.picked ? this.dayEditor(this.picked) : html`<p class="muted">${t('calPickHint')}</p>`}
      <div class="months">${Array.from({ length: 12 }, (_v, i) => this.month(i + 1))}</div>
      ${this.editor ? this.importForm() : nothing}
    </section>`;
  }

  private month(month: number) {
    const name = new Date(Date.UTC(this.year, month - 1, 1)).toLocaleDateString(this.locale, {
      month: 'long',
      timeZone: 'UTC',
    });
    const weekday = (i: number) =>
      new Date(Date.UTC(2024, 0, 1 + i)).toLocaleDateString(this.locale, { weekday: 'narrow', timeZone: 'UTC' });
    const t = translate(this.locale);
    return html`<div class="month"><table>
      <caption>${name.charAt(0).toUpperCase()}${name.slice(1)}</caption>
      <thead><tr>${Array.from({ length: 7 }, (_v, i) => html`<th scope="col">${weekday(i)}</th>`)}</tr></thead>
      <tbody>${monthWeeks(this.year, month).map(
        (week) =>
          html`<tr>${week.map((date) => {
            const day = date ? this.days.get(date) : undefined;
            if (!date || !day) return html`<td></td>`;
            const label = `${date}: ${t(kindLabel[day.type])}${day.note ? ` — ${day.note}` : ''}`;
            return html`<td><button class=${classMap({ [day.type]: true, picked: this.picked?.date === date })}
              title=${label} aria-label=${`${Number(date.slice(8))} ${label}`} aria-pressed=${this.picked?.date === date ? 'true' : 'false'}
              @click=${() => {
                this.picked = day;
              }}>${Number(date.slice(8))}</button></td>`;
          })}</tr>`,
      )}</tbody>
    </table></div>`;
  }

  private dayEditor(day: YearDay) {
    const t = translate(this.locale);
    const current = day.type === 'HOLIDAY' || day.type === 'WORKDAY' || day.type === 'SHORT' ? day.type : '';
    const when = new Date(`${day.date}T12:00:00Z`).toLocaleDateString(this.locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const summary = html`<p><strong>${when}</strong>: ${t(kindLabel[day.type])}${
      day.workingMinutes > 0 ? `, ${t('calMinutes', { minutes: day.workingMinutes })}` : ''
    }${day.note ? html` — ${day.note}` : nothing}</p>`;
    if (!this.editor) return summary;
    return html`${summary}<form class="editor" aria-label=${t('calEditLabel', { date: when })} @submit=${(e: SubmitEvent) => void this.change(e)}>
      <label>${t('calKind')}
        <select name="kind">
          <option value="" ?selected=${current === ''}>${t('calFollowWeek')}</option>
          <option value="HOLIDAY" ?selected=${current === 'HOLIDAY'}>${t('calHoliday')}</option>
          <option value="WORKDAY" ?selected=${current === 'WORKDAY'}>${t('calWorkday')}</option>
          <option value="SHORT" ?selected=${current === 'SHORT'}>${t('calShort')}</option>
        </select>
      </label>
      <label>${t('calMinutesLabel')} <input name="minutes" type="number" min="1" max="1440" placeholder=${t('calMinutesUsual')} /></label>
      <label>${t('calNote')} <input name="note" maxlength="200" .value=${day.note ?? ''} /></label>
      <button class="primary" type="submit">${t('calSaveDay')}</button>
    </form>`;
  }

  private importForm() {
    const t = translate(this.locale);
    return html`<form class="import" aria-labelledby="cal-import" @submit=${(e: SubmitEvent) => void this.importFile(e)}>
      <h4 id="cal-import">${t('calImport')}</h4>
      <p class="muted">${t('calImportHint')}</p>
      <label>${t('calFile')} <input name="file" type="file" accept=".json,.csv,.ics,.ical" required /></label>
      <label class="inline"><input name="replace" type="checkbox" checked /> ${t('calReplaceYears')}</label>
      <button type="submit">${t('calImportButton')}</button>
    </form>`;
  }
}
