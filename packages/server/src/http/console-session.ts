import type { Db } from '@caredesk/schema/db';
import { type ErrorCode, errorMessage, localeFrom } from '@caredesk/schema/domain';
import type { EventBus } from '@caredesk/schema/graphql';
import {
  DomainError,
  hashSecret,
  type RateLimiter,
  signInStaff,
  signOut,
  tokenPrefixes,
} from '@caredesk/schema/services';
import {
  type ConsoleCookie,
  consoleSecretIn,
  csrfHeader,
  fromConsoleOrigin,
  setConsoleCookie,
} from '../auth/console-cookie.ts';
import type { Route } from './routes.ts';

/** An e-mail and a password fit in far less; a larger body is refused unread. */
const maxBodyBytes = 4096;

export interface ConsoleSessionDeps {
  db: Db;
  limiter: RateLimiter;
  events: EventBus;
  cookie: ConsoleCookie;
  publicUrl: string;
  now: () => Date;
  /** The client's address, as every per-address limit counts it. */
  addressOf: (request: Request, serverContext: unknown) => string;
}

const forbiddenMessage = {
  en: 'Sign in from the console itself.',
  ru: 'Входите из самой консоли.',
};

/**
 * `/console/session`: the console signs in (POST, e-mail and password, the same rules and
 * limits as `signInStaff`) and out (DELETE). The session's secret travels only in the HttpOnly
 * cookie, never in a body a script could read. Both answer only the console's own origin with
 * yoga's CSRF prevention header.
 */
export function consoleSessionRoute(deps: ConsoleSessionDeps): Route {
  return async (request, serverContext) => {
    const locale = localeFrom(request.headers.get('accept-language'), 'en');
    const refuse = (status: number, code: ErrorCode | 'FORBIDDEN', headers: Record<string, string> = {}) =>
      Response.json(
        { error: { code, message: code === 'FORBIDDEN' ? forbiddenMessage[locale] : errorMessage(code, locale) } },
        { status, headers: { 'cache-control': 'no-store', ...headers } },
      );
    const consoleRequest =
      request.headers.has(csrfHeader) &&
      fromConsoleOrigin(request.headers.get('origin'), request.headers.get('host'), deps.publicUrl);
    if (!consoleRequest) return refuse(403, 'FORBIDDEN');
    if (request.method === 'DELETE') return signOutOf(deps, request);
    if (request.method !== 'POST') return refuse(405, 'INVALID_INPUT', { allow: 'POST, DELETE' });

    const input = await readCredentials(request);
    if (!input) return refuse(400, 'INVALID_INPUT');
    const address = deps.addressOf(request, serverContext);
    try {
      await deps.limiter.consume('signInPerIp', address);
      const now = deps.now();
      const session = await signInStaff(deps.db, deps.limiter, { ...input, now, address });
      const staff = await deps.db.staffMember.findUniqueOrThrow({
        where: { id: session.staffId },
        select: { id: true, name: true, email: true, role: true },
      });
      const maxAge = (session.expiresAt.getTime() - now.getTime()) / 1000;
      return Response.json(
        { staff: { ...staff, id: Buffer.from(`StaffMember:${staff.id}`).toString('base64') } },
        {
          headers: {
            'set-cookie': setConsoleCookie(deps.cookie, session.token, maxAge),
            'cache-control': 'no-store',
          },
        },
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const retry = error.retryAfterSeconds;
      if (error.code === 'RATE_LIMITED')
        return refuse(429, 'RATE_LIMITED', retry ? { 'retry-after': String(Math.ceil(retry)) } : {});
      return refuse(error.code === 'INVALID_CREDENTIALS' ? 401 : 400, error.code as ErrorCode);
    }
  };
}

async function readCredentials(request: Request): Promise<{ email: string; password: string } | null> {
  if (!request.headers.get('content-type')?.startsWith('application/json')) return null;
  if (Number(request.headers.get('content-length') ?? 0) > maxBodyBytes) return null;
  const text = await request.text();
  if (text.length > maxBodyBytes) return null;
  try {
    const body = JSON.parse(text) as { email?: unknown; password?: unknown };
    if (typeof body.email !== 'string' || typeof body.password !== 'string') return null;
    return { email: body.email, password: body.password };
  } catch {
    return null;
  }
}

/** Ends the cookie's session (its open sockets end through the revocation bus) and clears it. */
async function signOutOf(deps: ConsoleSessionDeps, request: Request): Promise<Response> {
  const secret = consoleSecretIn(deps.cookie, request.headers.get('cookie'));
  if (secret?.startsWith(tokenPrefixes.session)) {
    const session = await deps.db.session.findUnique({
      where: { tokenHash: hashSecret(secret) },
      select: { id: true },
    });
    if (session) await signOut(deps.db, session.id, deps.now(), deps.events);
  }
  return new Response(null, {
    status: 204,
    headers: { 'set-cookie': setConsoleCookie(deps.cookie, null), 'cache-control': 'no-store' },
  });
}
