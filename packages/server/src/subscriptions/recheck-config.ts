import { integer } from '../config-values.ts';

export const subscriptionRecheckVariables = [
  [
    'SUBSCRIPTION_RECHECK_MS',
    '30000',
    'How often open subscriptions’ tokens and sessions are read again (one query per sweep): ends those changed without an announcement, e.g. by a CLI run without REDIS_URL',
  ],
  [
    'VIEWER_CACHE_MS',
    '5000',
    'How long who a token or session belongs to is kept in memory between its requests (0: read it every time); revocations, sign-outs and authorizations announced on the event bus clear it at once, changes made straight in the database take effect within this time',
  ],
] as const;

/** Reads SUBSCRIPTION_RECHECK_MS; a bad value is named in `problems`. */
export function subscriptionRecheckMs(env: NodeJS.ProcessEnv, problems: string[]): number {
  return integer('SUBSCRIPTION_RECHECK_MS', env.SUBSCRIPTION_RECHECK_MS, 30_000, 50, 3_600_000, problems);
}

/** Reads VIEWER_CACHE_MS; a bad value is named in `problems`. */
export function viewerCacheMs(env: NodeJS.ProcessEnv, problems: string[]): number {
  return integer('VIEWER_CACHE_MS', env.VIEWER_CACHE_MS, 5_000, 0, 60_000, problems);
}
