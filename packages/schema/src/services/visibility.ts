import type { Prisma } from '../generated/sqlite/client.ts';
import type { Viewer } from '../graphql/context.ts';

/** The tickets a viewer may see: staff all, a contact its organization's, a visitor its own. */
export function visibleTickets(viewer: Viewer): Prisma.TicketWhereInput {
  switch (viewer.kind) {
    case 'staff':
      return {};
    case 'contact':
      return { organizationId: viewer.organizationId };
    case 'visitor':
      return { id: viewer.ticketId };
    case 'anonymous':
      return { id: { in: [] } };
  }
}

/** Whether a viewer may see one ticket, from the ticket's own fields. */
export function canSeeTicket(viewer: Viewer, ticket: { id: string; organizationId: string | null }): boolean {
  switch (viewer.kind) {
    case 'staff':
      return true;
    case 'contact':
      return ticket.organizationId !== null && ticket.organizationId === viewer.organizationId;
    case 'visitor':
      return ticket.id === viewer.ticketId;
    case 'anonymous':
      return false;
  }
}
