import { graphql } from './graphql.ts';

/** The money page's time of a month: by specialist, support line and ticket. */
export const monthTimeReportQuery = graphql(`
  query MonthTimeReport($month: String!, $organizationId: ID) {
    monthTimeReport(month: $month, organizationId: $organizationId) {
      month
      totalMinutes
      billableMinutes
      ticketsTotal
      bySpecialist {
        staff {
          id
          name
        }
        minutes
        billableMinutes
        tickets
      }
      byLine {
        supportLine
        minutes
        billableMinutes
      }
      byTicket(first: 100) {
        ticket {
          id
          displayNumber
          title
        }
        organizationName
        minutes
        billableMinutes
      }
    }
  }
`);
