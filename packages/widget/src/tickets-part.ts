// "My tickets", loaded on first use: the list, the thread, the client's moves and the live
// link (which loads graphql-ws in its own chunk).
import type { CaredeskWidget } from './caredesk-widget.ts';
import { gql } from './graphql.ts';
import { addStrings, type Locale } from './i18n.ts';
import type { Ticket } from './queries.ts';
import { myTickets, readTicket } from './ticket-queries.ts';
import { type StoredTicket, storedTickets } from './ticket-store.ts';

export { liveLink } from './live-link.ts';
export { restoreSession } from './sign-in.ts';
export { listView } from './views/list-view.ts';
export { threadView } from './views/thread-view.ts';

/** A contact's tickets from the server; a visitor's from this browser's tokens. */
export async function listTickets(w: CaredeskWidget): Promise<StoredTicket[]> {
  if (!w.identity.token) return storedTickets(w.siteKey);
  const found = await gql<{ edges: { node: StoredTicket }[] }>(w.caller, 'tickets', myTickets);
  return found.edges.map((e) => ({ ...e.node, token: '' }));
}

/** One ticket with its thread, as its owner may see it. */
export function readOne(w: CaredeskWidget, id: string): Promise<Ticket> {
  return gql<Ticket>(w.callerFor(id), 'ticket', readTicket, { id });
}

/** Loads the strings of this part for a locale (the thread's words, statuses, the editor's). */
export async function loadStrings(locale: Locale): Promise<void> {
  const { strings } = await (locale === 'ru' ? import('./locales/ru-tickets.ts') : import('./locales/en-tickets.ts'));
  addStrings(locale, strings);
}
