// Generates the Prisma clients (one per provider, from the one model) and the Pothos types.
import { runPrisma } from './prisma-cli.ts';
import { providers, writeSchemaFor } from './provider-schemas.ts';

for (const provider of providers) {
  runPrisma('generate', ['generate', '--no-hints', '--schema', writeSchemaFor(provider)], { provider, scratch: true });
}
