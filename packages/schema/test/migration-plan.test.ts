import { describe, expect, it } from 'vitest';
import { planMigrations } from '../src/db/migrations/migration-plan.ts';

const file = (name: string, checksum = `sum-${name}`) => ({ name, sql: '', checksum });
const row = (name: string, extra: Partial<{ checksum: string; finished: boolean; rolledBack: boolean }> = {}) => ({
  name,
  checksum: `sum-${name}`,
  finished: true,
  rolledBack: false,
  ...extra,
});

describe('planning migrations', () => {
  it('should list every file as pending on an empty database', () => {
    expect(planMigrations([file('1_a'), file('2_b')], [])).toMatchObject({
      pending: ['1_a', '2_b'],
      applied: [],
      upToDate: false,
    });
  });

  it('should be up to date when every file is applied and finished', () => {
    expect(planMigrations([file('1_a')], [row('1_a')])).toMatchObject({
      pending: [],
      applied: ['1_a'],
      upToDate: true,
    });
  });

  it('should report a migration that started and never finished as failed, not pending', () => {
    expect(planMigrations([file('1_a')], [row('1_a', { finished: false })])).toMatchObject({
      failed: ['1_a'],
      pending: [],
      upToDate: false,
    });
  });

  it('should treat a rolled back migration as pending again', () => {
    expect(planMigrations([file('1_a')], [row('1_a', { rolledBack: true })]).pending).toEqual(['1_a']);
  });

  it('should report files changed after they were applied and migrations this code does not know', () => {
    const status = planMigrations([file('1_a', 'edited')], [row('1_a'), row('9_newer')]);
    expect(status.modified).toEqual(['1_a']);
    expect(status.unknown).toEqual(['9_newer']);
  });
});
