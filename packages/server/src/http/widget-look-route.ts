import { createHash } from 'node:crypto';
import type { Db } from '@caredesk/schema/db';
import { widgetLookOf } from '@caredesk/schema/domain';

const headers = {
  'content-type': 'application/json; charset=utf-8',
  // Any client site may read its look; browsers ask again each time (a 304 while it holds), so a
  // change made in the console shows on the next page.
  'access-control-allow-origin': '*',
  'cache-control': 'no-cache',
};

/**
 * `GET /widget/look?key=<site key>`: the look the studio set for a site in the console (colour,
 * corner, launcher words), read by the widget's loader on every page, so that a change reaches
 * the site without pasting the script tag again. Public, like the site key; one indexed read.
 */
export function widgetLookRoute(db: Db) {
  return async (request: Request): Promise<Response> => {
    const key = new URL(request.url).searchParams.get('key') ?? '';
    if (!/^[\w-]{1,100}$/.test(key)) return new Response('{}', { status: 404, headers });
    const site = await db.site.findUnique({ where: { publicKey: key }, select: { widgetSettings: true } });
    if (!site) return new Response('{}', { status: 404, headers });
    const body = JSON.stringify(widgetLookOf(site.widgetSettings));
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    if (request.headers.get('if-none-match') === etag)
      return new Response(null, { status: 304, headers: { ...headers, etag } });
    return new Response(body, { headers: { ...headers, etag } });
  };
}
