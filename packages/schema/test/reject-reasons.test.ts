import { describe, expect, it } from 'vitest';
import { rejectReasonLabel, rejectReasonOf, rejectReasons } from '../src/domain/reject-reasons.ts';

describe('the reason a refusal is recorded with', () => {
  it('should make every client refusal a withdrawal, whatever the client names', () => {
    expect(rejectReasonOf('client', 'OFFENSIVE', false)).toBe('WITHDRAWN');
    expect(rejectReasonOf('client', null, true)).toBe('WITHDRAWN');
  });

  it('should take staff’s reason, default to a duplicate when the original is linked, else to another reason', () => {
    expect(rejectReasonOf('staff', 'NO_QUESTION', false)).toBe('NO_QUESTION');
    expect(rejectReasonOf('staff', null, true)).toBe('DUPLICATE');
    expect(rejectReasonOf('staff', undefined, false)).toBe('OTHER');
  });

  it('should refuse a duplicate that names no original', () => {
    expect(rejectReasonOf('staff', 'DUPLICATE', false)).toBeNull();
  });

  it('should name every reason in Russian and English', () => {
    for (const reason of rejectReasons) {
      expect(rejectReasonLabel(reason, 'ru')).toMatch(/[а-яё]/i);
      expect(rejectReasonLabel(reason, 'en')).toMatch(/^[A-Z][a-z ]+/);
    }
  });
});
