import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PostgresClient } from '../generated/postgresql/client.ts';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client.ts';
import type { DatabaseTarget } from './database-url.ts';
import { serializeSqlite } from './sqlite-one-connection.ts';

/**
 * The Prisma client the rest of the code uses. Both providers are generated from one
 * model, so the SQLite client's type describes either (SQLite is the narrower API).
 */
export type Db = SqliteClient;

export interface DbOptions {
  /** Log every query through this callback (tests count queries with it). */
  onQuery?: (event: { query: string; durationMs: number }) => void;
  /** PostgreSQL: connections in the pool (default 10). */
  poolSize?: number;
  /** PostgreSQL: how long a query waits for a free connection before failing (ms; default 5000). */
  connectTimeoutMs?: number;
  /** How long a transaction waits to start (a free connection, the SQLite lock) before failing (ms; default 2000). */
  transactionWaitMs?: number;
  /** The longest a transaction may stay open (ms; default 5000). */
  transactionTimeoutMs?: number;
  /** SQLite: called when a statement waits behind another request's open transaction (tests). */
  onWaitForTransaction?: () => void;
}

const postgresSchemas = new WeakMap<Db, string>();

/**
 * The PostgreSQL schema a client works in, or null on SQLite. Prisma's queries name it
 * themselves; raw SQL has to (see services/search-articles.ts).
 */
export function postgresSchemaOf(db: Db): string | null {
  return postgresSchemas.get(db) ?? null;
}

export function createDb(target: DatabaseTarget, options: DbOptions = {}): Db {
  const log = options.onQuery ? [{ emit: 'event' as const, level: 'query' as const }] : [];
  const transactionOptions = {
    maxWait: options.transactionWaitMs ?? 2_000,
    timeout: options.transactionTimeoutMs ?? 5_000,
  };
  // "minimal": Prisma otherwise captures a stack trace at every call to point its error messages
  // at the caller (a tenth of the client's own time on a short request); the code is enough here.
  const errorFormat = 'minimal' as const;
  let client: Db;
  if (target.provider === 'sqlite') {
    mkdirSync(dirname(target.file), { recursive: true });
    const adapter = serializeSqlite(
      new PrismaBetterSqlite3({ url: `file:${target.file}`, timeout: 5000 }),
      options.onWaitForTransaction,
      transactionOptions.maxWait,
    );
    client = new SqliteClient({ adapter, log, transactionOptions, errorFormat });
  } else {
    const adapter = new PrismaPg(
      {
        connectionString: target.url,
        max: options.poolSize ?? 10,
        connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      },
      { schema: target.schema },
    );
    client = new PostgresClient({ adapter, log, transactionOptions, errorFormat }) as unknown as Db;
    postgresSchemas.set(client, target.schema);
  }
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (client as unknown as { $on(e: 'query', cb: (e: { query: string; duration: number }) => void): void }).$on(
      'query',
      (e) => onQuery({ query: e.query, durationMs: Number(e.duration) }),
    );
  }
  return client;
}
