import { describe, expect, it } from 'vitest';
import {
  editDistance,
  ftsQuery,
  indexedText,
  queryWords,
  slugOf,
  stem,
  tsQuery,
} from '../src/domain/article-search.ts';

describe('stems of article words', () => {
  it('should bring the forms of a Russian word to one stem', () => {
    const stems = ['оплата', 'оплатить', 'оплаты', 'оплату', 'оплатил', 'оплатой'].map(stem);
    expect(new Set(stems)).toEqual(new Set(['оплат']));
    expect(new Set(['сайт', 'сайта', 'сайты', 'сайтов'].map(stem))).toEqual(new Set(['сайт']));
    expect(new Set(['ошибка', 'ошибки', 'ошибку', 'ошибок'].map(stem)).size).toBe(2);
  });

  it('should bring English plurals and -ing forms to one stem', () => {
    expect(stem('payments')).toBe(stem('payment'));
    expect(stem('invoices')).toBe('invoice');
    expect(stem('backups')).toBe('backup');
    expect(stem('restoring')).toBe('restor');
  });

  it('should index ё as е and leave digits and other scripts alone', () => {
    expect(indexedText('Счёт №42 — PHP 8')).toBe('счет 42 php 8');
  });
});

describe('queries', () => {
  it('should quote every stem as an FTS5 prefix so that nothing typed is syntax', () => {
    expect(ftsQuery(queryWords('оплата" OR NEAR(*'))).toBe('"оплат"* "or"* "near"*');
    expect(ftsQuery(['сайт'], true)).toBe('title : ("сайт"*)');
    expect(tsQuery(queryWords('оплата & !счёт:*'))).toBe('оплата:* & счет:*');
  });

  it('should keep at most eight words of a query', () => {
    expect(queryWords('a b c d e f g h i j')).toHaveLength(8);
  });
});

describe('typos', () => {
  it('should count a swap of neighbours as one edit and stop past the limit', () => {
    expect(editDistance('websiet', 'website', 2)).toBe(1);
    expect(editDistance('пчта', 'почта', 2)).toBe(1);
    expect(editDistance('abc', 'xyz12345', 2)).toBe(3);
  });
});

describe('slugs', () => {
  it('should transliterate Russian titles', () => {
    expect(slugOf('Как оплатить счёт?')).toBe('kak-oplatit-schet');
    expect(slugOf('!!!')).toBe('article');
  });
});
