import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** What every section says of the run it comes from. */
export interface RunFacts {
  /** The command that reproduces it, e.g. `pnpm bench overhead`. */
  command: string;
  date: string;
  machine: string;
  loadAtStart: number;
  loadAtEnd: number;
}

const intro = [
  '# Benchmark results',
  '',
  'Each section is one benchmark, rewritten only when that benchmark runs (`pnpm bench <name>`),',
  'so a run of one never loses the figures of the others. Each says its own date, machine and load;',
  'figures move with the machine and its load: compare ratios to the references measured in the same run,',
  'not absolute numbers across runs. Sections without a `bench:` marker are kept records of earlier runs.',
  '',
].join('\n');

const begin = (name: string) => `<!-- bench:${name} -->`;
const end = (name: string) => `<!-- /bench:${name} -->`;

/** The section as stored: its heading, the run's facts on the line below, then the rest. */
export function markedSection(name: string, section: string, facts: RunFacts): string {
  const [heading = `## ${name}`, ...rest] = section.split('\n');
  const run = `_\`${facts.command}\` on ${facts.date}; ${facts.machine}; load average ${facts.loadAtStart.toFixed(2)} at the start, ${facts.loadAtEnd.toFixed(2)} at the end._`;
  return [begin(name), heading, '', run, ...rest, end(name)].join('\n');
}

/**
 * Puts a benchmark's section into the results text: in place of its earlier one (between its
 * markers), or at the end when it has none yet. Everything else stays as it was.
 */
export function replaceSection(text: string, name: string, marked: string): string {
  const from = text.indexOf(begin(name));
  const to = text.indexOf(end(name));
  if (from >= 0 && to > from) return `${text.slice(0, from)}${marked}${text.slice(to + end(name).length)}`;
  const base = text.trim() ? text.replace(/\s*$/, '\n') : intro;
  return `${base}\n${marked}\n`;
}

/** Rewrites the sections of the benchmarks that ran in the results file. */
export function writeSections(path: string, sections: { name: string; marked: string }[]): void {
  let text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  for (const { name, marked } of sections) text = replaceSection(text, name, marked);
  writeFileSync(path, text);
}
