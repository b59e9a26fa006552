import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  decideMove,
  type TicketStatus as Status,
  type TicketAction,
  type TicketFacts,
  TicketStatus,
} from '../src/domain/index.ts';
import { lifecycleMarkdown } from '../src/domain/lifecycle-doc.ts';

const now = new Date('2026-11-23T12:00:00Z');
const options = { now, autoAcceptDays: 7 };
const day = 86_400_000;

const actors: Record<string, Actor> = {
  visitor: { kind: 'VISITOR' },
  contact: { kind: 'CONTACT', authorized: false },
  authorized: { kind: 'CONTACT', authorized: true },
  line1: { kind: 'STAFF', role: 'LINE1' },
  line2: { kind: 'STAFF', role: 'LINE2' },
  line3: { kind: 'STAFF', role: 'LINE3' },
  head: { kind: 'STAFF', role: 'HEAD' },
  admin: { kind: 'STAFF', role: 'ADMIN' },
  accountant: { kind: 'STAFF', role: 'ACCOUNTANT' },
  system: { kind: 'SYSTEM' },
};

const clients = ['visitor', 'contact', 'authorized'];
const workers = ['line1', 'line2', 'line3', 'head', 'admin'];

/**
 * Written out by hand from domain.md, not derived from the table it checks: for each move,
 * the statuses it starts from, the status it leads to, and who may make it.
 */
const expected: Record<TicketAction, { from: Status[]; to: Status | 'same'; who: string[] }[]> = {
  reply: [
    { from: ['FEEDBACK', 'RESOLVED'], to: 'NEW', who: clients },
    { from: ['NEW', 'IN_PROGRESS'], to: 'same', who: clients },
  ],
  requestFeedback: [{ from: ['NEW', 'IN_PROGRESS'], to: 'FEEDBACK', who: workers }],
  confirmEstimate: [{ from: ['FEEDBACK'], to: 'NEW', who: ['authorized'] }],
  start: [{ from: ['NEW'], to: 'IN_PROGRESS', who: workers }],
  resolve: [{ from: ['NEW', 'FEEDBACK', 'IN_PROGRESS'], to: 'RESOLVED', who: workers }],
  // The visitor who reported it may accept free work (a paid ticket: see below).
  accept: [{ from: ['RESOLVED'], to: 'ACCEPTED', who: ['authorized', 'visitor'] }],
  autoAccept: [{ from: ['RESOLVED', 'FEEDBACK'], to: 'ACCEPTED', who: ['system'] }],
  // Monitoring reopens a ticket waiting on the client; a closed one is never reopened.
  reopen: [{ from: ['FEEDBACK', 'RESOLVED'], to: 'NEW', who: ['system'] }],
  reject: [{ from: ['NEW', 'FEEDBACK', 'IN_PROGRESS', 'RESOLVED'], to: 'REJECTED', who: [...workers, ...clients] }],
  confirmPayment: [{ from: ['ACCEPTED'], to: 'PAID', who: ['accountant', 'admin'] }],
};

/** A ticket that satisfies every precondition but the status, so only the table decides. */
function ticketIn(status: Status): TicketFacts {
  return {
    status,
    paid: true,
    estimateKopecks: 500_000,
    estimateConfirmedAt: new Date(now.getTime() - day),
    firstResponseAt: null,
    autoAcceptAt: new Date(now.getTime() - 1),
  };
}
const input = { text: 'Готово: исправили форму. / Done.' };

