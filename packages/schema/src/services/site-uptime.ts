import type { Db } from '../db/client.ts';
import {
  clipSpans,
  monthSpan,
  type Span,
  spansLength,
  subtractSpans,
  unionSpans,
} from '../domain/monitoring/intervals.ts';
import { type MaintenanceRule, maintenanceSpans } from '../domain/monitoring/maintenance.ts';
import { DomainError } from './domain-error.ts';

export interface SiteUptime {
  /** 0–100, two decimals; 100 when nothing was down (or nothing was monitored). */
  uptimePercent: number;
  /** Whole minutes the site was confirmed DOWN, maintenance left out. */
  downtimeMinutes: number;
  /** False when the site has no monitors. */
  monitored: boolean;
}

/** Stored maintenance rows as the domain reads them. */
export function maintenanceRule(row: {
  startsAt: Date;
  endsAt: Date | null;
  recurring: boolean;
  weekdays: unknown;
  localStart: string | null;
  durationMinutes: number | null;
  timeZone: string;
}): MaintenanceRule {
  return {
    ...row,
    weekdays: Array.isArray(row.weekdays) ? row.weekdays.map(Number) : [],
  };
}

/**
 * A site's uptime over a UTC month for the client's monthly report: the site counts as down
 * while any of its monitors was confirmed DOWN; maintenance windows (of the monitor, the site
 * or its organization) are left out of both the downtime and the monitored time. A month not
 * over yet counts up to `now`.
 */
export async function siteUptimeForMonth(
  db: Db,
  options: { siteId: string; month: string; now?: Date },
): Promise<SiteUptime> {
  const month = monthSpan(options.month);
  if (!month) throw new DomainError('INVALID_INPUT', 'month', 'month: YYYY-MM');
  const now = (options.now ?? new Date()).getTime();
  const site = await db.site.findUnique({ where: { id: options.siteId }, select: { organizationId: true } });
  if (!site) throw new DomainError('NOT_FOUND', 'siteId');
  const monitors = await db.monitor.findMany({
    where: { siteId: options.siteId },
    select: { id: true, createdAt: true },
  });
  if (monitors.length === 0) return { uptimePercent: 100, downtimeMinutes: 0, monitored: false };
  const range: Span = { from: month.from, to: Math.min(month.to, Math.max(now, month.from)) };
  const [incidents, windows] = await Promise.all([
    db.monitorIncident.findMany({
      where: {
        siteId: options.siteId,
        kind: 'DOWN',
        startedAt: { lt: new Date(range.to) },
        OR: [{ endedAt: null }, { endedAt: { gt: new Date(range.from) } }],
      },
      select: { monitorId: true, startedAt: true, endedAt: true },
    }),
    db.maintenanceWindow.findMany({
      where: {
        OR: [
          { monitor: { siteId: options.siteId } },
          { siteId: options.siteId },
          { organizationId: site.organizationId },
        ],
      },
    }),
  ]);
  const shared = maintenanceSpans(windows.filter((w) => !w.monitorId).map(maintenanceRule), range);
  const down: Span[] = [];
  for (const monitor of monitors) {
    const own = maintenanceSpans(windows.filter((w) => w.monitorId === monitor.id).map(maintenanceRule), range);
    const spans = incidents
      .filter((i) => i.monitorId === monitor.id)
      .map((i) => ({ from: i.startedAt.getTime(), to: i.endedAt?.getTime() ?? now }));
    down.push(...subtractSpans(clipSpans(spans, range), [...shared, ...own]));
  }
  const watched = unionSpans(
    monitors.map((m) => ({ from: Math.max(range.from, m.createdAt.getTime()), to: range.to })),
  );
  const monitoredMs = spansLength(subtractSpans(watched, shared));
  const downMs = spansLength(down);
  const uptimePercent = monitoredMs <= 0 ? 100 : Math.round((1 - downMs / monitoredMs) * 10_000) / 100;
  return { uptimePercent, downtimeMinutes: Math.round(downMs / 60_000), monitored: true };
}
