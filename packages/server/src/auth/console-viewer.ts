import type { Db } from '@caredesk/schema/db';
import { anonymous, type Viewer } from '@caredesk/schema/graphql';
import { tokenPrefixes } from '@caredesk/schema/services';
import { viewerForToken } from './authenticate.ts';
import { bearerSecret } from './bearer.ts';
import { type CarriedCredentials, type ConsoleCookie, usableConsoleSecret } from './console-cookie.ts';
import type { ViewerCache } from './viewer-cache.ts';

/**
 * The caller of a request: its bearer secret as before, else the console's cookie when the
 * request may use it (see console-cookie.ts). The cookie only ever carries a staff session:
 * anything else in it (a contact's session, an API token) counts as anonymous.
 */
export function consoleViewer(deps: {
  db: Db;
  cookie: ConsoleCookie;
  publicUrl: string;
  now: () => Date;
  cache: ViewerCache;
}) {
  // Tokens and sessions go through the cache; a ticket's token depends on the caller's origin: read each time.
  const resolve = (secret: string, origin: string | null) =>
    secret.startsWith(tokenPrefixes.ticket)
      ? viewerForToken(deps.db, secret, deps.now(), origin)
      : deps.cache.viewer(secret, () => viewerForToken(deps.db, secret, deps.now(), origin));
  return async (carried: CarriedCredentials, origin: string | null): Promise<Viewer> => {
    const bearer = bearerSecret(carried.authorization);
    if (bearer) return resolve(bearer, origin);
    const secret = usableConsoleSecret(deps.cookie, carried, deps.publicUrl);
    if (!secret?.startsWith(tokenPrefixes.session)) return anonymous;
    const viewer = await resolve(secret, origin);
    return viewer.kind === 'staff' ? viewer : anonymous;
  };
}
