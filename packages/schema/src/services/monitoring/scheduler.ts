import { randomUUID } from 'node:crypto';
import { runCheck } from '../../checks/run-check.ts';
import type { CheckReport, HeartbeatConfig } from '../../checks/types.ts';
import type { Db } from '../../db/client.ts';
import { isStale } from '../../domain/monitoring/confirm.ts';
import type { AllowedNetworks } from '../../domain/monitoring/target-address.ts';
import type { EventBus } from '../../graphql/context.ts';
import { markUnknown, recordCheck } from './record.ts';
import { stallDetector } from './stall-detector.ts';

export interface SchedulerOptions {
  db: Db;
  events: EventBus;
  now: () => Date;
  /** Checks in flight at most (the pool). */
  concurrency?: number;
  /** How often the loop looks for due checks while checks run or are due. */
  tickMs?: number;
  /**
   * The longest an idle loop sleeps (nothing due, nothing running): it sleeps until the soonest
   * due check, at most this long, and a monitor created or resumed wakes it at once (the
   * `monitorScheduled` event, on every instance sharing the bus). Default 5 s.
   */
  idleMaxMs?: number;
  rdapBaseUrl?: string;
  /** Inside networks the checks may reach after all (MONITOR_ALLOW_NETWORKS). */
  allowedNetworks?: AllowedNetworks;
  /** Spread overdue checks over their interval when starting (after a restart). */
  spreadOnStart?: boolean;
  /** Tells whether caredesk's own loop stalled during a check (default: a real stall detector). */
  stalls?: Pick<ReturnType<typeof stallDetector>, 'start' | 'stop' | 'stalledSince'>;
  /** Called with each check's lateness (ms after its due time), for the benchmark. */
  onLag?: (ms: number) => void;
  onError?: (error: unknown) => void;
}

export interface MonitorScheduler {
  readonly instanceId: string;
  start(): Promise<void>;
  /** Stops claiming and waits for the checks in flight. */
  stop(): Promise<void>;
  /** Claims everything due now, runs it and waits for it (tests move the clock and call this). */
  runDue(): Promise<number>;
  /** Marks UNKNOWN what nobody checked for too long. */
  sweepStale(): Promise<number>;
  inFlight(): number;
}

const leaseExtraMs = 30_000;

/** A heartbeat is judged from its last push: DOWN once the period and the grace have passed. */
function heartbeatReport(config: HeartbeatConfig, last: Date | null, created: Date, now: Date): CheckReport {
  const since = last ?? created;
  const overdueMs = now.getTime() - since.getTime() - (config.periodSeconds + config.graceSeconds) * 1000;
  if (overdueMs < 0) return { outcome: 'UP' };
  return {
    outcome: 'DOWN',
    message: `no heartbeat since ${since.toISOString()}`,
    details: {
      lastHeartbeatAt: last?.toISOString() ?? null,
      periodSeconds: config.periodSeconds,
      graceSeconds: config.graceSeconds,
    },
  };
}

/**
 * One central scheduler for all monitors: a loop claims due checks with a lease (an UPDATE …
 * WHERE nextCheckAt <= now AND the lease is free, so instances sharing a database each run a
 * due check once), runs them in a capped pool and records them. When its own database fails
 * the results are dropped and the monitors become UNKNOWN once it is back: never DOWN.
 */
