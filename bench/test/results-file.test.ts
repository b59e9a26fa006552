import { describe, expect, it } from 'vitest';
import { markedSection, replaceSection } from '../lib/results-file.ts';

const facts = {
  command: 'pnpm bench submit',
  date: '2026-12-04',
  machine: '2 × EPYC',
  loadAtStart: 0.5,
  loadAtEnd: 1.25,
};

describe('bench/RESULTS.md, one section a benchmark', () => {
  it('should replace only the benchmark’s own section, keeping the others and the unmarked records', () => {
    const before = [
      '# Benchmark results',
      '',
      markedSection('overhead', '## Overhead\n\n| a | 1 |', facts),
      '',
      '## An old record, unmarked',
      'kept',
      '',
      markedSection('submit', '## Submit\n\n| old | 49 |', facts),
      '',
    ].join('\n');
    const after = replaceSection(before, 'submit', markedSection('submit', '## Submit\n\n| new | 120 |', facts));
    expect(after).toContain('| new | 120 |');
    expect(after).not.toContain('| old | 49 |');
    expect(after).toContain('| a | 1 |');
    expect(after).toContain('## An old record, unmarked\nkept');
    expect(after.match(/<!-- bench:submit -->/g)).toHaveLength(1);
  });

  it('should add a benchmark’s first section at the end, saying its command, date, machine and load', () => {
    const after = replaceSection(
      '# Benchmark results\n\nintro\n',
      'kb-search',
      markedSection('kb-search', '## KB\n\nrows', facts),
    );
    expect(after.startsWith('# Benchmark results\n\nintro\n')).toBe(true);
    expect(after).toContain(
      '<!-- bench:kb-search -->\n## KB\n\n_`pnpm bench submit` on 2026-12-04; 2 × EPYC; load average 0.50 at the start, 1.25 at the end._\n\nrows\n<!-- /bench:kb-search -->',
    );
  });
});
