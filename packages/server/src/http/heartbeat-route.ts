import type { Db } from '@caredesk/schema/db';
import type { EventBus } from '@caredesk/schema/graphql';
import { recordHeartbeat } from '@caredesk/schema/services';

export const heartbeatPath = '/heartbeat/';

/**
 * The URL a cron job or backup calls when it has run: GET or POST /heartbeat/<secret>.
 * 200 when counted, 404 for an unknown secret or a paused monitor.
 */
export function heartbeatRoute(db: Db, events: EventBus, now: () => Date) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'POST' && request.method !== 'HEAD')
      return new Response('method not allowed', { status: 405 });
    const secret = new URL(request.url).pathname.slice(heartbeatPath.length);
    if (!/^hb_[\w-]{10,200}$/.test(secret)) return new Response('not found', { status: 404 });
    const counted = await recordHeartbeat(db, events, secret, now());
    return new Response(counted ? 'ok' : 'not found', { status: counted ? 200 : 404 });
  };
}
