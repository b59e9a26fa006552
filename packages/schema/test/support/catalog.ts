import Database from 'better-sqlite3';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/db/database-url.ts';

/**
 * A database's structure as sorted lines (tables, columns, indexes, keys, enums), without
 * the migrations bookkeeping table, so that two databases can be compared exactly.
 */
export async function describeCatalog(target: DatabaseTarget): Promise<string[]> {
  return target.provider === 'sqlite' ? sqliteCatalog(target.file) : postgresCatalog(target.url, target.schema);
}

function sqliteCatalog(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const lines: string[] = [];
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' AND name NOT LIKE 'ArticleSearch%'",
      )
      .all() as { name: string }[];
    for (const { name } of tables) {
      lines.push(`table ${name}`);
      for (const c of db.pragma(`table_info("${name}")`) as Record<string, unknown>[]) {
        lines.push(`column ${name}.${c.name} ${c.type} notnull=${c.notnull} default=${c.dflt_value} pk=${c.pk}`);
      }
      for (const i of db.pragma(`index_list("${name}")`) as Record<string, unknown>[]) {
        const cols = (db.pragma(`index_info("${i.name}")`) as { name: string }[]).map((c) => c.name).join(',');
        lines.push(`index ${name}.${i.name} unique=${i.unique} origin=${i.origin} (${cols})`);
      }
      for (const f of db.pragma(`foreign_key_list("${name}")`) as Record<string, unknown>[]) {
        lines.push(`fk ${name}.${f.from} -> ${f.table}.${f.to} update=${f.on_update} delete=${f.on_delete}`);
      }
    }
    return lines.sort();
  } finally {
    db.close();
  }
}

async function postgresCatalog(url: string, schema: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const lines: string[] = [];
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, datetime_precision
       FROM information_schema.columns WHERE table_schema = $1 AND table_name != '_prisma_migrations'`,
      [schema],
    );
    for (const c of columns.rows) lines.push(`column ${Object.values(c).join(' ')}`);
    const indexes = await client.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename != '_prisma_migrations'`,
      [schema],
    );
    for (const i of indexes.rows)
      lines.push(
        `index ${i.tablename}.${i.indexname} ${String(i.indexdef).replaceAll(`"${schema}".`, '').replaceAll(`${schema}.`, '')}`,
      );
    const constraints = await client.query(
      `SELECT rel.relname AS table, con.conname, pg_get_constraintdef(con.oid) AS def
       FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
       WHERE ns.nspname = $1 AND rel.relname != '_prisma_migrations'`,
      [schema],
    );
    for (const c of constraints.rows)
      lines.push(`constraint ${c.table}.${c.conname} ${String(c.def).replaceAll(`${schema}.`, '')}`);
    const enums = await client.query(
      `SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace ns ON ns.oid = t.typnamespace
       WHERE ns.nspname = $1 GROUP BY t.typname`,
      [schema],
    );
    for (const e of enums.rows) lines.push(`enum ${e.typname} ${e.labels}`);
    // Enum defaults name their schema; each test database has its own. Full-text search
    // lives outside schema.prisma (added by hand to the knowledge-base migration).
    return lines
      .map((line) => line.replaceAll(`${schema}.`, ''))
      .filter((line) => !line.includes('searchVector'))
      .sort();
  } finally {
    await client.end();
  }
}
