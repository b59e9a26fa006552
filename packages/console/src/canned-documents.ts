import { graphql } from './graphql.ts';

/** The canned responses page: every template I may use, and writing, changing and removing them. */

export const cannedListQuery = graphql(`
  query CannedList {
    cannedResponses {
      id
      name
      locale
      shared
      body
      updatedAt
    }
  }
`);

export const createCannedMutation = graphql(`
  mutation CreateCanned($input: CreateCannedResponseInput!) {
    createCannedResponse(input: $input) {
      __typename
      ... on DomainError {
        message
        field
        detail
      }
    }
  }
`);

export const updateCannedMutation = graphql(`
  mutation UpdateCanned($input: UpdateCannedResponseInput!) {
    updateCannedResponse(input: $input) {
      __typename
      ... on DomainError {
        message
        field
        detail
      }
    }
  }
`);

export const deleteCannedMutation = graphql(`
  mutation DeleteCanned($input: DeleteCannedResponseInput!) {
    deleteCannedResponse(input: $input) {
      __typename
      ... on DomainError {
        message
        field
        detail
      }
    }
  }
`);
