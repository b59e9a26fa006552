/** English strings of "my tickets" (loaded with that part). */
export const strings = {
  noTickets: 'No requests from this browser yet.',
  back: 'Back',
  reply: 'Reply',
  replyLabel: 'Your answer',
  accept: 'Accept the work',
  corrections: 'Ask for corrections',
  withdraw: 'Withdraw the request',
  withdrawReason: 'Withdrawn by the visitor',
  live: 'Live',
  offline: 'Reconnecting…',
  history: '{from} → {to}',
  you: 'You',
  support: 'Support',
  s_NEW: 'New',
  s_FEEDBACK: 'Waiting for you',
  s_IN_PROGRESS: 'In progress',
  s_RESOLVED: 'Done, please check',
  s_ACCEPTED: 'Accepted',
  s_PAID: 'Paid',
  s_REJECTED: 'Closed',
};

export type TicketStrings = typeof strings;