describe('the ticket lifecycle table', () => {
  for (const [action, rows] of Object.entries(expected) as [TicketAction, (typeof expected)[TicketAction]][]) {
    it(`should allow ${action} exactly from ${rows.map((r) => r.from.join('/')).join(' and ')}, only to its actors, and refuse every other move`, () => {
      for (const status of Object.values(TicketStatus)) {
        const row = rows.find((r) => r.from.includes(status));
        for (const [name, actor] of Object.entries(actors)) {
          // A visitor's tickets are free: nothing is ever billed to a visitor.
          const ticket = name === 'visitor' ? { ...ticketIn(status), paid: false } : ticketIn(status);
          const result = decideMove(ticket, action, actor, input, options);
          if (!row)
            expect(result, `${action} from ${status} by ${name}`).toEqual({
              ok: false,
              code: 'TRANSITION_NOT_ALLOWED',
            });
          else if (!row.who.includes(name))
            expect(result, `${action} from ${status} by ${name}`).toEqual({ ok: false, code: 'ACTOR_NOT_ALLOWED' });
          else {
            expect(result.ok, `${action} from ${status} by ${name}`).toBe(true);
            if (result.ok) expect(result.patch.status).toBe(row.to === 'same' ? status : row.to);
          }
        }
      }
    });
  }

  it('should not let a visitor accept paid work, which would bill them', () => {
    expect(decideMove(ticketIn('RESOLVED'), 'accept', actors.visitor as Actor, {}, options)).toEqual({
      ok: false,
      code: 'ACTOR_NOT_ALLOWED',
    });
  });

  it('should keep ACCEPTED, PAID and REJECTED read-only for every client', () => {
    for (const status of ['ACCEPTED', 'PAID', 'REJECTED'] as const) {
      for (const action of Object.keys(expected) as TicketAction[]) {
        for (const name of clients) {
          expect(decideMove(ticketIn(status), action, actors[name] as Actor, input, options).ok).toBe(false);
        }
      }
    }
  });
});

