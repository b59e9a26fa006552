import { defaultUnverifiedPerDay } from '../domain/mail/unverified-mail.ts';

/** The server's limits on the letters it writes (MAIL_UNVERIFIED_PER_DAY). */
export interface LetterLimits {
  /** Letters a day to one unverified address (no staff member's, no contact's). */
  unverifiedPerDay: number;
}

export const defaultLetterLimits: LetterLimits = { unverifiedPerDay: defaultUnverifiedPerDay };
