import type { Db } from '../db/client.ts';
import { maintenanceSpans } from '../domain/monitoring/maintenance.ts';
import { monitorUptimes } from './monitor-uptime.ts';
import { maintenanceRule } from './site-uptime.ts';

/** What a site's public status page shows: nothing that is not meant for the public. */
export interface SiteStatus {
  siteName: string;
  monitors: {
    name: string;
    state: string;
    since: Date;
    uptime: { day: number | null; week: number | null; month: number | null };
  }[];
  /** Confirmed outages going on now and in the last 7 days, newest first. */
  incidents: { monitorName: string; kind: string; startedAt: Date; endedAt: Date | null }[];
  /** Maintenance on now or starting within 7 days (one-off windows; recurring ones while on). */
  maintenance: { title: string; from: Date; to: Date | null; now: boolean }[];
}

const weekMs = 7 * 86_400_000;

/**
 * The status of a site whose page is on (`statusPage`), found by its public key; null for a key
 * that does not exist and for a site whose page is off (the same answer for both).
 */
export async function siteStatus(db: Db, publicKey: string, now: Date): Promise<SiteStatus | null> {
  const site = await db.site.findFirst({
    where: { publicKey, statusPage: true },
    select: { id: true, name: true, organizationId: true },
  });
  if (!site) return null;
  const monitors = await db.monitor.findMany({
    where: { siteId: site.id },
    select: { id: true, name: true, state: true, stateSince: true, createdAt: true },
    orderBy: { name: 'asc' },
  });
  const ids = monitors.map((m) => m.id);
  const [uptimes, incidents, windows] = await Promise.all([
    monitorUptimes(
      db,
      monitors.map((m) => ({ ...m, siteId: site.id, organizationId: site.organizationId })),
      now,
    ),
    db.monitorIncident.findMany({
      where: {
        monitorId: { in: ids },
        inMaintenance: false,
        OR: [{ endedAt: null }, { endedAt: { gt: new Date(now.getTime() - weekMs) } }],
      },
      select: { monitorId: true, kind: true, startedAt: true, endedAt: true },
      orderBy: { startedAt: 'desc' },
      take: 50,
    }),
    db.maintenanceWindow.findMany({
      where: { OR: [{ siteId: site.id }, { monitorId: { in: ids } }, { organizationId: site.organizationId }] },
    }),
  ]);
  const nameOf = new Map(monitors.map((m) => [m.id, m.name]));
  const at = now.getTime();
  const maintenance: SiteStatus['maintenance'] = [];
  for (const w of windows) {
    const spans = maintenanceSpans([maintenanceRule(w)], { from: at, to: at + weekMs });
    const next = spans[0];
    if (!next) continue;
    const on = next.from <= at;
    maintenance.push({
      title: w.title,
      // A one-off window on now began at its own start; a recurring one at this occurrence's.
      from: on && !w.recurring ? w.startsAt : new Date(next.from),
      to: Number.isFinite(next.to) ? new Date(next.to) : null,
      now: on,
    });
  }
  return {
    siteName: site.name,
    monitors: monitors.map((m) => ({
      name: m.name,
      state: m.state,
      since: m.stateSince,
      uptime: uptimes.get(m.id) ?? { day: null, week: null, month: null },
    })),
    incidents: incidents.map((i) => ({
      monitorName: nameOf.get(i.monitorId) ?? '',
      kind: i.kind,
      startedAt: i.startedAt,
      endedAt: i.endedAt,
    })),
    maintenance: maintenance.sort((a, b) => a.from.getTime() - b.from.getTime()),
  };
}
