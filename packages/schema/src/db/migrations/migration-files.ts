import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Provider = 'sqlite' | 'postgresql';

export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 of migration.sql, as Prisma computes it, so `prisma migrate status` agrees. */
  checksum: string;
}

const prismaDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'prisma');

export function migrationsFolder(provider: Provider): string {
  return join(prismaDir, 'migrations', provider);
}

/** The provider's migrations in the order they apply (folder names sort by timestamp). */
export function readMigrationFiles(provider: Provider, folder = migrationsFolder(provider)): MigrationFile[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(folder, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}
