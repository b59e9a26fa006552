import { describe, expect, it } from 'vitest';
import { allowedActions } from '../src/domain/ticket-move.ts';

describe('the moves offered to each caller', () => {
  it('should offer a visitor a reply and a withdrawal on a NEW ticket, and nothing once it is accepted', () => {
    expect(allowedActions('NEW', { kind: 'VISITOR' }).sort()).toEqual(['reject', 'reply']);
    expect(allowedActions('ACCEPTED', { kind: 'VISITOR' })).toEqual([]);
  });

  it('should let only an authorized contact accept resolved work', () => {
    expect(allowedActions('RESOLVED', { kind: 'CONTACT', authorized: true })).toContain('accept');
    expect(allowedActions('RESOLVED', { kind: 'CONTACT', authorized: false })).not.toContain('accept');
    expect(allowedActions('RESOLVED', { kind: 'VISITOR' })).not.toContain('accept');
  });

  it('should offer a specialist the work moves and the accountant only the payment', () => {
    expect(allowedActions('NEW', { kind: 'STAFF', role: 'LINE1' })).toEqual(
      expect.arrayContaining(['requestFeedback', 'start', 'reject']),
    );
    expect(allowedActions('ACCEPTED', { kind: 'STAFF', role: 'ACCOUNTANT' })).toEqual(['confirmPayment']);
    expect(allowedActions('NEW', { kind: 'STAFF', role: 'ACCOUNTANT' })).not.toContain('start');
  });
});
