import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaPackageDir } from './prisma-cli.ts';

export type Provider = 'sqlite' | 'postgresql';
export const providers: Provider[] = ['sqlite', 'postgresql'];

export const modelPath = join(schemaPackageDir, 'prisma', 'schema.prisma');
export const generatedDir = join(schemaPackageDir, 'src', 'generated');

/** The migrations folder of each provider, produced from the one model. */
export function migrationsDir(provider: Provider): string {
  return join(schemaPackageDir, 'prisma', 'migrations', provider);
}

/**
 * The model as a given provider sees it. The SQLite text is the model itself; the
 * PostgreSQL variant differs only in its datasource and client output, and leaves
 * the Pothos types to the SQLite generation (they are the same).
 */
export function schemaTextFor(provider: Provider, model = readFileSync(modelPath, 'utf8')): string {
  if (provider === 'sqlite') return model;
  return model
    .replace(/generator pothos \{[^}]*\}\n\n/, '')
    .replace(/output\s+= "..\/src\/generated\/sqlite"/, 'output       = "./postgresql"')
    .replace(
      /provider = "sqlite"\n {2}url {6}= "file:.\/dev.db"/,
      'provider = "postgresql"\n  url      = "postgresql://localhost/caredesk"',
    );
}

/** Writes the provider's schema file and returns its path (the SQLite one is the model). */
export function writeSchemaFor(provider: Provider, model?: string, name = 'schema'): string {
  if (provider === 'sqlite' && model === undefined) return modelPath;
  mkdirSync(generatedDir, { recursive: true });
  const path = join(generatedDir, `${name}.${provider}.prisma`);
  writeFileSync(path, schemaTextFor(provider, model));
  return path;
}
