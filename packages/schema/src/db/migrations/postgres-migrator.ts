import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { MigrationFile } from './migration-files.ts';
import type { AppliedMigration } from './migration-plan.ts';
import type { Migrator } from './migrator.ts';

const createTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// The advisory lock key Prisma's own migrate uses, so both never run at once.
const lockKey = 72707369;

/** Migrates one schema of a PostgreSQL database (created if missing). */
export function postgresMigrator(url: string, schema: string): Migrator {
  const client = new pg.Client({ connectionString: url });
  const quoted = `"${schema.replaceAll('"', '""')}"`;
  let connected: Promise<void> | undefined;
  const ready = () => {
    connected ??= (async () => {
      await client.connect();
      // Two instances may create the schema at the same moment; the loser's error is harmless.
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`).catch((error: { code?: string }) => {
        if (error.code !== '23505' && error.code !== '42P06') throw error;
      });
      await client.query(`SET search_path TO ${quoted}`);
    })();
    return connected;
  };
  return {
    async appliedMigrations(): Promise<AppliedMigration[]> {
      await ready();
      await client.query(createTable);
      const { rows } = await client.query(
        'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
      );
      return rows.map((row) => ({
        name: row.migration_name,
        checksum: row.checksum,
        finished: row.finished_at !== null,
        rolledBack: row.rolled_back_at !== null,
      }));
    },
    async withLock(fn) {
      await ready();
      await client.query('SELECT pg_advisory_lock($1)', [lockKey]);
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [lockKey]);
      }
    },
    async apply(migration: MigrationFile) {
      await ready();
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count")
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query('COMMIT');
        return true;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    async close() {
      if (connected) await client.end();
    },
  };
}
