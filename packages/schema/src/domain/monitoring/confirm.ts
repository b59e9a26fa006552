/** What one check found. ERROR is caredesk's own failure (not the site's); it never counts. */
export const CheckOutcome = {
  UP: 'UP',
  DEGRADED: 'DEGRADED',
  DOWN: 'DOWN',
  ERROR: 'ERROR',
  NOT_SUPPORTED: 'NOT_SUPPORTED',
} as const;
export type CheckOutcome = (typeof CheckOutcome)[keyof typeof CheckOutcome];

export const MonitorState = {
  PENDING: 'PENDING',
  UP: 'UP',
  DEGRADED: 'DEGRADED',
  DOWN: 'DOWN',
  UNKNOWN: 'UNKNOWN',
  PAUSED: 'PAUSED',
  NOT_SUPPORTED: 'NOT_SUPPORTED',
} as const;
export type MonitorState = (typeof MonitorState)[keyof typeof MonitorState];

/** Consecutive results of one location. */
export interface Tally {
  failures: number;
  /** UP or DEGRADED in a row. */
  successes: number;
  /** Plain UP in a row. */
  ups: number;
  /** DEGRADED in a row. */
  degraded: number;
  /** When this location last reported (ISO). */
  at: string;
}
export type Tallies = Record<string, Tally>;

export const confirmPolicy = {
  /** DOWN after this many failures in a row (the 2nd and 3rd on the retry interval). */
  failuresToDown: 3,
  /** UP after this many successes in a row. */
  successesToUp: 2,
  /** DEGRADED after this many slow answers in a row. */
  degradedToConfirm: 2,
} as const;

export interface ConfirmInput {
  state: MonitorState;
  tallies: Tallies;
  /** How many locations watch the monitor (the central scheduler counts as one). */
  locations: number;
  result: { location: string; outcome: CheckOutcome; at: Date };
  /** Tallies of locations that have not reported since then are forgotten (a silent agent). */
  freshSince: Date;
  /**
   * Facts that do not flicker (a certificate's or a domain's expiry, checked daily): one
   * success or slow answer is enough. Failures still need the full count.
   */
  settledFacts?: boolean;
}

export interface ConfirmResult {
  state: MonitorState;
  tallies: Tallies;
  changed: boolean;
  /** The reporting location has unconfirmed failures: check again on the retry interval. */
  retrySoon: boolean;
}

const empty = (at: string): Tally => ({ failures: 0, successes: 0, ups: 0, degraded: 0, at });

function count(tally: Tally, outcome: CheckOutcome, at: string): Tally {
  switch (outcome) {
    case 'UP':
      return { failures: 0, successes: tally.successes + 1, ups: tally.ups + 1, degraded: 0, at };
    case 'DEGRADED':
      return { failures: 0, successes: tally.successes + 1, ups: 0, degraded: tally.degraded + 1, at };
    case 'DOWN':
      return { failures: tally.failures + 1, successes: 0, ups: 0, degraded: 0, at };
    case 'ERROR':
    case 'NOT_SUPPORTED':
      return tally;
  }
}

/**
 * The confirmation state machine: folds one check result into the per-location tallies and
 * decides the monitor's state. DOWN needs `failuresToDown` failures in a row, from two
 * locations when two or more watch; a DOWN monitor comes back after `successesToUp`
 * successes. caredesk's own errors change nothing: staleness (see `staleState`) makes UNKNOWN.
 */
export function confirm(input: ConfirmInput): ConfirmResult {
  const { result, state } = input;
  const at = result.at.toISOString();
  const tallies: Tallies = {};
  for (const [location, tally] of Object.entries(input.tallies)) {
    if (location !== result.location && Date.parse(tally.at) >= input.freshSince.getTime()) tallies[location] = tally;
  }
  if (result.outcome === 'ERROR') {
    return { state, tallies: input.tallies, changed: false, retrySoon: false };
  }
  if (result.outcome === 'NOT_SUPPORTED') {
    return { state: 'NOT_SUPPORTED', tallies: {}, changed: state !== 'NOT_SUPPORTED', retrySoon: false };
  }
  const mine = count(input.tallies[result.location] ?? empty(at), result.outcome, at);
  tallies[result.location] = mine;
  const required = input.locations >= 2 ? 2 : 1;
  const failing = Object.values(tallies).filter((t) => t.failures >= confirmPolicy.failuresToDown).length;
  let next: MonitorState = state;
  if (failing >= required) next = 'DOWN';
  else if (mine.degraded >= (input.settledFacts ? 1 : confirmPolicy.degradedToConfirm)) next = 'DEGRADED';
  else if (mine.ups >= (input.settledFacts ? 1 : confirmPolicy.successesToUp)) next = 'UP';
  else if (state === 'DOWN' && mine.successes >= confirmPolicy.successesToUp) next = 'UP';
  const retrySoon = mine.failures > 0 && mine.failures < confirmPolicy.failuresToDown;
  return { state: next, tallies, changed: next !== state, retrySoon };
}

/**
 * UNKNOWN for a monitor nobody has checked for too long (the scheduler could not reach its
 * database, an agent went silent): never DOWN, and its tallies start over.
 */
export function isStale(lastCheckAt: Date | null, since: Date, intervalSeconds: number, now: Date): boolean {
  const from = Math.max(lastCheckAt?.getTime() ?? 0, since.getTime());
  return now.getTime() - from > Math.max(3 * intervalSeconds * 1000, intervalSeconds * 1000 + 120_000);
}
