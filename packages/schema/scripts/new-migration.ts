// Writes a new migration for each provider: the difference between the model as it was at
// the last migration (prisma/migrations/last-migrated.prisma) and the model now. No database
// is needed. Usage: pnpm migration:new add_ticket_tags
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPrisma } from './prisma-cli.ts';
import { migrationsDir, modelPath, providers, writeSchemaFor } from './provider-schemas.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: pnpm migration:new <name in snake_case>');
  process.exit(2);
}
const snapshotPath = join(migrationsDir('sqlite'), '..', 'last-migrated.prisma');
const model = readFileSync(modelPath, 'utf8');
const previous = existsSync(snapshotPath) ? readFileSync(snapshotPath, 'utf8') : undefined;
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);

let wrote = false;
for (const provider of providers) {
  const to = writeSchemaFor(provider, model, 'next', 'migrate');
  const from =
    previous === undefined
      ? ['--from-empty']
      : ['--from-schema-datamodel', writeSchemaFor(provider, previous, 'previous', 'migrate')];
  const sql = runPrisma('migrate', ['migrate', 'diff', ...from, '--to-schema-datamodel', to, '--script'], {
    capture: true,
    provider,
    scratch: true,
  });
  if (/^-- This is an empty migration\.\s*$/.test(sql.trim()) || sql.trim() === '') {
    console.log(`${provider}: the model has not changed since the last migration`);
    continue;
  }
  const dir = join(migrationsDir(provider), `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration.sql'), sql);
  writeFileSync(join(migrationsDir(provider), 'migration_lock.toml'), `provider = "${provider}"\n`);
  console.log(`${provider}: wrote ${dir}/migration.sql`);
  wrote = true;
}
if (wrote) writeFileSync(snapshotPath, model);
