import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrate } from '@caredesk/schema/db';
import { buildApp, loadConfig } from '@caredesk/server';
import pino from 'pino';
import { insertQueueTickets } from '../../packages/console/test/browser/support/queue-tickets.ts';
import { emptyTarget } from '../../packages/schema/src/testing/test-databases.ts';
import { type DemoCredentials, seedDemo } from '../../packages/server/src/seed/demo.ts';
import { launchBenchChromium, signedInConsole } from '../lib/console-browser.ts';
import { ms, percentile, sortedNumbers } from '../lib/target.ts';

// The console's queue with a thousand tickets (BENCH_CONSOLE_QUEUE_TICKETS, default 1000) in headless
// Chromium: from the moment the last page of the queue has arrived to the rows rendered and painted,
// and to a scroll to the bottom painted (goal 300 ms). The server runs in this process (SQLite).

const runs = 10;

// Runs in the page before its scripts (a string: tsx would wrap named functions in a helper the page
// lacks). On the queue's `queue-loaded` event: t0 is the end of the last /graphql response (the
// last page of the queue; the other reads ended before), then the queue's render and two animation
// frames (the second runs after the first frame was painted), then the scroll to the bottom, frames
// until the last row is in the DOM, and two frames more.
const measure = `(() => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const painted = async () => { await frame(); await frame(); };
  window.__queueBench = new Promise((resolve) => {
    document.addEventListener('queue-loaded', async (event) => {
      const graphql = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/graphql'));
      const arrived = Math.max(...graphql.map((e) => e.responseEnd));
      const firstRead = Math.min(...graphql.map((e) => e.startTime));
      const queue = event.composedPath()[0];
      await queue.updateComplete;
      await painted();
      const rendered = performance.now();
      const scroller = queue.shadowRoot.querySelector('.scroller');
      scroller.scrollTop = scroller.scrollHeight;
      const lastIndex = String(event.detail + 1);
      while (!queue.shadowRoot.querySelector('tbody tr[aria-rowindex="' + lastIndex + '"]')) await frame();
      await painted();
      const bottom = performance.now();
      resolve({
        rows: event.detail,
        domRows: queue.shadowRoot.querySelectorAll('tbody tr').length,
        reads: graphql.length,
        loading: arrived - firstRead,
        rendered: rendered - arrived,
        bottom: bottom - arrived,
      });
    }, { once: true });
  });
})()`;

interface Run {
  rows: number;
  domRows: number;
  reads: number;
  loading: number;
  rendered: number;
  bottom: number;
}

/** The staff console's queue of N tickets: data in → rows painted → scrolled to the bottom and painted. */
export async function consoleQueue(): Promise<string> {
  const tickets = Number(process.env.BENCH_CONSOLE_QUEUE_TICKETS ?? 1_000);
  const { target, url, cleanUp } = emptyTarget('sqlite');
  await migrate(target);
  const db = createDb(target);
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: url });
  const app = buildApp(config, { db, logger: pino({ level: 'silent' }) });
  const profile = mkdtempSync(join(tmpdir(), 'caredesk-bench-chromium-'));
  const measured: Run[] = [];
  try {
    const { port } = await app.start();
    const server = `http://127.0.0.1:${port}`;
    const demo = (await seedDemo(db, { publicUrl: server })) as DemoCredentials;
    await insertQueueTickets(
      db,
      Array.from({ length: tickets }, (_, i) => ({ priority: i % 5 === 0 ? 'HIGH' : 'NORMAL', organization: i % 2 })),
    );
    const context = await launchBenchChromium(profile);
    try {
      const line1 = demo.staff.find((s) => s.role === 'LINE1') ?? { email: '', password: '' };
      const page = await signedInConsole(context, server, line1);
      await page.addInitScript(measure);
      // One warm-up load (the console's files cached, the server's statements prepared), then the runs.
      for (let i = 0; i <= runs; i++) {
        await page.reload();
        const run = await page.evaluate<Run>('window.__queueBench');
        if (i > 0) measured.push(run);
      }
    } finally {
      await context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
    await app.stop();
    await cleanUp();
  }
  const row = (label: string, pick: (run: Run) => number) => {
    const sorted = sortedNumbers(measured.map(pick));
    return `| ${label} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(sorted[sorted.length - 1] ?? Number.NaN)} |`;
  };
  const first = measured[0];
  const p95 = percentile(sortedNumbers(measured.map((run) => run.bottom)), 95);
  return [
    `## Console queue: ${first?.rows.toLocaleString('en') ?? 'n/a'} tickets rendered and scrolled (headless Chromium, goal 300 ms)`,
    '',
    `The demo data and ${tickets.toLocaleString('en')} fixture tickets (SQLite, the server in the benchmark's process); the console`,
    'signed in as the demo LINE1 member, 1280×800, reloaded once to warm up and then measured over',
    `${measured.length} reloads. The queue reads every page (100 a page, ${first?.reads ?? 'n/a'} /graphql reads a load in all) and renders only the`,
    `rows in view plus an overscan (${first?.domRows ?? 'n/a'} \`<tr>\` in the DOM at the bottom). Timed in the page from the end of the last`,
    '/graphql response (the last page) to the rows painted (render and two animation frames), and to the scroller set to its',
    'bottom and the last row painted.',
    '',
    '| from the last page arrived to | p50 ms | p95 ms | max ms |',
    '|---|---|---|---|',
    row('rows rendered and painted', (run) => run.rendered),
    row('scrolled to the bottom, last row painted', (run) => run.bottom),
    row('(the reads: first /graphql request to the last page in)', (run) => run.loading),
    '',
    `Goal ${Number.isFinite(p95) && p95 < 300 ? 'met' : 'not met'}: p95 ${ms(p95)} ms to the bottom painted.`,
  ].join('\n');
}
