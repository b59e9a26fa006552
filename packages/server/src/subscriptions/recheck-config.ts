import { integer } from '../config-values.ts';

export const subscriptionRecheckVariables = [
  [
    'SUBSCRIPTION_RECHECK_MS',
    '30000',
    'How often open subscriptions’ tokens and sessions are read again (one query per sweep): ends those changed without an announcement, e.g. by a CLI run without REDIS_URL',
  ],
] as const;

/** Reads SUBSCRIPTION_RECHECK_MS; a bad value is named in `problems`. */
export function subscriptionRecheckMs(env: NodeJS.ProcessEnv, problems: string[]): number {
  return integer('SUBSCRIPTION_RECHECK_MS', env.SUBSCRIPTION_RECHECK_MS, 30_000, 50, 3_600_000, problems);
}
