import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// Budgets of issue #6, gzip -9 of what a browser downloads for each part. The initial part
// counts the loader, the widget proper with what it imports, and the larger of the two
// locales (Russian), because one of them always loads with the launcher. The tickets part
// (loaded on "my requests") grew to 6 KB with the client's rating of accepted work (#17).
const budgets = { initial: 15 * 1024, live: 5 * 1024, tickets: 6 * 1024, screenshot: 90 * 1024, annotate: 10 * 1024 };

const dist = join(import.meta.dirname, '..', 'dist');
const partsDir = join(dist, 'widget');
const files = existsSync(partsDir) ? readdirSync(partsDir) : [];
const read = (name: string) => readFileSync(name === 'widget.js' ? join(dist, name) : join(partsDir, name), 'utf8');
const named = (prefix: string) => {
  const found = files.find((f) => new RegExp(`^${prefix}-[\\w-]{8}\\.js$`).test(f));
  if (!found)
    throw new Error(`no ${prefix} chunk in ${partsDir}: build the widget (pnpm --filter @caredesk/widget build)`);
  return found;
};
/** A chunk and every chunk it imports statically (what loads with it). */
const withImports = (name: string, seen = new Set<string>()): Set<string> => {
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const [, imported] of read(name).matchAll(/(?:from|import)\s*"\.\/([\w-]+\.js)"/g))
    if (imported) withImports(imported, seen);
  return seen;
};
const gzipped = (names: Iterable<string>) =>
  [...names].reduce((sum, n) => sum + gzipSync(read(n), { level: 9 }).length, 0);

describe('the widget size budget', () => {
  const initial = new Set(['widget.js', ...withImports(named('main')), named('ru')]);
  const part = (prefix: string, extra: string[] = []) =>
    [...withImports(named(prefix)), ...extra].filter((n) => !initial.has(n));
  const sizes = {
    initial: gzipped(initial),
    live: gzipped(part('live')),
    tickets: gzipped(part('tickets-part', [named('ru-tickets')])),
    screenshot: gzipped(part('screenshot')),
    annotate: gzipped(part('annotate')),
  };

  it.each(Object.keys(budgets) as (keyof typeof budgets)[])(
    'should keep the %s part within its gzip budget',
    (name) => {
      console.log(`widget ${name}: ${(sizes[name] / 1024).toFixed(2)} KB gzip (budget ${budgets[name] / 1024} KB)`);
      expect(sizes[name]).toBeLessThanOrEqual(budgets[name]);
    },
  );

  it('should keep the loader free of module syntax, so that it runs as a classic script', () => {
    expect(read('widget.js')).not.toMatch(/(^|[;}])\s*(import\s*[{*"\w]|export\s)/);
  });

  it('should never make a lazy part import the loader (it would run a second time as a module)', () => {
    for (const name of files) expect(read(name)).not.toContain('widget.js"');
  });
});
