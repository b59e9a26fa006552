import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const schemaPackageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Runs a Prisma CLI with its JS engines: nothing may be downloaded on this machine, so the
 * native engine paths point nowhere and their checksums are not required. `generate` runs
 * Prisma 7 (prisma.config.ts); `migrate` runs Prisma 6.19, installed as `prisma-six`
 * (prisma-six.config.ts), whose WASM schema engine diffs offline where 7's wants a binary.
 */
export function runPrisma(
  cli: 'generate' | 'migrate',
  args: string[],
  options: { capture?: boolean; provider?: string; scratch?: boolean } = {},
): string {
  const entry = join(
    schemaPackageDir,
    'node_modules',
    cli === 'generate' ? 'prisma' : 'prisma-six',
    'build',
    'index.js',
  );
  const config = cli === 'generate' ? 'prisma.config.ts' : 'prisma-six.config.ts';
  const result = spawnSync(process.execPath, [entry, ...args, '--config', config], {
    cwd: schemaPackageDir,
    encoding: 'utf8',
    stdio: options.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: join(schemaPackageDir, 'prisma', 'engines', 'NOT_AN_ENGINE'),
      PRISMA_QUERY_ENGINE_LIBRARY: join(schemaPackageDir, 'prisma', 'engines', 'NOT_AN_ENGINE'),
      PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: '1',
      // Commands that need no database still open one: give them a scratch SQLite file.
      ...(options.provider ? { CAREDESK_PRISMA_PROVIDER: options.provider } : {}),
      ...(options.scratch ? { DATABASE_URL: `file:${join(tmpdir(), 'caredesk-prisma-scratch.db')}` } : {}),
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
  if (result.status !== 0) {
    throw new Error(
      `prisma ${args.join(' ')} failed (${result.status}):\n${result.stderr ?? ''}${result.stdout ?? ''}`,
    );
  }
  return result.stdout ?? '';
}