export function createMonitorScheduler(options: SchedulerOptions): MonitorScheduler {
  const { db, events, now } = options;
  const instanceId = randomUUID();
  const concurrency = options.concurrency ?? 100;
  const tickMs = options.tickMs ?? 500;
  const idleMaxMs = Math.max(tickMs, options.idleMaxMs ?? 5_000);
  const env = {
    rdapBaseUrl: options.rdapBaseUrl ?? 'https://rdap.org',
    now,
    ...(options.allowedNetworks ? { allowedNetworks: options.allowedNetworks } : {}),
  };
  const running = new Set<Promise<void>>();
  const stalls = options.stalls ?? stallDetector();
  /** Monitors whose result could not be recorded: UNKNOWN as soon as the database answers. */
  const lost = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;
  let lastSweep = 0;
  let claimSeq = 0;

  const fail = (error: unknown) => options.onError?.(error);

  async function claim(limit: number) {
    const at = now();
    const free = { OR: [{ leaseUntil: null }, { leaseUntil: { lt: at } }] };
    const due = { paused: false, central: true, nextCheckAt: { lte: at }, ...free };
    const candidates = await db.monitor.findMany({
      where: due,
      select: { id: true },
      orderBy: { nextCheckAt: 'asc' },
      take: limit,
    });
    if (candidates.length === 0) return [];
    // A lease value unique to this claim, so the claimed rows can be read back.
    const leaseUntil = new Date(at.getTime() + leaseExtraMs + 60_000 + (claimSeq++ % 1000));
    const ids = candidates.map((c) => c.id);
    await db.monitor.updateMany({ where: { id: { in: ids }, ...due }, data: { leaseOwner: instanceId, leaseUntil } });
    return db.monitor.findMany({
      where: { id: { in: ids }, leaseOwner: instanceId, leaseUntil },
      select: {
        id: true,
        kind: true,
        config: true,
        timeoutMs: true,
        degradedAfterMs: true,
        nextCheckAt: true,
        lastHeartbeatAt: true,
        createdAt: true,
      },
    });
  }

  type Claimed = Awaited<ReturnType<typeof claim>>[number];

  async function runOne(monitor: Claimed) {
    const started = now();
    const startedTick = performance.now();
    options.onLag?.(started.getTime() - monitor.nextCheckAt.getTime());
    let report: CheckReport =
      monitor.kind === 'HEARTBEAT'
        ? heartbeatReport(
            monitor.config as unknown as HeartbeatConfig,
            monitor.lastHeartbeatAt,
            monitor.createdAt,
            started,
          )
        : await runCheck(
            {
              kind: monitor.kind,
              config: monitor.config,
              timeoutMs: monitor.timeoutMs,
              degradedAfterMs: monitor.degradedAfterMs,
            },
            env,
          );
    const stalled = report.outcome === 'DOWN' ? stalls.stalledSince(startedTick) : null;
    if (stalled !== null) {
      // Our own loop stalled while the site was being checked: the failure may be ours.
      report = {
        outcome: 'ERROR',
        message: `caredesk was overloaded (its event loop stalled ${stalled} ms): ${report.message ?? ''}`,
      };
    }
    try {
      await recordCheck(db, events, {
        monitorId: monitor.id,
        report,
        location: 'central',
        at: started,
        reschedule: true,
      });
    } catch (error) {
      lost.add(monitor.id);
      fail(error);
    }
  }

  async function recoverLost() {
    for (const id of [...lost]) {
      await markUnknown(db, events, id, 'caredesk could not record its checks', now());
      lost.delete(id);
    }
  }

  /** Claims up to the free part of the pool and starts the checks; resolves when they are started. */
  async function fill(): Promise<Promise<void>[]> {
    const room = concurrency - running.size;
    if (room <= 0) return [];
    let claimed: Claimed[];
    try {
      claimed = await claim(room);
      if (lost.size > 0) await recoverLost();
    } catch (error) {
      fail(error);
      return [];
    }
    return claimed.map((monitor) => {
      const job = runOne(monitor).finally(() => running.delete(job));
      running.add(job);
      return job;
    });
  }

  async function sweepStale(): Promise<number> {
    const at = now();
    const candidates = await db.monitor.findMany({
      where: {
        paused: false,
        state: { in: ['UP', 'DOWN', 'DEGRADED'] },
        lastCheckAt: { lt: new Date(at.getTime() - 180_000) },
      },
      select: { id: true, lastCheckAt: true, stateSince: true, intervalSeconds: true, kind: true },
    });
    let marked = 0;
    for (const m of candidates) {
      if (m.kind === 'HEARTBEAT' || !isStale(m.lastCheckAt, new Date(0), m.intervalSeconds, at)) continue;
      if (await markUnknown(db, events, m.id, 'no check results arrived (scheduler or agent silent)', at)) marked++;
    }
    return marked;
  }

  async function spreadOverdue() {
    const at = now();
    // Only what a stop left overdue (a new monitor due this moment runs at once).
    const before = new Date(at.getTime() - 10_000);
    const overdue = await db.monitor.findMany({
      where: { paused: false, central: true, nextCheckAt: { lt: before } },
      select: { id: true, intervalSeconds: true },
    });
    for (const m of overdue) {
      const offset = Math.floor(Math.random() * m.intervalSeconds * 1000);
      await db.monitor.updateMany({
        where: { id: m.id, nextCheckAt: { lt: before } },
        data: { nextCheckAt: new Date(at.getTime() + offset) },
      });
    }
  }

  /** How long an idle loop may sleep: until the soonest due check, between tickMs and idleMaxMs. */
  async function idleSleepMs(): Promise<number> {
    const next = await db.monitor.findFirst({
      where: { paused: false, central: true },
      orderBy: { nextCheckAt: 'asc' },
      select: { nextCheckAt: true },
    });
    if (!next) return idleMaxMs;
    return Math.min(idleMaxMs, Math.max(tickMs, next.nextCheckAt.getTime() - now().getTime()));
  }

  // The loop's current pass, so that stop() waits for a claim in progress too.
  let pass: Promise<void> | undefined;
  /** A wake-up heard during a pass: the next pass follows at once. */
  let woken = false;
  const loop = () => {
    if (stopped) return;
    woken = false;
    let sleepMs = tickMs;
    pass = (async () => {
      const started = await fill();
      if (now().getTime() - lastSweep > 30_000) {
        lastSweep = now().getTime();
        await sweepStale().catch(fail);
      }
      // Idle: one query for the soonest due time instead of a claim every tick.
      if (started.length === 0 && running.size === 0) sleepMs = await idleSleepMs();
    })()
      .catch(fail)
      .finally(() => {
        pass = undefined;
        if (stopped) return;
        timer = setTimeout(loop, woken ? 0 : sleepMs);
        timer.unref?.();
      });
  };
  const wake = () => {
    if (stopped) return;
    if (pass) {
      woken = true;
      return;
    }
    clearTimeout(timer);
    loop();
  };
  let wakeUps: AsyncIterator<unknown> | undefined;
  const listen = async () => {
    wakeUps = options.events.subscribe('monitorScheduled', 'all')[Symbol.asyncIterator]();
    for (;;) {
      const next = await wakeUps.next().catch(() => ({ done: true as const, value: undefined }));
      if (next.done) return;
      wake();
    }
  };

  return {
    instanceId,
    async start() {
      if (!stopped) return;
      stopped = false;
      lastSweep = now().getTime();
      stalls.start();
      if (options.spreadOnStart ?? true) await spreadOverdue().catch(fail);
      void listen();
      loop();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await wakeUps?.return?.();
      wakeUps = undefined;
      await pass;
      await Promise.allSettled([...running]);
      stalls.stop();
    },
    async runDue() {
      stalls.start();
      let total = 0;
      for (;;) {
        const started = await fill();
        if (started.length === 0 && running.size === 0) return total;
        total += started.length;
        await Promise.allSettled([...running]);
        if (started.length === 0) return total;
      }
    },
    sweepStale,
    inFlight: () => running.size,
  };
}
