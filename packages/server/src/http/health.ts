import type { DatabaseTarget, Db } from '@caredesk/schema/db';
import { readMigrationFiles } from '@caredesk/schema/db';

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  migrations: 'ok' | 'pending' | 'unknown';
  pending?: string[];
  error?: string;
}

/** Ready means: the database answers and every migration this code ships is applied. */
export function readinessCheck(db: Db, target: DatabaseTarget): () => Promise<Readiness> {
  const expected = readMigrationFiles(target.provider).map((file) => file.name);
  const table = target.provider === 'postgresql' ? `"${target.schema}"."_prisma_migrations"` : '"_prisma_migrations"';
  return async () => {
    try {
      await db.$queryRawUnsafe('SELECT 1');
    } catch (error) {
      return { ready: false, database: 'unreachable', migrations: 'unknown', error: (error as Error).message };
    }
    try {
      const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
        `SELECT migration_name FROM ${table} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      const applied = new Set(rows.map((row) => row.migration_name));
      const pending = expected.filter((name) => !applied.has(name));
      return pending.length === 0
        ? { ready: true, database: 'ok', migrations: 'ok' }
        : { ready: false, database: 'ok', migrations: 'pending', pending };
    } catch {
      return { ready: false, database: 'ok', migrations: 'pending', pending: expected };
    }
  };
}
