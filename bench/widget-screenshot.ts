import { ms, percentile, sortedNumbers } from './lib/target.ts';
import { shopWithWidget, startWidgetBench } from './widget-setup.ts';

const runs = 20;

/**
 * "Screenshot" pressed to the PNG listed in the form (timed in the page), on a page of about 2,000 elements
 * (the visible viewport, 1280×800 at 1×), in headless Chromium: the first capture (loading
 * snapdom) and later ones.
 */
export async function widgetScreenshot(): Promise<string> {
  const bench = await startWidgetBench(shopWithWidget);
  try {
    const page = await bench.context.newPage();
    await page.goto(`${bench.site}/`);
    const elements = await page.evaluate(() => document.querySelectorAll('*').length);
    await page.getByRole('button', { name: 'Support' }).click();
    await page.getByRole('button', { name: 'Screenshot' }).waitFor();
    // Timed in the page, from the click to the file in the list (a MutationObserver on the
    // widget's shadow root): the harness's own round trips are not the visitor's wait.
    const measure = `new Promise((resolve) => {
      const root = document.querySelector('caredesk-widget').shadowRoot;
      const button = [...root.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Screenshot');
      const listed = () => [...root.querySelectorAll('.files li span')].some((s) => s.textContent.startsWith('screenshot-'));
      const started = performance.now();
      const observer = new MutationObserver(() => {
        if (!listed()) return;
        observer.disconnect();
        resolve(performance.now() - started);
      });
      observer.observe(root, { subtree: true, childList: true, characterData: true });
      button.click();
    })`;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      times.push(await page.evaluate<number>(measure));
      await page.getByRole('button', { name: /^Remove: screenshot-/ }).click();
      await page.getByText(/^screenshot-.*\.png/).waitFor({ state: 'detached' });
    }
    const later = sortedNumbers(times.slice(1));
    return [
      `## Widget: screenshot of the viewport (headless Chromium, ${elements} elements, 1280×800)`,
      '',
      '| capture | ms |',
      '|---|---|',
      `| first (loads snapdom) | ${ms(times[0] ?? Number.NaN)} |`,
      `| later, p50 of ${later.length} | ${ms(percentile(later, 50))} |`,
      `| later, p95 | ${ms(percentile(later, 95))} |`,
    ].join('\n');
  } finally {
    await bench.close();
  }
}
