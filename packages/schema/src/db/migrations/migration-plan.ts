import type { MigrationFile } from './migration-files.ts';

/** A row of `_prisma_migrations` as the runner needs it. */
export interface AppliedMigration {
  name: string;
  checksum: string;
  finished: boolean;
  rolledBack: boolean;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied, but the file changed since: a mistake to fix by hand, never re-run. */
  modified: string[];
  /** Started and never finished (a crash mid-migration): needs a look before anything else runs. */
  failed: string[];
  /** In the database but not among the files: the database is newer than this code. */
  unknown: string[];
  upToDate: boolean;
}

/** Compares the migration files with what the database recorded. Pure. */
export function planMigrations(files: MigrationFile[], rows: AppliedMigration[]): MigrationStatus {
  const live = rows.filter((row) => !row.rolledBack);
  const byName = new Map(live.map((row) => [row.name, row]));
  const fileNames = new Set(files.map((file) => file.name));
  const applied: string[] = [];
  const pending: string[] = [];
  const modified: string[] = [];
  const failed: string[] = [];
  for (const file of files) {
    const row = byName.get(file.name);
    if (!row) pending.push(file.name);
    else if (!row.finished) failed.push(file.name);
    else {
      applied.push(file.name);
      if (row.checksum !== file.checksum) modified.push(file.name);
    }
  }
  const unknown = live.filter((row) => !fileNames.has(row.name)).map((row) => row.name);
  return {
    applied,
    pending,
    modified,
    failed,
    unknown,
    upToDate: pending.length === 0 && failed.length === 0,
  };
}
