import { domainError } from './queries.ts';

/** The documents of "my tickets": the thread, the list, the client's moves and the live follow. */
export const ticketFields = `id displayNumber title description status allowedMoves
  messages { id authorKind authorName body createdAt citedArticles { title url } }
  history { id fromStatus toStatus actorKind reason createdAt }
  attachments { id fileName contentType sizeBytes url }
  satisfaction { score comment openUntil mayRate }`;

export const readTicket = `query ($id: ID!) { ticket(id: $id) { ${ticketFields} } }`;

export const myTickets = 'query { tickets(first: 50) { edges { node { id displayNumber title status } } } }';

const move = (name: string, input: string) => `mutation ($input: ${input}!) { ${name}(input: $input) {
  __typename ... on TicketPayload { ticket { ${ticketFields} } } ${domainError} } }`;

export const replyToTicket = move('replyToTicket', 'ReplyToTicketInput');
export const acceptTicket = move('acceptTicket', 'TicketOnlyInput');
export const rejectTicket = move('rejectTicket', 'RejectTicketInput');
export const attachFiles = move('attachFiles', 'AttachFilesInput');
export const rateTicket = move('rateTicket', 'RateTicketInput');

/** From the ticket as it is now (`current`): after a (re)connection or a new subscription nothing is missed, with no refetch. */
export const ticketUpdated = `subscription ($id: ID!) { ticketUpdated(id: $id, current: true) { ${ticketFields} } }`;
