import { graphql } from './graphql.ts';

/** The clients page: organizations, then one organization with its contacts, sites and contracts. */

export const organizationsQuery = graphql(`
  query Organizations($after: String) {
    organizations(first: 200, after: $after) {
      edges {
        node {
          id
          name
          email
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const organizationQuery = graphql(`
  query Organization($id: ID!) {
    node(id: $id) {
      ... on Organization {
        id
        name
        email
        locale
        contacts {
          id
          name
          email
          authorized
          active
        }
        sites {
          id
          name
          url
          publicKey
          allowedOrigins
          statusPage
          embedSnippet
          widgetLook {
            color
            position
            launcherText
          }
        }
        contracts {
          id
          number
          active
          startsOn
          endsOn
          prepaidMonths
          discountBasisPoints
          freeSupportUntil
          tariff {
            name
          }
        }
      }
    }
  }
`);

export const createOrganizationMutation = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      __typename
      ... on OrganizationPayload {
        organization {
          id
        }
      }
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const createSiteMutation = graphql(`
  mutation CreateSite($input: CreateSiteInput!) {
    createSite(input: $input) {
      __typename
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const updateSiteMutation = graphql(`
  mutation UpdateSite($input: UpdateSiteInput!) {
    updateSite(input: $input) {
      __typename
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const authorizeContactMutation = graphql(`
  mutation AuthorizeContact($input: AuthorizeContactInput!) {
    authorizeContact(input: $input) {
      __typename
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const deauthorizeContactMutation = graphql(`
  mutation DeauthorizeContact($input: ContactInput!) {
    deauthorizeContact(input: $input) {
      __typename
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const deactivateContactMutation = graphql(`
  mutation DeactivateContact($input: ContactInput!) {
    deactivateContact(input: $input) {
      __typename
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const reactivateContactMutation = graphql(`
  mutation ReactivateContact($input: ContactInput!) {
    reactivateContact(input: $input) {
      __typename
      ... on DomainError {
        message
        detail
      }
    }
  }
`);
