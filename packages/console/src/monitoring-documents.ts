import { graphql } from './graphql.ts';

/**
 * The monitoring board: every monitor with its state, latency, uptime and open incident. The
 * fields are written out in both the list and the subscription (no fragments: the cost limit
 * counts a fragment's fields again for its definition). The cost limit multiplies by `first`:
 * 250 a page, and no list argument inside (the hourly latency is a list of numbers).
 */

export const boardQuery = graphql(`
  query MonitoringBoard($after: ID) {
    monitors(first: 250, after: $after) {
      id
      name
      kind
      state
      stateSince
      paused
      lastCheckAt
      expiresAt
      lastEvidence
      site {
        id
        name
      }
      uptime {
        day
        week
        month
      }
      incidents(first: 1) {
        id
        kind
        startedAt
        endedAt
        ticketId
      }
      lastDayResponseMs
    }
  }
`);

export const monitorChangedSubscription = graphql(`
  subscription MonitorChanged {
    monitorStatusChanged {
      id
      name
      kind
      state
      stateSince
      paused
      lastCheckAt
      expiresAt
      lastEvidence
      site {
        id
        name
      }
      uptime {
        day
        week
        month
      }
      incidents(first: 1) {
        id
        kind
        startedAt
        endedAt
        ticketId
      }
      lastDayResponseMs
    }
  }
`);

export const boardExtrasQuery = graphql(`
  query MonitoringExtras {
    monitorAgents {
      id
      name
      location
      lastSeenAt
      monitors
    }
    sites(first: 100) {
      edges {
        node {
          id
          name
          url
          publicKey
          statusPage
        }
      }
    }
  }
`);

export const createMonitorMutation = graphql(`
  mutation CreateBoardMonitor($input: CreateMonitorInput!) {
    createMonitor(input: $input) {
      __typename
      ... on DomainError {
        message
        field
        detail
      }
      ... on MonitorPayload {
        pushUrl
      }
    }
  }
`);

export const pauseMonitorMutation = graphql(`
  mutation PauseBoardMonitor($monitorId: ID!, $paused: Boolean!) {
    pauseMonitor(monitorId: $monitorId, paused: $paused) {
      __typename
      ... on DomainError {
        message
        field
        detail
      }
    }
  }
`);

export const deleteMonitorMutation = graphql(`
  mutation DeleteBoardMonitor($monitorId: ID!) {
    deleteMonitor(monitorId: $monitorId) {
      __typename
      ... on DomainError {
        message
        field
        detail
      }
    }
  }
`);

export const maintenanceQuery = graphql(`
  query MaintenanceWindows {
    maintenanceWindows {
      id
      title
      siteId
      monitorId
      organizationId
      startsAt
      endsAt
      recurring
      localStart
      durationMinutes
      weekdays
      timeZone
    }
  }
`);

export const createMaintenanceMutation = graphql(`
  mutation CreateMaintenance($input: CreateMaintenanceWindowInput!) {
    createMaintenanceWindow(input: $input) {
      __typename
      ... on DomainError {
        message
        field
        detail
      }
    }
  }
`);

export const endMaintenanceMutation = graphql(`
  mutation EndMaintenance($id: ID!) {
    endMaintenanceWindow(id: $id) {
      __typename
      ... on DomainError {
        message
        field
        detail
      }
    }
  }
`);

export const statusPageMutation = graphql(`
  mutation SiteStatusPage($input: UpdateSiteInput!) {
    updateSite(input: $input) {
      __typename
      ... on DomainError {
        message
        field
        detail
      }
    }
  }
`);

export const monitorSettingsQuery = graphql(`
  query MonitorSettings($id: ID!) {
    node(id: $id) {
      __typename
      ... on Monitor {
        id
        name
        kind
        config
      }
    }
  }
`);

export const updateMonitorMutation = graphql(`
  mutation UpdateBoardMonitor($input: UpdateMonitorInput!) {
    updateMonitor(input: $input) {
      __typename
      ... on DomainError {
        message
        field
        detail
      }
    }
  }
`);
