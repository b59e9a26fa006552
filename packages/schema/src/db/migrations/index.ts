import type { DatabaseTarget } from '../database-url.ts';
import { readMigrationFiles } from './migration-files.ts';
import { type MigrationStatus, planMigrations } from './migration-plan.ts';
import type { Migrator } from './migrator.ts';
import { postgresMigrator } from './postgres-migrator.ts';
import { sqliteMigrator } from './sqlite-migrator.ts';

export { migrationsFolder, readMigrationFiles } from './migration-files.ts';
export type { MigrationStatus } from './migration-plan.ts';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

function openMigrator(target: DatabaseTarget): Migrator {
  return target.provider === 'sqlite' ? sqliteMigrator(target.file) : postgresMigrator(target.url, target.schema);
}

/** What is applied and what is pending, without changing anything but creating `_prisma_migrations`. */
export async function migrationStatus(target: DatabaseTarget): Promise<MigrationStatus> {
  const migrator = openMigrator(target);
  try {
    return planMigrations(readMigrationFiles(target.provider), await migrator.appliedMigrations());
  } finally {
    await migrator.close();
  }
}

/**
 * Applies the pending migrations in order, each in its own transaction, under a lock so
 * that instances starting together migrate once. Returns the names applied now.
 */
export async function migrate(target: DatabaseTarget): Promise<string[]> {
  const migrator = openMigrator(target);
  try {
    return await migrator.withLock(async () => {
      const files = readMigrationFiles(target.provider);
      const status = planMigrations(files, await migrator.appliedMigrations());
      if (status.failed.length > 0) {
        throw new MigrationError(
          `migration ${status.failed.join(', ')} started and never finished; repair the database, then mark it rolled back in _prisma_migrations`,
        );
      }
      const applied: string[] = [];
      for (const file of files.filter((f) => status.pending.includes(f.name))) {
        try {
          if (await migrator.apply(file)) applied.push(file.name);
        } catch (error) {
          throw new MigrationError(`migration ${file.name} failed: ${(error as Error).message}`);
        }
      }
      return applied;
    });
  } finally {
    await migrator.close();
  }
}
