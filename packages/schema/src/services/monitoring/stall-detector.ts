/**
 * Notices when caredesk's own event loop stalls (a long synchronous task, an overloaded
 * machine): a check that failed while the loop was stalled may have timed out because of us,
 * not the site, so its failure must not count.
 */
export function stallDetector(options: { everyMs?: number; toleranceMs?: number } = {}) {
  const everyMs = options.everyMs ?? 100;
  const toleranceMs = options.toleranceMs ?? 500;
  let timer: NodeJS.Timeout | undefined;
  let expected = 0;
  let lastStallAt = Number.NEGATIVE_INFINITY;
  let worstMs = 0;
  const tick = () => {
    const now = performance.now();
    const late = now - expected;
    if (late > toleranceMs) {
      lastStallAt = now;
      worstMs = Math.max(worstMs, late);
    }
    expected = now + everyMs;
  };
  return {
    start() {
      if (timer) return;
      expected = performance.now() + everyMs;
      timer = setInterval(tick, everyMs);
      timer.unref?.();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    /** How late the loop ran (ms) if it stalled at or after `since` (a performance.now() value), else null. */
    stalledSince(since: number): number | null {
      tick();
      return lastStallAt >= since ? Math.round(worstMs) : null;
    },
  };
}
