// Configures the Prisma 7 CLI, which only generates the clients here (scripts/generate.ts):
// one per provider, from the one model. Migrations are authored with the Prisma 6.19 CLI
// (prisma-six.config.ts) and applied by caredesk's own migrator (src/db/migrations).
import { defineConfig } from 'prisma/config';

const provider = process.env.CAREDESK_PRISMA_PROVIDER ?? 'sqlite';

export default defineConfig({
  schema: provider === 'postgresql' ? 'src/generated/schema.postgresql.prisma' : 'prisma/schema.prisma',
});
