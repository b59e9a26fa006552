export { describeEachDatabase } from './each-database.ts';
export {
  createTestDatabase,
  emptyTarget,
  type Provider,
  postgresUnavailable,
  type TestDatabase,
  testPostgresUrl,
} from './test-databases.ts';
