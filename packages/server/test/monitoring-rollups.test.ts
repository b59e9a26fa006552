import { deleteExpiredResults, recordCheck, rollUpResults } from '@caredesk/schema/services';
import { describeEachDatabase } from '@caredesk/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoCredentials, seedDemo } from '../src/seed/demo.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const hour = 3_600_000;
const day = 24 * hour;

describeEachDatabase('Monitoring rollups and retention', (provider) => {
  let t: TestApp;
  let monitorId: string;
  let headToken: string;
  const start = Date.parse('2026-11-01T00:00:00Z');

  beforeAll(async () => {
    t = await createTestApp(provider, { env: { MONITORING_ENABLED: 'false' } });
    const demo = (await seedDemo(t.database.db, { publicUrl: 'http://localhost:4000' })) as DemoCredentials;
    headToken = demo.staff.find((s) => s.role === 'HEAD')?.token ?? '';
    const { db } = t.database;
    const site = await db.site.findFirstOrThrow();
    const monitor = await db.monitor.create({
      data: {
        siteId: site.id,
        name: 'Rollups',
        kind: 'HTTP',
        config: { url: 'http://127.0.0.1:1/' },
        paused: true,
        createdAt: new Date(start),
      },
    });
    monitorId = monitor.id;
    // Two days of results every 10 minutes: response times 100..199 ms, one DOWN an hour.
    const rows = [];
    for (let i = 0; i < 2 * 24 * 6; i++) {
      const down = i % 6 === 5;
      rows.push({
        monitorId,
        checkedAt: new Date(start + i * 600_000),
        outcome: down ? ('DOWN' as const) : ('UP' as const),
        responseTimeMs: down ? null : 100 + ((i * 37) % 100),
        statusCode: down ? 500 : 200,
      });
    }
    await db.checkResult.createMany({ data: rows });
  });
  afterAll(() => t.close());

  it('should roll finished hours into counts and min/avg/p95/max, and whole days from their hours', async () => {
    const { db } = t.database;
    const result = await rollUpResults(db, new Date(start + 2 * day + 10 * 60_000), 100);
    expect(result).toEqual({ hours: 48, days: 2 });
    const hourly = await db.monitorRollup.findMany({
      where: { monitorId, period: 'HOUR' },
      orderBy: { bucketStart: 'asc' },
    });
    expect(hourly).toHaveLength(48);
    const first = hourly[0];
    // 00:00–01:00: checks i = 0..5, UP for i = 0..4 with 100, 137, 174, 111, 148 ms.
    expect(first).toMatchObject({
      checks: 6,
      up: 5,
      down: 1,
      degraded: 0,
      errors: 0,
      minMs: 100,
      maxMs: 174,
      p95Ms: 174,
      avgMs: 134,
    });
    const daily = await db.monitorRollup.findMany({
      where: { monitorId, period: 'DAY' },
      orderBy: { bucketStart: 'asc' },
    });
    expect(daily.map((d) => [d.bucketStart.toISOString(), d.checks, d.up, d.down])).toEqual([
      ['2026-11-01T00:00:00.000Z', 144, 120, 24],
      ['2026-11-02T00:00:00.000Z', 144, 120, 24],
    ]);
    // Run again: nothing new, nothing counted twice.
    expect(await rollUpResults(db, new Date(start + 2 * day + 10 * 60_000), 100)).toEqual({ hours: 0, days: 0 });
    expect(await db.monitorRollup.count({ where: { monitorId } })).toBe(50);
  });

  it('should serve the figures from the rollups through the API, newest first', async () => {
    const response = await t.gql<{ monitors: { rollups: { bucketStart: string; checks: number; p95Ms: number }[] }[] }>(
      '{ monitors { name rollups(period: DAY, first: 5) { bucketStart checks up down p95Ms } } }',
      {},
      headToken,
    );
    expect(response.errors).toBeUndefined();
    const rollups = response.data?.monitors.find((m) => m.rollups.length > 0)?.rollups ?? [];
    expect(rollups.map((r) => [r.bucketStart, r.checks])).toEqual([
      ['2026-11-02T00:00:00.000Z', 144],
      ['2026-11-01T00:00:00.000Z', 144],
    ]);
  });

  it('should roll up UP results packed per hour together with the failing rows', async () => {
    const { db } = t.database;
    const site = await db.site.findFirstOrThrow();
    const packed = await db.monitor.create({
      data: {
        siteId: site.id,
        name: 'Packed',
        kind: 'HTTP',
        config: { url: 'http://127.0.0.1:1/' },
        createdAt: new Date(start),
      },
    });
    const hourStart = start + 2 * day;
    for (let i = 0; i < 6; i++) {
      await recordCheck(db, t.app.events, {
        monitorId: packed.id,
        location: 'central',
        at: new Date(hourStart + i * 600_000),
        reschedule: true,
        report:
          i === 5
            ? { outcome: 'DOWN', statusCode: 503, message: 'HTTP 503' }
            : { outcome: 'UP', statusCode: 200, responseTimeMs: 100 + i * 10 },
      });
    }
    expect(await db.checkSampleHour.findMany({ where: { monitorId: packed.id } })).toMatchObject([
      { checks: 5, samples: '0:100:200 600:110:200 1200:120:200 1800:130:200 2400:140:200' },
    ]);
    expect(await db.checkResult.count({ where: { monitorId: packed.id } })).toBe(1);
    await rollUpResults(db, new Date(hourStart + hour + 10 * 60_000), 100);
    const rollup = await db.monitorRollup.findFirstOrThrow({ where: { monitorId: packed.id, period: 'HOUR' } });
    expect(rollup).toMatchObject({ checks: 6, up: 5, down: 1, minMs: 100, maxMs: 140, avgMs: 120, p95Ms: 140 });
  });

  it('should keep UP results 7 days, the others 90 days, hourly rollups 90 days and daily ones 25 months', async () => {
    const { db } = t.database;
    const deleted = await deleteExpiredResults(db, new Date(start + 8 * day));
    expect(await db.checkSampleHour.count()).toBe(1);
    // Day 1 is over 7 days old: its 120 UP results go, its 24 DOWN ones stay.
    expect(deleted.results).toBe(120);
    expect(await db.checkResult.count({ where: { monitorId, outcome: 'DOWN' } })).toBe(48);
    await deleteExpiredResults(db, new Date(start + 92 * day));
    expect(await db.checkResult.count({ where: { monitorId } })).toBe(0);
    // The packed UP results of the other monitor went with the UP rows.
    expect(await db.checkSampleHour.count()).toBe(0);
    expect(await db.monitorRollup.count({ where: { monitorId, period: 'HOUR' } })).toBe(0);
    expect(await db.monitorRollup.count({ where: { monitorId, period: 'DAY' } })).toBe(2);
    await deleteExpiredResults(db, new Date(start + 26 * 31 * day));
    expect(await db.monitorRollup.count({ where: { monitorId } })).toBe(0);
  });
});
