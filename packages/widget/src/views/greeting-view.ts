import { html, nothing } from 'lit';
import { type Availability, openingTime, usualWithin } from '../availability.ts';
import type { Locale, Translate } from '../i18n.ts';

/** The greeting above the form: open now and how soon an answer comes, or when support opens. */
export function greetingView(availability: Availability | null, t: Translate, locale: Locale) {
  if (!availability) return nothing;
  const text = availability.openNow
    ? t('greetingOpen', { within: usualWithin(availability.usualReaction, t, locale) })
    : t('greetingClosed', { when: openingTime(availability.nextOpening, locale) });
  return html`<p class="greeting" part="greeting">${text}</p>`;
}
