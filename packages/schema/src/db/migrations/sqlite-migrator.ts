import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { MigrationFile } from './migration-files.ts';
import type { AppliedMigration } from './migration-plan.ts';
import type { Migrator } from './migrator.ts';

const createTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** Migrates an SQLite file; WAL mode is switched on once here (it is stored in the file). */
export function sqliteMigrator(file: string): Migrator {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 10_000 });
  db.pragma('journal_mode = WAL');
  return {
    async appliedMigrations(): Promise<AppliedMigration[]> {
      db.exec(createTable);
      const rows = db
        .prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"')
        .all() as { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown }[];
      return rows.map((row) => ({
        name: row.migration_name,
        checksum: row.checksum,
        finished: row.finished_at !== null,
        rolledBack: row.rolled_back_at !== null,
      }));
    },
    async withLock(fn) {
      // SQLite serialises writers itself: apply() takes the write lock and re-checks.
      return fn();
    },
    async apply(migration: MigrationFile) {
      // Redefining a table drops it; with foreign keys on, that would cascade-delete the rows
      // that point at it. The pragma only takes effect outside a transaction, so switch it off
      // here, and check every key before committing instead.
      db.pragma('foreign_keys = OFF');
      db.exec('BEGIN IMMEDIATE');
      try {
        // Another process may have applied it while this one waited for the write lock.
        const done = db
          .prepare(
            'SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL',
          )
          .get(migration.name);
        if (done) {
          db.exec('ROLLBACK');
          return false;
        }
        db.exec(migration.sql);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`migration leaves ${broken.length} broken foreign keys`);
        db.prepare(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count")
           VALUES (?, ?, current_timestamp, ?, current_timestamp, 1)`,
        ).run(randomUUID(), migration.checksum, migration.name);
        db.exec('COMMIT');
        return true;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      } finally {
        db.pragma('foreign_keys = ON');
      }
    },
    async close() {
      db.close();
    },
  };
}
