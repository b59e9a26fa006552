import { describe, expect, it } from 'vitest';
import { noFilters, type QueueRow } from '../src/queue-filters.ts';
import { belongs, compareRows, sortedIndex } from '../src/queue-order.ts';

const row = (id: string, part: Partial<QueueRow> = {}): QueueRow => ({
  id: btoa(`Ticket:${id}`),
  number: 1000,
  displayNumber: '#1000',
  title: 'Checkout fails',
  status: 'NEW',
  priority: 'NORMAL',
  paid: false,
  escalatedAt: null,
  needsAuthorization: false,
  clientReplied: false,
  slaDueAt: null,
  queuedAt: '2026-12-03T09:00:00.000Z',
  organization: { id: 'org-1', name: 'Flowers' },
  site: null,
  requester: null,
  assignee: null,
  ...part,
});

describe('the queue’s order and filter on the client', () => {
  const now = new Date('2026-12-03T10:00:00Z');

  it('should order by priority, then the longest waiting, then the database id, as the server does', () => {
    const rows = [
      row('c', { queuedAt: '2026-12-03T08:00:00.000Z' }),
      row('b'),
      row('a'),
      row('z', { priority: 'URGENT', queuedAt: '2026-12-03T09:30:00.000Z' }),
    ];
    expect(rows.sort(compareRows('PRIORITY')).map((r) => atob(r.id))).toEqual([
      'Ticket:z',
      'Ticket:c',
      'Ticket:a',
      'Ticket:b',
    ]);
  });

  it('should put the soonest running due time first and tickets without a clock last when due soonest', () => {
    const rows = [
      row('none'),
      row('later', { slaDueAt: '2026-12-03T12:00:00.000Z' }),
      row('past', { slaDueAt: '2026-12-03T09:00:00.000Z' }),
    ];
    expect(rows.sort(compareRows('DUE_SOONEST')).map((r) => atob(r.id).slice(7))).toEqual(['past', 'later', 'none']);
  });

  it('should place a row after its equals with a binary search', () => {
    const compare = compareRows('PRIORITY');
    const rows = [row('a', { priority: 'HIGH' }), row('b'), row('d')];
    expect(sortedIndex(rows, row('c'), compare)).toBe(2);
    expect(sortedIndex(rows, row('x', { priority: 'IMMEDIATE' }), compare)).toBe(0);
    expect(sortedIndex(rows, row('z'), compare)).toBe(3);
  });

  it('should keep the workable statuses without a status filter, and judge overdue at exactly the due time as not yet overdue', () => {
    expect(belongs(row('a', { status: 'RESOLVED' }), noFilters, 'me', now)).toBe(false);
    expect(belongs(row('a', { status: 'RESOLVED' }), { ...noFilters, statuses: ['RESOLVED'] }, 'me', now)).toBe(true);
    const overdue = { ...noFilters, overdue: true };
    expect(belongs(row('a', { slaDueAt: '2026-12-03T10:00:00.000Z' }), overdue, 'me', now)).toBe(false);
    expect(belongs(row('a', { slaDueAt: '2026-12-03T09:59:59.000Z' }), overdue, 'me', now)).toBe(true);
    expect(belongs(row('a'), overdue, 'me', now)).toBe(false);
  });

  it('should filter by scope, priority and organization, and leave search words not in the title to the server', () => {
    const mine = row('a', { assignee: { id: 'me', name: 'Me' } });
    expect(belongs(mine, { ...noFilters, scope: 'mine' }, 'me', now)).toBe(true);
    expect(belongs(mine, { ...noFilters, scope: 'unassigned' }, 'me', now)).toBe(false);
    expect(belongs(mine, { ...noFilters, priorities: ['HIGH'] }, 'me', now)).toBe(false);
    expect(belongs(mine, { ...noFilters, organizationId: 'org-2' }, 'me', now)).toBe(false);
    expect(belongs(mine, { ...noFilters, search: '#1000' }, 'me', now)).toBe(true);
    expect(belongs(mine, { ...noFilters, search: '1001' }, 'me', now)).toBe(false);
    expect(belongs(mine, { ...noFilters, search: 'Checkout' }, 'me', now)).toBe(true);
    expect(belongs(mine, { ...noFilters, search: 'payment' }, 'me', now)).toBe('unknown');
  });
});
