// One run of the young-garbage benchmark, in its own process started with --trace-gc-nvp: parses
// and executes a document again and again (a new comment each time, as a client's new documents
// are), so that every scavenge V8 prints says how much of the finished operations it still found alive.
// Usage: node --trace-gc-nvp --import tsx bench/young-garbage-child.ts <graphql-js|yoga-executor> <document> <runs>
import { createRequire } from 'node:module';

const [engine, text = '', runs = '20000'] = process.argv.slice(2);
// yoga's own executor, as the server's graphql-yoga resolves it.
const fromServer = createRequire(new URL('../packages/server/package.json', import.meta.url));
const fromYoga = createRequire(fromServer.resolve('graphql-yoga'));
type Execute = (args: { schema: unknown; document: unknown; rootValue: unknown }) => unknown;
// Required, not imported: the bench's own folder does not depend on graphql.
const { buildSchema, execute, parse } = fromServer('graphql') as {
  buildSchema: (sdl: string) => unknown;
  parse: (text: string) => unknown;
  execute: Execute;
};
const { normalizedExecutor } = fromYoga('@graphql-tools/executor') as { normalizedExecutor: Execute };
const schema = buildSchema('type Query { viewer: Viewer } type Viewer { kind: String }');
const rootValue = { viewer: { kind: 'ANONYMOUS' } };
const run = engine === 'graphql-js' ? execute : normalizedExecutor;
for (let i = 0; i < Number(runs); i++) {
  await run({ schema, document: parse(`${text}\n# ${i}`), rootValue });
}
