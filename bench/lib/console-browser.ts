import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Headless Chromium (Debian's) for the console benchmarks, with a fresh profile folder. */
export function launchBenchChromium(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
  });
}

/** A page signed in to the console as `who`, on the queue. */
export async function signedInConsole(
  context: BrowserContext,
  server: string,
  who: { email: string; password: string },
): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${server}/console`);
  await page.getByLabel('E-mail').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('table', { name: 'Queue' }).waitFor();
  return page;
}
