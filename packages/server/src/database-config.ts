import type { DbOptions } from '@caredesk/schema/db';
import { integer } from './config-values.ts';

export const databaseVariables = [
  [
    'DATABASE_POOL_SIZE',
    '10',
    'PostgreSQL connections each instance keeps (instances × this ≤ the server’s max_connections)',
  ],
  [
    'DATABASE_CONNECT_TIMEOUT_MS',
    '5000',
    'How long a request waits for a free PostgreSQL connection before it is answered BUSY (retry in a second)',
  ],
  [
    'DATABASE_TRANSACTION_WAIT_MS',
    '2000',
    'How long a write waits to start its transaction (a free connection, the SQLite lock) before it is answered BUSY',
  ],
  ['DATABASE_TRANSACTION_TIMEOUT_MS', '5000', 'The longest a transaction may stay open; one that overruns is undone'],
] as const;

/** The database client's pool and transaction limits; bad values are named in `problems`. */
export function databaseOptions(env: NodeJS.ProcessEnv, problems: string[]): DbOptions {
  return {
    poolSize: integer('DATABASE_POOL_SIZE', env.DATABASE_POOL_SIZE, 10, 1, 1_000, problems),
    connectTimeoutMs: integer(
      'DATABASE_CONNECT_TIMEOUT_MS',
      env.DATABASE_CONNECT_TIMEOUT_MS,
      5_000,
      1,
      600_000,
      problems,
    ),
    transactionWaitMs: integer(
      'DATABASE_TRANSACTION_WAIT_MS',
      env.DATABASE_TRANSACTION_WAIT_MS,
      2_000,
      1,
      600_000,
      problems,
    ),
    transactionTimeoutMs: integer(
      'DATABASE_TRANSACTION_TIMEOUT_MS',
      env.DATABASE_TRANSACTION_TIMEOUT_MS,
      5_000,
      100,
      600_000,
      problems,
    ),
  };
}
