import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Route } from './routes.ts';

const widgetDist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'widget', 'dist');

/** The built widget loader, read once; null when the widget was not built. */
export function loadWidgetScript(dir = widgetDist): Buffer | null {
  const path = join(dir, 'widget.js');
  return existsSync(path) ? readFileSync(path) : null;
}

type Asset = { body: Uint8Array<ArrayBuffer>; etag: string };

const asset = (body: Buffer): Asset => ({
  body: new Uint8Array(body),
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
});

function serve(found: Asset | undefined, request: Request, cacheControl: string): Response {
  if (!found) return new Response('// not found: rebuild the widget with pnpm install', { status: 404 });
  const headers = {
    'content-type': 'text/javascript; charset=utf-8',
    'cache-control': cacheControl,
    etag: found.etag,
    // The lazy parts are ES modules, fetched in CORS mode from the client sites' pages.
    'access-control-allow-origin': '*',
    'x-content-type-options': 'nosniff',
  };
  if (request.headers.get('if-none-match') === found.etag) return new Response(null, { status: 304, headers });
  return new Response(found.body, { headers });
}

/**
 * The widget's files: `/widget.js`, the loader sites embed, cached briefly and revalidated by
 * ETag so a release reaches every site within minutes; `/widget/<name>-<hash>.js`, the parts
 * it imports, named by their content and so cached for a year as immutable.
 */
export function widgetAssets(dir = widgetDist): { script: Route; part: Route } {
  const loader = loadWidgetScript(dir);
  const script = loader ? asset(loader) : undefined;
  const parts = new Map<string, Asset>();
  const partsDir = join(dir, 'widget');
  if (existsSync(partsDir))
    for (const name of readdirSync(partsDir)) parts.set(name, asset(readFileSync(join(partsDir, name))));
  return {
    script: (request) => serve(script, request, 'public, max-age=300, must-revalidate'),
    part: (request) =>
      serve(
        parts.get(new URL(request.url).pathname.slice('/widget/'.length)),
        request,
        'public, max-age=31536000, immutable',
      ),
  };
}
