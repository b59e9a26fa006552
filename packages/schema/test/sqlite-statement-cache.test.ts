import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheStatements } from '../src/db/sqlite-statement-cache.ts';

/** What Prisma's adapter does with the connection: prepare, bind once, then run or read raw rows. */
interface AdapterView {
  prepare(sql: string): {
    run(): unknown;
    bind(args: unknown[]): {
      reader: boolean;
      run(): { changes: number };
      columns(): { name: string; type: string | null }[];
      raw(): { all(): unknown[][] };
    };
  };
}

describe('the SQLite statement cache', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A database whose compilations are counted, with the cache of `capacity` statements in front. */
  function database(capacity?: number) {
    const dir = mkdtempSync(join(tmpdir(), 'caredesk-statements-'));
    dirs.push(dir);
    const db = new Database(join(dir, 'cache.db'));
    db.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const compiled: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      compiled.push(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    cacheStatements(db, capacity);
    return { db: db as unknown as AdapterView, compiled, close: () => db.close() };
  }

  it('should compile a statement once and run it with each call’s own arguments', () => {
    const { db, compiled, close } = database();
    const insert = 'INSERT INTO note (body) VALUES (?)';
    for (const body of ['first', 'second', 'third']) expect(db.prepare(insert).bind([body]).run().changes).toBe(1);
    const read = 'SELECT id, body FROM note WHERE body <> ? ORDER BY id';
    expect(db.prepare(read).bind(['second']).raw().all()).toEqual([
      [1, 'first'],
      [3, 'third'],
    ]);
    expect(db.prepare(read).bind(['first']).raw().all()).toEqual([
      [2, 'second'],
      [3, 'third'],
    ]);
    expect(
      db
        .prepare(read)
        .bind(['x'])
        .columns()
        .map((column) => [column.name, column.type]),
    ).toEqual([
      ['id', 'INTEGER'],
      ['body', 'TEXT'],
    ]);
    expect(compiled).toEqual([insert, read]);
    close();
  });

  it('should run statements without arguments, as the adapter’s BEGIN and COMMIT', () => {
    const { db, close } = database();
    db.prepare('BEGIN').run();
    db.prepare('INSERT INTO note (body) VALUES (?)').bind(['kept']).run();
    db.prepare('COMMIT').run();
    expect(db.prepare('SELECT count(*) FROM note').bind([]).raw().all()).toEqual([[1]]);
    close();
  });

  it('should keep only the statements used last, compiling an evicted one again when it returns', () => {
    const { db, compiled, close } = database(2);
    const texts = ['SELECT 1', 'SELECT 2', 'SELECT 3'];
    db.prepare(texts[0] as string)
      .bind([])
      .raw()
      .all();
    db.prepare(texts[1] as string)
      .bind([])
      .raw()
      .all();
    db.prepare(texts[0] as string)
      .bind([])
      .raw()
      .all(); // used again: now the newest
    db.prepare(texts[2] as string)
      .bind([])
      .raw()
      .all(); // evicts SELECT 2, the oldest
    db.prepare(texts[0] as string)
      .bind([])
      .raw()
      .all();
    expect(
      db
        .prepare(texts[1] as string)
        .bind([])
        .raw()
        .all(),
    ).toEqual([[2]]);
    expect(compiled).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3', 'SELECT 2']);
    close();
  });
});
