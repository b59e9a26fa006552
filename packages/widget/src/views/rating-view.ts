import { html, nothing } from 'lit';
import type { CaredeskWidget } from '../caredesk-widget.ts';
import type { StringKey } from '../i18n.ts';
import type { Ticket } from '../queries.ts';
import { rate } from '../ticket-actions.ts';

const scores = [1, 2, 3, 4, 5];

/**
 * Accepted work: the requester rates it 1–5 with an optional comment, and may change the
 * rating while it is open (7 days); anyone else sees the score given, if any.
 */
export function ratingView(w: CaredeskWidget, ticket: Ticket) {
  const given = ticket.satisfaction;
  if (!given) return nothing;
  const t = w.t;
  const thanks = given.score ? html`<p class="rated">${t('rated', { score: given.score })}</p>` : nothing;
  if (!given.mayRate) return thanks;
  const send = (event: Event) => {
    event.preventDefault();
    void rate(w, event.target as HTMLFormElement);
  };
  return html`<form class="rating" @submit=${send}>
    ${thanks}
    <fieldset>
      <legend>${t('rateLegend')}</legend>
      <div class="scores">${scores.map(
        (n) =>
          html`<label title=${t(`score${n}` as StringKey)}><input class="sr" type="radio" name="score" required .value=${String(n)} ?checked=${given.score === n} /><span aria-hidden="true">${n} ★</span><span class="sr">${t(`score${n}` as StringKey)}</span></label>`,
      )}</div>
    </fieldset>
    <label>${t('rateComment')}<textarea name="comment" maxlength="2000" .value=${given.comment ?? ''}></textarea></label>
    <div class="row">
      <button class="primary" type="submit" ?disabled=${w.busy}>${t(given.score ? 'rateChange' : 'rateSend')}</button>
      <span class="muted">${t('rateUntil', { date: new Date(given.openUntil).toLocaleDateString(w.activeLocale) })}</span>
    </div>
  </form>`;
}
