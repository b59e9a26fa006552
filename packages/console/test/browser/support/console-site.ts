import type { Db } from '@caredesk/schema/db';
import type { Page } from 'playwright-core';
import { type DemoCredentials, seedDemo } from '../../../../server/src/seed/demo.ts';
import { freePort } from '../../../../server/test/support/local-processes.ts';
import { createTestApp, type TestApp } from '../../../../server/test/support/test-app.ts';
import { type Chromium, launchChromium } from '../../../../widget/test/browser/support/chromium.ts';

/** A real server on a free port with the demo studio, and a Chromium to drive its console. */
export interface ConsoleSite {
  t: TestApp;
  demo: DemoCredentials;
  browser: Chromium;
  /** The server's origin, e.g. http://127.0.0.1:40123. */
  server: string;
  /** The demo's first-line specialist. */
  line1(): { email: string; password: string; token: string };
  /** A new page, signed out first (a session cookie would outlive a page), then signed in as line 1. */
  signIn(): Promise<Page>;
  /** The same as a demo staff member of another role. */
  signInAs(role: string): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the site; `prepare` adds fixture data to the seeded database before the server starts. */
export async function startConsoleSite(
  prepare?: (db: Db) => Promise<void>,
  env: Record<string, string> = {},
): Promise<ConsoleSite> {
  const port = await freePort();
  const server = `http://127.0.0.1:${port}`;
  const t = await createTestApp('sqlite', { env: { PORT: String(port), PUBLIC_URL: server, ...env } });
  const demo = (await seedDemo(t.database.db, { publicUrl: server })) as DemoCredentials;
  await prepare?.(t.database.db);
  await t.app.start();
  const browser = await launchChromium({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const line1 = () => demo.staff.find((s) => s.role === 'LINE1') ?? { email: '', password: '', token: '' };
  const signInAs = async (who: { email: string; password: string }) => {
    await browser.context.clearCookies();
    const page = await browser.context.newPage();
    page.setDefaultTimeout(8000);
    await page.goto(`${server}/console`);
    await page.getByLabel('E-mail').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('table', { name: 'Queue' }).waitFor();
    return page;
  };
  return {
    t,
    demo,
    browser,
    server,
    line1,
    signIn: () => signInAs(line1()),
    signInAs: (role) => signInAs(demo.staff.find((s) => s.role === role) ?? { email: '', password: '' }),
    async close() {
      await browser.close();
      await t.close();
    },
  };
}
