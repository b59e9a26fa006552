/**
 * The staff console's session cookie. It holds a staff session's secret, is HttpOnly and
 * SameSite=Strict (Secure and `__Host-` prefixed when caredesk is served over https), and is
 * accepted only from the console's own origin:
 * - over HTTP, only together with yoga's CSRF prevention header (`x-graphql-yoga-csrf`), which
 *   a cross-site form cannot send and a cross-site script cannot send without a preflight;
 * - over WebSocket (where browsers cannot add headers), only when the upgrade's Origin is the
 *   server's own.
 * API tokens and sessions sent as `Authorization: Bearer …` work as before and take precedence.
 */

export const csrfHeader = 'x-graphql-yoga-csrf';

export interface ConsoleCookie {
  name: string;
  secure: boolean;
}

/** The cookie's name and attributes for a server reached at `publicUrl`. */
export function consoleCookie(publicUrl: string): ConsoleCookie {
  const secure = new URL(publicUrl).protocol === 'https:';
  return { name: secure ? '__Host-caredesk_console' : 'caredesk_console', secure };
}

/** `Set-Cookie` for a new session of `maxAgeSeconds`, or (null) one that clears it. */
export function setConsoleCookie(cookie: ConsoleCookie, secret: string | null, maxAgeSeconds = 0): string {
  const value = secret ?? '';
  const age = secret ? Math.max(0, Math.floor(maxAgeSeconds)) : 0;
  return [
    `${cookie.name}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${age}`,
    ...(cookie.secure ? ['Secure'] : []),
  ].join('; ');
}

/** The console session's secret in a `Cookie` header, if any. */
export function consoleSecretIn(cookie: ConsoleCookie, header: string | null | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === cookie.name) return part.slice(at + 1).trim() || null;
  }
  return null;
}

/**
 * Whether a browser request comes from the console's own origin: its Origin is caredesk's
 * public address, or names the very host the request was sent to (the server reached by
 * another name, e.g. 127.0.0.1 instead of localhost).
 */
export function fromConsoleOrigin(
  origin: string | null | undefined,
  host: string | null | undefined,
  publicUrl: string,
): boolean {
  if (!origin || origin === 'null') return false;
  if (origin === new URL(publicUrl).origin) return true;
  try {
    return !!host && new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

/** What a request carries to identify the caller, as the HTTP and WebSocket paths see it. */
export interface CarriedCredentials {
  authorization?: string | null | undefined;
  cookie?: string | null | undefined;
  origin?: string | null | undefined;
  host?: string | null | undefined;
  /** HTTP: the CSRF prevention header is present. WebSocket: always true (the Origin check is the guard). */
  csrfProof: boolean;
}

/**
 * The console cookie's secret when this request may use it (no Authorization header, from the
 * console's origin, with the CSRF proof), else null.
 */
export function usableConsoleSecret(
  cookie: ConsoleCookie,
  carried: CarriedCredentials,
  publicUrl: string,
): string | null {
  if (carried.authorization || !carried.csrfProof) return null;
  const secret = consoleSecretIn(cookie, carried.cookie);
  if (!secret || !fromConsoleOrigin(carried.origin, carried.host, publicUrl)) return null;
  return secret;
}
