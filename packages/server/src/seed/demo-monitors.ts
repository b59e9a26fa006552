import type { AllowedNetworks } from '@caredesk/schema/checks';
import type { Db } from '@caredesk/schema/db';
import { createMonitor, DomainError } from '@caredesk/schema/services';

/**
 * Monitors for the demo studio that watch this very server, so `pnpm start` shows monitoring
 * at work without reaching the internet: its health endpoint, and the demo page with the
 * widget's script on it. Stop the server and, three failed checks later, the flower shop has
 * an IMMEDIATE emergency ticket; start it again and the ticket records the downtime.
 * Monitors reach a local server only where MONITOR_ALLOW_NETWORKS lets them (`pnpm start` does);
 * otherwise the demo has no monitors, and says why.
 */
export async function seedDemoMonitors(
  db: Db,
  publicUrl: string,
  allowed: AllowedNetworks,
  now = new Date(),
): Promise<{ skipped: string } | null> {
  const site = await db.site.findFirst({ where: { url: 'https://flowers.example' } });
  if (!site) return null;
  const base = publicUrl.replace(/\/$/, '');
  try {
    await seedBoth(db, site.id, base, allowed, now);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'MONITOR_TARGET_FORBIDDEN')
      return {
        skipped: `demo monitors not added: ${error.message}. Set MONITOR_ALLOW_NETWORKS=127.0.0.0/8,::1 to watch this local server.`,
      };
    throw error;
  }
  return null;
}

async function seedBoth(db: Db, siteId: string, base: string, allowed: AllowedNetworks, now: Date) {
  await createMonitor(
    db,
    {
      siteId,
      kind: 'HTTP',
      name: 'caredesk /healthz',
      config: { url: `${base}/healthz`, expectedStatus: ['200'] },
    },
    now,
    allowed,
  );
  await createMonitor(
    db,
    {
      siteId,
      kind: 'HTTP',
      name: 'Demo page carries the widget',
      config: { url: `${base}/demo`, keyword: 'widget.js' },
      degradedAfterMs: 2_000,
    },
    now,
    allowed,
  );
}
