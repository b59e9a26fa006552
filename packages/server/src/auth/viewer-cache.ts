import type { Viewer } from '@caredesk/schema/graphql';
import { hashSecret } from '@caredesk/schema/services';

export interface ViewerCache {
  /** The viewer of a staff or contact secret: from the cache while fresh, else `load`ed (and kept). */
  viewer(secret: string, load: () => Promise<Viewer>): Promise<Viewer>;
  /** Forgets every viewer: a credential was revoked or changed (on any instance). */
  forget(): void;
}

/**
 * Who an API token or a session belongs to, kept for `ttlMs` so that a busy client's requests
 * skip the read (and the lastUsedAt write) of its credential. Never past the credential's own
 * expiry; anything announced on the event bus (revocation, sign-out, authorization) forgets all
 * at once, and a read that began before such an announcement is not kept. Only staff and contact
 * viewers are kept: unknown secrets are not, so guessing cannot fill the cache. 0 disables it.
 */
export function viewerCache(options: {
  ttlMs: number;
  maxEntries: number;
  /** The app's clock (tests move it): credentials expire by it. */
  now: () => Date;
  /** Monotonic milliseconds: how long an entry has been kept. */
  elapsed?: () => number;
}): ViewerCache {
  const { ttlMs, maxEntries, now } = options;
  const elapsed = options.elapsed ?? (() => performance.now());
  const kept = new Map<string, { viewer: Viewer; until: number; expires: number }>();
  let generation = 0;

  return {
    async viewer(secret, load) {
      if (ttlMs <= 0) return load();
      const key = hashSecret(secret);
      const hit = kept.get(key);
      if (hit && hit.until > elapsed() && hit.expires > now().getTime()) return hit.viewer;
      if (hit) kept.delete(key);
      const startedIn = generation;
      const viewer = await load();
      if (startedIn !== generation || (viewer.kind !== 'staff' && viewer.kind !== 'contact')) return viewer;
      const expires = viewer.credential?.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
      kept.set(key, { viewer, until: elapsed() + ttlMs, expires });
      // The oldest entry goes first when full (a Map iterates in insertion order).
      if (kept.size > maxEntries) kept.delete(kept.keys().next().value as string);
      return viewer;
    },
    forget() {
      generation++;
      kept.clear();
    },
  };
}
