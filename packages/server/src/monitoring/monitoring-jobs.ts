import type { Db } from '@caredesk/schema/db';
import type { EventBus } from '@caredesk/schema/graphql';
import { createMonitorScheduler, deleteExpiredResults, rollUpResults } from '@caredesk/schema/services';
import { intervalJob, type Job } from '../jobs/interval-job.ts';
import type { Logger } from '../logger.ts';
import type { MonitoringConfig } from './monitoring-config.ts';

/**
 * The central monitoring scheduler and the rollup/retention job, as one job the server starts
 * and stops. With MONITORING_ENABLED=false this instance runs neither.
 */
export function monitoringJob(
  config: MonitoringConfig,
  deps: { db: Db; events: EventBus; now: () => Date; logger: Logger },
): Job {
  const log = deps.logger.child({ component: 'monitoring' });
  const scheduler = createMonitorScheduler({
    db: deps.db,
    events: deps.events,
    now: deps.now,
    concurrency: config.concurrency,
    tickMs: config.tickMs,
    idleMaxMs: config.idleMaxMs,
    rdapBaseUrl: config.rdapUrl,
    allowedNetworks: config.allowedNetworks,
    onError: (err) =>
      log.error({ err }, 'monitoring: caredesk could not record checks (monitors go UNKNOWN, never DOWN)'),
  });
  const rollups = intervalJob(
    'monitor-rollups',
    config.rollupIntervalMs,
    async () => ({
      ...(await rollUpResults(deps.db, deps.now())),
      ...(await deleteExpiredResults(deps.db, deps.now())),
    }),
    deps.logger,
  );
  let starting: Promise<void> | undefined;
  return {
    start() {
      if (!config.enabled) return;
      starting = scheduler.start().catch((err) => log.error({ err }, 'monitoring scheduler failed to start'));
      rollups.start();
    },
    async stop() {
      await starting;
      await Promise.all([scheduler.stop(), rollups.stop()]);
    },
  };
}
