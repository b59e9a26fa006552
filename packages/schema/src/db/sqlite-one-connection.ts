import type { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { Database } from 'better-sqlite3';
import { cacheStatements } from './sqlite-statement-cache.ts';

type Factory = PrismaBetterSqlite3;
type Adapter = Awaited<ReturnType<Factory['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;

/** Thrown to a write that waited longer than allowed for the lock: nothing of it ran. */
export class SqliteBusyError extends Error {
  readonly code = 'SQLITE_BUSY';
  constructor(waitedMs: number) {
    super(`database is locked: the write waited ${waitedMs} ms for its turn`);
  }
}

/**
 * A first-come, first-served lock; `onWait` is told when a taker finds it held. A taker with a
 * `timeoutMs` gives up after it (SqliteBusyError) and passes its turn on untouched.
 */
function fifoLock(onWait?: () => void) {
  let tail: Promise<void> = Promise.resolve();
  let held = 0;
  return async (timeoutMs?: number): Promise<() => void> => {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = () => {
        held--;
        resolve();
      };
    });
    const previous = tail;
    tail = previous.then(() => next);
    if (held++ > 0) onWait?.();
    if (!timeoutMs) {
      await previous;
      return release;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), timeoutMs);
    });
    const outcome = await Promise.race([previous.then(() => 'turn' as const), late]);
    clearTimeout(timer);
    if (outcome === 'late') {
      // Its turn still comes in order; it hands it straight on.
      void previous.then(release);
      throw new SqliteBusyError(timeoutMs);
    }
    return release;
  };
}

/** A statement that only reads: Prisma's own reads are plain SELECTs (writes return rows too). */
const onlyReads = (sql: string) => /^\s*SELECT\b/i.test(sql);

/**
 * The SQLite adapter runs every statement on one connection. Its transactions take a lock,
 * but statements outside a transaction do not: they would run inside another request's open
 * transaction, see its uncommitted rows, and vanish with it if it rolls back. Here every
 * write outside a transaction waits its turn behind open transactions, on the same lock. A read
 * outside a transaction needs no turn: it runs on a second connection, which in WAL mode sees
 * the last committed state and never another request's open transaction, so queries are not
 * held up for the event-loop turns a transaction stays open. Both connections keep their prepared
 * statements (sqlite-statement-cache.ts).
 */
export function serializeSqlite(factory: Factory, onWait?: () => void, transactionWaitMs?: number): Factory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const reader = await connect();
    for (const connection of [adapter, reader]) cacheStatements((connection as unknown as { client: Database }).client);
    const acquire = fifoLock(onWait);
    const queryRaw = adapter.queryRaw.bind(adapter);
    const read = reader.queryRaw.bind(reader);
    const executeRaw = adapter.executeRaw.bind(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await reader.dispose();
      await dispose();
    };
    adapter.queryRaw = async (query) => {
      if (onlyReads(query.sql)) return read(query);
      const release = await acquire(transactionWaitMs);
      try {
        return await queryRaw(query);
      } finally {
        release();
      }
    };
    adapter.executeRaw = async (query) => {
      const release = await acquire(transactionWaitMs);
      try {
        return await executeRaw(query);
      } finally {
        release();
      }
    };
    adapter.startTransaction = async (isolationLevel) => {
      // Each waits its turn at most transactionWaitMs: under a burst the rest are told BUSY at
      // once instead of queueing without end.
      const release = await acquire(transactionWaitMs);
      let transaction: Transaction;
      try {
        transaction = await startTransaction(isolationLevel);
      } catch (error) {
        release();
        throw error;
      }
      const commit = transaction.commit.bind(transaction);
      const rollback = transaction.rollback.bind(transaction);
      transaction.commit = async () => {
        try {
          return await commit();
        } finally {
          release();
        }
      };
      transaction.rollback = async () => {
        try {
          return await rollback();
        } finally {
          release();
        }
      };
      return transaction;
    };
    return adapter;
  };
  return factory;
}
