// Before any test file runs: builds the compiled server when a source changed since its last
// build, so tests that start the `caredesk` command as a process (`node packages/server/dist/cli.js`,
// what `pnpm caredesk` runs) never run an older build.
import { build } from './packages/server/build/build.js';
import { staleness } from './packages/server/build/freshness.js';

export default async function buildCompiledServer(): Promise<void> {
  if (staleness()) await build();
}
