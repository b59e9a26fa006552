import type { Db } from '../../db/client.ts';
import type { EventBus } from '../../graphql/context.ts';
import { recordCheck, sha256 } from './record.ts';

/**
 * A cron job or backup calling its heartbeat URL: a success now, and the next judgement one
 * period plus the grace later. False when the secret is unknown or the monitor paused.
 */
export async function recordHeartbeat(db: Db, events: EventBus, secret: string, now: Date): Promise<boolean> {
  const monitor = await db.monitor.findUnique({
    where: { heartbeatTokenHash: sha256(secret) },
    select: { id: true, paused: true, config: true },
  });
  if (!monitor || monitor.paused) return false;
  const config = monitor.config as { periodSeconds: number; graceSeconds: number };
  await db.monitor.update({
    where: { id: monitor.id },
    data: {
      lastHeartbeatAt: now,
      nextCheckAt: new Date(now.getTime() + (config.periodSeconds + config.graceSeconds) * 1000),
    },
  });
  await recordCheck(db, events, {
    monitorId: monitor.id,
    report: { outcome: 'UP' },
    location: 'central',
    at: now,
    reschedule: false,
  });
  return true;
}
