import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Route } from './routes.ts';

const consoleDist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'console', 'dist');

const types: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The console's page: scripts and styles only from this server, sockets and fetches only to
 * it, never framed (clickjacking), no referrer leaving it.
 */
const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

type Asset = { body: Uint8Array<ArrayBuffer>; etag: string; type: string };

const asset = (body: Buffer, type: string): Asset => ({
  body: new Uint8Array(body),
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  type,
});

/**
 * The staff console, built by `pnpm install` into packages/console/dist: `/console` (its page,
 * revalidated on every load so a release shows at once) and `/console/assets/<name>-<hash>.*`
 * (named by content, cached for a year as immutable).
 */
export function consoleAssets(dir = consoleDist): { page: Route; asset: Route } {
  const indexFile = join(dir, 'index.html');
  const index = existsSync(indexFile) ? asset(readFileSync(indexFile), pageHeaders['content-type']) : undefined;
  const assets = new Map<string, Asset>();
  const assetsDir = join(dir, 'assets');
  if (existsSync(assetsDir))
    for (const name of readdirSync(assetsDir))
      assets.set(name, asset(readFileSync(join(assetsDir, name)), types[extname(name)] ?? 'application/octet-stream'));
  return {
    page: (request) => {
      if (!index)
        return new Response('The console is not built: run pnpm install (or pnpm --filter @caredesk/console build).', {
          status: 404,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        });
      const headers = { ...pageHeaders, etag: index.etag };
      if (request.headers.get('if-none-match') === index.etag) return new Response(null, { status: 304, headers });
      return new Response(index.body, { headers });
    },
    asset: (request) => {
      const found = assets.get(new URL(request.url).pathname.slice('/console/assets/'.length));
      if (!found) return new Response('not found', { status: 404 });
      const headers = {
        'content-type': found.type,
        'cache-control': 'public, max-age=31536000, immutable',
        etag: found.etag,
        'x-content-type-options': 'nosniff',
      };
      if (request.headers.get('if-none-match') === found.etag) return new Response(null, { status: 304, headers });
      return new Response(found.body, { headers });
    },
  };
}
