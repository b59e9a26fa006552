import type { WorkingCalendar } from './working-calendar.ts';
import { addDays, localDateOf } from './zoned-time.ts';

const minuteMs = 60_000;
/** Days added on each side of the span, so that no day outside it can reach into it (DST shifts are hours). */
const marginDays = 2;

/**
 * Working minutes between instants of one span (a month's tickets), answered by two binary
 * searches instead of a walk over the days: the working ms before an instant, summed once per
 * span. Gives exactly what `calendar.workingMinutesBetween` gives (the same integer ms over
 * `minuteMs`); instants outside the span are handed to the calendar itself.
 */
export class WorkingTimeline {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Working ms of the windows before window i. */
  private readonly before: number[] = [];
  private readonly from: number;
  private readonly to: number;

  constructor(
    private readonly calendar: WorkingCalendar,
    fromMs: number,
    toMs: number,
  ) {
    this.from = fromMs;
    this.to = toMs;
    if (!(toMs >= fromMs)) return;
    const timeZone = calendar.timeZone;
    const last = addDays(localDateOf(toMs, timeZone), marginDays);
    let sum = 0;
    for (let date = addDays(localDateOf(fromMs, timeZone), -marginDays); date <= last; date = addDays(date, 1)) {
      const window = calendar.window(date);
      if (!window) continue;
      // Windows follow each other without overlap; a calendar that broke this is asked directly.
      if (this.ends.length > 0 && window.start < (this.ends.at(-1) as number)) {
        this.to = -Infinity;
        return;
      }
      this.starts.push(window.start);
      this.ends.push(window.end);
      this.before.push(sum);
      sum += window.end - window.start;
    }
  }

  /** Working ms from the start of the span's first window to `ms`. */
  private workedBefore(ms: number): number {
    const starts = this.starts;
    // The last window that starts at or before `ms`.
    let low = 0;
    let high = starts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((starts[middle] as number) <= ms) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (found < 0) return 0;
    const start = starts[found] as number;
    return (this.before[found] as number) + Math.min(ms, this.ends[found] as number) - start;
  }

  /** Whether the timeline answers for this instant itself. */
  covers(ms: number): boolean {
    return ms >= this.from && ms <= this.to;
  }

  /** The same as `calendar.workingMinutesBetween(new Date(fromMs), new Date(toMs))`. */
  minutesBetween(fromMs: number, toMs: number): number {
    if (!this.covers(fromMs) || !this.covers(toMs))
      return this.calendar.workingMinutesBetween(new Date(fromMs), new Date(toMs));
    // As the calendar does: backwards is minus forwards (so an empty interval backwards is -0).
    if (toMs < fromMs) return -this.minutesBetween(toMs, fromMs);
    return (this.workedBefore(toMs) - this.workedBefore(fromMs)) / minuteMs;
  }
}