describe('the rules around the moves', () => {
  const open = (overrides: Partial<TicketFacts> = {}): TicketFacts => ({
    status: 'NEW',
    paid: false,
    estimateKopecks: null,
    estimateConfirmedAt: null,
    firstResponseAt: null,
    autoAcceptAt: null,
    ...overrides,
  });

  it('should return the ticket to NEW and to the end of the queue when the client replies in FEEDBACK', () => {
    const result = decideMove(
      open({ status: 'FEEDBACK', autoAcceptAt: new Date(now.getTime() + day) }),
      'reply',
      actors.visitor as Actor,
      {},
      options,
    );
    expect(result).toEqual({ ok: true, patch: { status: 'NEW', queuedAt: now, autoAcceptAt: null } });
  });

  it('should move a NEW ticket to the end of the queue when the client adds to it', () => {
    expect(decideMove(open(), 'reply', actors.contact as Actor, {}, options)).toEqual({
      ok: true,
      patch: { status: 'NEW', queuedAt: now, autoAcceptAt: null },
    });
  });

  it('should need a reason to reject, and keep it', () => {
    expect(decideMove(open(), 'reject', actors.line1 as Actor, { text: '  ' }, options)).toEqual({
      ok: false,
      code: 'REASON_REQUIRED',
    });
    const result = decideMove(open(), 'reject', actors.line1 as Actor, { text: 'Дубликат #1001' }, options);
    expect(result.ok && result.patch).toMatchObject({
      status: 'REJECTED',
      rejectReason: 'Дубликат #1001',
      rejectedAt: now,
    });
  });

  it('should need a report to resolve, and set the auto-acceptance date 7 days later', () => {
    expect(decideMove(open(), 'resolve', actors.line2 as Actor, {}, options)).toEqual({
      ok: false,
      code: 'REPORT_REQUIRED',
    });
    const result = decideMove(open(), 'resolve', actors.line2 as Actor, { text: 'Fixed the form' }, options);
    expect(result.ok && result.patch).toMatchObject({
      status: 'RESOLVED',
      resolvedAt: now,
      autoAcceptAt: new Date(now.getTime() + 7 * day),
    });
  });

  it('should ask for an estimate before paid work goes to FEEDBACK, and start paid work only after the client confirms it', () => {
    const paid = open({ paid: true });
    expect(decideMove(paid, 'requestFeedback', actors.line2 as Actor, {}, options)).toEqual({
      ok: false,
      code: 'ESTIMATE_REQUIRED',
    });
    const asked = decideMove(paid, 'requestFeedback', actors.line2 as Actor, { estimateKopecks: 240_000 }, options);
    expect(asked.ok && asked.patch).toMatchObject({
      status: 'FEEDBACK',
      estimateKopecks: 240_000,
      estimateConfirmedAt: null,
    });
    expect(decideMove(paid, 'start', actors.line2 as Actor, {}, options)).toEqual({
      ok: false,
      code: 'ESTIMATE_NOT_CONFIRMED',
    });
    const confirmed = decideMove(
      { ...paid, status: 'FEEDBACK', estimateKopecks: 240_000 },
      'confirmEstimate',
      actors.authorized as Actor,
      {},
      options,
    );
    expect(confirmed).toEqual({
      ok: true,
      patch: { status: 'NEW', queuedAt: now, autoAcceptAt: null, estimateConfirmedAt: now },
    });
    expect(
      decideMove(
        { ...paid, estimateKopecks: 240_000, estimateConfirmedAt: now },
        'start',
        actors.line2 as Actor,
        {},
        options,
      ).ok,
    ).toBe(true);
  });

  it('should let nothing that leads to billing happen to paid work before the client confirms the estimate', () => {
    const estimated = open({ paid: true, estimateKopecks: 240_000 });
    for (const [status, action, actor] of [
      ['NEW', 'resolve', actors.line2],
      ['IN_PROGRESS', 'resolve', actors.line2],
      ['FEEDBACK', 'resolve', actors.line2],
      ['RESOLVED', 'accept', actors.authorized],
    ] as const) {
      expect(
        decideMove({ ...estimated, status }, action, actor as Actor, { text: 'Done' }, options),
        `${action} from ${status}`,
      ).toEqual({ ok: false, code: 'ESTIMATE_NOT_CONFIRMED' });
    }
    const overdue = { ...estimated, status: 'FEEDBACK' as const, autoAcceptAt: new Date(now.getTime() - day) };
    expect(decideMove(overdue, 'autoAccept', { kind: 'SYSTEM' }, {}, options)).toEqual({
      ok: false,
      code: 'ESTIMATE_NOT_CONFIRMED',
    });
    // Free work, and paid work once confirmed, go on as before.
    expect(decideMove({ ...overdue, paid: false }, 'autoAccept', { kind: 'SYSTEM' }, {}, options).ok).toBe(true);
    const agreed = { ...estimated, estimateConfirmedAt: now };
    expect(decideMove(agreed, 'resolve', actors.line2 as Actor, { text: 'Done' }, options).ok).toBe(true);
    expect(decideMove({ ...agreed, status: 'RESOLVED' }, 'accept', actors.authorized as Actor, {}, options).ok).toBe(
      true,
    );
    // Asking, answering and withdrawing stay open: they bill nothing.
    expect(decideMove(estimated, 'reject', actors.line2 as Actor, { text: 'Out of scope' }, options).ok).toBe(true);
  });

  it('should refuse to confirm an estimate that was never given', () => {
    expect(
      decideMove(open({ status: 'FEEDBACK' }), 'confirmEstimate', actors.authorized as Actor, {}, options),
    ).toEqual({ ok: false, code: 'ESTIMATE_REQUIRED' });
  });

  it('should confirm payment only of a paid ticket', () => {
    expect(decideMove(open({ status: 'ACCEPTED' }), 'confirmPayment', actors.accountant as Actor, {}, options)).toEqual(
      { ok: false, code: 'NOT_A_PAID_TICKET' },
    );
    const result = decideMove(
      open({ status: 'ACCEPTED', paid: true }),
      'confirmPayment',
      actors.accountant as Actor,
      {},
      options,
    );
    expect(result.ok && result.patch).toEqual({ status: 'PAID', paidAt: now });
  });

  it('should auto-accept exactly when the due time has come, not a millisecond before', () => {
    const due = new Date(now.getTime() + 1);
    expect(
      decideMove(open({ status: 'RESOLVED', autoAcceptAt: due }), 'autoAccept', actors.system as Actor, {}, options),
    ).toEqual({ ok: false, code: 'NOT_DUE_YET' });
    const result = decideMove(
      open({ status: 'RESOLVED', autoAcceptAt: now }),
      'autoAccept',
      actors.system as Actor,
      {},
      options,
    );
    expect(result.ok && result.patch).toEqual({ status: 'ACCEPTED', acceptedAt: now, autoAcceptAt: null });
  });

  it('should record the first response at the first move of support, and only then', () => {
    const first = decideMove(open(), 'start', actors.line1 as Actor, {}, options);
    expect(first.ok && first.patch.firstResponseAt).toEqual(now);
    const later = decideMove(open({ firstResponseAt: new Date(0) }), 'start', actors.line1 as Actor, {}, options);
    expect(later.ok && later.patch.firstResponseAt).toBeUndefined();
  });
});

describe('the lifecycle document', () => {
  it('should match the transition table (run pnpm docs:lifecycle after changing it)', () => {
    expect(readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'ticket-lifecycle.md'), 'utf8')).toBe(
      lifecycleMarkdown(),
    );
  });
});
