import { graphql } from './graphql.ts';

/** The settings page's mail part (admins): the server's mail settings, the outbox and live checks. */
export const mailStatusQuery = graphql(`
  query MailStatus {
    mailStatus {
      configured
      transport
      smtpServer
      fromAddress
      listener
      imapMailbox
      unknownSender
      digestMinutes
      unverifiedPerDay
      outbox {
        pending
        heldForDigest
        failed
        sentLastDay
        oldestPendingAt
        lastSentAt
        lastError
      }
      checks {
        name
        ok
        detail
      }
    }
  }
`);
