import { afterEach, describe, expect, it } from 'vitest';
import { runPrisma } from '../scripts/prisma-cli.ts';
import { writeSchemaFor } from '../scripts/provider-schemas.ts';
import { createDb } from '../src/db/client.ts';
import { migrate, migrationStatus, readMigrationFiles } from '../src/db/migrations/index.ts';
import { postgresMigrator } from '../src/db/migrations/postgres-migrator.ts';
import { sqliteMigrator } from '../src/db/migrations/sqlite-migrator.ts';
import { describeEachDatabase, emptyTarget, type Provider } from '../src/testing/index.ts';
import { describeCatalog } from './support/catalog.ts';

function migratorFor(target: ReturnType<typeof emptyTarget>['target']) {
  return target.provider === 'sqlite' ? sqliteMigrator(target.file) : postgresMigrator(target.url, target.schema);
}

/** The SQL that creates the whole model at once, straight from schema.prisma. */
function modelSql(provider: Provider): string {
  const schemaFile = writeSchemaFor(provider, undefined, `model-check-${process.pid}`, 'migrate');
  return runPrisma('migrate', ['migrate', 'diff', '--from-empty', '--to-schema-datamodel', schemaFile, '--script'], {
    capture: true,
    provider,
    scratch: true,
  });
}

describeEachDatabase('migrations', (provider) => {
  const cleanUps: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanUp of cleanUps.splice(0)) await cleanUp();
  });
  const fresh = () => {
    const made = emptyTarget(provider);
    cleanUps.push(made.cleanUp);
    return made.target;
  };

  it('should reproduce the Prisma model exactly when every migration is applied', async () => {
    const migrated = fresh();
    await migrate(migrated);

    const fromModel = fresh();
    const migrator = migratorFor(fromModel);
    await migrator.appliedMigrations();
    await migrator.apply({ name: 'model', sql: modelSql(provider), checksum: 'model' });
    await migrator.close();

    const expected = await describeCatalog(fromModel);
    expect(expected.length).toBeGreaterThan(100);
    expect(await describeCatalog(migrated)).toEqual(expected);
  });

  it('should apply every migration to an empty database and report it up to date', async () => {
    const target = fresh();
    const before = await migrationStatus(target);
    expect(before.pending).toEqual(readMigrationFiles(provider).map((m) => m.name));

    const applied = await migrate(target);
    expect(applied).toEqual(before.pending);
    const after = await migrationStatus(target);
    expect(after).toMatchObject({ upToDate: true, pending: [], failed: [], modified: [] });
  });

  it('should change nothing when an already migrated database is migrated again', async () => {
    const target = fresh();
    await migrate(target);
    const catalog = await describeCatalog(target);
    expect(await migrate(target)).toEqual([]);
    expect(await describeCatalog(target)).toEqual(catalog);
  });

  it('should keep every row, and the rows that point at them, through later migrations', async () => {
    const target = fresh();
    const [first, ...later] = readMigrationFiles(provider);
    if (!first) throw new Error('no migrations');
    const migrator = migratorFor(target);
    await migrator.appliedMigrations();
    await migrator.apply(first);
    await migrator.apply({
      name: 'test_rows',
      checksum: 'rows',
      sql: `INSERT INTO "Ticket" ("id", "number", "title", "description", "source", "updatedAt") VALUES ('t1', 1001, 'Сайт не открывается', 'Ошибка 502', 'STAFF', CURRENT_TIMESTAMP);
            INSERT INTO "Message" ("id", "ticketId", "body", "authorKind", "source") VALUES ('m1', 't1', 'Ошибка 502', 'STAFF', 'STAFF');`,
    });
    await migrator.close();
    expect(later.length).toBeGreaterThan(0);
    await migrate(target);
    const db = createDb(target);
    try {
      expect(await db.ticket.findUniqueOrThrow({ where: { id: 't1' }, include: { messages: true } })).toMatchObject({
        number: 1001,
        priorityRank: 0,
        messages: [{ id: 'm1', body: 'Ошибка 502' }],
      });
    } finally {
      await db.$disconnect();
    }
  });

  it('should migrate once when two instances start together', async () => {
    const target = fresh();
    const [first, second] = await Promise.all([migrate(target), migrate(target)]);
    expect([...first, ...second].sort()).toEqual(readMigrationFiles(provider).map((m) => m.name));
  });

  it('should roll back a failing migration and leave it pending', async () => {
    const target = fresh();
    await migrate(target);
    const migrator = migratorFor(target);
    await migrator.appliedMigrations();
    await expect(
      migrator.apply({
        name: '99999999999999_broken',
        sql: 'CREATE TABLE "half_done" ("id" TEXT); SELECT * FROM "no_such_table";',
        checksum: 'x',
      }),
    ).rejects.toThrow(/no_such_table|does not exist/);
    const rows = await migrator.appliedMigrations();
    await migrator.close();
    expect(rows.map((r) => r.name)).not.toContain('99999999999999_broken');
    expect((await describeCatalog(target)).some((line) => line.includes('half_done'))).toBe(false);
  });
});

describe('the migration folders', () => {
  it('should hold the same migrations for SQLite and PostgreSQL', () => {
    const names = (provider: Provider) => readMigrationFiles(provider).map((m) => m.name);
    expect(names('sqlite').length).toBeGreaterThan(0);
    expect(names('postgresql')).toEqual(names('sqlite'));
  });
});
