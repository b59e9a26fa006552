import type { RateRule } from '../domain/rate-limit.ts';

/** Every limit the app keeps, by name; each has its rule (count per window) in the configuration. */
export const rateBuckets = [
  /** Visitor tickets per client address. */
  'submitPerIp',
  /** Visitor tickets per site. */
  'submitPerSite',
  /** Sign-in attempts of any kind (codes asked, codes tried, passwords) per client address. */
  'signInPerIp',
  /** Sign-in codes asked per e-mail address. */
  'signInPerEmail',
  /** Staff password attempts per account and client address; a success starts it afresh. */
  'passwordPerAddress',
  /** Staff password attempts per account from addresses it has not signed in from lately. */
  'passwordPerAccount',
  /** Addresses a staff account signed in from (remembered for the window; the count is unused). */
  'passwordKnownAddress',
  /** Knowledge-base searches per client address. */
  'articleSearchPerIp',
  /** Knowledge-base counters (views, feedback, deflections) per client address. */
  'articleEventsPerIp',
  /** Anonymous requests refused before any work (too large, too nested, not JSON) per client address. */
  'refusedPerIp',
] as const;

export type RateBucket = (typeof rateBuckets)[number];

/** The rule of every bucket. */
export type RateRules = Record<RateBucket, RateRule>;

/**
 * Counts attempts per bucket and key (an address, an e-mail, a site id…) against the bucket's
 * rule. One limiter serves the whole app; the server picks where the counts live (in process,
 * or in Redis so that every instance shares them and a restart forgets nothing). Each method
 * is one atomic step in the store: attempts arriving at once are all counted.
 */
export interface RateLimiter {
  /**
   * Counts one attempt by `key`; rejects with the DomainError RATE_LIMITED (field null,
   * `retryAfterSeconds` set) when the bucket's allowance for the window is spent.
   */
  consume(bucket: RateBucket, key: string): Promise<void>;
  /** Counts one attempt without ever refusing it: something to remember, not to limit. */
  record(bucket: RateBucket, key: string): Promise<void>;
  /** How many attempts `key` has made in the bucket's current window (0 when none); counts nothing. */
  counted(bucket: RateBucket, key: string): Promise<number>;
  /** Forgets the attempts of `key` in the bucket, e.g. after a successful sign-in. */
  reset(bucket: RateBucket, key: string): Promise<void>;
}
