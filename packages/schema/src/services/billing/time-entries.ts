import type { Db } from '../../db/client.ts';
import { chargedLine, timerMinutes } from '../../domain/billing/index.ts';
import type { StaffRole } from '../../domain/staff-role.ts';
import { DomainError } from '../domain-error.ts';

const closed = ['ACCEPTED', 'PAID', 'REJECTED'];
const maxMinutes = 24 * 60;

async function openTicket(db: Db, ticketId: string) {
  const ticket = await db.ticket.findUnique({ where: { id: ticketId }, select: { id: true, status: true } });
  if (!ticket) throw new DomainError('NOT_FOUND', 'ticketId');
  if (closed.includes(ticket.status)) throw new DomainError('TICKET_CLOSED', 'ticketId');
  return ticket;
}

/** The line `staffId`'s work is billed at: their own; another only when a head or admin names it. */
export async function lineOf(
  db: Db,
  staffId: string,
  given: number | null | undefined,
  role: StaffRole,
): Promise<number> {
  const staff = await db.staffMember.findUniqueOrThrow({ where: { id: staffId }, select: { supportLine: true } });
  const charged = chargedLine(staff.supportLine, given, role);
  if ('line' in charged) return charged.line;
  const code = charged.refused === 'NOT_YOUR_LINE' ? 'ACTOR_NOT_ALLOWED' : 'INVALID_INPUT';
  throw new DomainError(code, 'supportLine', charged.detail);
}

function checkNote(note: string | null | undefined): string | null {
  const text = note?.trim() ?? '';
  if (text.length > 2000) throw new DomainError('INVALID_INPUT', 'note', 'at most 2000 characters');
  return text || null;
}

export interface TimerStart {
  ticketId: string;
  staffId: string;
  note?: string | null;
  supportLine?: number | null;
  billable?: boolean | null;
  /** The specialist's role: only a head or an admin names a line other than their own. */
  role: StaffRole;
  now: Date;
}

/**
 * Starts a specialist's timer on a ticket. A specialist times one thing at a time: a timer
 * still running elsewhere is stopped first, at the same instant.
 */
export async function startTimer(db: Db, input: TimerStart) {
  await openTicket(db, input.ticketId);
  const supportLine = await lineOf(db, input.staffId, input.supportLine, input.role);
  const note = checkNote(input.note);
  return db.$transaction(async (tx) => {
    const running = await tx.timeEntry.findMany({ where: { staffId: input.staffId, endedAt: null } });
    for (const entry of running) {
      await tx.timeEntry.updateMany({
        where: { id: entry.id, endedAt: null },
        data: { endedAt: input.now, minutes: timerMinutes(entry.startedAt, input.now) },
      });
    }
    return tx.timeEntry.create({
      data: {
        ticketId: input.ticketId,
        staffId: input.staffId,
        supportLine,
        startedAt: input.now,
        note,
        billable: input.billable ?? true,
      },
    });
  });
}

/** Stops the specialist's running timer (whole minutes, halves up, at least one). */
export async function stopTimer(db: Db, input: { staffId: string; note?: string | null; now: Date }) {
  const entry = await db.timeEntry.findFirst({
    where: { staffId: input.staffId, endedAt: null },
    orderBy: { startedAt: 'desc' },
  });
  if (!entry) throw new DomainError('TIMER_NOT_RUNNING');
  const note = input.note === undefined ? entry.note : checkNote(input.note);
  const { count } = await db.timeEntry.updateMany({
    where: { id: entry.id, endedAt: null },
    data: { endedAt: input.now, minutes: timerMinutes(entry.startedAt, input.now), note },
  });
  // A second stop racing this one found it running too: only one of them stops it.
  if (count === 0) throw new DomainError('TIMER_NOT_RUNNING');
  return db.timeEntry.findUniqueOrThrow({ where: { id: entry.id } });
}

export interface LoggedTime {
  ticketId: string;
  staffId: string;
  minutes: number;
  note?: string | null;
  billable?: boolean | null;
  supportLine?: number | null;
  /** When the work was done (default: `now` minus the minutes). Not in the future. */
  startedAt?: Date | null;
  role: StaffRole;
  now: Date;
}

/** Records time worked by hand. */
export async function logTime(db: Db, input: LoggedTime) {
  if (!Number.isSafeInteger(input.minutes) || input.minutes < 1 || input.minutes > maxMinutes)
    throw new DomainError('INVALID_INPUT', 'minutes', `whole minutes from 1 to ${maxMinutes}`);
  const startedAt = input.startedAt ?? new Date(input.now.getTime() - input.minutes * 60_000);
  if (startedAt > input.now) throw new DomainError('INVALID_INPUT', 'startedAt', 'work done, not planned');
  await openTicket(db, input.ticketId);
  const supportLine = await lineOf(db, input.staffId, input.supportLine, input.role);
  return db.timeEntry.create({
    data: {
      ticketId: input.ticketId,
      staffId: input.staffId,
      supportLine,
      startedAt,
      endedAt: new Date(startedAt.getTime() + input.minutes * 60_000),
      minutes: input.minutes,
      note: checkNote(input.note),
      billable: input.billable ?? true,
    },
  });
}

export interface TimeSummary {
  totalMinutes: number;
  billableMinutes: number;
  byLine: { supportLine: number; minutes: number }[];
  byStaff: { staffId: string; minutes: number }[];
}

/** A ticket's finished time: in all, billable, by line and by specialist. */
export function summarizeTime(
  entries: readonly { supportLine: number; staffId: string; minutes: number; billable: boolean }[],
): TimeSummary {
  const byLine = new Map<number, number>();
  const byStaff = new Map<string, number>();
  let total = 0;
  let billable = 0;
  for (const e of entries) {
    total += e.minutes;
    if (e.billable) billable += e.minutes;
    byLine.set(e.supportLine, (byLine.get(e.supportLine) ?? 0) + e.minutes);
    byStaff.set(e.staffId, (byStaff.get(e.staffId) ?? 0) + e.minutes);
  }
  return {
    totalMinutes: total,
    billableMinutes: billable,
    byLine: [...byLine].sort((a, b) => a[0] - b[0]).map(([supportLine, minutes]) => ({ supportLine, minutes })),
    byStaff: [...byStaff].map(([staffId, minutes]) => ({ staffId, minutes })),
  };
}
