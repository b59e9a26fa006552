import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaPackageDir } from './prisma-cli.ts';

export type Provider = 'sqlite' | 'postgresql';
export const providers: Provider[] = ['sqlite', 'postgresql'];

/** Which Prisma CLI reads the text: 7 generates the clients, 6.19 diffs migrations. */
export type PrismaCli = 'generate' | 'migrate';

export const modelPath = join(schemaPackageDir, 'prisma', 'schema.prisma');
export const generatedDir = join(schemaPackageDir, 'src', 'generated');

/** The migrations folder of each provider, produced from the one model. */
export function migrationsDir(provider: Provider): string {
  return join(schemaPackageDir, 'prisma', 'migrations', provider);
}

const placeholderUrl: Record<Provider, string> = {
  sqlite: 'file:./dev.db',
  postgresql: 'postgresql://localhost/caredesk',
};

/**
 * The model as a given provider and CLI see it. For Prisma 7 (generate) the SQLite text is
 * the model itself; the PostgreSQL variant differs only in its datasource and client output,
 * and leaves the Pothos types to the SQLite generation (they are the same). Prisma 6.19
 * (migrate diff) also needs a datasource url and the client engine named, or it looks for a
 * native engine; Prisma 7 refuses both, so they are added only for it. Older snapshots
 * (prisma/migrations/last-migrated.prisma) that still carry them read the same.
 */
export function schemaTextFor(
  provider: Provider,
  model = readFileSync(modelPath, 'utf8'),
  cli: PrismaCli = 'generate',
): string {
  let text = model
    .replace(/\n {2}url {6}= "[^"]*"/, '')
    .replace(/\n {2}engineType {3}= "client"/, '')
    .replace(/provider = "sqlite"/, `provider = "${provider}"`);
  if (provider === 'postgresql') {
    text = text
      .replace(/generator pothos \{[^}]*\}\n\n/, '')
      .replace(/output\s+= "..\/src\/generated\/sqlite"/, 'output       = "./postgresql"');
  }
  if (cli === 'migrate') {
    text = text
      .replace(`provider = "${provider}"\n}`, `provider = "${provider}"\n  url      = "${placeholderUrl[provider]}"\n}`)
      .replace(/(provider\s+= "prisma-client"\n)/, '$1  engineType   = "client"\n');
  }
  return text;
}

/** Writes the provider's schema file for a CLI and returns its path (the SQLite one to generate is the model). */
export function writeSchemaFor(
  provider: Provider,
  model?: string,
  name = 'schema',
  cli: PrismaCli = 'generate',
): string {
  if (provider === 'sqlite' && model === undefined && cli === 'generate') return modelPath;
  mkdirSync(generatedDir, { recursive: true });
  const path = join(generatedDir, `${name}.${provider}${cli === 'migrate' ? '.migrate' : ''}.prisma`);
  writeFileSync(path, schemaTextFor(provider, model, cli));
  return path;
}
