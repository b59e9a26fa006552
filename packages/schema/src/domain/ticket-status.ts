/** The statuses of a ticket (domain.md, "Ticket lifecycle"). */
export const TicketStatus = {
  NEW: 'NEW',
  FEEDBACK: 'FEEDBACK',
  IN_PROGRESS: 'IN_PROGRESS',
  RESOLVED: 'RESOLVED',
  ACCEPTED: 'ACCEPTED',
  PAID: 'PAID',
  REJECTED: 'REJECTED',
} as const;
export type TicketStatus = (typeof TicketStatus)[keyof typeof TicketStatus];

/** Priorities, from the default to the most urgent, with the price coefficient of each. */
export const TicketPriority = {
  NORMAL: 'NORMAL',
  HIGH: 'HIGH',
  URGENT: 'URGENT',
  IMMEDIATE: 'IMMEDIATE',
} as const;
export type TicketPriority = (typeof TicketPriority)[keyof typeof TicketPriority];

export const TicketCategory = {
  PROBLEM: 'PROBLEM',
  QUESTION: 'QUESTION',
  EMERGENCY: 'EMERGENCY',
  IMPROVEMENT: 'IMPROVEMENT',
  CONTENT: 'CONTENT',
  VISITOR_REPORT: 'VISITOR_REPORT',
} as const;
export type TicketCategory = (typeof TicketCategory)[keyof typeof TicketCategory];

/** A ticket's human number as people write it: #1042. */
export function formatTicketNumber(number: number): string {
  return `#${number}`;
}

/** Queue order: the higher the rank, the sooner. Stored beside the priority for sorting. */
export function priorityRank(priority: TicketPriority): number {
  return Object.values(TicketPriority).indexOf(priority);
}
