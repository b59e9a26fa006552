import { css, html, nothing } from 'lit';
import { request } from '../api.ts';
import { dateTime, useStudioZone } from '../format.ts';
import type { ResultOf } from '../graphql.ts';
import { translate } from '../i18n.ts';
import { styles } from '../styles.ts';
import { setWorkingHoursMutation, studioHoursQuery } from '../working-time-documents.ts';
import { LoadedPart } from './loaded-part.ts';

type Hours = ResultOf<typeof studioHoursQuery>['workingHours'];
const week = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
type Weekday = (typeof week)[number];
/** Every zone the browser knows, for the picker (the server checks the name again). */
const zones = (): string[] =>
  (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? ['UTC'];

/** Support's weekly hours and time zone: when the SLA clocks run and the widget says "we are open". */
export class SettingsHours extends LoadedPart {
  static override styles = [
    styles,
    css`
      .week { display: grid; grid-template-columns: minmax(0, max-content) max-content max-content; gap: 6px 8px; align-items: center; min-width: 0; }
      .week input[type='time'] { width: 6.5em; padding: 6px 4px; }
      select { max-width: 100%; }
      form { display: flex; flex-direction: column; gap: 10px; max-width: 520px; }
    `,
  ];
  static override properties = {
    hours: { state: true },
  };
  declare hours: Hours | null;

  constructor() {
    super();
    this.hours = null;
  }

  protected override async load(): Promise<void> {
    this.hours = (await request(studioHoursQuery, {}, this.locale)).workingHours;
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const days = week
      .filter((weekday) => data.get(`on-${weekday}`))
      .map((weekday) => ({
        weekday,
        opens: String(data.get(`opens-${weekday}`) ?? ''),
        closes: String(data.get(`closes-${weekday}`) ?? ''),
      }));
    const input = {
      timeZone: String(data.get('timeZone') ?? ''),
      preHolidayShorteningMinutes: Number(data.get('shortening') ?? 60),
      days,
    };
    const saved = await this.write(request(setWorkingHoursMutation, { input }, this.locale), () =>
      translate(this.locale)('setSaved'),
    );
    if (saved) useStudioZone(input.timeZone);
  }

  override render() {
    const t = translate(this.locale);
    const hours = this.hours;
    if (!hours) return html`<p class="muted">${t('setLoading')}</p>`;
    const dayOf = (weekday: Weekday) => hours.days.find((d) => d.weekday === weekday);
    const weekdayName = (i: number) =>
      new Date(Date.UTC(2024, 0, 1 + i)).toLocaleDateString(this.locale, { weekday: 'long', timeZone: 'UTC' });
    const disabled = !this.editor;
    return html`<section class="card" aria-labelledby="hours-title">
      <h3 id="hours-title">${t('setHoursTitle')}</h3>
      <p class="muted" role="status">${
        hours.openNow ? t('setOpenNow') : t('setOpensNext', { at: dateTime(hours.nextOpening, this.locale) })
      }</p>
      <form aria-labelledby="hours-title" @submit=${(e: SubmitEvent) => void this.save(e)}>
        <label>${t('setTimeZone')}
          <select name="timeZone" ?disabled=${disabled}>
            ${zones().map((zone) => html`<option ?selected=${zone === hours.timeZone}>${zone}</option>`)}
            ${zones().includes(hours.timeZone) ? nothing : html`<option selected>${hours.timeZone}</option>`}
          </select>
        </label>
        <fieldset class="week">
          <legend>${t('setWeek')}</legend>
          ${week.map((weekday, i) => {
            const day = dayOf(weekday);
            const name = weekdayName(i);
            return html`<label class="inline"><input type="checkbox" name=${`on-${weekday}`} ?checked=${Boolean(day)} ?disabled=${disabled} /> ${name}</label>
              <label class="inline"><span class="sr">${t('setOpens', { day: name })}</span>
                <input type="time" name=${`opens-${weekday}`} .value=${day?.opens ?? '10:00'} ?disabled=${disabled} /></label>
              <label class="inline"><span class="sr">${t('setCloses', { day: name })}</span>
                <input type="time" name=${`closes-${weekday}`} .value=${day?.closes ?? '19:00'} ?disabled=${disabled} /></label>`;
          })}
        </fieldset>
        <label>${t('setShortening')}
          <input type="number" name="shortening" min="0" max="480" .value=${String(hours.preHolidayShorteningMinutes)} ?disabled=${disabled} />
        </label>
        ${this.outcome()}
        ${this.editor ? html`<button class="primary" type="submit">${t('setSaveHours')}</button>` : nothing}
      </form>
    </section>`;
  }
}
