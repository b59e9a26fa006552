import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../db/database-url.ts';
import { migrate } from '../db/migrations/index.ts';
import { readMigrationFiles } from '../db/migrations/migration-files.ts';

/**
 * Fresh migrated databases for tests without running the migrator for each: the migrations
 * are the same for every test, so they are applied once to a template that each test copies.
 * SQLite: a template file per test process, copied. PostgreSQL: a template database named
 * after the migrations' checksums, made once per machine (kept between runs, replaced when a
 * migration changes), and a database per test created from it (`CREATE DATABASE … TEMPLATE`
 * takes tens of milliseconds where applying the migrations to a new schema takes most of a
 * second). The migrator itself is tested on its own (packages/schema/test/migrations.test.ts).
 */
let sqliteTemplate: Promise<string> | undefined;
let postgresTemplate: Promise<string> | undefined;

function sqliteTemplateFile(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'caredesk-template-')), 'template.db');
    await migrate({ provider: 'sqlite', file }); // closes the file: the write-ahead log is folded in
    return file;
  })();
  return sqliteTemplate;
}

const databaseUrl = (serverUrl: string, database: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  url.search = '';
  return url.toString();
};

async function withClient<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The template database's name, made if missing: migrated under a name of its own, then renamed
 * into place, so a concurrent test process never copies a template still being migrated.
 */
function postgresTemplateName(serverUrl: string): Promise<string> {
  postgresTemplate ??= (async () => {
    const digest = createHash('sha256');
    for (const file of readMigrationFiles('postgresql')) digest.update(`${file.name}:${file.checksum}\n`);
    const name = `caredesk_template_${digest.digest('hex').slice(0, 16)}`;
    const exists = async () =>
      withClient(
        serverUrl,
        async (client) => (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1,
      );
    if (await exists()) return name;
    const building = `${name}_${randomBytes(4).toString('hex')}`;
    await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${building}"`));
    await migrate({ provider: 'postgresql', url: databaseUrl(serverUrl, building), schema: 'public' });
    await withClient(serverUrl, async (client) => {
      try {
        await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      } catch (error) {
        // Another test process put its template in place first: the same migrations, so use that.
        if ((error as { code?: string }).code !== '42P04') throw error;
        await client.query(`DROP DATABASE "${building}" WITH (FORCE)`);
      }
    });
    return name;
  })();
  return postgresTemplate;
}

/** A new SQLite file with every migration applied, copied from the template. */
export async function migratedSqliteFile(file: string): Promise<void> {
  copyFileSync(await sqliteTemplateFile(), file);
}

/** A new PostgreSQL database with every migration applied (in `public`), and how to drop it. */
export async function migratedPostgresDatabase(
  serverUrl: string,
): Promise<{ target: DatabaseTarget; url: string; drop(): Promise<void> }> {
  const template = await postgresTemplateName(serverUrl);
  const name = `t_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = databaseUrl(serverUrl, name);
  return {
    target: { provider: 'postgresql', url, schema: 'public' },
    url,
    drop: () =>
      withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
