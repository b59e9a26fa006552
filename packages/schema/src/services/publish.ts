import type { EventBus } from '../graphql/context.ts';

/** Tells the ticket's subscribers and the staff queue that the ticket changed. */
export function publishTicketChange(events: EventBus, ticketId: string): void {
  events.publish('ticketUpdated', ticketId, { ticketId });
  events.publish('queueUpdated', 'all', { ticketId });
}
