import { createDb, migrate } from '@caredesk/schema/db';
import { builtInCalendar, setCalendarDay, systemActor } from '@caredesk/schema/services';
import { WorkingCalendar } from '../../packages/schema/src/domain/calendar/working-calendar.ts';
import { defaultWorkingHours } from '../../packages/schema/src/domain/studio-defaults.ts';
import { emptyTarget } from '../../packages/schema/src/testing/test-databases.ts';
import { seedDemo } from '../../packages/server/src/seed/demo.ts';
import { BetterSqlite } from '../lib/deps.ts';

const sqliteDate = (date: Date) => date.toISOString().replace('Z', '+00:00');

/** "Add N working minutes" from the last weeks of December into January, across the New Year holidays. */
function addAcrossNewYear(): string[] {
  const days = builtInCalendar('ru').days;
  const lines: string[] = [];
  const starts: Date[] = [];
  for (let i = 0; i < 10_000; i++) {
    const year = 2025 + (i % 2);
    starts.push(new Date(Date.UTC(year, 11, 15) + ((i * 7919) % (16 * 86_400)) * 1000));
  }
  const minutes = (i: number) => 60 + ((i * 104_729) % 5_000);
  // Cold: a new calendar per operation, so every day's interval is computed from Intl again.
  const coldRuns = 2_000;
  let started = performance.now();
  for (let i = 0; i < coldRuns; i++)
    new WorkingCalendar(defaultWorkingHours, days).addWorkingMinutes(starts[i] as Date, minutes(i));
  const cold = coldRuns / ((performance.now() - started) / 1000);
  const calendar = new WorkingCalendar(defaultWorkingHours, days);
  for (let i = 0; i < 1_000; i++) calendar.addWorkingMinutes(starts[i] as Date, minutes(i));
  const warmRuns = 200_000;
  started = performance.now();
  for (let i = 0; i < warmRuns; i++) calendar.addWorkingMinutes(starts[i % starts.length] as Date, minutes(i));
  const warm = warmRuns / ((performance.now() - started) / 1000);
  lines.push(
    `- add N working minutes (N 60–5,060, from 15–31 December into January, Russian calendar): **${Math.round(warm).toLocaleString('en')} ops/s** with the calendar's day intervals remembered; ${Math.round(cold).toLocaleString('en')} ops/s with a new calendar per operation (every day from Intl again).`,
  );
  return lines;
}

/** Inserts `count` open tickets with running clocks straight through better-sqlite3. */
function insertOpenTickets(file: string, count: number) {
  const sqlite = new BetterSqlite(file);
  try {
    const insert = sqlite.prepare(
      `INSERT INTO "Ticket" ("id", "number", "title", "description", "status", "priority", "priorityRank",
        "category", "source", "queuedAt", "createdAt", "updatedAt", "reactionStartedAt", "resolutionTargetMinutes",
        "resolutionRunningSince", "resolutionElapsedMinutes")
       VALUES (?, ?, 'Generated', 'bench/sla-clocks', ?, ?, ?, 'PROBLEM', 'STAFF', ?, ?, ?, ?, 1620, ?, 0)`,
    );
    const statuses = ['NEW', 'NEW', 'IN_PROGRESS', 'FEEDBACK'];
    const priorities: [string, number][] = [
      ['NORMAL', 0],
      ['HIGH', 1],
      ['URGENT', 2],
      ['IMMEDIATE', 3],
    ];
    const start = Date.UTC(2026, 10, 1);
    const batch = sqlite.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const [priority, rank] = priorities[i % 4] as [string, number];
        const status = statuses[(i >> 2) % 4] as string;
        const at = sqliteDate(new Date(start + ((i * 7919) % (30 * 86_400)) * 1000));
        insert.run(
          `sla${i.toString(36).padStart(8, '0')}`,
          2_000_000 + i,
          status,
          priority,
          rank,
          at,
          at,
          at,
          at,
          status === 'FEEDBACK' ? null : at,
        );
      }
    });
    for (let from = 0; from < count; from += 10_000) batch(from, Math.min(count, from + 10_000));
  } finally {
    sqlite.close();
  }
}

/** The pure due-time operation, and recomputing every open ticket after a holiday is declared. */
export async function slaClocks(ticketCount: number): Promise<string> {
  const lines = ['## SLA clocks (issue #7)', '', ...addAcrossNewYear()];
  for (const provider of ['sqlite', 'postgresql'] as const) {
    const { target, cleanUp } = emptyTarget(provider);
    try {
      await migrate(target);
      const db = createDb(target);
      try {
        await seedDemo(db, { publicUrl: 'http://localhost:4000' });
        if (target.provider === 'sqlite') insertOpenTickets(target.file, ticketCount);
        else await insertThroughPrisma(db, ticketCount);
        const open = await db.ticket.count({
          where: { status: { in: ['NEW', 'IN_PROGRESS', 'FEEDBACK', 'RESOLVED'] } },
        });
        const rss = process.memoryUsage().rss;
        const started = performance.now();
        const rewritten = await setCalendarDay(
          db,
          { date: '2026-11-27', kind: 'HOLIDAY', note: 'bench' },
          { actor: systemActor, now: new Date() },
        );
        const took = (performance.now() - started) / 1000;
        const grown = (process.memoryUsage().rss - rss) / 2 ** 20;
        const laterStarted = performance.now();
        const laterRewritten = await setCalendarDay(
          db,
          { date: '2027-06-01', kind: 'HOLIDAY', note: 'bench' },
          { actor: systemActor, now: new Date() },
        );
        const laterTook = (performance.now() - laterStarted) / 1000;
        lines.push(
          `- ${provider}, ${open.toLocaleString('en')} open tickets filed in November 2026: a holiday on 27 November moved **${rewritten.toLocaleString('en')} of them in ${took.toFixed(1)} s** (${Math.round(open / took).toLocaleString('en')} tickets/s read and recomputed, changed ones written in batches of 500 per transaction; RSS ${grown >= 0 ? 'grew' : 'fell'} ${Math.abs(grown).toFixed(0)} MiB); a holiday next June checked them all and moved ${laterRewritten.toLocaleString('en')} in **${laterTook.toFixed(1)} s**.`,
        );
      } finally {
        await db.$disconnect();
      }
    } finally {
      await cleanUp();
    }
  }
  return lines.join('\n');
}

async function insertThroughPrisma(db: ReturnType<typeof createDb>, count: number) {
  const start = Date.UTC(2026, 10, 1);
  const priorities = ['NORMAL', 'HIGH', 'URGENT', 'IMMEDIATE'] as const;
  for (let from = 0; from < count; from += 5_000) {
    await db.ticket.createMany({
      data: Array.from({ length: Math.min(5_000, count - from) }, (_, k) => {
        const i = from + k;
        const at = new Date(start + ((i * 7919) % (30 * 86_400)) * 1000);
        return {
          number: 2_000_000 + i,
          title: 'Generated',
          description: 'bench/sla-clocks',
          status: i % 8 === 7 ? ('FEEDBACK' as const) : ('NEW' as const),
          priority: priorities[i % 4],
          priorityRank: i % 4,
          source: 'STAFF' as const,
          queuedAt: at,
          createdAt: at,
          reactionStartedAt: at,
          resolutionTargetMinutes: 1620,
          resolutionRunningSince: i % 8 === 7 ? null : at,
        };
      }),
    });
  }
}
