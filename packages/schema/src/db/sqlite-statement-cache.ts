import type BetterSqlite3 from 'better-sqlite3';

type Statement = BetterSqlite3.Statement<unknown[]>;

/** What Prisma's SQLite adapter does with a prepared statement: bind once, then run or read. */
interface BoundStatement {
  readonly reader: boolean;
  run(): BetterSqlite3.RunResult;
  columns(): BetterSqlite3.ColumnDefinition[];
  raw(): { all(): unknown[][] };
}

/**
 * Prisma's SQLite adapter prepares every statement anew, and compiling SQL costs as much as
 * running it for the short statements a request makes; it also asks each read for its columns,
 * which takes as long as the read. Here the connection keeps the last
 * `capacity` statements by their text; each use binds its own arguments on the call, since
 * better-sqlite3 lets a statement be bound only once. Prisma's SQL is parameterized, so the
 * texts are few (lists of different lengths are the only variety; the oldest text leaves first).
 */
export function cacheStatements(database: BetterSqlite3.Database, capacity = 500): void {
  const prepare = database.prepare.bind(database) as (sql: string) => Statement;
  const cache = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let statement = cache.get(sql);
    if (statement) {
      // Most recently used last: a Map keeps insertion order.
      cache.delete(sql);
    } else {
      statement = prepare(sql);
      if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, statement);
    return statement;
  };
  // The adapter asks every read for its columns' names and declared types: as long as reading
  // two rows of a wide table, and the same for every run of one statement.
  const columns = new WeakMap<Statement, BetterSqlite3.ColumnDefinition[]>();
  const columnsOf = (statement: Statement) => {
    let found = columns.get(statement);
    if (!found) {
      found = statement.columns();
      columns.set(statement, found);
    }
    return found;
  };
  const bindable = (statement: Statement) => ({
    reader: statement.reader,
    bind: (args: unknown[]): BoundStatement => ({
      reader: statement.reader,
      run: () => statement.run(...args),
      columns: () => columnsOf(statement),
      raw: () => ({ all: () => statement.raw(true).all(...args) as unknown[][] }),
    }),
    run: (...args: unknown[]) => statement.run(...args),
  });
  (database as unknown as { prepare(sql: string): unknown }).prepare = (sql: string) => bindable(prepared(sql));
}
