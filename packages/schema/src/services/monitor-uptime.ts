import type { Db } from '../db/client.ts';
import { clipSpans, type Span, spansLength, subtractSpans } from '../domain/monitoring/intervals.ts';
import { maintenanceSpans } from '../domain/monitoring/maintenance.ts';
import { maintenanceRule } from './site-uptime.ts';

/** A monitor's uptime over the last day, week and 30 days, in percent; null before it watched at all. */
export interface MonitorUptime {
  day: number | null;
  week: number | null;
  month: number | null;
}

export interface WatchedMonitor {
  id: string;
  createdAt: Date;
  siteId: string;
  organizationId: string;
}

const dayMs = 86_400_000;
const windows = { day: dayMs, week: 7 * dayMs, month: 30 * dayMs } as const;

/**
 * Uptimes of many monitors from their confirmed DOWN incidents, with maintenance (the monitor's,
 * its site's or its organization's) left out of both the downtime and the watched time, as the
 * monthly report counts a site's. Two queries, whatever the number of monitors.
 */
export async function monitorUptimes(
  db: Db,
  monitors: WatchedMonitor[],
  now: Date,
): Promise<Map<string, MonitorUptime>> {
  const to = now.getTime();
  const since = new Date(to - windows.month);
  const ids = monitors.map((m) => m.id);
  const [incidents, rules] = await Promise.all([
    db.monitorIncident.findMany({
      where: {
        monitorId: { in: ids },
        kind: 'DOWN',
        startedAt: { lt: now },
        OR: [{ endedAt: null }, { endedAt: { gt: since } }],
      },
      select: { monitorId: true, startedAt: true, endedAt: true },
    }),
    db.maintenanceWindow.findMany({
      where: {
        OR: [
          { monitorId: { in: ids } },
          { siteId: { in: [...new Set(monitors.map((m) => m.siteId))] } },
          { organizationId: { in: [...new Set(monitors.map((m) => m.organizationId))] } },
        ],
      },
    }),
  ]);
  const downOf = new Map<string, Span[]>();
  for (const i of incidents) {
    const spans = downOf.get(i.monitorId) ?? [];
    spans.push({ from: i.startedAt.getTime(), to: i.endedAt?.getTime() ?? to });
    downOf.set(i.monitorId, spans);
  }
  const result = new Map<string, MonitorUptime>();
  for (const monitor of monitors) {
    const own = rules
      .filter(
        (w) => w.monitorId === monitor.id || w.siteId === monitor.siteId || w.organizationId === monitor.organizationId,
      )
      .map(maintenanceRule);
    const percent = (length: number): number | null => {
      const range: Span = { from: Math.max(to - length, monitor.createdAt.getTime()), to };
      if (range.to <= range.from) return null;
      const maintenance = maintenanceSpans(own, range);
      const watchedMs = spansLength(subtractSpans([range], maintenance));
      if (watchedMs <= 0) return null;
      const downMs = spansLength(subtractSpans(clipSpans(downOf.get(monitor.id) ?? [], range), maintenance));
      return Math.round((1 - downMs / watchedMs) * 10_000) / 100;
    };
    result.set(monitor.id, { day: percent(windows.day), week: percent(windows.week), month: percent(windows.month) });
  }
  return result;
}
