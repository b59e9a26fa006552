import { graphql } from './graphql.ts';

/** The settings page: SLA targets, billing rules and my notification mode. */

export const studioRulesQuery = graphql(`
  query StudioRules {
    slaTargets
    billingRules
  }
`);

export const setSlaTargetsMutation = graphql(`
  mutation SetSlaTargets($targets: JSON!) {
    setSlaTargets(targets: $targets) {
      __typename
      ... on SlaTargetsPayload {
        ticketsRecomputed
      }
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const setBillingRulesMutation = graphql(`
  mutation SetBillingRules($input: SetBillingRulesInput!) {
    setBillingRules(input: $input) {
      __typename
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const myNotificationModeQuery = graphql(`
  query MyNotificationMode {
    myNotificationMode
  }
`);

export const setMyNotificationModeMutation = graphql(`
  mutation SetMyNotificationMode($mode: NotificationMode!) {
    setMyNotificationMode(mode: $mode) {
      mode
    }
  }
`);
