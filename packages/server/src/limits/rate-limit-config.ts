import type { RateRule } from '@caredesk/schema/domain';
import type { RateBucket, RateRules } from '@caredesk/schema/services';

/** The rate limits' rules (RATE_LIMIT_* variables) and where they live in Redis. */
export interface RateLimitConfig {
  rules: RateRules;
  /** With REDIS_URL: every key of the limits starts with this and a colon. */
  keyPrefix: string;
}

/** How long an address a staff member signed in from is remembered as theirs (not a setting). */
export const knownAddressDays = 20;

// Node's timers (which expire the in-process counts) hold at most 2^31-1 ms, about 24.8 days.
const maxWindowSeconds = 2_000_000;

/** The configurable buckets: variable, default count/seconds, meaning. */
const ruleVariables: readonly (readonly [RateBucket, string, string, string])[] = [
  ['submitPerIp', 'RATE_LIMIT_SUBMIT_IP', '20/600', 'Visitor tickets per address: count/seconds'],
  ['submitPerSite', 'RATE_LIMIT_SUBMIT_SITE', '300/600', 'Visitor tickets per site: count/seconds'],
  ['signInPerIp', 'RATE_LIMIT_SIGNIN_IP', '30/600', 'Sign-in attempts per address: count/seconds'],
  ['signInPerEmail', 'RATE_LIMIT_SIGNIN_EMAIL', '5/600', 'Sign-in codes asked per e-mail: count/seconds'],
  [
    'passwordPerAddress',
    'RATE_LIMIT_PASSWORD_ADDRESS',
    '5/600',
    'Staff password attempts per account from one address: count/seconds; a right password starts afresh',
  ],
  [
    'passwordPerAccount',
    'RATE_LIMIT_PASSWORD_ACCOUNT',
    '100/3600',
    `Staff password attempts per account from addresses it has not signed in from within ${knownAddressDays} days: count/seconds`,
  ],
  ['articleSearchPerIp', 'RATE_LIMIT_KB_SEARCH_IP', '600/600', 'Knowledge-base searches per address: count/seconds'],
  [
    'articleEventsPerIp',
    'RATE_LIMIT_KB_EVENTS_IP',
    '300/600',
    'Knowledge-base views, feedback and deflections counted per address: count/seconds',
  ],
  [
    'refusedPerIp',
    'RATE_LIMIT_REFUSED_IP',
    '30/60',
    'Anonymous requests refused as too large, too nested or not JSON, per address: count/seconds; past it the address’s anonymous requests get 429 at once until the window ends',
  ],
];

const defaultKeyPrefix = 'caredesk:limit';

/** The variables, their defaults and meaning, for the README's table. */
export const rateLimitVariables = [
  ...ruleVariables.map(([, name, fallback, meaning]) => [name, fallback, meaning] as const),
  [
    'RATE_LIMIT_KEY_PREFIX',
    defaultKeyPrefix,
    'With REDIS_URL: the prefix of the limits’ Redis keys (give each installation sharing one Redis its own)',
  ],
] as const;

/** Reads the RATE_LIMIT_* variables; a bad value is named in `problems`. */
export function rateLimitConfig(env: NodeJS.ProcessEnv, problems: string[]): RateLimitConfig {
  const rule = (name: string, fallback: string): RateRule => {
    const raw = env[name]?.trim() || fallback;
    const match = /^(\d{1,7})\/(\d{1,7})$/.exec(raw);
    if (!match || Number(match[2]) === 0 || Number(match[2]) > maxWindowSeconds) {
      problems.push(
        `${name} must look like count/seconds (1 to ${maxWindowSeconds} seconds), e.g. 20/600, got "${raw}"`,
      );
      return { limit: 1, windowMs: 1000 };
    }
    return { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
  };
  const configured = Object.fromEntries(
    ruleVariables.map(([bucket, name, fallback]) => [bucket, rule(name, fallback)]),
  );
  const keyPrefix = env.RATE_LIMIT_KEY_PREFIX?.trim() || defaultKeyPrefix;
  if (!/^[\w:.-]{1,100}$/.test(keyPrefix))
    problems.push(`RATE_LIMIT_KEY_PREFIX must be 1–100 letters, digits, _ : . or -, got "${keyPrefix}"`);
  return {
    rules: {
      ...(configured as Omit<RateRules, 'passwordKnownAddress'>),
      // Only whether an address was counted matters here, never how often.
      passwordKnownAddress: { limit: 1, windowMs: knownAddressDays * 86_400_000 },
    },
    keyPrefix,
  };
}
