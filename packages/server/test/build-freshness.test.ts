import { mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleness, stampInputs } from '../build/freshness.js';

// `pnpm caredesk` rebuilds packages/server/dist first when this finds it stale.
describe('whether the compiled server is up to date with its sources', () => {
  let dir: string;
  const manifest = () => join(dir, 'build.json');
  const build = (startedAt = Date.now() + 1000) =>
    writeFileSync(
      manifest(),
      JSON.stringify({ outputs: ['cli.js'], inputs: stampInputs(['a.ts', 'b.ts'], startedAt, dir) }),
    );
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'caredesk-freshness-'));
    for (const name of ['a.ts', 'b.ts', 'cli.js']) writeFileSync(join(dir, name), `// ${name}\n`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should call a build fresh while its inputs are as it read them', () => {
    build();
    expect(staleness(manifest(), dir)).toBeNull();
  });

  it('should call it stale when it was never built', () => {
    expect(staleness(manifest(), dir)).toBe('not built yet');
  });

  it('should call it stale when an input is edited, even to the same size, or removed', () => {
    build();
    // Saved again with the same text: only its time differs.
    utimesSync(join(dir, 'a.ts'), new Date(), new Date(Date.now() - 60_000));
    expect(staleness(manifest(), dir)).toBe('a.ts changed');
    build();
    writeFileSync(join(dir, 'b.ts'), '// b.ts, longer\n');
    expect(staleness(manifest(), dir)).toBe('b.ts changed');
    build();
    unlinkSync(join(dir, 'b.ts'));
    expect(staleness(manifest(), dir)).toBe('b.ts is gone');
  });

  it('should call it stale when an output is missing', () => {
    build();
    unlinkSync(join(dir, 'cli.js'));
    expect(staleness(manifest(), dir)).toBe('cli.js is missing');
  });

  it('should call it stale when an input changed while the build ran, which may have read the old text', () => {
    // The inputs were written after the build started.
    build(Date.now() - 60_000);
    expect(staleness(manifest(), dir)).toBe('a.ts changed during the last build');
  });
});
