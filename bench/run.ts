// pnpm bench: runs every benchmark and writes bench/RESULTS.md with the date and the machine.
// BENCH_SECONDS sets the measuring time of each load run (default 10).
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { graphqlOverhead } from './benchmarks/graphql-overhead.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const sections = [await graphqlOverhead(seconds)];

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
const text = [
  '# Benchmark results',
  '',
  `Run with \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)}; machine: ${machine}.`,
  'Figures move with the machine and its load: compare ratios measured in the same run, not absolute numbers across runs.',
  '',
  ...sections.flatMap((section) => [section, '']),
].join('\n');
writeFileSync(join(import.meta.dirname, 'RESULTS.md'), text);
console.log(text);
