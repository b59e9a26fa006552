import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { afterEach, expect, it } from 'vitest';
import { sourceUrls } from '../build/source-urls.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('should give each bundled module the URL, folder and file name of its own source, wherever the checkout is', async () => {
  dir = mkdtempSync(join(tmpdir(), 'caredesk-source-urls-'));
  const checkout = join(dir, 'checkout');
  mkdirSync(join(checkout, 'src', 'deep'), { recursive: true });
  writeFileSync(
    join(checkout, 'src', 'deep', 'where.ts'),
    'export const where = { url: import.meta.url, dirname: import.meta.dirname, filename: import.meta.filename };\n',
  );
  writeFileSync(
    join(checkout, 'src', 'main.ts'),
    "export { where } from './deep/where.ts';\nexport const main = import.meta.url;\n",
  );
  const outdir = join(checkout, 'dist');
  await esbuild.build({
    entryPoints: [join(checkout, 'src', 'main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outdir,
    logLevel: 'silent',
    plugins: [sourceUrls({ root: checkout, outdir })],
  });
  // Built, then moved (to a path with a space, too).
  const moved = join(dir, 'moved checkout');
  renameSync(checkout, moved);
  const bundled = await import(pathToFileURL(join(moved, 'dist', 'main.js')).href);
  const where = join(moved, 'src', 'deep', 'where.ts');
  expect(bundled.main).toBe(pathToFileURL(join(moved, 'src', 'main.ts')).href);
  expect(bundled.where).toEqual({
    url: pathToFileURL(where).href,
    dirname: join(moved, 'src', 'deep'),
    filename: where,
  });
});
