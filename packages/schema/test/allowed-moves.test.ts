import { describe, expect, it } from 'vitest';
import { allowedActions } from '../src/domain/ticket-move.ts';

const free = { paid: false };
const paid = { paid: true };

describe('the moves offered to each caller', () => {
  it('should offer a visitor a reply and a withdrawal on a NEW ticket, and nothing once it is accepted', () => {
    expect(allowedActions('NEW', { kind: 'VISITOR' }, free).sort()).toEqual(['reject', 'reply']);
    expect(allowedActions('ACCEPTED', { kind: 'VISITOR' }, free)).toEqual([]);
  });

  it('should let an authorized contact accept resolved work, and the visitor who reported it only free work', () => {
    expect(allowedActions('RESOLVED', { kind: 'CONTACT', authorized: true }, paid)).toContain('accept');
    expect(allowedActions('RESOLVED', { kind: 'CONTACT', authorized: false }, free)).not.toContain('accept');
    expect(allowedActions('RESOLVED', { kind: 'VISITOR' }, free).sort()).toEqual(['accept', 'reject', 'reply']);
    expect(allowedActions('RESOLVED', { kind: 'VISITOR' }, paid)).not.toContain('accept');
  });

  it('should offer a specialist the work moves and the accountant only the payment', () => {
    expect(allowedActions('NEW', { kind: 'STAFF', role: 'LINE1' }, free)).toEqual(
      expect.arrayContaining(['requestFeedback', 'start', 'reject']),
    );
    expect(allowedActions('ACCEPTED', { kind: 'STAFF', role: 'ACCOUNTANT' }, free)).toEqual(['confirmPayment']);
    expect(allowedActions('NEW', { kind: 'STAFF', role: 'ACCOUNTANT' }, free)).not.toContain('start');
  });
});
