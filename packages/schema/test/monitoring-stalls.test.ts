import { describe, expect, it } from 'vitest';
import { stallDetector } from '../src/services/monitoring/stall-detector.ts';

describe('the stall detector of the monitoring scheduler', () => {
  it('should report a stall of the event loop that happened after the time asked about', () => {
    const detector = stallDetector({ everyMs: 50, toleranceMs: 200 });
    detector.start();
    try {
      const since = performance.now();
      // A long synchronous task, as an overloaded process would run.
      const until = since + 600;
      while (performance.now() < until) {
        // busy
      }
      expect(detector.stalledSince(since)).toBeGreaterThanOrEqual(550);
      // A stall before the time asked about is not this check's.
      expect(detector.stalledSince(performance.now() + 60_000)).toBeNull();
    } finally {
      detector.stop();
    }
  });
});
