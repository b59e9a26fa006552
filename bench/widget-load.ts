import { ms, percentile, sortedNumbers } from './lib/target.ts';
import { cardsPage, startWidgetBench } from './widget-setup.ts';

const runs = 20;

/**
 * From adding the script tag to the launcher on screen, on a mid-size page (250 cards, about
 * 2,000 elements), in headless Chromium: the first load (nothing cached) and later loads
 * (widget.js revalidated by ETag, the hashed parts from the cache).
 */
export async function widgetLoad(): Promise<string> {
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
