import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';

/** How long a client is told to wait before it sends an overloaded request again. */
export const busyRetryAfterSeconds = 1;

/** Prisma's codes for "no connection or transaction in the time allowed". */
const overloadCodes = new Set(['P2024', 'P2028', 'P1017']);

/**
 * Whether an error says the database had no room for the request in the time allowed: no free
 * connection in the pool, a transaction that could not start (or was closed for overrunning its
 * time), SQLite busy. Such a request changed nothing and may be sent again as it was.
 */
export function isOverload(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (overloadCodes.has(code) || code === 'SQLITE_BUSY')) return true;
    if (
      typeof message === 'string' &&
      /Unable to start a transaction in the given time|Transaction already closed|timeout exceeded when trying to connect|Connection terminated due to connection timeout|Timed out fetching a new connection|database is locked/i.test(
        message,
      )
    )
      return true;
    e = (e as { originalError?: unknown; cause?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Yoga's error masking, except that an overload becomes a typed, retryable error: `BUSY` with
 * `retryAfterSeconds`, in both languages, instead of "Unexpected error".
 */
export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  if (!isOverload(error)) return yogaMaskError(error, message, isDev);
  return busyError(error instanceof GraphQLError ? error.path : undefined);
}

/** `BUSY`: nothing was done, send the same request again in {@link busyRetryAfterSeconds}. */
export function busyError(path?: GraphQLError['path']): GraphQLError {
  return new GraphQLError(
    'The server is busy: send it again in a second. / Сервер занят: отправьте ещё раз через секунду.',
    { path, extensions: { code: 'BUSY', retryAfterSeconds: busyRetryAfterSeconds } },
  );
}
