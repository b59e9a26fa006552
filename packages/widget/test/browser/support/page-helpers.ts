import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where the browser tests leave their screenshots (gitignored). */
export const artifactsDir = join(import.meta.dirname, '..', '..', '..', '..', '..', 'artifacts', 'widget');
mkdirSync(artifactsDir, { recursive: true });

/** Saves a screenshot of the page as a test artefact. */
export const saveScreenshot = (page: Page, name: string) =>
  page.screenshot({ path: join(artifactsDir, `${name}.png`), animations: 'disabled' });

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** Runs axe-core in the page (shadow roots included) and returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    // Colours mid-animation (the panel fades in) are not the ones people read: let it end.
    // The widget's own animations live in its shadow root, which document.getAnimations() may not list.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const root = document.querySelector('caredesk-widget')?.shadowRoot;
    const running = [...document.getAnimations(), ...(root?.getAnimations() ?? [])];
    await Promise.all(running.map((animation) => animation.finished));
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

/** Pastes a small PNG into the focused-or-given element, as a browser does for a copied image. */
export async function pasteImage(page: Page, selector: string): Promise<void> {
  await page.locator(selector).evaluate((target) => {
    // 1×1 PNG.
    const png = Uint8Array.from(
      atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
      (c) => c.charCodeAt(0),
    );
    const data = new DataTransfer();
    data.items.add(new File([png], 'pasted.png', { type: 'image/png' }));
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true }));
  });
}
