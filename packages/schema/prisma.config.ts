// Configures the Prisma CLI (generate, migrate diff, migrate status, db push) to use the
// JS/WASM schema engine through a driver adapter: nothing is downloaded. The provider
// follows CAREDESK_PRISMA_PROVIDER (our scripts set it), else DATABASE_URL.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { defineConfig } from 'prisma/config';
import { parseDatabaseUrl } from './src/db/database-url.ts';
import { pgAdapterForPrismaCli } from './src/db/pg-cli-adapter.ts';

const target = parseDatabaseUrl(process.env.DATABASE_URL);
const provider = process.env.CAREDESK_PRISMA_PROVIDER ?? target.provider;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: provider === 'postgresql' ? 'src/generated/schema.postgresql.prisma' : 'prisma/schema.prisma',
  migrations: { path: `prisma/migrations/${provider}` },
  adapter: async () => {
    if (provider === 'postgresql') {
      const url = target.provider === 'postgresql' ? target.url : 'postgresql://postgres@127.0.0.1:5432/test';
      const schema = target.provider === 'postgresql' ? target.schema : 'public';
      return pgAdapterForPrismaCli(url, schema);
    }
    const file = target.provider === 'sqlite' ? target.file : './data/caredesk.db';
    mkdirSync(dirname(file), { recursive: true });
    return new PrismaBetterSQLite3({ url: `file:${file}` });
  },
});
