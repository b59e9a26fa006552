import type { Db } from '@caredesk/schema/db';

const refreshMs = 30_000;

/**
 * The origins browsers may call from: the studio's public address and every site's allowed
 * origins. Read from the database at most every 30 seconds, so a new site works shortly
 * after it is added without a query per request.
 */
export function allowedOrigins(db: Db, publicUrl: string, now: () => Date) {
  const own = new URL(publicUrl).origin;
  let cached: { at: number; origins: Set<string> } | undefined;
  let loading: Promise<Set<string>> | undefined;
  const load = async () => {
    const sites = await db.site.findMany({ select: { allowedOrigins: true } });
    const origins = new Set<string>([own]);
    for (const site of sites)
      if (Array.isArray(site.allowedOrigins)) for (const o of site.allowedOrigins) origins.add(String(o));
    cached = { at: now().getTime(), origins };
    return origins;
  };
  return {
    async has(origin: string): Promise<boolean> {
      if (origin === own) return true;
      if (!cached || now().getTime() - cached.at > refreshMs) {
        loading ??= load().finally(() => {
          loading = undefined;
        });
        await loading;
      }
      return cached?.origins.has(origin) ?? false;
    },
  };
}
