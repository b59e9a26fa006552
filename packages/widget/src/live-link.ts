import type { CaredeskWidget } from './caredesk-widget.ts';
import type { Ticket } from './queries.ts';
import { ticketUpdated } from './ticket-queries.ts';
import { isOpen, type StoredTicket, unreadOf, updateStored } from './ticket-store.ts';

/** Follows tickets live: the bridge between the element and the lazily loaded graphql-ws part. */
export interface LiveLink {
  /** Starts following the open tickets not followed yet. */
  follow(): void;
  /** Shows a ticket as the server returned it, firing `caredesk-status-changed` when it moved. */
  show(ticket: Ticket): void;
  /** The visitor has the ticket's thread on screen: its replies are read. */
  read(ticket: Ticket): void;
}

const repliesOf = (ticket: Ticket) => ticket.messages.filter((m) => m.authorKind === 'STAFF').length;

export function liveLink(w: CaredeskWidget): LiveLink {
  const followed = new Map<string, () => void>();
  const statuses = new Map<string, string>();
  let socket: Promise<import('./lazy/live.ts').LiveSocket> | undefined;

  const onScreen = (id: string) => w.opened && w.view === 'thread' && w.current?.id === id;
  const remember = (id: string, changes: Partial<StoredTicket>) => {
    updateStored(w.siteKey, id, changes);
    w.tickets = w.tickets.map((t) => (t.id === id ? { ...t, ...changes } : t));
    w.unread = unreadOf(w.tickets);
  };

  const show = (ticket: Ticket) => {
    const known = w.tickets.find((t) => t.id === ticket.id);
    const previous = statuses.get(ticket.id) ?? known?.status;
    statuses.set(ticket.id, ticket.status);
    if (previous && previous !== ticket.status)
      w.dispatchEvent(
        new CustomEvent('caredesk-status-changed', {
          bubbles: true,
          composed: true,
          detail: { id: ticket.id, displayNumber: ticket.displayNumber, status: ticket.status, previous },
        }),
      );
    const replies = repliesOf(ticket);
    // A ticket kept before replies were counted starts with what it has as read.
    const seen = onScreen(ticket.id) ? replies : (known?.seen ?? known?.replies ?? replies);
    remember(ticket.id, { status: ticket.status, title: ticket.title, replies, seen });
    if (w.current?.id === ticket.id) w.current = ticket;
  };

  const open = () => {
    socket ??= import('./lazy/live.ts').then(({ connect }) =>
      connect({
        url: `${w.server.replace(/^http/, 'ws')}/graphql`,
        locale: w.activeLocale,
        onState: (state) => {
          w.liveState = state;
        },
      }),
    );
    return socket;
  };

  return {
    show,
    read(ticket) {
      const replies = repliesOf(ticket);
      remember(ticket.id, { replies, seen: replies });
    },
    follow() {
      // Each subscription starts with the ticket as it is now (`current: true`), again after every
      // reconnection: what changed while there was no connection, or before this page, is shown.
      for (const ticket of w.tickets.filter(isOpen)) {
        const token = w.identity.token ?? ticket.token;
        if (followed.has(ticket.id) || !token) continue;
        followed.set(ticket.id, () => {});
        void open().then((s) =>
          followed.set(
            ticket.id,
            s.subscribe({
              query: ticketUpdated,
              variables: { id: ticket.id },
              token,
              onData: (data) => show((data as { ticketUpdated: Ticket }).ticketUpdated),
            }),
          ),
        );
      }
    },
  };
}
