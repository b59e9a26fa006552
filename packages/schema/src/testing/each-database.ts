import { describe } from 'vitest';
import { type Provider, postgresUnavailable } from './test-databases.ts';

const pgMissing = await postgresUnavailable();
if (pgMissing && process.env.CI) {
  throw new Error(`PostgreSQL is required when CI is set, but it is not reachable: ${pgMissing}`);
}

/**
 * Runs the same suite on SQLite and on PostgreSQL. Without a PostgreSQL server the
 * PostgreSQL suite is skipped with the reason in its name; under CI that is an error.
 */
export function describeEachDatabase(name: string, suite: (provider: Provider) => void): void {
  describe(`${name} (SQLite)`, () => suite('sqlite'));
  const pgName = pgMissing ? `${name} (PostgreSQL — skipped: not reachable: ${pgMissing})` : `${name} (PostgreSQL)`;
  describe.skipIf(Boolean(pgMissing))(pgName, () => suite('postgresql'));
}
