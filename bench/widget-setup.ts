import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrate } from '@caredesk/schema/db';
import { buildApp, loadConfig } from '@caredesk/server';
import pino from 'pino';
import { type BrowserContext, chromium } from 'playwright-core';
import { emptyTarget } from '../packages/schema/src/testing/test-databases.ts';
import { seedDemo } from '../packages/server/src/seed/demo.ts';

/** The widget benchmarks' world: caredesk, a client site serving one page, headless Chromium. */
export interface WidgetBench {
  server: string;
  site: string;
  siteKey: string;
  context: BrowserContext;
  close(): Promise<void>;
}

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

/** Starts everything; `html(server, siteKey)` is the client page served at `/`. */
export async function startWidgetBench(html: (server: string, siteKey: string) => string): Promise<WidgetBench> {
  let page = '';
  const siteServer = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  });
  const site = `http://127.0.0.1:${await listen(siteServer)}`;
  const { target, url, cleanUp } = emptyTarget('sqlite');
  await migrate(target);
  const db = createDb(target);
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: url });
  const app = buildApp(config, { db, logger: pino({ level: 'silent' }) });
  const demo = await seedDemo(db, { publicUrl: site });
  const siteKey = demo?.siteKeys[0] ?? '';
  const { port } = await app.start();
  const server = `http://127.0.0.1:${port}`;
  page = html(server, siteKey);
  const profile = mkdtempSync(join(tmpdir(), 'caredesk-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    viewport: { width: 1280, height: 800 },
  });
  return {
    server,
    site,
    siteKey,
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      await app.stop();
      await new Promise((resolve) => siteServer.close(resolve));
      cleanUp();
    },
  };
}

/** A shop-like page body of `cards` product cards (about 8 elements each). */
export function cardsPage(cards: number): string {
  const card = (i: number) =>
    `<article class="card" style="--h:${(i * 37) % 360}"><h2>Bouquet ${i}</h2><p>Fresh flowers, <b>${i * 10} ₽</b></p><ul><li>roses</li><li>tulips</li></ul><button>Add</button></article>`;
  return `<style>body{font:15px/1.4 system-ui;margin:0}.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:8px;padding:8px}
.card{border:1px solid hsl(var(--h) 40% 70%);background:hsl(var(--h) 60% 96%);border-radius:8px;padding:8px}.card h2{font-size:16px;margin:0}</style>
<main class="grid">${Array.from({ length: cards }, (_, i) => card(i)).join('')}</main>`;
}

/** The 250-card shop page (about 2,000 elements) with the widget's script tag. */
export const shopWithWidget = (server: string, siteKey: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title></head><body>${cardsPage(250)}
<script src="${server}/widget.js" data-site-key="${siteKey}" async></script></body></html>`;
