// The screenshot part, loaded on the first click of "Screenshot": snapdom only.
import { snapdom } from '@zumer/snapdom';

const transparent = (colour: string) => colour === 'transparent' || /^rgba\(.*,\s*0\)$/.test(colour);

/** The colour behind the page: the root's background, else the body's (which the root takes), else white. */
function pageBackground(): string {
  for (const element of [document.documentElement, document.body]) {
    const colour = element ? getComputedStyle(element).backgroundColor : '';
    if (colour && !transparent(colour)) return colour;
  }
  return '#fff';
}

/**
 * snapdom 3.1 clones the root with `margin-top: 0` on the body and on the body's first child
 * (seen in its SVG output, as if they were margins collapsing out of an ordinary box). In the
 * page the root contains that collapsed margin, so the captured content moved up by it: 21 px
 * on an unstyled page with a heading, 40 px when the first heading has a 40 px margin. The
 * clone gets the live margins back, and is a block formatting context like the real root.
 */
function keepRootMargins(clone: HTMLElement, sources: Map<Element, Element>) {
  clone.style.setProperty('display', 'flow-root');
  let node = clone.querySelector(':scope > body') as HTMLElement | null;
  while (node) {
    const source = sources.get(node);
    if (!source) break;
    const style = getComputedStyle(source);
    if (node.style.marginTop === '0px') node.style.marginTop = style.marginTop;
    if (node.localName === 'body' && node.style.marginBottom === '0px') node.style.marginBottom = style.marginBottom;
    node = node.firstElementChild as HTMLElement | null;
  }
}

/**
 * The visible part of the page as PNG, drawn from the DOM (no screen-sharing prompt, works
 * where getDisplayMedia does not). The widget itself is left out; up to 2× on dense screens.
 * Opaque: the page's own background colour, white when it has none.
 */
export async function captureViewport(widgetSelector: string): Promise<Blob> {
  const result = await snapdom(document.documentElement, {
    clip: 'viewport',
    scale: Math.min(devicePixelRatio || 1, 2),
    dpr: 1,
    exclude: [widgetSelector],
    excludeMode: 'remove',
    backgroundColor: pageBackground(),
    plugins: [
      {
        name: 'caredesk-root-margins',
        afterClone: (ctx) => keepRootMargins(ctx.clone as HTMLElement, ctx.nodeMap as Map<Element, Element>),
      },
    ],
  });
  return result.toBlob({ format: 'png' });
}
