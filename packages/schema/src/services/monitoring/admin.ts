import type { Db } from '../../db/client.ts';
import { isTimeZone } from '../../domain/calendar/zoned-time.ts';
import type { AllowedNetworks } from '../../domain/monitoring/target-address.ts';
import type { EventBus } from '../../graphql/context.ts';
import { newSecret } from '../access-tokens.ts';
import { DomainError } from '../domain-error.ts';
import { publishMonitorChange, publishMonitorScheduled, sha256 } from './record.ts';
import { refuseInsideTarget } from './target-check.ts';

export type MonitorKind = 'HTTP' | 'TLS' | 'DOMAIN' | 'TCP' | 'HEARTBEAT';

export interface MonitorInput {
  name?: string;
  config?: Record<string, unknown>;
  intervalSeconds?: number | null;
  retryIntervalSeconds?: number | null;
  timeoutMs?: number | null;
  degradedAfterMs?: number | null;
  central?: boolean | null;
}

const invalid = (field: string, detail: string) => new DomainError('INVALID_INPUT', field, detail);
const daily = 86_400;

function between(field: string, value: number | null | undefined, min: number, max: number) {
  if (value === null || value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) throw invalid(field, `${field}: ${min}–${max}`);
}

/** Checks a monitor's kind-specific settings and returns them as stored. */
export function validateConfig(kind: MonitorKind, config: Record<string, unknown>): Record<string, unknown> {
  const text = (key: string) => (typeof config[key] === 'string' ? (config[key] as string).trim() : '');
  switch (kind) {
    case 'HTTP': {
      let url: URL;
      try {
        url = new URL(text('url'));
      } catch {
        throw invalid('url', 'an http:// or https:// address');
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('url', 'an http:// or https:// address');
      if (typeof config.regex === 'string') {
        try {
          new RegExp(config.regex);
        } catch {
          throw invalid('regex', 'not a valid regular expression');
        }
      }
      for (const range of (config.expectedStatus as string[] | undefined) ?? [])
        if (!/^\d{3}(-\d{3})?$/.test(range)) throw invalid('expectedStatus', 'codes like 200 or ranges like 200-299');
      return Object.fromEntries(
        Object.entries({ ...config, url: url.toString() }).filter(([, v]) => v !== null && v !== undefined),
      );
    }
    case 'TCP':
      if (!text('host')) throw invalid('host', 'a host name or address');
      between('port', config.port as number, 1, 65_535);
      if (config.port === undefined || config.port === null) throw invalid('port', 'port: 1–65535');
      return { host: text('host'), port: config.port };
    case 'TLS':
      if (!text('host')) throw invalid('host', 'a host name or address');
      between('port', config.port as number | undefined, 1, 65_535);
      return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== null && v !== undefined));
    case 'DOMAIN':
      if (!/^[a-z0-9.-]+\.[a-z0-9-]{2,}$/i.test(text('domain')))
        throw invalid('domain', 'a domain name like example.com');
      return { domain: text('domain').toLowerCase() };
    case 'HEARTBEAT':
      between('periodSeconds', config.periodSeconds as number, 10, 31 * daily);
      between('graceSeconds', config.graceSeconds as number, 0, 7 * daily);
      if (!config.periodSeconds) throw invalid('periodSeconds', 'the period the job calls in');
      return { periodSeconds: config.periodSeconds, graceSeconds: config.graceSeconds ?? 60 };
  }
}

function validateTiming(input: MonitorInput) {
  between('intervalSeconds', input.intervalSeconds, 10, 7 * daily);
  between('retryIntervalSeconds', input.retryIntervalSeconds, 5, daily);
  between('timeoutMs', input.timeoutMs, 100, 120_000);
  between('degradedAfterMs', input.degradedAfterMs, 1, 120_000);
  if (input.name !== undefined && (input.name.trim().length < 1 || input.name.trim().length > 200))
    throw invalid('name', 'name: 1–200 characters');
}

/**
 * A new monitor of a site, checked first right away. Certificates and domains default to a
 * daily check, heartbeats to their period; a heartbeat's push secret is returned once.
 * A target inside the studio's networks is refused unless `allowed` lists it.
 */
