import { describe, expect, it } from 'vitest';
import { parseSlaTargets, SlaTargetsError } from '../src/domain/sla/sla-targets.ts';
import {
  advanceSla,
  deliveredPriority,
  dueSlaEvents,
  type SlaContext,
  startSla,
  type TicketSlaFacts,
} from '../src/domain/sla/ticket-sla.ts';
import { moscowCalendar, msk } from './support/calendars.ts';

const ctx: SlaContext = { calendar: moscowCalendar(), targets: parseSlaTargets(null) };

function filed(priority: TicketSlaFacts['priority'], at: Date, category: TicketSlaFacts['category'] = 'PROBLEM') {
  return { status: 'NEW' as const, priority, category, ...startSla(ctx, { priority, category }, at) };
}

describe('SLA clocks', () => {
  it('should give an out-of-hours IMMEDIATE ticket one calendar hour, warning at 48 minutes', () => {
    const t = filed('IMMEDIATE', msk('2026-11-21T12:00'));
    expect(t.reactionDueAt).toEqual(msk('2026-11-21T13:00'));
    expect(t.reactionWarningAt).toEqual(msk('2026-11-21T12:48'));
    expect(t.slaDueAt).toEqual(msk('2026-11-21T13:00'));
  });

  it('should blend working and outside pace when an IMMEDIATE ticket arrives ten minutes before the close', () => {
    // 10 of 15 working minutes by 19:00, the last third at the night pace of 60 minutes: 20 minutes.
    expect(filed('IMMEDIATE', msk('2026-11-20T18:50')).reactionDueAt).toEqual(msk('2026-11-20T19:20'));
    // URGENT at 08:00: two night hours are 2/3 of its 180, the last third is 20 working minutes.
    expect(filed('URGENT', msk('2026-11-23T08:00')).reactionDueAt).toEqual(msk('2026-11-23T10:20'));
  });

  it('should count HIGH in working time only, so a Friday 18:59 ticket is due Monday 12:59', () => {
    expect(filed('HIGH', msk('2026-11-20T18:59')).reactionDueAt).toEqual(msk('2026-11-23T12:59'));
  });

  it('should expect a NORMAL ticket to be started by the close of the next working day and finished within three', () => {
    const monday = filed('NORMAL', msk('2026-11-23T11:00'));
    expect(monday.reactionDueAt).toEqual(msk('2026-11-24T19:00'));
    expect(monday.resolutionDueAt).toEqual(msk('2026-11-26T19:00'));
    expect(filed('NORMAL', msk('2026-11-21T15:00')).reactionDueAt).toEqual(msk('2026-11-23T19:00'));
  });

  it('should hold an emergency to two working hours whatever its priority', () => {
    expect(filed('NORMAL', msk('2026-11-23T11:00'), 'EMERGENCY').reactionDueAt).toEqual(msk('2026-11-23T13:00'));
    expect(filed('IMMEDIATE', msk('2026-11-23T11:00'), 'EMERGENCY').reactionDueAt).toEqual(msk('2026-11-23T11:15'));
  });

  it('should stop the reaction clock when a specialist reacts and restart it when the client replies', () => {
    const t = filed('HIGH', msk('2026-11-23T11:00'));
    const asked = { ...t, status: 'FEEDBACK' as const };
    const reacted = advanceSla(ctx, asked, ['staffReacted'], msk('2026-11-23T12:00'));
    expect(reacted).toMatchObject({
      reactedAt: msk('2026-11-23T12:00'),
      reactionLate: false,
      deliveredPriority: 'HIGH',
    });
    const answered = { ...asked, ...reacted, status: 'NEW' as const };
    const restarted = advanceSla(ctx, answered, ['clientUpdated'], msk('2026-11-24T17:00'));
    expect(restarted.reactionStartedAt).toEqual(msk('2026-11-24T17:00'));
    expect(restarted.reactedAt).toBeNull();
    expect(restarted.reactionDueAt).toEqual(msk('2026-11-25T11:00'));
  });

  it('should pause the resolution clock while the ticket waits for the client over a weekend', () => {
    const t = filed('NORMAL', msk('2026-11-19T10:00'));
    expect(t.resolutionDueAt).toEqual(msk('2026-11-24T19:00'));
    expect(t.resolutionTargetMinutes).toBe(2160);
    const asked = advanceSla(ctx, { ...t, status: 'FEEDBACK' }, ['staffReacted'], msk('2026-11-20T18:00'));
    expect(asked.resolutionRunningSince).toBeNull();
    expect(asked.resolutionElapsedMinutes).toBe(1020);
    expect(asked.slaCheckAt).toBeNull();
    const back = advanceSla(ctx, { ...t, ...asked, status: 'NEW' }, ['clientUpdated'], msk('2026-11-23T12:00'));
    // 1,140 working minutes were left: Monday 12:00–19:00, Tuesday, then Wednesday to 13:00.
    expect(back.resolutionDueAt).toEqual(msk('2026-11-25T13:00'));
    expect(back.reactionDueAt).toEqual(msk('2026-11-24T19:00'));
  });

  it('should record the priority actually delivered when only a lower target was met', () => {
    const start = msk('2026-11-23T11:00');
    expect(deliveredPriority(ctx, 'IMMEDIATE', start, msk('2026-11-23T11:10'))).toBe('IMMEDIATE');
    expect(deliveredPriority(ctx, 'IMMEDIATE', start, msk('2026-11-23T12:30'))).toBe('HIGH');
    expect(deliveredPriority(ctx, 'URGENT', start, msk('2026-11-24T12:30'))).toBe('NORMAL');
    // Ordered on a Saturday, started Monday 10:10: IMMEDIATE and URGENT ran out over the weekend
    // (1 h and 3 h outside working time); HIGH counts working time only, so it was met.
    expect(deliveredPriority(ctx, 'IMMEDIATE', msk('2026-11-21T12:00'), msk('2026-11-23T10:10'))).toBe('HIGH');
  });

  it('should mark a late reaction and fire warnings and breaches only for running clocks', () => {
    const t = filed('HIGH', msk('2026-11-23T11:00'));
    expect(dueSlaEvents(t, msk('2026-11-23T13:00'))).toEqual([]);
    expect(dueSlaEvents(t, msk('2026-11-23T13:30'))).toEqual([
      { kind: 'REACTION_WARNING', dueAt: msk('2026-11-23T14:00') },
    ]);
    expect(dueSlaEvents(t, msk('2026-11-23T14:00')).map((e) => e.kind)).toEqual([
      'REACTION_WARNING',
      'REACTION_BREACHED',
    ]);
    const late = advanceSla(ctx, { ...t, status: 'IN_PROGRESS' }, ['staffReacted'], msk('2026-11-23T15:00'));
    expect(late.reactionLate).toBe(true);
    expect(late.deliveredPriority).toBe('NORMAL');
    expect(dueSlaEvents({ ...t, ...late, status: 'IN_PROGRESS' }, msk('2026-11-30T15:00'))).toEqual([]);
  });

  it('should stop every clock when the ticket closes', () => {
    const t = filed('NORMAL', msk('2026-11-23T11:00'));
    const closed = advanceSla(ctx, { ...t, status: 'REJECTED' }, [], msk('2026-11-23T12:00'));
    expect(closed.slaCheckAt).toBeNull();
    expect(closed.slaDueAt).toBeNull();
  });

  it('should merge a contract override over the studio targets and refuse nonsense', () => {
    const targets = parseSlaTargets({ priority: { HIGH: { reaction: { workingMinutes: 60 } } } }, ctx.targets);
    expect(targets.priority.HIGH.reaction).toEqual({ workingMinutes: 60 });
    expect(targets.priority.URGENT).toEqual(ctx.targets.priority.URGENT);
    expect(() => parseSlaTargets({ priority: { HIGH: { reaction: { workingMinutes: -5 } } } })).toThrow(
      SlaTargetsError,
    );
    expect(() => parseSlaTargets({ priority: { LOW: {} } })).toThrow('unknown priority LOW');
  });
});
