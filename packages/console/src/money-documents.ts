import { graphql } from './graphql.ts';

/** The money page: one organization's month on screen, its documents, and issuing and payments. */

export const monthReportQuery = graphql(`
  query MonthReport($month: String!, $organizationId: ID!) {
    monthlyReport(month: $month, organizationId: $organizationId) {
      month
      tariffName
      contractNumber
      freeSupport
      pdfUrl
      csvUrl
      totals {
        monthKopecks
        paidTicketsKopecks
        totalKopecks
      }
      prepaid {
        includedMinutes
        carriedInMinutes
        drawnMinutes
        remainingMinutes
        carriesOverMinutes
      }
      lines {
        kind
        description
        minutes
        rateKopecks
        coefficientPercent
        amountKopecks
        ticketNumber
      }
      works {
        ticketNumber
        title
        status
        priority
        paid
        totalMinutes
        billableMinutes
        byLevel {
          supportLine
          minutes
        }
      }
      invoices {
        id
        number
        kind
        status
        issuedAt
        paidAt
        totalKopecks
      }
    }
  }
`);

export const issueMonthlyInvoicesMutation = graphql(`
  mutation IssueMonthlyInvoices($input: IssueMonthlyInvoicesInput!) {
    issueMonthlyInvoices(input: $input) {
      __typename
      ... on IssueMonthlyInvoicesPayload {
        invoices {
          number
        }
      }
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const confirmInvoicePaymentMutation = graphql(`
  mutation ConfirmInvoicePayment($input: InvoiceOnlyInput!) {
    confirmInvoicePayment(input: $input) {
      __typename
      ... on DomainError {
        message
        detail
      }
    }
  }
`);
