export { createDb, type Db, type DbOptions } from './client.ts';
export {
  type DatabaseTarget,
  DatabaseUrlError,
  defaultSqliteFile,
  describeTarget,
  parseDatabaseUrl,
  redactUrl,
} from './database-url.ts';
export {
  MigrationError,
  type MigrationStatus,
  migrate,
  migrationStatus,
  readMigrationFiles,
} from './migrations/index.ts';
