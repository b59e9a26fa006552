import { createHash } from 'node:crypto';
import type { CheckReport } from '../../checks/types.ts';
import type { Db } from '../../db/client.ts';
import { confirm, type MonitorState, type Tallies } from '../../domain/monitoring/confirm.ts';
import { inMaintenance } from '../../domain/monitoring/maintenance.ts';
import type { EventBus } from '../../graphql/context.ts';
import { maintenanceRule } from '../site-uptime.ts';
import { isUniqueViolation } from '../unique-violation.ts';
import type { Evidence } from './evidence.ts';
import { warnOfExpiry } from './expiry-warnings.ts';
import { actOnStateChange, fileOutstandingTicket, recordStateChange, type StateChange } from './incidents.ts';
import { appendSample, hasSample } from './samples.ts';

export interface RecordInput {
  monitorId: string;
  report: CheckReport;
  /** "central" for the scheduler, the agent's location otherwise. */
  location: string;
  agentId?: string | null;
  /** When the check ran. */
  at: Date;
  /** Central checks: set the next check time (retry interval while failures are unconfirmed). */
  reschedule: boolean;
}

export interface RecordOutcome {
  state: MonitorState;
  changed: boolean;
  /** The location has unconfirmed failures: its next check is due on the retry interval. */
  retrySoon: boolean;
  intervalSeconds: number;
  retryIntervalSeconds: number;
}

const monitorFacts = {
  id: true,
  name: true,
  siteId: true,
  kind: true,
  state: true,
  tallies: true,
  paused: true,
  central: true,
  intervalSeconds: true,
  retryIntervalSeconds: true,
  updatedAt: true,
  expiryWarnedDays: true,
  site: { select: { name: true, url: true, organizationId: true } },
  _count: { select: { assignments: true } },
} as const;

/** Tells subscribers of the site and of all sites that a monitor's state changed. */
export function publishMonitorChange(events: EventBus, monitor: { id: string; siteId: string }): void {
  events.publish('monitorStatusChanged', monitor.siteId, { monitorId: monitor.id });
  events.publish('monitorStatusChanged', 'all', { monitorId: monitor.id });
}

/** Wakes idle schedulers (every instance, over the bus): this monitor may be due now. */
export function publishMonitorScheduled(events: EventBus, monitorId: string): void {
  events.publish('monitorScheduled', 'all', { monitorId });
}

/** A small random lead (never a delay) so monitors created together drift apart. */
function jitterMs(seconds: number): number {
  return -Math.round(Math.random() * Math.min(seconds * 10, 2000));
}

/** Another writer changed the monitor since it was read: roll back and read again. */
class MonitorChanged extends Error {}

/**
 * Stores one check result and folds it into the monitor's state (domain/monitoring/confirm).
 * One transaction writes a failing result, the state (guarded by the version read, so two
 * reports at once never lose a count) and, for a confirmed change, its incident: a DOWN
 * monitor always has its open incident, and a result that cannot be stored changes nothing.
 * An UP result is appended to its packed hour after the state (it can never cause a DOWN).
 * Once committed, the change's tickets and letters are filed and subscribers told.
 */
