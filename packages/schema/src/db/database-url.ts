import { isAbsolute, resolve } from 'node:path';

/** Where the data lives: an SQLite file (the embedded default) or a PostgreSQL schema. */
export type DatabaseTarget =
  | { provider: 'sqlite'; file: string }
  | { provider: 'postgresql'; url: string; schema: string };

export const defaultSqliteFile = './data/caredesk.db';

export class DatabaseUrlError extends Error {
  override name = 'DatabaseUrlError';
}

/**
 * Reads DATABASE_URL: unset → SQLite at ./data/caredesk.db; `file:` → that SQLite file
 * (relative to `cwd`); `postgres://` or `postgresql://` → PostgreSQL, with the schema
 * taken from `?schema=` as Prisma does (default `public`).
 */
export function parseDatabaseUrl(value: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const raw = value?.trim();
  if (!raw) return { provider: 'sqlite', file: resolve(cwd, defaultSqliteFile) };
  if (raw.startsWith('file:')) {
    const path =
      raw
        .slice('file:'.length)
        .replace(/^\/\/(?=\/)/, '')
        .split('?')[0] ?? '';
    if (!path) throw new DatabaseUrlError('DATABASE_URL "file:" needs a path, e.g. file:./data/caredesk.db');
    return { provider: 'sqlite', file: isAbsolute(path) ? path : resolve(cwd, path) };
  }
  if (/^postgres(ql)?:\/\//.test(raw)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new DatabaseUrlError(`DATABASE_URL is not a valid PostgreSQL URL: ${redactUrl(raw)}`);
    }
    const schema = url.searchParams.get('schema') || 'public';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
      throw new DatabaseUrlError(`DATABASE_URL ?schema= must be a plain identifier, got "${schema}"`);
    }
    url.searchParams.delete('schema');
    return { provider: 'postgresql', url: url.toString(), schema };
  }
  throw new DatabaseUrlError(
    `DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL), got "${redactUrl(raw)}"`,
  );
}

/** The URL without its password, for logs and `caredesk doctor`. */
export function redactUrl(raw: string): string {
  return raw.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

export function describeTarget(target: DatabaseTarget): string {
  return target.provider === 'sqlite'
    ? `SQLite file ${target.file}`
    : `PostgreSQL ${redactUrl(target.url)} (schema ${target.schema})`;
}
