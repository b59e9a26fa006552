import { graphql } from './graphql.ts';

/** The money page's tariffs and contracts: the studio's tariffs, a client's contracts, creating both. */

export const tariffsQuery = graphql(`
  query Tariffs {
    tariffs {
      id
      name
      active
      billingMode
      monthlyFeeKopecks
      includedMinutes
      includedLines
      extraHourRateKopecks
      minimumFeeKopecks
    }
  }
`);

export const clientContractsQuery = graphql(`
  query ClientContracts($id: ID!) {
    node(id: $id) {
      ... on Organization {
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

export const createTariffMutation = graphql(`
  mutation CreateTariff($input: CreateTariffInput!) {
    createTariff(input: $input) {
      __typename
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const createContractMutation = graphql(`
  mutation CreateContract($input: CreateContractInput!) {
    createContract(input: $input) {
      __typename
      ... on DomainError {
        message
        detail
      }
    }
  }
`);
