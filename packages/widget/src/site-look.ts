import type { Launcher } from './launcher.ts';

const attributes = [
  ['color', 'color'],
  ['position', 'position'],
  ['launcherText', 'launcher-text'],
] as const;

/**
 * Applies the look the studio set for the site in the console (`GET /widget/look`): it wins over
 * the script tag's data attributes, so a change reaches the site without pasting the tag again.
 * What the studio left unset keeps the tag's value; a failed read changes nothing.
 */
export async function applySiteLook(element: HTMLElement, launcher: Launcher, server: string, key: string) {
  try {
    const response = await fetch(`${server}/widget/look?key=${encodeURIComponent(key)}`, { credentials: 'omit' });
    if (!response.ok) return;
    const look = (await response.json()) as Record<string, unknown>;
    for (const [field, attribute] of attributes) {
      const value = look[field];
      if (typeof value === 'string' && value) element.setAttribute(attribute, value);
    }
    launcher.set({});
  } catch {
    // The tag's own look stays.
  }
}
