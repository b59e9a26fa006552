/** How many attempts a key may make per window: `limit` per `windowMs` milliseconds. */
export interface RateRule {
  limit: number;
  windowMs: number;
}

/**
 * Whole seconds a refused caller should wait (for `retryAfterSeconds` and `Retry-After`), from
 * the milliseconds until the key's window ends. Rounded up, so a client retrying after exactly
 * this many seconds is past the window's end; at least 1; at most the window, in case a clock
 * went back since the window opened.
 */
export function retryAfterSeconds(msBeforeNext: number, rule: RateRule): number {
  const waitMs = Math.min(Number.isFinite(msBeforeNext) ? msBeforeNext : rule.windowMs, rule.windowMs);
  return Math.max(1, Math.ceil(waitMs / 1000));
}