export async function createMonitor(
  db: Db,
  input: MonitorInput & { siteId: string; kind: MonitorKind; name: string },
  now: Date,
  allowed: AllowedNetworks,
) {
  validateTiming(input);
  const config = validateConfig(input.kind, input.config ?? {});
  await refuseInsideTarget(input.kind, config, allowed);
  const site = await db.site.findUnique({ where: { id: input.siteId }, select: { id: true } });
  if (!site) throw new DomainError('NOT_FOUND', 'siteId');
  const slow = input.kind === 'TLS' || input.kind === 'DOMAIN';
  const heartbeat = input.kind === 'HEARTBEAT' ? newSecret('api') : null;
  const pushSecret = heartbeat ? `hb_${heartbeat.secret.slice(4)}` : null;
  const monitor = await db.monitor.create({
    data: {
      siteId: input.siteId,
      name: input.name.trim(),
      kind: input.kind,
      config: config as object,
      intervalSeconds:
        input.intervalSeconds ?? (slow ? daily : input.kind === 'HEARTBEAT' ? Number(config.periodSeconds) : 60),
      retryIntervalSeconds: input.retryIntervalSeconds ?? (slow ? 600 : 20),
      timeoutMs: input.timeoutMs ?? 10_000,
      degradedAfterMs: input.degradedAfterMs ?? null,
      central: input.central ?? true,
      heartbeatTokenHash: pushSecret ? sha256(pushSecret) : null,
      // A heartbeat is first judged after one period and its grace.
      nextCheckAt:
        input.kind === 'HEARTBEAT'
          ? new Date(now.getTime() + (Number(config.periodSeconds) + Number(config.graceSeconds)) * 1000)
          : now,
      stateSince: now,
      createdAt: now,
    },
  });
  return { monitor, pushSecret };
}

export async function updateMonitor(db: Db, monitorId: string, input: MonitorInput, allowed: AllowedNetworks) {
  validateTiming(input);
  const monitor = await db.monitor.findUnique({ where: { id: monitorId } });
  if (!monitor) throw new DomainError('NOT_FOUND', 'monitorId');
  const config = input.config
    ? validateConfig(monitor.kind, { ...(monitor.config as Record<string, unknown>), ...input.config })
    : undefined;
  if (config) await refuseInsideTarget(monitor.kind, config, allowed);
  return db.monitor.update({
    where: { id: monitorId },
    data: {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(config ? { config: config as object } : {}),
      ...(input.intervalSeconds ? { intervalSeconds: input.intervalSeconds } : {}),
      ...(input.retryIntervalSeconds ? { retryIntervalSeconds: input.retryIntervalSeconds } : {}),
      ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}),
      ...(input.degradedAfterMs !== undefined ? { degradedAfterMs: input.degradedAfterMs } : {}),
      ...(input.central !== undefined && input.central !== null ? { central: input.central } : {}),
    },
  });
}

/** Pausing stops checks (state PAUSED, nothing filed); resuming starts over from PENDING. */
export async function setMonitorPaused(db: Db, events: EventBus, monitorId: string, paused: boolean, now: Date) {
  const monitor = await db.monitor.findUnique({ where: { id: monitorId } });
  if (!monitor) throw new DomainError('NOT_FOUND', 'monitorId');
  if (monitor.paused === paused) return monitor;
  const state = paused ? 'PAUSED' : 'PENDING';
  const updated = await db.monitor.update({
    where: { id: monitorId },
    data: { paused, state, stateSince: now, tallies: {}, nextCheckAt: now, leaseOwner: null, leaseUntil: null },
  });
  await db.monitorStateChange.create({
    data: { monitorId, fromState: monitor.state, toState: state, at: now, reason: paused ? 'paused' : 'resumed' },
  });
  // A paused monitor says nothing about the site: an incident in progress ends here.
  if (paused) await db.monitorIncident.updateMany({ where: { monitorId, endedAt: null }, data: { endedAt: now } });
  publishMonitorChange(events, monitor);
  if (!paused) publishMonitorScheduled(events, monitorId);
  return updated;
}

