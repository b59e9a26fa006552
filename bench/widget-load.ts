import { gzipSync } from 'node:zlib';
import { ms, percentile, sortedNumbers } from './lib/target.ts';
import { widgetScreenshot } from './widget-screenshot.ts';
import { cardsPage, shopWithWidget, startWidgetBench } from './widget-setup.ts';

const runs = 20;

/**
 * What a page downloads from caredesk before the widget is opened, and the first open. A new
 * visitor (nothing stored), headless Chromium with an empty cache; sizes as sent (caredesk
 * sends them uncompressed) and as gzip -9 (what a compressing proxy sends).
 */
async function bytesBeforeOpen(): Promise<string[]> {
  const bench = await startWidgetBench(shopWithWidget);
  try {
    const page = await bench.context.newPage();
    const fetched: { path: string; bytes: number; gzip: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('requestfinished', (request) => {
      if (!request.url().startsWith(bench.server)) return;
      pending.push(
        (async () => {
          const body = (await (await request.response())?.body()) ?? Buffer.alloc(0);
          fetched.push({
            path: new URL(request.url()).pathname,
            bytes: body.length,
            gzip: gzipSync(body, { level: 9 }).length,
          });
        })(),
      );
    });
    await page.goto(`${bench.site}/`, { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Support' }).waitFor();
    await Promise.all(pending.splice(0));
    const before = fetched.splice(0);
    await page.getByRole('button', { name: 'Support' }).click();
    await page.getByLabel('Subject').waitFor();
    await page.waitForLoadState('networkidle');
    await Promise.all(pending.splice(0));
    const sum = (list: typeof before, key: 'bytes' | 'gzip') => list.reduce((n, f) => n + f[key], 0);
    const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
    const row = (label: string, list: typeof before) =>
      `| ${label} | ${list.map((f) => f.path.replace(/-[\w-]{8}\.js$/, '.js')).join(', ')} | ${kb(sum(list, 'bytes'))} | ${kb(sum(list, 'gzip'))} |`;
    return [
      '## Widget: bytes from caredesk before and at the first open (new visitor, empty cache)',
      '',
      '| when | files | as sent | gzip -9 |',
      '|---|---|---|---|',
      row('before opening', before),
      row('first open (adds)', fetched),
      '',
    ];
  } finally {
    await bench.close();
  }
}

/**
 * From adding the script tag to the launcher on screen, on a mid-size page (250 cards, about
 * 2,000 elements), in headless Chromium: the first load (nothing cached) and later loads
 * (widget.js revalidated by ETag, the hashed parts from the cache).
 */
export async function widgetLoad(): Promise<string> {
  const bytes = await bytesBeforeOpen();
  const launcher = await launcherTimes();
  const screenshot = await widgetScreenshot();
  return [...bytes, launcher, '', screenshot].join('\n');
}

async function launcherTimes(): Promise<string> {
  const bench = await startWidgetBench(
    () =>
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title></head><body>${cardsPage(250)}</body></html>`,
  );
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await bench.context.newPage();
      await page.goto(`${bench.site}/`);
      // A string, not a function: tsx would wrap named functions in a helper the page lacks.
      const measure = `new Promise((resolve) => {
        const started = performance.now();
        const script = document.createElement('script');
        script.src = ${JSON.stringify(`${bench.server}/widget.js`)};
        script.dataset.siteKey = ${JSON.stringify(bench.siteKey)};
        script.async = true;
        document.body.append(script);
        const check = () => {
          const launcher = document.querySelector('caredesk-widget')?.shadowRoot?.querySelector('.launcher');
          if (launcher && launcher.getBoundingClientRect().width > 0) resolve(performance.now() - started);
          else requestAnimationFrame(check);
        };
        check();
      })`;
      times.push(await page.evaluate<number>(measure));
      await page.close();
    }
    const warm = sortedNumbers(times.slice(1));
    return [
      '## Widget: script tag to launcher on screen (headless Chromium, 250-card page, loopback)',
      '',
      '| load | ms |',
      '|---|---|',
      `| first (cold cache) | ${ms(times[0] ?? Number.NaN)} |`,
      `| later, p50 of ${warm.length} | ${ms(percentile(warm, 50))} |`,
      `| later, p95 | ${ms(percentile(warm, 95))} |`,
    ].join('\n');
  } finally {
    await bench.close();
  }
}
