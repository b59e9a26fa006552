// Serves the example client site on its own origin, embedding the widget of a local caredesk.
//   pnpm start                                   # caredesk on http://localhost:4000, demo data
//   pnpm tsx examples/client-site/src/serve.ts   # the site on http://localhost:8080
// SITE_KEY (default: the first demo site's key from ./data/demo-credentials.json), CAREDESK_URL
// (http://localhost:4000) and PORT (8080) change the defaults.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const caredesk = process.env.CAREDESK_URL ?? 'http://localhost:4000';
const port = Number(process.env.PORT ?? 8080);
const credentials = join(process.cwd(), 'data', 'demo-credentials.json');
const siteKey =
  process.env.SITE_KEY ??
  (existsSync(credentials)
    ? (JSON.parse(readFileSync(credentials, 'utf8')) as { siteKeys: string[] }).siteKeys[0]
    : '');
if (!siteKey) {
  console.error('No site key: run `pnpm start` once (it seeds the demo) or set SITE_KEY.');
  process.exit(2);
}
const page = readFileSync(join(import.meta.dirname, '..', 'index.html'), 'utf8')
  .replace('CAREDESK_URL', caredesk)
  .replace('SITE_KEY', siteKey);

createServer((request, response) => {
  if (request.url === '/' || request.url === '/index.html') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  } else {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  }
}).listen(port, () => {
  console.log(`Client site on http://localhost:${port} embedding ${caredesk}/widget.js (site key ${siteKey})`);
  console.log(`The site must allow the origin http://localhost:${port}: see examples/client-site/README.md`);
});
