import { describe, expect, it } from 'vitest';
import {
  defaultUnverifiedPerDay,
  mayMailAddress,
  normalizeAddress,
  renderLetter,
  unverifiedWindowStart,
} from '../src/domain/mail/index.ts';

describe('letters to unverified addresses', () => {
  it('should let a letter go while fewer than the allowance went to the address within the window', () => {
    expect(mayMailAddress({ verified: false, lettersInWindow: 0 }, 5)).toBe(true);
    expect(mayMailAddress({ verified: false, lettersInWindow: 4 }, 5)).toBe(true);
  });

  it('should hold back the letter that would go over the allowance', () => {
    expect(mayMailAddress({ verified: false, lettersInWindow: 5 }, 5)).toBe(false);
    expect(mayMailAddress({ verified: false, lettersInWindow: 6 }, 5)).toBe(false);
  });

  it('should write nothing to unverified addresses when the allowance is 0', () => {
    expect(mayMailAddress({ verified: false, lettersInWindow: 0 }, 0)).toBe(false);
  });

  it('should always let a letter go to a staff member or a known contact', () => {
    expect(mayMailAddress({ verified: true, lettersInWindow: 500 }, 5)).toBe(true);
    expect(mayMailAddress({ verified: true, lettersInWindow: 0 }, 0)).toBe(true);
  });

  it('should count the last 24 hours, so a letter exactly a day old no longer counts', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(unverifiedWindowStart(now).toISOString()).toBe('2026-03-09T12:00:00.000Z');
  });

  it('should compare addresses trimmed and in lower case', () => {
    expect(normalizeAddress('  Buyer@Mail.EXAMPLE ')).toBe('buyer@mail.example');
  });

  it('should allow five letters a day unless configured', () => {
    expect(defaultUnverifiedPerDay).toBe(5);
  });
});

describe('the first letter about a ticket', () => {
  const facts = { number: 7, title: 'Win a prize at evil.example', status: 'NEW' as const, link: 'https://x.example' };

  it('should say only the number and that the request was received, in the reader’s language', () => {
    expect(renderLetter('RECEIVED', 'en', facts).subject).toBe('[#7] We received your request');
    expect(renderLetter('RECEIVED', 'ru', facts).subject).toBe('[#7] Ваше обращение получено');
  });

  it('should keep the title in the subjects of later letters', () => {
    expect(renderLetter('STAFF_REPLY', 'en', facts).subject).toBe('[#7] New answer: Win a prize at evil.example');
  });
});
