import { describe, expect, it } from 'vitest';
import { secondTimeCache, textHash } from '../src/http/second-time-cache.ts';

describe('the cache that keeps a text from its second time', () => {
  it('should not keep a text offered once', () => {
    const cache = secondTimeCache<number>(10);
    cache.set('{ viewer { kind } } # 1', 1);
    expect(cache.get('{ viewer { kind } } # 1')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('should keep a text offered a second time, and answer it from then on', () => {
    const cache = secondTimeCache<number>(10);
    cache.set('{ viewer { kind } }', 1);
    cache.set('{ viewer { kind } }', 2);
    expect(cache.get('{ viewer { kind } }')).toBe(2);
    expect(cache.size).toBe(1);
  });

  it('should keep none of a flood of texts each new, and keep what came before it', () => {
    const cache = secondTimeCache<number>(10);
    cache.set('{ viewer { kind } }', 1);
    cache.set('{ viewer { kind } }', 1);
    for (let copy = 0; copy < 10_000; copy++) cache.set(`{ viewer { kind } } # ${copy}`, copy);
    expect(cache.size).toBe(1);
    expect(cache.get('{ viewer { kind } }')).toBe(1);
  });

  it('should hold at most its size, letting the least recently used text go first', () => {
    const cache = secondTimeCache<string>(2);
    for (const text of ['a', 'a', 'b', 'b']) cache.set(text, text);
    expect(cache.get('a')).toBe('a'); // now b is the least recently used
    cache.set('c', 'c');
    cache.set('c', 'c');
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('a');
    expect(cache.get('c')).toBe('c');
  });

  it('should forget the texts it saw once when its doorkeeper fills, keeping its memory bounded', () => {
    const cache = secondTimeCache<number>(10, 3);
    cache.set('first', 1);
    for (const text of ['x', 'y', 'z']) cache.set(text, 0); // the doorkeeper was full: emptied, then 'z'
    cache.set('first', 1);
    expect(cache.get('first')).toBeUndefined();
    cache.set('z', 26);
    expect(cache.get('z')).toBe(26);
  });

  it('should hash a text to a small integer, the same each time', () => {
    const hash = textHash('{ viewer { kind } }');
    expect(hash).toBe(textHash('{ viewer { kind } }'));
    expect(hash).not.toBe(textHash('{ viewer { kind } } '));
    expect(Number.isInteger(hash) && hash >= 0 && hash < 2 ** 30).toBe(true);
  });
});
