import type { Viewer } from '@caredesk/schema/graphql';
import { describe, expect, it } from 'vitest';
import { viewerCache } from '../src/auth/viewer-cache.ts';

const staff = (expiresAt: Date | null = null): Viewer => ({
  kind: 'staff',
  staffId: 's1',
  role: 'LINE1',
  scopes: null,
  sessionId: 'x',
  credential: { checkedAt: 0, expiresAt },
});

/** A cache on clocks the test moves: `elapsed` (monotonic ms) and `now` (the app's date). */
function setUp(ttlMs = 5_000, maxEntries = 100) {
  const clocks = { elapsed: 0, now: new Date('2026-12-04T10:00:00Z') };
  const cache = viewerCache({ ttlMs, maxEntries, now: () => clocks.now, elapsed: () => clocks.elapsed });
  let reads = 0;
  const read = (viewer: Viewer) => async () => {
    reads++;
    return viewer;
  };
  return { cache, clocks, read, reads: () => reads };
}

describe('who a token belongs to, kept between requests', () => {
  it('should read a secret once while fresh, and again after the time to keep it', async () => {
    const { cache, clocks, read, reads } = setUp();
    await cache.viewer('cds_a', read(staff()));
    await cache.viewer('cds_a', read(staff()));
    expect(reads()).toBe(1);
    clocks.elapsed = 5_001;
    await cache.viewer('cds_a', read(staff()));
    expect(reads()).toBe(2);
  });

  it('should never keep a viewer past its credential’s expiry on the app’s clock', async () => {
    const { cache, clocks, read, reads } = setUp();
    await cache.viewer('cds_a', read(staff(new Date('2026-12-04T10:00:02Z'))));
    clocks.now = new Date('2026-12-04T10:00:02Z');
    await cache.viewer('cds_a', read(staff()));
    expect(reads()).toBe(2);
  });

  it('should forget everything on an announcement, and not keep a read that began before it', async () => {
    const { cache, read, reads } = setUp();
    await cache.viewer('cds_a', read(staff()));
    cache.forget();
    await cache.viewer('cds_a', read(staff()));
    expect(reads()).toBe(2);
    // A read in flight when a revocation is heard answers its request, but is not kept.
    let finish: (viewer: Viewer) => void = () => {};
    const slow = cache.viewer('cds_b', () => new Promise<Viewer>((resolve) => (finish = resolve)));
    cache.forget();
    finish(staff());
    await slow;
    await cache.viewer('cds_b', read(staff()));
    expect(reads()).toBe(3);
  });

  it('should not keep anonymous answers, so that guessing secrets cannot fill it', async () => {
    const { cache, read, reads } = setUp();
    await cache.viewer('cds_guess', read({ kind: 'anonymous' }));
    await cache.viewer('cds_guess', read({ kind: 'anonymous' }));
    expect(reads()).toBe(2);
  });

  it('should drop the oldest entry when full, and read every time when disabled', async () => {
    const full = setUp(5_000, 2);
    for (const secret of ['cds_1', 'cds_2', 'cds_3', 'cds_1']) await full.cache.viewer(secret, full.read(staff()));
    expect(full.reads()).toBe(4);
    const off = setUp(0);
    await off.cache.viewer('cds_a', off.read(staff()));
    await off.cache.viewer('cds_a', off.read(staff()));
    expect(off.reads()).toBe(2);
  });
});
