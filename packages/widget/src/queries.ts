/** The documents of the initial script; the ticket thread's are in ticket-queries.ts. */
export const domainError = '... on DomainError { __typename code message field retryAfterSeconds }';

export const submitTicket = `mutation ($input: SubmitTicketInput!) { submitTicket(input: $input) {
  __typename ... on SubmitTicketPayload { accessToken created ticket { id displayNumber title status } } ${domainError} } }`;

export const viewer = 'query { viewer { kind contact { authorized } } }';

export type Status = 'NEW' | 'FEEDBACK' | 'IN_PROGRESS' | 'RESOLVED' | 'ACCEPTED' | 'PAID' | 'REJECTED';

/** A ticket as the widget shows it (the submit answer carries only the first four fields). */
export interface Ticket {
  id: string;
  displayNumber: string;
  title: string;
  status: Status;
  /** The moves the server allows this caller now (the ticket's allowedMoves). */
  allowedMoves?: string[];
  description: string;
  messages: {
    id: string;
    authorKind: string;
    authorName: string | null;
    body: string;
    createdAt: string;
    /** Knowledge-base articles the message cites. */
    citedArticles?: { title: string; url: string }[];
  }[];
  history: {
    id: string;
    fromStatus: Status | null;
    toStatus: Status;
    actorKind: string;
    reason: string | null;
    createdAt: string;
  }[];
  attachments: { id: string; fileName: string; contentType: string; sizeBytes: number; url: string }[];
  /** The client's rating of accepted work; null until the work is accepted. */
  satisfaction?: { score: number | null; comment: string | null; openUntil: string; mayRate: boolean } | null;
}
