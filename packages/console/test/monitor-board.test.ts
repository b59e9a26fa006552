import { describe, expect, it } from 'vitest';
import { type BoardMonitor, sparkline, stateCounts, visibleRows } from '../src/monitor-board.ts';

const monitor = (name: string, state: string, site = 'Shop'): BoardMonitor =>
  ({
    id: name,
    name,
    kind: 'HTTP',
    state,
    stateSince: '2026-12-04T10:00:00Z',
    paused: state === 'PAUSED',
    lastCheckAt: null,
    expiresAt: null,
    lastEvidence: null,
    site: { id: site, name: site },
    uptime: { day: null, week: null, month: null },
    incidents: [],
    lastDayResponseMs: [],
  }) as unknown as BoardMonitor;

describe('the monitoring board', () => {
  const all = [
    monitor('home', 'UP', 'Bikes'),
    monitor('api', 'DOWN', 'Shop'),
    monitor('cert', 'PAUSED', 'Bikes'),
    monitor('search', 'DEGRADED', 'Bikes'),
    monitor('blog', 'PENDING', 'Shop'),
  ];

  it('should put what is down first, then what is slow, and what works last', () => {
    expect(visibleRows(all, '', false).map((m) => m.name)).toEqual(['api', 'search', 'blog', 'cert', 'home']);
  });

  it('should show only problems when asked, and find by the name of the monitor or its site', () => {
    expect(visibleRows(all, '', true).map((m) => m.name)).toEqual(['api', 'search']);
    expect(visibleRows(all, 'bik', false).map((m) => m.name)).toEqual(['search', 'cert', 'home']);
  });

  it('should count the monitors by state for the summary line', () => {
    expect(stateCounts(all)).toEqual({ up: 1, down: 1, degraded: 1, paused: 1, other: 1 });
  });

  it('should draw the hourly response times with the slowest at the top, skipping hours without checks', () => {
    expect(sparkline([100, null, 200, 50], 30, 10)).toBe('0.0,5.0 20.0,0.0 30.0,7.5');
    expect(sparkline([null, 80], 30, 10)).toBe('');
  });
});
