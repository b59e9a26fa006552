import type { Db } from '../../db/client.ts';
import type { StaffRole } from '../../domain/staff-role.ts';
import { DomainError } from '../domain-error.ts';
import { lineOf } from './time-entries.ts';

const closed = ['ACCEPTED', 'PAID', 'REJECTED'];
const maxMinutes = 24 * 60;

export interface TimeEntryEditor {
  staffId: string;
  role: StaffRole;
}

/** An entry its author, the head of support or an admin may change, while its ticket is open. */
async function editable(db: Db, id: string, editor: TimeEntryEditor) {
  const entry = await db.timeEntry.findUnique({ where: { id }, include: { ticket: { select: { status: true } } } });
  if (!entry) throw new DomainError('NOT_FOUND', 'timeEntryId');
  if (entry.staffId !== editor.staffId && editor.role !== 'HEAD' && editor.role !== 'ADMIN')
    throw new DomainError('ACTOR_NOT_ALLOWED');
  // A closed ticket's time may be invoiced already: it stays as it was.
  if (closed.includes(entry.ticket.status)) throw new DomainError('TICKET_CLOSED', 'timeEntryId');
  return entry;
}

export interface TimeEntryChange {
  minutes?: number | null;
  note?: string | null;
  billable?: boolean | null;
  supportLine?: number | null;
}

/**
 * Corrects a time entry (a mistyped duration, a wrong line). A month already invoiced gets the
 * difference as a correction document when invoices are issued again.
 */
export async function updateTimeEntry(db: Db, id: string, change: TimeEntryChange, editor: TimeEntryEditor) {
  const entry = await editable(db, id, editor);
  const data: { minutes?: number; endedAt?: Date; note?: string | null; billable?: boolean; supportLine?: number } = {};
  if (change.minutes != null) {
    if (entry.endedAt === null) throw new DomainError('INVALID_INPUT', 'minutes', 'stop the timer first');
    if (!Number.isSafeInteger(change.minutes) || change.minutes < 1 || change.minutes > maxMinutes)
      throw new DomainError('INVALID_INPUT', 'minutes', `whole minutes from 1 to ${maxMinutes}`);
    data.minutes = change.minutes;
    data.endedAt = new Date(entry.startedAt.getTime() + change.minutes * 60_000);
  }
  if (change.note !== undefined) {
    const note = change.note?.trim() ?? '';
    if (note.length > 2000) throw new DomainError('INVALID_INPUT', 'note', 'at most 2000 characters');
    data.note = note || null;
  }
  if (change.billable != null) data.billable = change.billable;
  if (change.supportLine != null) data.supportLine = await lineOf(db, entry.staffId, change.supportLine, editor.role);
  return db.timeEntry.update({ where: { id: entry.id }, data });
}

/** Removes a time entry recorded by mistake. */
export async function deleteTimeEntry(db: Db, id: string, editor: TimeEntryEditor) {
  const entry = await editable(db, id, editor);
  await db.timeEntry.delete({ where: { id: entry.id } });
  return entry;
}
