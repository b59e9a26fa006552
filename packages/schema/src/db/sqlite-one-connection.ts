import type { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory['connect']>>;
type Transaction = Awaited<ReturnType<Adapter['startTransaction']>>;

/** A first-come, first-served lock; `onWait` is told when a taker finds it held. */
function fifoLock(onWait?: () => void) {
  let tail: Promise<void> = Promise.resolve();
  let held = 0;
  return async (): Promise<() => void> => {
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
    await previous;
    return release;
  };
}

/**
 * The SQLite adapter runs every statement on one connection. Its transactions take a lock,
 * but statements outside a transaction do not: they would run inside another request's open
 * transaction, see its uncommitted rows, and vanish with it if it rolls back. Here every
 * statement outside a transaction waits its turn behind open transactions, on the same lock.
 */
export function serializeSqlite(factory: Factory, onWait?: () => void): Factory {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const acquire = fifoLock(onWait);
    const queryRaw = adapter.queryRaw.bind(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.queryRaw = async (query) => {
      const release = await acquire();
      try {
        return await queryRaw(query);
      } finally {
        release();
      }
    };
    adapter.executeRaw = async (query) => {
      const release = await acquire();
      try {
        return await executeRaw(query);
      } finally {
        release();
      }
    };
    adapter.startTransaction = async (isolationLevel) => {
      const release = await acquire();
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
