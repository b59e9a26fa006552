import { describe, expect, it } from 'vitest';
import { slaClock, ticketNumberIn } from '../src/sla-clock.ts';

describe('the console’s SLA clock', () => {
  const now = new Date('2026-12-03T10:00:00Z');

  it('should show the time left, marked soon under an hour and overdue past the due time', () => {
    expect(slaClock('2026-12-03T12:30:00Z', now)).toEqual({ text: '2h 30m', urgency: 'ok', overdue: false });
    expect(slaClock('2026-12-03T10:45:00Z', now)).toEqual({ text: '45m', urgency: 'soon', overdue: false });
    expect(slaClock('2026-12-03T09:15:00Z', now)).toEqual({ text: '−45m', urgency: 'overdue', overdue: true });
    expect(slaClock('2026-12-05T12:00:00Z', now)).toEqual({ text: '2d 2h', urgency: 'ok', overdue: false });
    expect(slaClock(null, now)).toEqual({ text: '—', urgency: 'none', overdue: false });
  });

  it('should read #1042 and 1042 as a ticket number, and anything else as words', () => {
    expect(ticketNumberIn('#1042')).toBe(1042);
    expect(ticketNumberIn(' 1042 ')).toBe(1042);
    expect(ticketNumberIn('logo 1042')).toBeNull();
  });
});
