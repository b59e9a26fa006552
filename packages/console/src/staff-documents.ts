import { graphql } from './graphql.ts';

/** The settings page's staff part (admins change, heads read) and the set-password page. */

export const studioStaffQuery = graphql(`
  query StudioStaff {
    studioStaff {
      id
      name
      email
      role
      supportLine
      locale
      active
      createdAt
      passwordSet
      passwordLinkExpiresAt
    }
  }
`);

export const inviteStaffMutation = graphql(`
  mutation InviteStaff($input: InviteStaffInput!) {
    inviteStaff(input: $input) {
      __typename
      ... on StaffPasswordLinkPayload {
        setPasswordUrl
        expiresAt
      }
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const resetStaffPasswordMutation = graphql(`
  mutation ResetStaffPassword($input: StaffMemberInput!) {
    resetStaffPassword(input: $input) {
      __typename
      ... on StaffPasswordLinkPayload {
        setPasswordUrl
        expiresAt
      }
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const changeStaffRoleMutation = graphql(`
  mutation ChangeStaffRole($input: ChangeStaffRoleInput!) {
    changeStaffRole(input: $input) {
      __typename
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const disableStaffMemberMutation = graphql(`
  mutation DisableStaffMember($input: StaffMemberInput!) {
    disableStaffMember(input: $input) {
      __typename
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const enableStaffMemberMutation = graphql(`
  mutation EnableStaffMember($input: StaffMemberInput!) {
    enableStaffMember(input: $input) {
      __typename
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const setStaffPasswordMutation = graphql(`
  mutation SetStaffPassword($input: SetStaffPasswordInput!) {
    setStaffPassword(input: $input) {
      __typename
      ... on SetStaffPasswordPayload {
        email
      }
      ... on DomainError {
        message
        detail
      }
    }
  }
`);
