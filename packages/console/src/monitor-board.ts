import type { ResultOf } from './graphql.ts';
import type { boardQuery } from './monitoring-documents.ts';

/** One monitor as the board shows it. */
export type BoardMonitor = ResultOf<typeof boardQuery>['monitors'][number];

// Problems first: what needs someone now, then what waits, then what works.
const severity: Record<string, number> = {
  DOWN: 0,
  DEGRADED: 1,
  UNKNOWN: 2,
  PENDING: 3,
  NOT_SUPPORTED: 4,
  PAUSED: 5,
  UP: 6,
};

/** The board's order: by state (problems first), then site and name. */
export function boardOrder(a: BoardMonitor, b: BoardMonitor): number {
  return (
    (severity[a.state] ?? 9) - (severity[b.state] ?? 9) ||
    a.site.name.localeCompare(b.site.name) ||
    a.name.localeCompare(b.name)
  );
}

/** Whether a monitor needs attention. */
export const isProblem = (m: BoardMonitor): boolean => m.state === 'DOWN' || m.state === 'DEGRADED';

/** Monitors matching the search (name or site) and the problems-only switch, in the board's order. */
export function visibleRows(monitors: Iterable<BoardMonitor>, search: string, problemsOnly: boolean): BoardMonitor[] {
  const words = search.trim().toLowerCase();
  return [...monitors]
    .filter((m) => !problemsOnly || isProblem(m))
    .filter((m) => !words || `${m.name} ${m.site.name}`.toLowerCase().includes(words))
    .sort(boardOrder);
}

/** How many monitors are in each group of the summary line. */
export function stateCounts(monitors: Iterable<BoardMonitor>) {
  const counts = { up: 0, down: 0, degraded: 0, paused: 0, other: 0 };
  for (const m of monitors) {
    if (m.state === 'UP') counts.up++;
    else if (m.state === 'DOWN') counts.down++;
    else if (m.state === 'DEGRADED') counts.degraded++;
    else if (m.state === 'PAUSED') counts.paused++;
    else counts.other++;
  }
  return counts;
}

/** The SVG polyline points of hourly average response times (oldest first) in a w×h box. */
export function sparkline(values: readonly (number | null)[], width: number, height: number): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return '';
  const top = Math.max(...known, 1);
  const step = width / Math.max(values.length - 1, 1);
  return values
    .map((v, i) => (v === null ? null : `${(i * step).toFixed(1)},${(height - (v / top) * height).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
}

/** The last check's response time, from its evidence. */
export function responseMs(m: BoardMonitor): number | null {
  const evidence = m.lastEvidence as { responseTimeMs?: number | null } | null;
  return typeof evidence?.responseTimeMs === 'number' ? evidence.responseTimeMs : null;
}

/** The open incident, if the latest one has not ended. */
export const openIncident = (m: BoardMonitor) => (m.incidents[0] && !m.incidents[0].endedAt ? m.incidents[0] : null);
