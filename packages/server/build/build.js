#!/usr/bin/env node
// @ts-check
// `pnpm build`: compiles the server and the schema into JavaScript that Node runs as it is
// (docs/decisions/0015-compiled-server.md). The `caredesk` command (bin/caredesk.js) calls it
// when a source changed since the last build.
import { readdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { stampInputs } from './freshness.js';
import { manifestFile, root, schemaDist, schemaSrc, serverDist } from './paths.js';
import { sourceUrls } from './source-urls.js';
import { schemaAsSeparateBuild } from './workspace-imports.js';
import { writeOutputs } from './write-outputs.js';

const buildDir = dirname(fileURLToPath(import.meta.url));

/** Besides the bundled sources: what else decides what the build produces (and this build itself). */
const alsoRead = [
  'tsconfig.base.json',
  'packages/server/package.json',
  'packages/server/tsconfig.json',
  'packages/schema/package.json',
  'packages/schema/tsconfig.json',
  'packages/server/node_modules/esbuild/package.json',
  ...readdirSync(buildDir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => `packages/server/build/${name}`),
];

/**
 * A build removes the chunks the previous one wrote, so a process already running must have
 * loaded every chunk it will ever need: only the command table may load bundled code lazily
 * (cli.js loads the one command at once). Elsewhere, load npm packages lazily instead (they
 * stay in node_modules): `await import('pdfkit')`, not `await import('./report-pdf.ts')`.
 * @param {import('esbuild').Metafile | undefined} metafile
 */
function onlyCommandsLoadLazily(metafile) {
  for (const [file, { imports }] of Object.entries(metafile?.inputs ?? {}))
    for (const { kind, external, path } of imports)
      if (kind === 'dynamic-import' && !external && file !== 'packages/server/src/commands/index.ts')
        throw new Error(`${file} imports ${path} lazily: only packages/server/src/commands/index.ts may`);
}

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  // npm packages stay imports: Node resolves each from the package that depends on it.
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Kept readable: stack traces point into the sources through the source maps.
  sourcemap: 'linked',
  sourcesContent: false,
  // Bundling may rename clashing top-level names; keep what `.name` and error names report.
  keepNames: true,
  write: false,
  metafile: true,
  logLevel: 'warning',
};

/**
 * Builds packages/server/src/cli.ts into packages/server/dist/cli.js (the server's own code),
 * and the document-check worker's thread into dist/document-check-worker.js,
 * and the schema files it uses into packages/schema/dist (entry points sharing chunks, so each
 * module exists once), writes both and the manifest `staleness()` reads.
 * @returns {Promise<{ milliseconds: number, files: number }>}
 */
export async function build() {
  const startedAt = Date.now();
  /** @type {Map<string, string>} */
  const reached = new Map();
  const server = await esbuild.build({
    ...common,
    entryPoints: {
      cli: 'packages/server/src/cli.ts',
      // Started as a worker thread by document-checker.ts, from beside the chunk that starts it.
      'document-check-worker': 'packages/server/src/http/document-check-worker.ts',
    },
    outdir: serverDist,
    // Each command in its own chunk, loaded when it runs.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    plugins: [
      schemaAsSeparateBuild({ schemaSrc, schemaDist, serverDist, reached }),
      sourceUrls({ root, outdir: serverDist }),
    ],
  });
  const schema = await esbuild.build({
    ...common,
    entryPoints: Object.fromEntries(reached),
    outdir: schemaDist,
    splitting: true,
    chunkNames: 'chunk-[hash]',
    plugins: [sourceUrls({ root, outdir: schemaDist })],
  });
  onlyCommandsLoadLazily(server.metafile);
  onlyCommandsLoadLazily(schema.metafile);
  const outputs = [...(server.outputFiles ?? []), ...(schema.outputFiles ?? [])];
  const inputs = [
    ...Object.keys(server.metafile?.inputs ?? {}),
    ...Object.keys(schema.metafile?.inputs ?? {}),
    ...alsoRead,
  ];
  const manifest = {
    outputs: outputs.map((file) => relative(root, file.path)),
    inputs: stampInputs(inputs, startedAt),
  };
  writeOutputs(
    [...outputs, { path: manifestFile, contents: `${JSON.stringify(manifest, null, 1)}\n` }],
    [serverDist, schemaDist],
  );
  return { milliseconds: Date.now() - startedAt, files: outputs.length };
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const { milliseconds, files } = await build();
  console.log(
    `built packages/server/dist and packages/schema/dist (${files} files) in ${(milliseconds / 1000).toFixed(1)} s`,
  );
}
