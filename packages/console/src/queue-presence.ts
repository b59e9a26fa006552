import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { follow, live } from './api.ts';
import type { ResultOf } from './graphql.ts';
import { queuePresenceSubscription } from './queue-documents.ts';

export type PresentOnRow = ResultOf<typeof queuePresenceSubscription>['queuePresence']['staff'];

/**
 * Who else has each ticket of the queue open, and who is typing on it: followed live through
 * `queuePresence` for as long as the queue is shown. Myself (another tab of mine) is left out.
 */
export class QueuePresence implements ReactiveController {
  private readonly byTicket = new Map<string, PresentOnRow>();
  private stop: (() => void) | null = null;
  private stopForgetting: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly staffId: () => string,
  ) {
    host.addController(this);
  }

  /** The others on a ticket, in a steady order; empty when nobody is. */
  on(ticketId: string): PresentOnRow {
    return this.byTicket.get(ticketId) ?? [];
  }

  hostConnected(): void {
    // After a lost connection the subscription starts again and hears who is there anew;
    // what was known before may have left meanwhile.
    this.stopForgetting = live().on('connected', () => {
      this.byTicket.clear();
      this.host.requestUpdate();
    });
    this.stop = follow(queuePresenceSubscription, {}, ({ queuePresence }) => {
      const others = queuePresence.staff.filter((p) => p.staff.id !== this.staffId());
      if (others.length) this.byTicket.set(queuePresence.ticketId, others);
      else this.byTicket.delete(queuePresence.ticketId);
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stopForgetting?.();
    this.stop = this.stopForgetting = null;
    this.byTicket.clear();
  }
}
