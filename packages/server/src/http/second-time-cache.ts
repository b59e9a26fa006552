/** The cache of parsed documents yoga reads (its `parserAndValidationCache`), and the checker's remembered texts. */
export interface SecondTimeCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  readonly size: number;
}

/**
 * A least-recently-used cache of at most `max` entries that keeps an entry only the second time its
 * key is offered: a key offered once is remembered as a 30-bit hash in a "doorkeeper" set of at
 * most `doorkeeperSize` (emptied when full), not kept. Texts an attacker makes new each time (a new
 * comment in every copy) then never enter the cache, where each pushed an older entry out and lived
 * just long enough to be promoted to the old generation and collected the costly way (decision 22);
 * a client's own documents, sent again and again, are kept from their second time on.
 */
export function secondTimeCache<V>(max: number, doorkeeperSize = 4 * max): SecondTimeCache<V> {
  const kept = new Map<string, V>();
  const seen = new Set<number>();
  return {
    get(key) {
      const value = kept.get(key);
      if (value === undefined) return undefined;
      // A Map keeps insertion order: deleting and setting again makes it the newest.
      kept.delete(key);
      kept.set(key, value);
      return value;
    },
    set(key, value) {
      if (kept.has(key)) kept.delete(key);
      else {
        const hash = textHash(key);
        if (!seen.has(hash)) {
          if (seen.size >= doorkeeperSize) seen.clear();
          seen.add(hash);
          return;
        }
        seen.delete(hash);
      }
      kept.set(key, value);
      if (kept.size > max) kept.delete(kept.keys().next().value as string);
    },
    get size() {
      return kept.size;
    },
  };
}

/**
 * FNV-1a over the text's UTF-16 code units, cut to 30 bits so that V8 stores it as a small integer
 * (no allocation per key). A collision only lets a text into the cache on its first time.
 */
export function textHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}
