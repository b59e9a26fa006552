import { graphql } from './graphql.ts';

/** What the ticket view's parts ask beyond the ticket itself: the side panel, time, secrets, citations, files. */

export const sidePanelQuery = graphql(`
  query SidePanel($organizationId: ID!, $month: String!) {
    node(id: $organizationId) {
      ... on Organization {
        id
        name
        email
        contracts {
          number
          active
          tariff {
            name
            billingMode
          }
        }
        tickets(first: 20) {
          edges {
            node {
              id
              displayNumber
              title
              status
              createdAt
              requester {
                email
                name
              }
            }
          }
        }
      }
    }
    monthlyReport(organizationId: $organizationId, month: $month) {
      tariffName
      prepaid {
        includedMinutes
        drawnMinutes
        remainingMinutes
      }
    }
  }
`);

export const runningTimerQuery = graphql(`
  query RunningTimer {
    myRunningTimer {
      id
      startedAt
      ticket {
        id
        displayNumber
      }
    }
  }
`);

export const startTimerMutation = graphql(`
  mutation StartTimer($input: StartTimerInput!) {
    startTimer(input: $input) {
      __typename
      ... on DomainError {
        message
      }
    }
  }
`);

export const stopTimerMutation = graphql(`
  mutation StopTimer($input: StopTimerInput) {
    stopTimer(input: $input) {
      __typename
      ... on DomainError {
        message
      }
    }
  }
`);

export const logTimeMutation = graphql(`
  mutation LogTime($input: LogTimeInput!) {
    logTime(input: $input) {
      __typename
      ... on DomainError {
        message
      }
    }
  }
`);

export const updateTimeEntryMutation = graphql(`
  mutation UpdateTimeEntry($input: UpdateTimeEntryInput!) {
    updateTimeEntry(input: $input) {
      __typename
      ... on DomainError {
        message
      }
    }
  }
`);

export const deleteTimeEntryMutation = graphql(`
  mutation DeleteTimeEntry($input: DeleteTimeEntryInput!) {
    deleteTimeEntry(input: $input) {
      __typename
      ... on DomainError {
        message
      }
    }
  }
`);

export const revealSecretMutation = graphql(`
  mutation RevealSecret($input: RevealTicketSecretInput!) {
    revealTicketSecret(input: $input) {
      __typename
      ... on RevealedSecret {
        value
      }
      ... on DomainError {
        message
      }
    }
  }
`);

export const purgeSecretMutation = graphql(`
  mutation PurgeSecret($input: PurgeTicketSecretInput!) {
    purgeTicketSecret(input: $input) {
      __typename
      ... on DomainError {
        message
      }
    }
  }
`);

export const searchArticlesQuery = graphql(`
  query SearchArticles($query: String!) {
    searchArticles(query: $query, first: 8) {
      id
      title
      locale
      excerpt
      url
    }
  }
`);

export const workingHoursQuery = graphql(`
  query StudioZone {
    workingHours {
      timeZone
    }
  }
`);

/** Sent as a multipart request with the files (see `upload` in api.ts). */
export const attachFilesMutation = `
  mutation AttachFiles($input: AttachFilesInput!) {
    attachFiles(input: $input) {
      __typename
      ... on DomainError {
        message
      }
    }
  }
`;

/** A ticket's id by its number (`#123`), for "duplicate of". */
export const ticketByNumberQuery = graphql(`
  query TicketByNumber($search: String!) {
    tickets(first: 1, filter: { search: $search }) {
      edges {
        node {
          id
          number
          displayNumber
        }
      }
    }
  }
`);

export const staffMembersQuery = graphql(`
  query StaffMembers {
    staffMembers {
      id
      name
      role
    }
  }
`);

export const splitTicketMutation = graphql(`
  mutation SplitTicket($input: SplitTicketInput!) {
    splitTicket(input: $input) {
      __typename
      ... on SplitTicketPayload {
        created
        ticket {
          id
          displayNumber
        }
      }
      ... on DomainError {
        message
      }
    }
  }
`);
