import { describe, expect, it } from 'vitest';
import { mayReissueTicketToken, replayTokenWindowMs } from '../src/domain/submit-replay.ts';

const filedAt = new Date('2026-12-03T10:00:00Z');
const after = (ms: number) => new Date(filedAt.getTime() + ms);
const minutes = (n: number) => n * 60_000;
const nonce = 'a'.repeat(64);

describe('mayReissueTicketToken', () => {
  it('should give a new token to a retry with the first submit’s nonce within the hour', () => {
    for (const ms of [0, minutes(1), minutes(59)]) {
      expect(
        mayReissueTicketToken({
          storedNonceHash: nonce,
          givenNonceHash: nonce,
          ticketCreatedAt: filedAt,
          now: after(ms),
        }),
      ).toBe(true);
    }
  });

  it('should still give one at exactly one hour after filing, and not a millisecond later', () => {
    const replay = { storedNonceHash: nonce, givenNonceHash: nonce, ticketCreatedAt: filedAt };
    expect(mayReissueTicketToken({ ...replay, now: after(replayTokenWindowMs) })).toBe(true);
    expect(mayReissueTicketToken({ ...replay, now: after(replayTokenWindowMs + 1) })).toBe(false);
    expect(mayReissueTicketToken({ ...replay, now: after(minutes(61)) })).toBe(false);
  });

  it('should refuse a retry with another nonce or none', () => {
    const replay = { storedNonceHash: nonce, ticketCreatedAt: filedAt, now: after(minutes(1)) };
    expect(mayReissueTicketToken({ ...replay, givenNonceHash: 'b'.repeat(64) })).toBe(false);
    expect(mayReissueTicketToken({ ...replay, givenNonceHash: null })).toBe(false);
    expect(mayReissueTicketToken({ ...replay, givenNonceHash: '' })).toBe(false);
  });

  it('should refuse every retry of a ticket whose first submit carried no nonce', () => {
    const replay = { storedNonceHash: null, ticketCreatedAt: filedAt, now: after(minutes(1)) };
    expect(mayReissueTicketToken({ ...replay, givenNonceHash: nonce })).toBe(false);
    expect(mayReissueTicketToken({ ...replay, givenNonceHash: null })).toBe(false);
  });

  it('should count a retry whose clock reads before the filing as within the hour', () => {
    expect(
      mayReissueTicketToken({
        storedNonceHash: nonce,
        givenNonceHash: nonce,
        ticketCreatedAt: filedAt,
        now: after(-1000),
      }),
    ).toBe(true);
  });
});
