import { createRequire } from 'node:module';
import { createDb, migrate } from '@caredesk/schema/db';
import { buildApp, loadConfig } from '@caredesk/server';
import pino from 'pino';
import { monthTotalsQuery, studioMonthQuery } from '../../packages/console/src/statistics-documents.ts';
import { emptyTarget } from '../../packages/schema/src/testing/test-databases.ts';
import { seedDemo } from '../../packages/server/src/seed/demo.ts';
import { ms, percentile, sortedNumbers } from '../lib/target.ts';

const warmUp = 10;
const measured = 100;
const month = '2026-11';
/** November 2026's working days in Russia (the 4th is a holiday). */
const workingDays = [2, 3, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27, 30];

/**
 * The statistics page of a studio with `clients` clients and `perClient` tickets each in one month
 * (every one answered, most resolved, one in twenty breached): the console's own two documents,
 * the month (totals, every client, specialists, lines, breaches) and one month's totals for the
 * trend, in process through yoga, on SQLite.
 */
export async function statisticsBench(clients: number, perClient: number): Promise<string> {
  const { target, url, cleanUp } = emptyTarget('sqlite');
  await migrate(target);
  const db = createDb(target);
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: url });
  const app = buildApp(config, { db, logger: pino({ level: 'silent' }) });
  try {
    const demo = await seedDemo(db, { publicUrl: config.publicUrl });
    const token = demo?.staff.find((s) => s.role === 'HEAD')?.token;
    if (!token) throw new Error('no HEAD token from the demo seed');
    const staff = await db.staffMember.findMany({ where: { supportLine: { not: null } }, select: { id: true } });
    const filling = performance.now();
    let number = 3_000_000;
    for (let c = 0; c < clients; c++) {
      const org = await db.organization.create({ data: { name: `Клиент ${String(c).padStart(4, '0')}` } });
      const tickets = Array.from({ length: perClient }, (_, i) => {
        // Working days of November 2026, 10:00–17:00 Moscow.
        const day = workingDays[(c + i) % workingDays.length] as number;
        const created = new Date(Date.UTC(2026, 10, day, 7 + (i % 8), 0));
        const first = new Date(created.getTime() + (15 + ((c * 7 + i * 13) % 240)) * 60_000);
        const resolved = i % 4 === 3 ? null : new Date(first.getTime() + (60 + ((c + i * 31) % 1_800)) * 60_000);
        return {
          number: number++,
          title: `Заявка ${c}-${i}`,
          description: 'x',
          source: 'EMAIL' as const,
          status: resolved ? ('RESOLVED' as const) : ('IN_PROGRESS' as const),
          organizationId: org.id,
          assigneeId: staff[(c + i) % staff.length]?.id ?? null,
          createdAt: created,
          queuedAt: created,
          firstResponseAt: first,
          reactedAt: first,
          resolvedAt: resolved,
          resolutionTargetMinutes: 960,
        };
      });
      await db.ticket.createMany({ data: tickets });
    }
    const breached = await db.ticket.findMany({
      where: { number: { gte: 3_000_000 } },
      select: { id: true, createdAt: true },
      orderBy: { number: 'asc' },
    });
    await db.slaEvent.createMany({
      data: breached
        .filter((_, i) => i % 20 === 0)
        .map((t) => ({
          ticketId: t.id,
          kind: 'REACTION_BREACHED' as const,
          dueAt: t.createdAt,
          createdAt: t.createdAt,
        })),
    });
    const filled = performance.now() - filling;

    const run = async (query: string) => {
      const response = await app.yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables: { month } }),
      });
      const body = (await response.json()) as {
        data?: { studioStatistics: { total: { tickets: number } } };
        errors?: unknown[];
      };
      if (!response.ok || body.errors || !body.data)
        throw new Error(`statistics failed: ${JSON.stringify(body).slice(0, 500)}`);
      return body.data.studioStatistics.total.tickets;
    };
    const series = async (query: string) => {
      for (let i = 0; i < warmUp; i++) await run(query);
      const took: number[] = [];
      let tickets = 0;
      for (let i = 0; i < measured; i++) {
        const started = performance.now();
        tickets = await run(query);
        took.push(performance.now() - started);
      }
      const sorted = sortedNumbers(took);
      return { tickets, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 };
    };
    // The console's documents, printed by the console's own graphql-js.
    const { print } = createRequire(new URL('../../packages/console/package.json', import.meta.url))('graphql') as {
      print(document: unknown): string;
    };
    const source = (document: unknown) => print(document);
    const page = await series(source(studioMonthQuery));
    const trend = await series(source(monthTotalsQuery));
    return [
      '## Console statistics (issue #20)',
      '',
      `A studio of ${clients.toLocaleString('en')} clients with ${perClient} tickets each in ${month} (${page.tickets.toLocaleString('en')} tickets in the month, one in twenty with a reaction breach; filled in ${ms(filled / 1000)} s), SQLite. The console's own documents through yoga in process, as the head of support, ${warmUp} warm-up then ${measured} measured requests each:`,
      '',
      '| Request | p50 | p95 | max | Goal |',
      '|---|---|---|---|---|',
      `| The month: totals, every client, each specialist and line, the breaches (\`StudioMonth\`) | ${ms(page.p50)} ms | ${ms(page.p95)} ms | ${ms(page.max)} ms | p95 ≤ 300 ms |`,
      `| One month's totals, for the trend (\`MonthTotals\`; the page asks for six, after the month) | ${ms(trend.p50)} ms | ${ms(trend.p95)} ms | ${ms(trend.max)} ms | — |`,
      '',
    ].join('\n');
  } finally {
    await app.stop();
    await db.$disconnect();
    await cleanUp();
  }
}
