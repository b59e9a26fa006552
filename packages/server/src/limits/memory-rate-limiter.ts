import { decideRate, type RateRule, type RateState, rateStateExpired } from '@caredesk/schema/domain';

/** The answer a limiter gives for one attempt. */
export interface RateCheck {
  allowed: boolean;
  /** Whole seconds to wait before trying again (for a `Retry-After` header); 0 when allowed. */
  retryAfterSeconds: number;
  /** Attempts still allowed in the current window. */
  remaining: number;
}

export interface MemoryRateLimiterOptions {
  /** Most keys remembered at once; beyond it the least recently checked is forgotten. Default 100 000. */
  maxKeys?: number;
  /** How often (by the `now` of the checks) expired keys are swept out. Default one minute. */
  sweepIntervalMs?: number;
}

/** An in-process limiter: enough for one instance. */
export interface MemoryRateLimiter {
  /** Counts an attempt by `key` (e.g. `submit:ip:1.2.3.4`, `signin:email:x@y`) against `rule`. */
  check(key: string, rule: RateRule, now: Date): RateCheck;
  /** Forgets a key, e.g. the failed sign-ins of an email after a successful one. */
  reset(key: string): void;
  /** How many keys are remembered now. */
  readonly size: number;
}

/**
 * Rate limits kept in a Map. Memory is bounded: expired keys are swept out once per
 * `sweepIntervalMs`, and at `maxKeys` the least recently checked key is forgotten (a Map
 * iterates in insertion order and every check re-inserts its key), so a key under attack stays counted.
 * No timers: all housekeeping happens inside `check`, so nothing keeps the process alive.
 */
export function memoryRateLimiter(options: MemoryRateLimiterOptions = {}): MemoryRateLimiter {
  const maxKeys = options.maxKeys ?? 100_000;
  const sweepIntervalMs = options.sweepIntervalMs ?? 60_000;
  if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new RangeError(`rate limiter: bad maxKeys ${maxKeys}`);
  const states = new Map<string, RateState>();
  let lastSweepMs = Number.NEGATIVE_INFINITY;

  function sweep(now: Date): void {
    lastSweepMs = now.getTime();
    for (const [key, state] of states) if (rateStateExpired(state, now)) states.delete(key);
  }

  return {
    check(key, rule, now) {
      if (now.getTime() - lastSweepMs >= sweepIntervalMs) sweep(now);
      const decision = decideRate(states.get(key), rule, now);
      // Re-inserting moves the key to the end, so the first key is always the least recently used.
      states.delete(key);
      while (states.size >= maxKeys) {
        const oldest = states.keys().next();
        if (oldest.done) break;
        states.delete(oldest.value);
      }
      states.set(key, decision.state);
      return {
        allowed: decision.allowed,
        retryAfterSeconds: decision.retryAfterSeconds,
        remaining: decision.remaining,
      };
    },
    reset(key) {
      states.delete(key);
    },
    get size() {
      return states.size;
    },
  };
}
