import { AsyncLocalStorage } from 'node:async_hooks';
import { defaultUnverifiedPerDay } from '../domain/mail/unverified-mail.ts';

/** The server's limits on the letters it writes (MAIL_UNVERIFIED_PER_DAY). */
export interface LetterLimits {
  /** Letters a day to one unverified address (no staff member's, no contact's). */
  unverifiedPerDay: number;
}

export const defaultLetterLimits: LetterLimits = { unverifiedPerDay: defaultUnverifiedPerDay };

// Letters are queued deep inside the services' transactions (submitTicket among them), so the
// limits travel with the work the server runs instead of through every signature on the way.
const scope = new AsyncLocalStorage<LetterLimits>();

/** Runs `work` with these limits: what the server wraps each GraphQL operation, job and letter in. */
export function withLetterLimits<T>(limits: LetterLimits, work: () => T): T {
  return scope.run(limits, work);
}

/** The limits of the work running now; outside any, the defaults. */
export function currentLetterLimits(): LetterLimits {
  return scope.getStore() ?? defaultLetterLimits;
}
