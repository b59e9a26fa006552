import { graphql } from './graphql.ts';

/** The settings page: support's weekly hours and time zone, and the working calendar. */

export const studioHoursQuery = graphql(`
  query StudioHours {
    workingHours {
      timeZone
      preHolidayShorteningMinutes
      openNow
      nextOpening
      days {
        weekday
        opens
        closes
      }
    }
  }
`);

export const setWorkingHoursMutation = graphql(`
  mutation SetWorkingHours($input: SetWorkingHoursInput!) {
    setWorkingHours(input: $input) {
      __typename
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const calendarYearQuery = graphql(`
  query CalendarYear($from: Date!, $to: Date!) {
    calendarDays(from: $from, to: $to) {
      date
      type
      working
      workingMinutes
      note
    }
  }
`);

export const setCalendarDayMutation = graphql(`
  mutation SetCalendarDay($input: SetCalendarDayInput!) {
    setCalendarDay(input: $input) {
      __typename
      ... on CalendarChangePayload {
        ticketsRecomputed
      }
      ... on DomainError {
        message
        detail
      }
    }
  }
`);

export const importCalendarMutation = graphql(`
  mutation ImportCalendar($input: ImportCalendarInput!) {
    importCalendar(input: $input) {
      __typename
      ... on CalendarChangePayload {
        days
        years
        ticketsRecomputed
      }
      ... on DomainError {
        message
        detail
      }
    }
  }
`);
