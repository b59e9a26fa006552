import { createRequire } from 'node:module';
import { memoize3 as graphqlMemoize3 } from 'graphql/jsutils/memoize3.js';
import { describe, expect, it } from 'vitest';

// The memoizers of graphql-js and of yoga's executor, as the server loads them (patches/): each
// operation's caches live on one of its own objects, so they end with it (bench: young-garbage).
const fromYoga = createRequire(createRequire(import.meta.url).resolve('graphql-yoga'));
const fromExecutor = createRequire(fromYoga.resolve('@graphql-tools/executor'));
type Memoize = (fn: (...keys: object[]) => unknown) => (...keys: object[]) => unknown;
const tools = fromExecutor('@graphql-tools/utils') as Record<`memoize${1 | 3 | 5}`, Memoize>;

const memoizers: [string, number, Memoize][] = [
  ['graphql-js memoize3', 3, graphqlMemoize3 as unknown as Memoize],
  ['@graphql-tools/utils memoize1', 1, tools.memoize1],
  ['@graphql-tools/utils memoize3', 3, tools.memoize3],
  ['@graphql-tools/utils memoize5', 5, tools.memoize5],
];

const keysOf = (n: number) => Array.from({ length: n }, (_, i) => ({ key: i }));

describe.each(memoizers)('%s, as patched', (_name, arity, memoize) => {
  it('should answer the same keys from its cache and compute again when any key differs', () => {
    let calls = 0;
    const memoized = memoize((...keys) => {
      calls += 1;
      return { keys };
    });
    const keys = keysOf(arity);
    const first = memoized(...keys);
    expect(memoized(...keys)).toBe(first);
    expect(calls).toBe(1);
    for (let i = 0; i < arity; i++) {
      const other = keys.map((key, j) => (i === j ? { key: 'other' } : key));
      expect(memoized(...other)).not.toBe(first);
    }
    expect(calls).toBe(1 + arity);
  });

  it('should keep its cache on a key, hidden from the key’s own properties and its JSON', () => {
    const memoized = memoize(() => ({}));
    const keys = keysOf(arity);
    memoized(...keys);
    const holders = keys.filter((key) => Object.getOwnPropertySymbols(key).length > 0);
    expect(holders).toHaveLength(1);
    for (const key of keys) {
      expect(Object.keys(key)).toEqual(['key']);
      expect(JSON.stringify(key)).toMatch(/^\{"key":\d\}$/);
    }
  });

  it('should still cache for keys that cannot take a property (frozen)', () => {
    let calls = 0;
    const memoized = memoize(() => {
      calls += 1;
      return {};
    });
    const keys = keysOf(arity).map((key) => Object.freeze(key));
    expect(memoized(...keys)).toBe(memoized(...keys));
    expect(calls).toBe(1);
  });
});
