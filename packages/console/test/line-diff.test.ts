import { describe, expect, it } from 'vitest';
import { lineDiff } from '../src/line-diff.ts';

describe('the line diff between two versions of an article', () => {
  it('should keep common lines and mark what was removed and added, in order', () => {
    expect(lineDiff('# Pay\nBy card\nBy invoice', '# Pay\nBy card or SBP\nBy invoice\nRefunds')).toEqual([
      { kind: 'same', text: '# Pay' },
      { kind: 'removed', text: 'By card' },
      { kind: 'added', text: 'By card or SBP' },
      { kind: 'same', text: 'By invoice' },
      { kind: 'added', text: 'Refunds' },
    ]);
  });

  it('should find nothing changed in equal texts, whatever their line endings', () => {
    expect(lineDiff('a\r\nb', 'a\nb').every((line) => line.kind === 'same')).toBe(true);
  });

  it('should give up on the alignment past the limit, still showing every line', () => {
    const diff = lineDiff('a\nb\nc', 'a\nb\nd', 2);
    expect(diff.filter((l) => l.kind === 'removed')).toHaveLength(3);
    expect(diff.filter((l) => l.kind === 'added')).toHaveLength(3);
  });
});
