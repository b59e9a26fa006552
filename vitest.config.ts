import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 ships both index.js and index.mjs; Pothos and yoga load the CommonJS one,
// so tests must too, or the schema's types come from "another realm".
const graphqlMain = createRequire(new URL('./packages/schema/package.json', import.meta.url)).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'bench/test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './vitest.summary-reporter.ts'],
    // The compiled server, built once before the tests that run it as a process.
    globalSetup: ['./vitest.global-setup.ts'],
    pool: 'forks',
    // Each test file gets its own databases, so files run in parallel safely.
    fileParallelism: true,
    // vitest's default is one worker per core but one: on a 2-core machine the files ran one after
    // another. Most of a file's time is spent waiting (databases, servers, a browser), so three
    // at once keep both cores busy.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 3),
  },
});
