/** How many attempts a key may make per window: `limit` per `windowMs` milliseconds. */
export interface RateRule {
  limit: number;
  windowMs: number;
}

/**
 * What a limiter remembers about one key: the attempts counted in the current window and
 * when that window ends (epoch milliseconds). Plain numbers, so it survives JSON and Redis.
 */
export interface RateState {
  count: number;
  resetAtMs: number;
}

/** The answer to one attempt, and the state to keep for the next one. */
export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until an attempt can succeed again; 0 when this one is allowed. */
  retryAfterSeconds: number;
  /** Attempts still allowed in the current window after this one. */
  remaining: number;
  state: RateState;
}

/**
 * Counts one attempt against a fixed-window limit. The window opens at the first attempt
 * and lasts `windowMs`; at `resetAtMs` exactly a new window opens. A refused attempt is
 * not counted, so a client that waits out `retryAfterSeconds` always gets through.
 */
export function decideRate(state: RateState | undefined, rule: RateRule, now: Date): RateDecision {
  checkRule(rule);
  const nowMs = now.getTime();
  const current = state && nowMs < state.resetAtMs ? state : { count: 0, resetAtMs: nowMs + rule.windowMs };
  if (current.count < rule.limit) {
    const next = { count: current.count + 1, resetAtMs: current.resetAtMs };
    return { allowed: true, retryAfterSeconds: 0, remaining: rule.limit - next.count, state: next };
  }
  // Rounded up, so a client retrying after exactly this many seconds is past the window's end.
  // Capped by the window, in case the clock went back since the window opened.
  const waitMs = Math.min(current.resetAtMs - nowMs, rule.windowMs);
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
    remaining: 0,
    state: current,
  };
}

/** True when the state no longer limits anything at `now`, so it can be forgotten. */
export function rateStateExpired(state: RateState, now: Date): boolean {
  return now.getTime() >= state.resetAtMs;
}

function checkRule(rule: RateRule): void {
  // A misconfigured rule is a programming error: fail loudly rather than allow everything.
  if (!Number.isInteger(rule.limit) || rule.limit < 0) throw new RangeError(`rate limit: bad limit ${rule.limit}`);
  if (!Number.isFinite(rule.windowMs) || rule.windowMs <= 0)
    throw new RangeError(`rate limit: bad windowMs ${rule.windowMs}`);
}