export async function deleteMonitor(db: Db, monitorId: string) {
  const deleted = await db.monitor.deleteMany({ where: { id: monitorId } });
  if (deleted.count === 0) throw new DomainError('NOT_FOUND', 'monitorId');
}

export interface MaintenanceInput {
  title: string;
  monitorId?: string | null;
  siteId?: string | null;
  organizationId?: string | null;
  startsAt: Date;
  endsAt?: Date | null;
  recurring?: boolean | null;
  weekdays?: number[] | null;
  localStart?: string | null;
  durationMinutes?: number | null;
  timeZone?: string | null;
}

/** A maintenance window on exactly one of a monitor, a site or an organization. */
export async function createMaintenanceWindow(db: Db, input: MaintenanceInput, now: Date) {
  const scopes = [input.monitorId, input.siteId, input.organizationId].filter(Boolean);
  if (scopes.length !== 1) throw invalid('monitorId', 'exactly one of monitorId, siteId, organizationId');
  if (!input.title.trim()) throw invalid('title', 'a title');
  const timeZone = input.timeZone ?? 'UTC';
  if (!isTimeZone(timeZone)) throw invalid('timeZone', 'an IANA time zone like Europe/Moscow');
  if (input.recurring) {
    if (!input.localStart || !/^([01]\d|2[0-3]):[0-5]\d$/.test(input.localStart)) throw invalid('localStart', 'HH:MM');
    between('durationMinutes', input.durationMinutes, 1, 24 * 60);
    if (!input.durationMinutes) throw invalid('durationMinutes', 'durationMinutes: 1–1440');
    for (const day of input.weekdays ?? []) between('weekdays', day, 1, 7);
  } else if (!input.endsAt || input.endsAt <= input.startsAt) {
    throw invalid('endsAt', 'a one-off window ends after it starts');
  }
  if (input.monitorId && !(await db.monitor.findUnique({ where: { id: input.monitorId }, select: { id: true } })))
    throw new DomainError('NOT_FOUND', 'monitorId');
  if (input.siteId && !(await db.site.findUnique({ where: { id: input.siteId }, select: { id: true } })))
    throw new DomainError('NOT_FOUND', 'siteId');
  if (
    input.organizationId &&
    !(await db.organization.findUnique({ where: { id: input.organizationId }, select: { id: true } }))
  )
    throw new DomainError('NOT_FOUND', 'organizationId');
  return db.maintenanceWindow.create({
    data: {
      title: input.title.trim(),
      monitorId: input.monitorId ?? null,
      siteId: input.siteId ?? null,
      organizationId: input.organizationId ?? null,
      startsAt: input.startsAt,
      endsAt: input.endsAt ?? null,
      recurring: input.recurring ?? false,
      weekdays: input.weekdays ?? [],
      localStart: input.localStart ?? null,
      durationMinutes: input.durationMinutes ?? null,
      timeZone,
      createdAt: now,
    },
  });
}

export async function deleteMaintenanceWindow(db: Db, id: string) {
  const deleted = await db.maintenanceWindow.deleteMany({ where: { id } });
  if (deleted.count === 0) throw new DomainError('NOT_FOUND', 'id');
}

/**
 * Ends a maintenance window now (work finished early): a one-off or recurring window that has
 * started gets `endsAt = now`, so checks count again from this moment and the past stays as it
 * was. A window not started yet is refused: delete it instead.
 */
export async function endMaintenanceWindow(db: Db, id: string, now: Date) {
  const ended = await db.maintenanceWindow.updateMany({
    where: { id, startsAt: { lte: now }, OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
    data: { endsAt: now },
  });
  if (ended.count === 1) return;
  const window = await db.maintenanceWindow.findUnique({ where: { id }, select: { startsAt: true } });
  if (!window) throw new DomainError('NOT_FOUND', 'id');
  throw new DomainError(
    'INVALID_INPUT',
    'id',
    window.startsAt > now ? 'the window has not started: delete it instead' : 'the window is over already',
  );
}

/** A heartbeat push: records a success for the monitor whose push secret this is. */
export async function findHeartbeatMonitor(db: Db, secret: string) {
  return db.monitor.findUnique({ where: { heartbeatTokenHash: sha256(secret) }, select: { id: true, paused: true } });
}
