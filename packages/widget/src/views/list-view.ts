import { html } from 'lit';
import type { CaredeskWidget } from '../caredesk-widget.ts';
import type { StringKey } from '../i18n.ts';
import { partStyles } from './part-styles.ts';
import { signInView } from './sign-in-view.ts';

/** The tickets this browser (or this contact) filed, with their status. */
export function listView(w: CaredeskWidget) {
  const t = w.t;
  if (!w.tickets.length) return html`<p class="muted">${t('noTickets')}</p>${signInView(w)}`;
  return html`${partStyles}<ul class="tickets" aria-label=${t('myTickets')}>
    ${w.tickets.map(
      (ticket) => html`<li>
        <button @click=${() => void w.showTicket(ticket.id)}>
          <span>${ticket.displayNumber} ${ticket.title}</span>
          <span class="badge">${t(`s_${ticket.status}` as StringKey)}</span>
        </button>
      </li>`,
    )}
  </ul>${signInView(w)}`;
}
