// Configures the Prisma 6.19 CLI, installed as `prisma-six`, which authors migrations
// (`migrate diff`; also `migrate status`, `db push` by hand) with its JS/WASM schema engine
// through a driver adapter: nothing is downloaded. Prisma 7's CLI generates the clients
// (prisma.config.ts) but wants a native schema engine for migrate; see
// docs/decisions/0014-prisma-7-runtime.md. The provider follows CAREDESK_PRISMA_PROVIDER
// (our scripts set it), else DATABASE_URL.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { defineConfig } from 'prisma-six/config';
import { PrismaBetterSQLite3 } from 'prisma-six-adapter-better-sqlite3';
import { pgAdapterForPrismaCli } from './scripts/pg-cli-adapter.ts';
import { type Provider, writeSchemaFor } from './scripts/provider-schemas.ts';
import { parseDatabaseUrl } from './src/db/database-url.ts';

const target = parseDatabaseUrl(process.env.DATABASE_URL);
const provider = (process.env.CAREDESK_PRISMA_PROVIDER ?? target.provider) as Provider;

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: writeSchemaFor(provider, undefined, 'schema', 'migrate'),
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
