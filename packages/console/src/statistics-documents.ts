import { graphql } from './graphql.ts';

/** The statistics page: one month of the studio, then the months before it for the trend. */

export const studioMonthQuery = graphql(`
  query StudioMonth($month: String!) {
    studioStatistics(month: $month) {
      month
      total {
        tickets
        answered
        resolved
        medianFirstResponseMinutes
        medianResolutionMinutes
        reactionWithinTargetShare
        resolutionWithinTargetShare
        satisfactionAverage
        satisfactionCount
        breaches
      }
      organizations {
        organization {
          id
          name
        }
        statistics {
          tickets
          medianFirstResponseMinutes
          medianResolutionMinutes
          reactionWithinTargetShare
          resolutionWithinTargetShare
          satisfactionAverage
          breaches
        }
      }
      breaches {
        kind
        at
        ticketId
        ticketNumber
        title
        priority
        organizationName
        assigneeName
      }
    }
    specialistStatistics(month: $month) {
      line
      staff {
        id
        name
      }
      statistics {
        tickets
        medianFirstResponseMinutes
        medianResolutionMinutes
        reactionWithinTargetShare
        resolutionWithinTargetShare
        satisfactionAverage
        breaches
      }
    }
    lineStatistics(month: $month) {
      line
      statistics {
        tickets
        medianFirstResponseMinutes
        medianResolutionMinutes
        reactionWithinTargetShare
        resolutionWithinTargetShare
        satisfactionAverage
        breaches
      }
    }
  }
`);

/** One month's totals, for the trend (asked for each of the months before the chosen one). */
export const monthTotalsQuery = graphql(`
  query MonthTotals($month: String!) {
    studioStatistics(month: $month) {
      month
      total {
        tickets
        medianFirstResponseMinutes
        medianResolutionMinutes
        reactionWithinTargetShare
        resolutionWithinTargetShare
        satisfactionAverage
      }
    }
  }
`);
