import type { Db } from '@caredesk/schema/db';
import { createMonitor } from '@caredesk/schema/services';

/**
 * Monitors for the demo studio that watch this very server, so `pnpm start` shows monitoring
 * at work without reaching the internet: its health endpoint, and the demo page with the
 * widget's script on it. Stop the server and, three failed checks later, the flower shop has
 * an IMMEDIATE emergency ticket; start it again and the ticket records the downtime.
 */
export async function seedDemoMonitors(db: Db, publicUrl: string, now = new Date()): Promise<void> {
  const site = await db.site.findFirst({ where: { url: 'https://flowers.example' } });
  if (!site) return;
  const base = publicUrl.replace(/\/$/, '');
  await createMonitor(
    db,
    {
      siteId: site.id,
      kind: 'HTTP',
      name: 'caredesk /healthz',
      config: { url: `${base}/healthz`, expectedStatus: ['200'] },
    },
    now,
  );
  await createMonitor(
    db,
    {
      siteId: site.id,
      kind: 'HTTP',
      name: 'Demo page carries the widget',
      config: { url: `${base}/demo`, keyword: 'widget.js' },
      degradedAfterMs: 2_000,
    },
    now,
  );
}
