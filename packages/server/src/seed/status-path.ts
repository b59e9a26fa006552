import type { TicketStatus } from '@caredesk/schema/domain';

/** The typical road a ticket took to reach a status, for believable demo history. */
export function statusPath(status: TicketStatus): TicketStatus[] {
  switch (status) {
    case 'NEW':
      return ['NEW'];
    case 'FEEDBACK':
      return ['NEW', 'FEEDBACK'];
    case 'IN_PROGRESS':
      return ['NEW', 'IN_PROGRESS'];
    case 'RESOLVED':
      return ['NEW', 'IN_PROGRESS', 'RESOLVED'];
    case 'ACCEPTED':
      return ['NEW', 'IN_PROGRESS', 'RESOLVED', 'ACCEPTED'];
    case 'PAID':
      return ['NEW', 'FEEDBACK', 'NEW', 'IN_PROGRESS', 'RESOLVED', 'ACCEPTED', 'PAID'];
    case 'REJECTED':
      return ['NEW', 'REJECTED'];
  }
}
