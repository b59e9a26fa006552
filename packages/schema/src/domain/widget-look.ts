/**
 * How a site's widget looks, set by the studio in the console: the launcher's and buttons'
 * colour, the corner it sits in, and the launcher's words. Each is optional: what is not set
 * falls back to the script tag's data attributes, then to the widget's defaults. The loader reads
 * it from `GET /widget/look` on every page, so a change needs no new script tag.
 */
export interface WidgetLook {
  /** `#rrggbb`, dark enough for white text (WCAG AA, 4.5:1). */
  color: string | null;
  position: 'bottom-right' | 'bottom-left' | null;
  /** At most `launcherTextMaxLength` characters. */
  launcherText: string | null;
}

export const launcherTextMaxLength = 40;
export const minimumContrast = 4.5;

const empty: WidgetLook = { color: null, position: null, launcherText: null };

/** The contrast ratio of white text on `#rrggbb` (WCAG 2 relative luminance). */
export function contrastWithWhite(hex: string): number {
  const channels = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

/** Why a look cannot be used, naming the field; null when it can. */
export function lookProblem(look: WidgetLook): { field: keyof WidgetLook; reason: string } | null {
  if (look.color !== null) {
    if (!/^#[0-9a-f]{6}$/i.test(look.color)) return { field: 'color', reason: 'a colour like #2155d6' };
    const ratio = contrastWithWhite(look.color);
    if (ratio < minimumContrast)
      return {
        field: 'color',
        reason: `white text on it reads at ${ratio.toFixed(1)}:1; at least ${minimumContrast}:1 is needed`,
      };
  }
  if (look.launcherText !== null && [...look.launcherText].length > launcherTextMaxLength)
    return { field: 'launcherText', reason: `at most ${launcherTextMaxLength} characters` };
  return null;
}

/** The look as stored (`Site.widgetSettings`, JSON), anything unexpected left out. */
export function widgetLookOf(stored: unknown): WidgetLook {
  if (!stored || typeof stored !== 'object') return empty;
  const { color, position, launcherText } = stored as Record<string, unknown>;
  return {
    color: typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : null,
    position: position === 'bottom-left' || position === 'bottom-right' ? position : null,
    launcherText: typeof launcherText === 'string' && launcherText.trim() ? launcherText.trim() : null,
  };
}

/**
 * The script tag a developer adds to the client's site: the site key, the caredesk server, and
 * the look as data attributes (so the launcher is drawn in its colour before anything loads).
 */
export function embedSnippet(request: { serverUrl: string; siteKey: string; look: WidgetLook }): string {
  const attribute = (name: string, value: string | null) => (value ? ` data-${name}="${escapeAttribute(value)}"` : '');
  const server = request.serverUrl.replace(/\/+$/, '');
  return (
    `<script src="${escapeAttribute(`${server}/widget.js`)}" data-site-key="${escapeAttribute(request.siteKey)}"` +
    `${attribute('color', request.look.color)}${attribute('position', request.look.position)}` +
    `${attribute('launcher-text', request.look.launcherText)} async></script>`
  );
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
