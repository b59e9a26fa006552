import type { CaredeskWidget } from './caredesk-widget.ts';
import { gql } from './graphql.ts';
import type { Ticket } from './queries.ts';
import { readTicket, ticketUpdated } from './ticket-queries.ts';
import { updateStored } from './ticket-store.ts';

/** Follows tickets live: the bridge between the element and the lazily loaded graphql-ws part. */
export interface LiveLink {
  /** Starts following the open tickets not followed yet. */
  follow(): void;
  /** Shows a ticket as the server returned it, firing `caredesk-status-changed` when it moved. */
  show(ticket: Ticket): void;
}

const finished = ['ACCEPTED', 'PAID', 'REJECTED'];
const mostFollowed = 5;

export function liveLink(w: CaredeskWidget): LiveLink {
  const followed = new Map<string, () => void>();
  const statuses = new Map<string, string>();
  let part: Promise<typeof import('./lazy/live.ts')> | undefined;

  const show = (ticket: Ticket) => {
    const previous = statuses.get(ticket.id) ?? w.tickets.find((t) => t.id === ticket.id)?.status;
    statuses.set(ticket.id, ticket.status);
    if (previous && previous !== ticket.status)
      w.dispatchEvent(
        new CustomEvent('caredesk-status-changed', {
          bubbles: true,
          composed: true,
          detail: { id: ticket.id, displayNumber: ticket.displayNumber, status: ticket.status, previous },
        }),
      );
    updateStored(w.siteKey, ticket.id, { status: ticket.status, title: ticket.title });
    w.tickets = w.tickets.map((t) => (t.id === ticket.id ? { ...t, status: ticket.status, title: ticket.title } : t));
    if (w.current?.id === ticket.id) w.current = ticket;
  };

  const refetch = (id: string) =>
    gql<Ticket | null>(w.callerFor(id), 'ticket', readTicket, { id }).then(
      (t) => t && show(t),
      () => {},
    );

  const start = async (id: string, token: string) => {
    part ??= import('./lazy/live.ts');
    const { follow } = await part;
    followed.set(
      id,
      follow({
        url: `${w.server.replace(/^http/, 'ws')}/graphql`,
        token,
        locale: w.activeLocale,
        query: ticketUpdated,
        variables: { id },
        onData: (data) => show((data as { ticketUpdated: Ticket }).ticketUpdated),
        onState: (state) => {
          w.liveState = state;
        },
        onReconnected: () => void refetch(id),
      }),
    );
  };

  return {
    show,
    follow() {
      const open = w.tickets.filter((t) => !finished.includes(t.status)).slice(0, mostFollowed);
      for (const ticket of open) {
        const token = w.identity.token ?? ticket.token;
        if (followed.has(ticket.id) || !token) continue;
        followed.set(ticket.id, () => {});
        void start(ticket.id, token);
      }
    },
  };
}
