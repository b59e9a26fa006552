import type { MigrationFile } from './migration-files.ts';
import type { AppliedMigration } from './migration-plan.ts';

/** What the runner needs of a database; one adapter per provider. */
export interface Migrator {
  /** Creates `_prisma_migrations` if needed and returns its rows. */
  appliedMigrations(): Promise<AppliedMigration[]>;
  /** Runs `fn` while holding a lock that other instances migrating the same database wait on. */
  withLock<T>(fn: () => Promise<T>): Promise<T>;
  /** Applies one migration and records it, in one transaction; false if it was already applied. */
  apply(migration: MigrationFile): Promise<boolean>;
  close(): Promise<void>;
}

export const migrationsTableColumns =
  '"id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count"';
