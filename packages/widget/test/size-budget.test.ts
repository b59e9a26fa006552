import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Budgets, gzip -9 of what a browser downloads for each part (issue #19). A page loads only the
// loader (capture, launcher, `window.caredesk`) until the widget is first opened; the panel is
// the widget proper with what it imports and the larger of the two locales (Russian). Every
// lazy part has its own budget, counted without what the panel has already brought.
const budgets = {
  initial: 10 * 1024,
  panel: 15 * 1024,
  live: 5 * 1024,
  tickets: 6 * 1024,
  suggestions: 2 * 1024,
  upload: 1.5 * 1024,
  outbox: 2 * 1024,
  screenshot: 90 * 1024,
  annotate: 10 * 1024,
};

// The widget is built here, from the sources, into a folder of its own: never a dist/ left
// from an earlier build.
const packageDir = join(import.meta.dirname, '..');
const dist = mkdtempSync(join(tmpdir(), 'caredesk-widget-size-'));
const partsDir = join(dist, 'widget');
let files: string[] = [];
beforeAll(async () => {
  // Under vitest NODE_ENV is "test", and Vite would then pick Lit's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({
    root: packageDir,
    configFile: join(packageDir, 'vite.config.ts'),
    mode: 'production',
    logLevel: 'silent',
    build: { outDir: dist, emptyOutDir: true },
  }).finally(() => {
    process.env.NODE_ENV = nodeEnv;
  });
  files = readdirSync(partsDir);
}, 120_000);
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const read = (name: string) => readFileSync(name === 'widget.js' ? join(dist, name) : join(partsDir, name), 'utf8');
const named = (prefix: string) => {
  const found = files.find((f) => new RegExp(`^${prefix}-[\\w-]{8}\\.js$`).test(f));
  if (!found) throw new Error(`no ${prefix} chunk in ${partsDir}`);
  return found;
};
/** A chunk and every chunk it imports statically (what loads with it). */
const withImports = (name: string, seen = new Set<string>()): Set<string> => {
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const [, imported] of read(name).matchAll(/(?:from|import)\s*"\.\/(?:widget\/)?([\w-]+\.js)"/g))
    if (imported) withImports(imported, seen);
  return seen;
};
const gzipped = (names: Iterable<string>) =>
  [...names].reduce((sum, n) => sum + gzipSync(read(n), { level: 9 }).length, 0);

describe('the widget size budget', () => {
  const sizes = () => {
    const initial = withImports('widget.js');
    const panel = new Set([...withImports(named('main')), named('ru')].filter((n) => !initial.has(n)));
    const before = new Set([...initial, ...panel]);
    const part = (prefix: string, extra: string[] = []) =>
      [...withImports(named(prefix)), ...extra].filter((n) => !before.has(n));
    return {
      initial: gzipped(initial),
      panel: gzipped(panel),
      live: gzipped(part('live')),
      tickets: gzipped(part('tickets-part', [named('ru-tickets')])),
      suggestions: gzipped(part('suggestions')),
      upload: gzipped(part('upload')),
      outbox: gzipped(part('outbox-link')),
      screenshot: gzipped(part('screenshot')),
      annotate: gzipped(part('annotate')),
    };
  };

  it.each(Object.keys(budgets) as (keyof typeof budgets)[])(
    'should keep the %s part within its gzip budget',
    (name) => {
      const size = sizes()[name];
      console.log(`widget ${name}: ${(size / 1024).toFixed(2)} KB gzip (budget ${budgets[name] / 1024} KB)`);
      expect(size).toBeLessThanOrEqual(budgets[name]);
    },
  );

  it('should keep the loader free of module syntax, so that it runs as a classic script', () => {
    expect(read('widget.js')).not.toMatch(/(^|[;}])\s*(import\s*[{*"\w]|export\s)/);
  });

  it('should never make a lazy part import the loader (it would run a second time as a module)', () => {
    for (const name of files) expect(read(name)).not.toContain('widget.js"');
  });
});
