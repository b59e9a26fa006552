import type { Db } from '@caredesk/schema/db';
import { anonymous, type Viewer } from '@caredesk/schema/graphql';
import { tokenPrefixes } from '@caredesk/schema/services';
import { viewerForToken } from './authenticate.ts';
import { bearerSecret } from './bearer.ts';
import { type CarriedCredentials, type ConsoleCookie, usableConsoleSecret } from './console-cookie.ts';

/**
 * The caller of a request: its bearer secret as before, else the console's cookie when the
 * request may use it (see console-cookie.ts). The cookie only ever carries a staff session:
 * anything else in it (a contact's session, an API token) counts as anonymous.
 */
export function consoleViewer(deps: { db: Db; cookie: ConsoleCookie; publicUrl: string; now: () => Date }) {
  return async (carried: CarriedCredentials, origin: string | null): Promise<Viewer> => {
    const bearer = bearerSecret(carried.authorization);
    if (bearer) return viewerForToken(deps.db, bearer, deps.now(), origin);
    const secret = usableConsoleSecret(deps.cookie, carried, deps.publicUrl);
    if (!secret?.startsWith(tokenPrefixes.session)) return anonymous;
    const viewer = await viewerForToken(deps.db, secret, deps.now(), origin);
    return viewer.kind === 'staff' ? viewer : anonymous;
  };
}
