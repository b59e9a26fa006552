import { describe, expect, it } from 'vitest';
import { averageScore, ratingRefusal } from '../src/domain/satisfaction.ts';

const openUntil = new Date('2026-12-14T09:00:00Z');
const before = new Date('2026-12-14T08:59:59Z');

describe('client satisfaction rules', () => {
  it('should take whole scores from 1 to 5 with a comment of at most 2000 characters while open', () => {
    for (const score of [1, 3, 5]) expect(ratingRefusal({ score }, openUntil, before)).toBeNull();
    for (const score of [0, 6, 4.5, Number.NaN]) expect(ratingRefusal({ score }, openUntil, before)).toBe('SCORE');
    expect(ratingRefusal({ score: 4, comment: 'x'.repeat(2001) }, openUntil, before)).toBe('COMMENT');
  });

  it('should close exactly after the open time', () => {
    expect(ratingRefusal({ score: 4 }, openUntil, openUntil)).toBeNull();
    expect(ratingRefusal({ score: 4 }, openUntil, new Date(openUntil.getTime() + 1))).toBe('CLOSED');
  });

  it('should average the scores to two decimals, and give none without scores', () => {
    expect(averageScore([5, 4, 4])).toBe(4.33);
    expect(averageScore([])).toBeNull();
  });
});
