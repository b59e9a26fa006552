import { graphql } from './graphql.ts';

/**
 * What the console asks of the API: one document per purpose, typed against the schema. Fields
 * are written inline, not as fragments: the server's cost limit counts a fragment's fields
 * again for its definition.
 */

export const viewerQuery = graphql(`
  query Viewer {
    viewer {
      kind
      staff {
        id
        name
        role
      }
    }
  }
`);

export const ticketQuery = graphql(
  `
  query Ticket($id: ID!) {
    ticket(id: $id) {
      id
      number
      displayNumber
      title
      description
      status
      priority
      category
      source
      paid
      estimateKopecks
      estimateMinutes
      slaDueAt
      slaPaused
      reactionDueAt
      resolutionDueAt
      reactedAt
      createdAt
      updatedAt
      pageContext
      assignee {
        id
        name
      }
      allowedMoves
      duplicateOf {
        id
        displayNumber
      }
      splitFrom {
        id
        displayNumber
      }
      splitInto {
        id
        displayNumber
      }
      organization {
        id
        name
      }
      site {
        name
      }
      requester {
        kind
        name
        email
        authorized
      }
      messages {
        id
        body
        internal
        authorKind
        authorName
        createdAt
        citedArticles {
          title
          url
        }
      }
      history {
        id
        fromStatus
        toStatus
        reason
        createdAt
      }
      attachments {
        id
        fileName
        contentType
        sizeBytes
        internal
        createdAt
        url
      }
      secrets {
        id
        label
        createdAt
        purgedAt
      }
      timeEntries {
        id
        minutes
        note
        billable
        running
        startedAt
        supportLine
        staff {
          id
          name
        }
      }
    }
  }
`,
);

export const ticketUpdated = graphql(
  `
  subscription TicketUpdated($id: ID!) {
    ticketUpdated(id: $id, current: true) {
      id
      number
      displayNumber
      title
      description
      status
      priority
      category
      source
      paid
      estimateKopecks
      estimateMinutes
      slaDueAt
      slaPaused
      reactionDueAt
      resolutionDueAt
      reactedAt
      createdAt
      updatedAt
      pageContext
      assignee {
        id
        name
      }
      allowedMoves
      duplicateOf {
        id
        displayNumber
      }
      splitFrom {
        id
        displayNumber
      }
      splitInto {
        id
        displayNumber
      }
      organization {
        id
        name
      }
      site {
        name
      }
      requester {
        kind
        name
        email
        authorized
      }
      messages {
        id
        body
        internal
        authorKind
        authorName
        createdAt
        citedArticles {
          title
          url
        }
      }
      history {
        id
        fromStatus
        toStatus
        reason
        createdAt
      }
      attachments {
        id
        fileName
        contentType
        sizeBytes
        internal
        createdAt
        url
      }
      secrets {
        id
        label
        createdAt
        purgedAt
      }
      timeEntries {
        id
        minutes
        note
        billable
        running
        startedAt
        supportLine
        staff {
          id
          name
        }
      }
    }
  }
`,
);

export const replyMutation = graphql(`
  mutation Reply($input: ReplyToTicketInput!) {
    replyToTicket(input: $input) {
      __typename
      ... on DomainError {
        message
      }
    }
  }
`);

export const startMutation = graphql(`
  mutation Start($input: StartTicketInput!) {
    startTicket(input: $input) {
      __typename
      ... on DomainError {
        message
      }
    }
  }
`);

export const resolveMutation = graphql(`
  mutation Resolve($input: ResolveTicketInput!) {
    resolveTicket(input: $input) {
      __typename
      ... on DomainError {
        message
      }
    }
  }
`);

export const feedbackMutation = graphql(`
  mutation RequestFeedback($input: RequestFeedbackInput!) {
    requestFeedback(input: $input) {
      __typename
      ... on DomainError {
        message
      }
    }
  }
`);

export const rejectMutation = graphql(`
  mutation Reject($input: RejectTicketInput!) {
    rejectTicket(input: $input) {
      __typename
      ... on DomainError {
        message
      }
    }
  }
`);

export const presenceSubscription = graphql(`
  subscription Presence($id: ID!) {
    ticketPresence(ticketId: $id) {
      staff {
        typing
        staff {
          id
          name
        }
      }
    }
  }
`);

export const typingMutation = graphql(`
  mutation Typing($input: SetTicketPresenceInput!) {
    setTicketPresence(input: $input) {
      __typename
    }
  }
`);

export const cannedResponsesQuery = graphql(`
  query CannedResponses($ticketId: ID!) {
    cannedResponses {
      id
      name
      locale
      text(ticketId: $ticketId)
    }
  }
`);

export const updateTicketMutation = graphql(`
  mutation UpdateTicket($input: UpdateTicketInput!) {
    updateTicket(input: $input) {
      __typename
      ... on DomainError {
        message
      }
    }
  }
`);
