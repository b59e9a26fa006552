import { graphql } from './graphql.ts';

/** The knowledge-base page: every article (drafts too), one article with its versions and figures. */

export const articlesQuery = graphql(`
  query Articles($after: String) {
    articles(first: 100, after: $after) {
      edges {
        node {
          id
          title
          draftTitle
          locale
          status
          version
          hasUnpublishedChanges
          visibility
          updatedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const articleQuery = graphql(`
  query Article($id: ID!) {
    article(id: $id) {
      id
      title
      body
      draftTitle
      draftBody
      draftTags
      tags
      locale
      status
      version
      hasUnpublishedChanges
      visibility
      url
      sourceTicketId
      organization {
        id
        name
      }
      versions {
        version
        title
        body
        publishedAt
      }
      monthStats {
        month
        views
        helpfulYes
        helpfulNo
        deflections
      }
    }
  }
`);

export const createArticleMutation = graphql(`
  mutation CreateArticle($input: ArticleInput!) {
    createArticle(input: $input) {
      __typename
      ... on Article {
        id
      }
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const updateArticleMutation = graphql(`
  mutation UpdateArticle($id: ID!, $input: ArticleInput!) {
    updateArticle(id: $id, input: $input) {
      __typename
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const publishArticleMutation = graphql(`
  mutation PublishArticle($id: ID!) {
    publishArticle(id: $id) {
      __typename
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const unpublishArticleMutation = graphql(`
  mutation UnpublishArticle($id: ID!) {
    unpublishArticle(id: $id) {
      __typename
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const deleteArticleMutation = graphql(`
  mutation DeleteArticle($id: ID!) {
    deleteArticle(id: $id) {
      __typename
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const articleFromTicketMutation = graphql(`
  mutation ArticleFromTicket($ticketId: ID!) {
    createArticleFromTicket(ticketId: $ticketId) {
      __typename
      ... on Article {
        id
      }
      ... on DomainError {
        message
        detail
      }
    }
  }
`);
