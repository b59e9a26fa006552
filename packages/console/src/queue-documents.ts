import { graphql } from './graphql.ts';

/**
 * The queue's documents: the list (read 100 at a time by cursor: the server's cost limit grows
 * with `first`), its live updates, the organizations to filter by and my saved views. A row's
 * fields are written out in both the list and the subscription (no fragments: the cost limit
 * counts a fragment's fields again for its definition); `queuedAt` is there for the client's sort.
 */

export const queueQuery = graphql(
  `
  query Queue($filter: TicketFilter, $order: QueueOrder, $after: String) {
    queue(first: 100, after: $after, filter: $filter, order: $order) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          number
          displayNumber
          title
          status
          priority
          paid
          escalatedAt
          needsAuthorization
          clientReplied
          slaDueAt
          queuedAt
          organization {
            id
            name
          }
          site {
            name
          }
          requester {
            name
            email
          }
          assignee {
            id
            name
          }
        }
      }
    }
  }
`,
);

export const queueUpdated = graphql(
  `
  subscription QueueUpdated {
    queueUpdated {
      id
      number
      displayNumber
      title
      status
      priority
      paid
      escalatedAt
      needsAuthorization
      clientReplied
      slaDueAt
      queuedAt
      organization {
        id
        name
      }
      site {
        name
      }
      requester {
        name
        email
      }
      assignee {
        id
        name
      }
    }
  }
`,
);

export const queueViewsQuery = graphql(`
  query QueueViews {
    queueViews {
      id
      name
      order
      filter {
        statuses
        priorities
        organizationId
        assignedToMe
        unassigned
        overdue
        search
      }
    }
  }
`);

export const saveQueueViewMutation = graphql(`
  mutation SaveQueueView($input: SaveQueueViewInput!) {
    saveQueueView(input: $input) {
      __typename
      ... on DomainError {
        message
      }
    }
  }
`);

export const deleteQueueViewMutation = graphql(`
  mutation DeleteQueueView($input: DeleteQueueViewInput!) {
    deleteQueueView(input: $input) {
      __typename
      ... on DomainError {
        message
      }
    }
  }
`);

/** Who has which ticket open and who is typing, one ticket at a time (those already there at once). */
export const queuePresenceSubscription = graphql(`
  subscription QueuePresence {
    queuePresence {
      ticketId
      staff {
        staff {
          id
          name
        }
        typing
      }
    }
  }
`);
