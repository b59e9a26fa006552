import { type AllowedNetworks, parseAllowedNetworks } from '@caredesk/schema/checks';
import { integer } from '../config-values.ts';
/** Settings of the monitoring scheduler (MONITOR_* variables). */
export interface MonitoringConfig {
  /** Whether this instance runs the central scheduler (several may: each due check runs once). */
  enabled: boolean;
  /** Checks in flight at most. */
  concurrency: number;
  /** How often the scheduler looks for due checks while checks run or are due. */
  tickMs: number;
  /** The longest an idle scheduler sleeps before it looks again (it wakes for new monitors). */
  idleMaxMs: number;
  /** Base of the RDAP service for domain expiry: `<url>/domain/<name>`. */
  rdapUrl: string;
  /** How often rollups are computed and old results deleted. */
  rollupIntervalMs: number;
  /** Inside networks (loopback, private…) monitors may reach after all; none by default. */
  allowedNetworks: AllowedNetworks;
}

export const monitoringVariables = [
  ['MONITORING_ENABLED', 'true', 'false: this instance runs no monitoring checks (others sharing the database may)'],
  ['MONITOR_CONCURRENCY', '200', 'Monitoring checks in flight at most, per instance'],
  ['MONITOR_TICK_MS', '250', 'How often the monitoring scheduler looks for due checks while checks run or are due'],
  [
    'MONITOR_IDLE_MAX_MS',
    '5000',
    'Longest the idle monitoring scheduler sleeps (until the soonest due check; new or resumed monitors wake it)',
  ],
  ['MONITOR_RDAP_URL', 'https://rdap.org', 'RDAP service for domain expiry (<url>/domain/<name>)'],
  ['MONITOR_ROLLUP_INTERVAL_MS', '300000', 'How often hourly/daily rollups are computed and old results deleted'],
  [
    'MONITOR_ALLOW_NETWORKS',
    '',
    'Inside networks monitors may reach after all, e.g. 10.20.0.0/16,127.0.0.1 (by default only public addresses)',
  ],
] as const;

export function monitoringConfig(env: NodeJS.ProcessEnv, problems: string[]): MonitoringConfig {
  const enabledRaw = env.MONITORING_ENABLED?.trim().toLowerCase() ?? 'true';
  if (!['true', 'false', '1', '0', 'yes', 'no', ''].includes(enabledRaw))
    problems.push(`MONITORING_ENABLED must be true or false, got "${enabledRaw}"`);
  const rdapUrl = (env.MONITOR_RDAP_URL?.trim() || 'https://rdap.org').replace(/\/+$/, '');
  if (!/^https?:\/\/\S+$/.test(rdapUrl))
    problems.push(`MONITOR_RDAP_URL must be an http(s):// address, got "${rdapUrl}"`);
  const networks = parseAllowedNetworks(env.MONITOR_ALLOW_NETWORKS ?? '');
  for (const problem of networks.problems) problems.push(`MONITOR_ALLOW_NETWORKS: ${problem}`);
  return {
    allowedNetworks: networks.allowed,
    enabled: !['false', '0', 'no'].includes(enabledRaw),
    concurrency: integer('MONITOR_CONCURRENCY', env.MONITOR_CONCURRENCY, 200, 1, 10_000, problems),
    tickMs: integer('MONITOR_TICK_MS', env.MONITOR_TICK_MS, 250, 10, 60_000, problems),
    idleMaxMs: integer('MONITOR_IDLE_MAX_MS', env.MONITOR_IDLE_MAX_MS, 5000, 10, 600_000, problems),
    rdapUrl,
    rollupIntervalMs: integer(
      'MONITOR_ROLLUP_INTERVAL_MS',
      env.MONITOR_ROLLUP_INTERVAL_MS,
      300_000,
      1000,
      86_400_000,
      problems,
    ),
  };
}
