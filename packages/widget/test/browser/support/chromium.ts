import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { describe } from 'vitest';

/** Debian's chromium (never a browser downloaded by Playwright); CHROMIUM_PATH overrides. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = existsSync(chromiumPath) ? null : `no chromium at ${chromiumPath} (apt-get install chromium)`;
if (missing && process.env.CI) throw new Error(`Chromium is required when CI is set: ${missing}`);

/** A suite that needs Chromium: skipped with the reason in its name when there is none (never under CI). */
export function describeInChromium(name: string, suite: () => void): void {
  describe.skipIf(Boolean(missing))(missing ? `${name} (skipped: ${missing})` : name, suite);
}

const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** One headless Chromium with a fresh profile in a temporary folder. */
export async function launchChromium(
  /** `bypassCSP`: let the tests add axe-core to pages whose policy allows only their own scripts (the console). */
  options: { viewport?: { width: number; height: number }; bypassCSP?: boolean; timezoneId?: string } = {},
): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'caredesk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    bypassCSP: options.bypassCSP ?? false,
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
