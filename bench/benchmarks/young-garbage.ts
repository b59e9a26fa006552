import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { worstAccepted } from '../../packages/server/test/support/hostile-documents.ts';
import { viewer } from '../../packages/widget/src/queries.ts';
import { percentile } from '../lib/target.ts';

interface Scavenges {
  count: number;
  /** Bytes each scavenge found alive in the young generation, sorted. */
  survived: number[];
  promoted: number;
  pauseMs: number;
}

/** Runs bench/young-garbage-child.ts under --trace-gc-nvp and reads its scavenges (`gc=s` lines). */
function scavengesOf(engine: string, document: string, runs: number): Promise<Scavenges> {
  const child = spawn(
    process.execPath,
    ['--trace-gc', '--trace-gc-nvp', '--import', 'tsx', 'bench/young-garbage-child.ts', engine, document, String(runs)],
    { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`young-garbage child exited with ${code}`));
      const field = (line: string, name: string) => Number(new RegExp(` ${name}=([0-9.]+)`).exec(line)?.[1] ?? 0);
      // The first scavenges belong to start-up (module loading), not to the operations.
      const lines = out
        .split('\n')
        .filter((line) => line.includes(' gc=s '))
        .slice(5);
      resolve({
        count: lines.length,
        survived: lines.map((line) => field(line, 'new_space_survived')).sort((a, b) => a - b),
        promoted: lines.reduce((sum, line) => sum + field(line, 'promoted'), 0),
        pauseMs: lines.reduce((sum, line) => sum + field(line, 'pause'), 0),
      });
    });
  });
}

const kb = (bytes: number) => (bytes / 1024).toFixed(0);

/**
 * What a finished operation leaves in the young generation: each scavenge's survivors while a
 * document is parsed and executed again and again, one at a time (nothing else is alive between
 * two operations but the schema). graphql-js's execute and yoga's executor (@graphql-tools/executor)
 * memoize per operation in WeakMaps; V8's scavenger keeps the values of such entries alive even once
 * their keys are dead, so each operation's collected fields, and its document with them, were copied
 * and promoted until a full collection. caredesk's patches (patches/) keep those caches on the keys.
 */
export async function youngGarbage(runs: number): Promise<string> {
  const worst = worstAccepted();
  const documents = [
    { name: "the widget's viewer query", text: viewer },
    { name: `${worst.fields} × viewer { kind } (the worst accepted fields)`, text: worst.manyFields() },
    { name: `${worst.fragments} fragments spread side by side`, text: worst.manyFragments },
  ];
  const rows: string[] = [];
  for (const engine of ['graphql-js', 'yoga-executor']) {
    for (const document of documents) {
      const s = await scavengesOf(engine, document.text, runs);
      rows.push(
        `| ${engine === 'graphql-js' ? 'graphql-js execute' : "yoga's executor"} | ${document.name} | ${s.count} | ${kb(percentile(s.survived, 50))} | ${kb(percentile(s.survived, 90))} | ${kb(s.promoted)} | ${s.pauseMs.toFixed(0)} |`,
      );
    }
  }
  return `## Young garbage: what a finished operation leaves behind

${runs.toLocaleString('en')} operations, one after another, each a new text parsed and executed against a one-type schema
(bench/young-garbage-child.ts under \`--trace-gc-nvp\`, start-up's scavenges left out). A finished operation should leave
nothing: what each scavenge still finds alive is copied, and what survives two is promoted to the old generation.

| executor | document | scavenges | survived, median KB | survived, p90 KB | promoted in all, KB | scavenge pauses, ms in all |
|---|---|---|---|---|---|---|
${rows.join('\n')}`;
}
