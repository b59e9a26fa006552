import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDb, type Db, type DbOptions } from '../db/client.ts';
import type { DatabaseTarget } from '../db/database-url.ts';
import { migratedPostgresDatabase, migratedSqliteFile } from './migrated-template.ts';

/** The PostgreSQL server the tests use; each test gets a schema of its own there. */
export const testPostgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export type Provider = DatabaseTarget['provider'];

export interface TestDatabase {
  target: DatabaseTarget;
  /** The DATABASE_URL that reaches this database (for CLI tests). */
  url: string;
  db: Db;
  drop(): Promise<void>;
}

let postgresProbe: Promise<string | null> | undefined;

/** Null when PostgreSQL answers, else why not. Asked once per test process. */
export function postgresUnavailable(): Promise<string | null> {
  postgresProbe ??= (async () => {
    const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return null;
    } catch (error) {
      return `${(error as Error).message} (${testPostgresUrl})`;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return postgresProbe;
}

/** An empty database: a new SQLite file, or a new schema in the test PostgreSQL database. */
export function emptyTarget(provider: Provider): { target: DatabaseTarget; url: string; cleanUp(): Promise<void> } {
  const name = `t_${randomBytes(6).toString('hex')}`;
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'caredesk-test-'));
    const file = join(dir, `${name}.db`);
    return {
      target: { provider, file },
      url: `file:${file}`,
      cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = new URL(testPostgresUrl);
  url.searchParams.set('schema', name);
  return {
    target: { provider, url: testPostgresUrl, schema: name },
    url: url.toString(),
    cleanUp: async () => {
      const client = new pg.Client({ connectionString: testPostgresUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
      await client.end();
    },
  };
}

/**
 * A fresh database with every migration applied (copied from a migrated template, see
 * migrated-template.ts), or an empty one with `migrated: false`.
 */
export async function createTestDatabase(
  provider: Provider,
  options: { migrated?: boolean } & DbOptions = {},
): Promise<TestDatabase> {
  let made: { target: DatabaseTarget; url: string; cleanUp(): Promise<void> };
  if (options.migrated === false) made = emptyTarget(provider);
  else if (provider === 'sqlite') {
    made = emptyTarget(provider);
    await migratedSqliteFile((made.target as { file: string }).file);
  } else {
    const database = await migratedPostgresDatabase(testPostgresUrl);
    made = { target: database.target, url: database.url, cleanUp: database.drop };
  }
  const db = createDb(made.target, options);
  return {
    target: made.target,
    url: made.url,
    db,
    drop: async () => {
      await db.$disconnect();
      await made.cleanUp();
    },
  };
}