export async function recordCheck(db: Db, events: EventBus, input: RecordInput): Promise<RecordOutcome | null> {
  const { report, at } = input;
  // An agent retrying a batch: its UP results are packed, not rows, so look for the sample.
  if (input.agentId && report.outcome === 'UP' && (await hasSample(db, input.monitorId, input.location, at)))
    return null;
  for (let attempt = 0; attempt < 5; attempt++) {
    const monitor = await db.monitor.findUnique({ where: { id: input.monitorId }, select: monitorFacts });
    if (!monitor || monitor.paused) return null;
    const locations = (monitor.central ? 1 : 0) + monitor._count.assignments;
    const stale = Math.max(3 * monitor.intervalSeconds, monitor.intervalSeconds + 120) * 1000;
    const decision = confirm({
      state: monitor.state as MonitorState,
      tallies: (monitor.tallies ?? {}) as unknown as Tallies,
      locations: Math.max(1, locations),
      result: { location: input.location, outcome: report.outcome, at },
      freshSince: new Date(at.getTime() - stale),
      settledFacts: monitor.kind === 'TLS' || monitor.kind === 'DOMAIN',
    });
    const evidence: Evidence = {
      outcome: report.outcome,
      location: input.location,
      checkedAt: at.toISOString(),
      statusCode: report.statusCode ?? null,
      responseTimeMs: report.responseTimeMs ?? null,
      message: report.message ?? null,
      ...(report.details ? { details: report.details } : {}),
    };
    // UP results are packed per hour (appended once the state is written); others are rows.
    const packed = report.outcome === 'UP';
    const delay = decision.retrySoon ? monitor.retryIntervalSeconds : monitor.intervalSeconds;
    const maintenanceNow = async () => {
      const windows = await db.maintenanceWindow.findMany({
        where: {
          OR: [{ monitorId: monitor.id }, { siteId: monitor.siteId }, { organizationId: monitor.site.organizationId }],
        },
      });
      return inMaintenance(windows.map(maintenanceRule), at);
    };
    const change: StateChange | null = decision.changed
      ? {
          monitor,
          from: monitor.state as MonitorState,
          to: decision.state,
          at,
          evidence,
          inMaintenance: await maintenanceNow(),
        }
      : null;
    type Writer = Pick<Db, 'checkResult' | 'monitor' | 'monitorIncident' | 'monitorStateChange'>;
    const write = async (tx: Writer) => {
      if (!packed) {
        await tx.checkResult.create({
          data: {
            monitorId: monitor.id,
            agentId: input.agentId ?? null,
            location: input.location,
            checkedAt: at,
            outcome: report.outcome,
            responseTimeMs: report.responseTimeMs ?? null,
            statusCode: report.statusCode ?? null,
            message: report.message ?? null,
            details: (report.details ?? undefined) as object | undefined,
          },
          select: { checkedAt: true },
        });
      }
      const updated = await tx.monitor.updateMany({
        where: { id: monitor.id, updatedAt: monitor.updatedAt },
        data: {
          state: decision.state,
          ...(decision.changed ? { stateSince: at } : {}),
          tallies: decision.tallies as object,
          lastCheckAt: at,
          lastEvidence: evidence as object,
          ...(report.expiresAt ? { expiresAt: report.expiresAt } : {}),
          ...(input.reschedule
            ? {
                nextCheckAt: new Date(at.getTime() + delay * 1000 + jitterMs(delay)),
                leaseOwner: null,
                leaseUntil: null,
              }
            : {}),
        },
      });
      if (updated.count === 0) throw new MonitorChanged();
      return change ? recordStateChange(tx, change) : null;
    };
    let plan: Awaited<ReturnType<typeof recordStateChange>> | null;
    try {
      // Most checks are UP with nothing to confirm: one statement, no transaction needed.
      plan = packed && !change ? await write(db) : await db.$transaction((tx) => write(tx));
    } catch (error) {
      // Someone else wrote the monitor meanwhile: nothing was kept; read again, count this once.
      if (error instanceof MonitorChanged) continue;
      // The same result again (an agent retrying its batch): it counted the first time.
      if (isUniqueViolation(error)) return null;
      throw error;
    }
    if (packed) {
      await appendSample(db, monitor.id, input.location, {
        at,
        responseTimeMs: report.responseTimeMs ?? null,
        statusCode: report.statusCode ?? null,
      });
    }
    if (report.expiresAt) await warnOfExpiry(db, monitor, report, at);
    if (change && plan) {
      await actOnStateChange(db, events, change, plan);
      publishMonitorChange(events, monitor);
    } else if (decision.state === 'DOWN' && report.outcome === 'DOWN') {
      // Still down: an outage that began in maintenance gets its ticket once the window is over.
      const untold = await db.monitorIncident.count({
        where: { monitorId: monitor.id, kind: 'DOWN', endedAt: null, ticketId: null },
      });
      if (untold > 0)
        await fileOutstandingTicket(db, events, { monitor, at, evidence, inMaintenance: await maintenanceNow() });
    }
    return {
      state: decision.state,
      changed: decision.changed,
      retrySoon: decision.retrySoon,
      intervalSeconds: monitor.intervalSeconds,
      retryIntervalSeconds: monitor.retryIntervalSeconds,
    };
  }
  throw new Error(`recordCheck: monitor ${input.monitorId} kept changing`);
}

/**
 * UNKNOWN for a monitor whose checks caredesk could not do or record (its database failed, an
 * agent went silent): never DOWN, never a ticket; its tallies start over.
 */
export async function markUnknown(db: Db, events: EventBus, monitorId: string, reason: string, now: Date) {
  const monitor = await db.monitor.findUnique({ where: { id: monitorId }, select: monitorFacts });
  if (!monitor || monitor.paused || monitor.state === 'UNKNOWN') return false;
  const updated = await db.monitor.updateMany({
    where: { id: monitorId, updatedAt: monitor.updatedAt },
    data: { state: 'UNKNOWN', stateSince: now, tallies: {} },
  });
  if (updated.count === 0) return false;
  await db.monitorStateChange.create({
    data: { monitorId, fromState: monitor.state, toState: 'UNKNOWN', at: now, reason },
  });
  publishMonitorChange(events, monitor);
  return true;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
