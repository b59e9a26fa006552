import type { Db } from '../../db/client.ts';
import { decodeSamples } from './samples.ts';

const hourMs = 3_600_000;
const dayMs = 86_400_000;
/** Results may arrive late (agents report in batches): an hour is rolled up this long after it ends. */
const settleMs = 5 * 60_000;

export const retention = {
  upResultsMs: 7 * dayMs,
  otherResultsMs: 90 * dayMs,
  hourlyMs: 90 * dayMs,
  dailyMs: 25 * 31 * dayMs,
} as const;

interface Figures {
  checks: number;
  up: number;
  degraded: number;
  down: number;
  errors: number;
  minMs: number | null;
  avgMs: number | null;
  p95Ms: number | null;
  maxMs: number | null;
}

/** Counts and min/avg/p95/max of one monitor's results. */
export function figuresOf(results: readonly { outcome: string; responseTimeMs: number | null }[]): Figures {
  const times = results
    .map((r) => r.responseTimeMs)
    .filter((t): t is number => t !== null)
    .sort((a, b) => a - b);
  const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
  return {
    checks: results.length,
    up: count('UP'),
    degraded: count('DEGRADED'),
    down: count('DOWN'),
    errors: results.length - count('UP') - count('DEGRADED') - count('DOWN'),
    minMs: times[0] ?? null,
    avgMs: times.length ? Math.round(times.reduce((a, b) => a + b, 0) / times.length) : null,
    p95Ms: times.length ? (times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] ?? null) : null,
    maxMs: times[times.length - 1] ?? null,
  };
}

async function replaceBucket(
  db: Db,
  period: 'HOUR' | 'DAY',
  bucketStart: Date,
  rows: ({ monitorId: string } & Figures)[],
) {
  try {
    await db.$transaction([
      db.monitorRollup.deleteMany({ where: { period, bucketStart } }),
      db.monitorRollup.createMany({ data: rows.map((r) => ({ ...r, period, bucketStart })) }),
    ]);
  } catch {
    // Another instance wrote the same bucket at the same moment: theirs is as good.
  }
}

/**
 * Rolls up the finished hours (and days) not rolled up yet, at most `maxHours` hours a run.
 * Results are read per monitor through their key (monitor, time): the table has no other
 * index, to stay small.
 */
export async function rollUpResults(db: Db, now: Date, maxHours = 48): Promise<{ hours: number; days: number }> {
  const lastHour = await db.monitorRollup.findFirst({
    where: { period: 'HOUR' },
    orderBy: { bucketStart: 'desc' },
    select: { bucketStart: true },
  });
  const monitors = await db.monitor.findMany({ select: { id: true, createdAt: true } });
  if (monitors.length === 0) return { hours: 0, days: 0 };
  // From the hour after the last bucket, or the first monitor (no further back than raw results are kept).
  const earliest = Math.min(...monitors.map((m) => m.createdAt.getTime()));
  const floor = now.getTime() - retention.upResultsMs;
  const from =
    Math.floor((lastHour ? lastHour.bucketStart.getTime() + hourMs : Math.max(earliest, floor)) / hourMs) * hourMs;
  let hours = 0;
  let days = 0;
  for (let start = from; start + hourMs + settleMs <= now.getTime() && hours < maxHours; start += hourMs) {
    const figures: ({ monitorId: string } & Figures)[] = [];
    for (const monitor of monitors) {
      if (monitor.createdAt.getTime() >= start + hourMs) continue;
      const rows = await db.checkResult.findMany({
        where: { monitorId: monitor.id, checkedAt: { gte: new Date(start), lt: new Date(start + hourMs) } },
        select: { outcome: true, responseTimeMs: true },
      });
      const packed = await db.checkSampleHour.findMany({
        where: { monitorId: monitor.id, hour: start / hourMs },
        select: { hour: true, samples: true },
      });
      const results = [
        ...rows,
        ...packed.flatMap((p) =>
          decodeSamples(p.hour, p.samples).map((sample) => ({ outcome: 'UP', responseTimeMs: sample.responseTimeMs })),
        ),
      ];
      if (results.length > 0) figures.push({ monitorId: monitor.id, ...figuresOf(results) });
    }
    if (figures.length > 0) await replaceBucket(db, 'HOUR', new Date(start), figures);
    hours++;
    if ((start + hourMs) % dayMs === 0) {
      await rollUpDay(db, new Date(start + hourMs - dayMs));
      days++;
    }
  }
  return { hours, days };
}

/** A day from its hours: sums, extremes, the checks-weighted average; p95 is the largest hourly p95 (an upper bound). */
async function rollUpDay(db: Db, dayStart: Date) {
  const hourly = await db.monitorRollup.findMany({
    where: { period: 'HOUR', bucketStart: { gte: dayStart, lt: new Date(dayStart.getTime() + dayMs) } },
  });
  const byMonitor = new Map<string, typeof hourly>();
  for (const h of hourly) byMonitor.set(h.monitorId, [...(byMonitor.get(h.monitorId) ?? []), h]);
  const rows = [...byMonitor].map(([monitorId, list]) => {
    const timed = list.filter((h) => h.avgMs !== null);
    const weight = timed.reduce((s, h) => s + h.checks, 0);
    const pick = (values: (number | null)[], f: (...n: number[]) => number) => {
      const known = values.filter((v): v is number => v !== null);
      return known.length ? f(...known) : null;
    };
    return {
      monitorId,
      checks: list.reduce((s, h) => s + h.checks, 0),
      up: list.reduce((s, h) => s + h.up, 0),
      degraded: list.reduce((s, h) => s + h.degraded, 0),
      down: list.reduce((s, h) => s + h.down, 0),
      errors: list.reduce((s, h) => s + h.errors, 0),
      minMs: pick(
        list.map((h) => h.minMs),
        Math.min,
      ),
      maxMs: pick(
        list.map((h) => h.maxMs),
        Math.max,
      ),
      p95Ms: pick(
        list.map((h) => h.p95Ms),
        Math.max,
      ),
      avgMs: weight ? Math.round(timed.reduce((s, h) => s + (h.avgMs ?? 0) * h.checks, 0) / weight) : null,
    };
  });
  if (rows.length > 0) await replaceBucket(db, 'DAY', dayStart, rows);
}

/**
 * Deletes what is past its keeping time: UP results after 7 days, others after 90, rollups
 * after 90 days / 25 months. Results go monitor by monitor, through their key.
 */
export async function deleteExpiredResults(db: Db, now: Date) {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const monitors = await db.monitor.findMany({ select: { id: true } });
  let results = 0;
  for (const { id } of monitors) {
    const up = await db.checkResult.deleteMany({
      where: { monitorId: id, checkedAt: { lt: before(retention.upResultsMs) }, outcome: 'UP' },
    });
    const other = await db.checkResult.deleteMany({
      where: { monitorId: id, checkedAt: { lt: before(retention.otherResultsMs) } },
    });
    results += up.count + other.count;
  }
  const packed = await db.checkSampleHour.deleteMany({
    where: { hour: { lt: Math.floor((now.getTime() - retention.upResultsMs) / hourMs) } },
  });
  results += packed.count;
  const [hourly, daily] = await Promise.all([
    db.monitorRollup.deleteMany({ where: { period: 'HOUR', bucketStart: { lt: before(retention.hourlyMs) } } }),
    db.monitorRollup.deleteMany({ where: { period: 'DAY', bucketStart: { lt: before(retention.dailyMs) } } }),
  ]);
  return { results, rollups: hourly.count + daily.count };
}
