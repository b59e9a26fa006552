// The screenshot part, loaded on the first click of "Screenshot": snapdom only.
import { snapdom } from '@zumer/snapdom';

/**
 * The visible part of the page as PNG, drawn from the DOM (no screen-sharing prompt, works
 * where getDisplayMedia does not). The widget itself is left out; up to 2× on dense screens.
 */
export async function captureViewport(widgetSelector: string): Promise<Blob> {
  const result = await snapdom(document.documentElement, {
    clip: 'viewport',
    scale: Math.min(devicePixelRatio || 1, 2),
    dpr: 1,
    exclude: [widgetSelector],
    excludeMode: 'remove',
  });
  return result.toBlob({ format: 'png' });
}
