#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
// @ts-check
// The `caredesk` command (`pnpm caredesk <command>`, `pnpm start`): runs the compiled CLI in
// packages/server/dist, first rebuilding it (`pnpm build`, under a second) when a source
// changed since it was built, so a stale build never runs.
import { staleness } from '../build/freshness.js';
import { cliFile } from '../build/paths.js';

const stale = staleness();
if (stale) {
  const started = performance.now();
  process.stderr.write(`caredesk: building the server (${stale})… `);
  const { build } = await import('../build/build.js');
  await build();
  process.stderr.write(`done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
// Stack traces name the TypeScript sources (dist/*.js.map).
process.setSourceMapsEnabled(true);
await import(pathToFileURL(cliFile).href);
