import { describe, expect, it } from 'vitest';
import { applyPresence, emptyPresence, presentStaff, prunePresence } from '../src/domain/console/presence.ts';

describe('presence on a ticket (the rules)', () => {
  it('should count a staff member with two tabs once, until both are closed', () => {
    const state = emptyPresence();
    applyPresence(state, { kind: 'join', presenceId: 'tab-1', staffId: 'olga' }, 0);
    expect(applyPresence(state, { kind: 'join', presenceId: 'tab-2', staffId: 'olga' }, 0)).toBe(false);
    expect(presentStaff(state, 0)).toEqual([{ staffId: 'olga', typing: false }]);
    expect(applyPresence(state, { kind: 'left', presenceId: 'tab-1', staffId: 'olga' }, 1)).toBe(false);
    expect(applyPresence(state, { kind: 'left', presenceId: 'tab-2', staffId: 'olga' }, 2)).toBe(true);
    expect(presentStaff(state, 2)).toEqual([]);
  });

  it('should forget a view silent for longer than the limit (its instance went away), and typing that ran out', () => {
    const state = emptyPresence();
    applyPresence(state, { kind: 'join', presenceId: 'a', staffId: 'olga' }, 0);
    applyPresence(state, { kind: 'here', presenceId: 'b', staffId: 'petr' }, 10_000);
    applyPresence(state, { kind: 'typing', staffId: 'petr', until: 18_000 }, 10_000);
    expect(presentStaff(state, 12_000)).toEqual([
      { staffId: 'olga', typing: false },
      { staffId: 'petr', typing: true },
    ]);
    expect(prunePresence(state, 15_000, 15_000)).toBe(false);
    expect(prunePresence(state, 15_001, 15_000)).toBe(true);
    expect(presentStaff(state, 18_000)).toEqual([{ staffId: 'petr', typing: false }]);
  });
});
