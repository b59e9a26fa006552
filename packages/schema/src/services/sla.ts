import type { Db } from '../db/client.ts';
import type { CalendarDayOverride } from '../domain/calendar/calendar-day.ts';
import { WorkingCalendar, type WorkingHours } from '../domain/calendar/working-calendar.ts';
import { parseSlaTargets, type SlaTargets } from '../domain/sla/sla-targets.ts';
import type { SlaColumns, SlaContext, SlaEventKind, TicketSlaFacts } from '../domain/sla/ticket-sla.ts';
import { defaultWorkingHours } from '../domain/studio-defaults.ts';
import type { TicketCategory, TicketPriority, TicketStatus } from '../domain/ticket-status.ts';
import { systemActor } from './actor.ts';
import { type Notice, notifyTicket } from './notify.ts';
import { isUniqueViolation } from './unique-violation.ts';

interface Cached {
  version: number;
  timeZone: string;
  calendar: WorkingCalendar;
}

// One calendar per database client, reloaded when another instance bumps the version.
const calendars = new WeakMap<object, Cached>();

/** The studio's working hours as stored, over the defaults. */
export function workingHoursOf(timeZone: string, stored: unknown): WorkingHours {
  const value = (stored ?? {}) as Partial<WorkingHours>;
  return {
    timeZone,
    week: { ...defaultWorkingHours.week, ...(value.week ?? {}) },
    preHolidayShorteningMinutes: value.preHolidayShorteningMinutes ?? defaultWorkingHours.preHolidayShorteningMinutes,
  };
}

const calendarSettings = { timeZone: true, workingHours: true, calendarVersion: true } as const;
type CalendarSettings = { timeZone: string; workingHours: unknown; calendarVersion: number } | null;

/** The studio's working calendar: one settings read, the days only when they changed. */
export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendar> {
  return calendarFrom(db, await db.studioSettings.findUnique({ where: { id: 'studio' }, select: calendarSettings }));
}

async function calendarFrom(db: Db, settings: CalendarSettings): Promise<WorkingCalendar> {
  const version = settings?.calendarVersion ?? -1;
  const timeZone = settings?.timeZone ?? defaultWorkingHours.timeZone;
  const cached = calendars.get(db);
  if (cached && cached.version === version && cached.timeZone === timeZone) return cached.calendar;
  const days = await db.calendarOverride.findMany({ orderBy: { date: 'asc' } });
  const calendar = new WorkingCalendar(
    workingHoursOf(timeZone, settings?.workingHours),
    days.map(
      (d): CalendarDayOverride => ({ date: d.date, kind: d.kind, workingMinutes: d.workingMinutes, note: d.note }),
    ),
  );
  calendars.set(db, { version, timeZone, calendar });
  return calendar;
}

/** The studio's SLA targets with the overrides of the organization's active contract. */
export async function slaTargetsFor(db: Db, organizationId: string | null): Promise<SlaTargets> {
  const settings = await db.studioSettings.findUnique({ where: { id: 'studio' }, select: { slaTargets: true } });
  return targetsFrom(db, settings?.slaTargets ?? null, organizationId);
}

async function targetsFrom(db: Db, stored: unknown, organizationId: string | null): Promise<SlaTargets> {
  let targets = parseSlaTargets(stored);
  if (organizationId) {
    const contract = await db.contract.findFirst({
      where: { organizationId, active: true },
      orderBy: { startsOn: 'desc' },
      select: { overrides: true },
    });
    const sla = (contract?.overrides as { sla?: unknown } | null)?.sla;
    if (sla) targets = parseSlaTargets(sla, targets);
  }
  return targets;
}

const slaSettings = { ...calendarSettings, slaTargets: true } as const;
type SlaSettings = (CalendarSettings & { slaTargets: unknown }) | null;

/** How long a read of the SLA settings is used again: other processes' changes arrive within it. */
export const slaSettingsTtlMs = 1_000;
const settingsReads = new WeakMap<object, { until: number; settings: Promise<SlaSettings> }>();

/**
 * The studio's SLA settings (calendar, time zone, targets), read at most once a second: every
 * ticket filed needs them, and they change a few times a year. A change made in this process
 * is seen at once (`forgetSlaSettings`); one made by another instance or the CLI within a second.
 */
function cachedSlaSettings(db: Db): Promise<SlaSettings> {
  const now = performance.now();
  const kept = settingsReads.get(db);
  if (kept && kept.until > now) return kept.settings;
  const settings = db.studioSettings.findUnique({ where: { id: 'studio' }, select: slaSettings });
  settingsReads.set(db, { until: now + slaSettingsTtlMs, settings });
  settings.catch(() => settingsReads.delete(db));
  return settings;
}

/** After a change of working hours, the calendar or SLA targets: the next read is fresh. */
export function forgetSlaSettings(db: Db): void {
  settingsReads.delete(db);
}

export async function slaContextFor(db: Db, organizationId: string | null): Promise<SlaContext> {
  // One read of the studio's row for both the calendar and the targets, kept for a second.
  const settings = await cachedSlaSettings(db);
  const [calendar, targets] = await Promise.all([
    calendarFrom(db, settings),
    targetsFrom(db, settings?.slaTargets ?? null, organizationId),
  ]);
  return { calendar, targets };
}

type StoredTicket = SlaColumns & {
  status: string;
  priority: string;
  category: string;
  deliveredPriority: string | null;
};

/** The clock facts of a stored ticket. */
export function slaFactsOf(ticket: StoredTicket): TicketSlaFacts {
  return {
    status: ticket.status as TicketStatus,
    priority: ticket.priority as TicketPriority,
    category: ticket.category as TicketCategory,
    reactionStartedAt: ticket.reactionStartedAt,
    reactedAt: ticket.reactedAt,
    reactionDueAt: ticket.reactionDueAt,
    reactionWarningAt: ticket.reactionWarningAt,
    resolutionTargetMinutes: ticket.resolutionTargetMinutes,
    resolutionElapsedMinutes: ticket.resolutionElapsedMinutes,
    resolutionRunningSince: ticket.resolutionRunningSince,
    resolutionDueAt: ticket.resolutionDueAt,
    resolutionWarningAt: ticket.resolutionWarningAt,
    deliveredPriority: ticket.deliveredPriority as TicketPriority | null,
  };
}

/** The clock columns to write (everything but status, priority and category). */
export function slaData(columns: SlaColumns) {
  return {
    reactionStartedAt: columns.reactionStartedAt,
    reactedAt: columns.reactedAt,
    reactionDueAt: columns.reactionDueAt,
    reactionWarningAt: columns.reactionWarningAt,
    resolutionTargetMinutes: columns.resolutionTargetMinutes,
    resolutionElapsedMinutes: columns.resolutionElapsedMinutes,
    resolutionRunningSince: columns.resolutionRunningSince,
    resolutionDueAt: columns.resolutionDueAt,
    resolutionWarningAt: columns.resolutionWarningAt,
    deliveredPriority: columns.deliveredPriority,
    slaCheckAt: columns.slaCheckAt,
    slaDueAt: columns.slaDueAt,
  };
}

/**
 * Records a warning, breach or escalation once: the unique (ticket, kind, due time) makes
 * a second instance's or a retried attempt a no-op. True when this call recorded it.
 */
export async function recordSlaEvent(
  db: Db,
  event: { ticketId: string; kind: SlaEventKind; dueAt: Date; staffId?: string | null; now: Date },
  notices: Notice[] = [],
): Promise<boolean> {
  const data = {
    ticketId: event.ticketId,
    kind: event.kind,
    dueAt: event.dueAt,
    staffId: event.staffId ?? null,
    createdAt: event.now,
  };
  try {
    // Its letters are written with it, or (a second instance recorded it first) not at all.
    if (notices.length === 0) await db.slaEvent.create({ data });
    else
      await db.$transaction(async (tx) => {
        await tx.slaEvent.create({ data });
        await notifyTicket(tx, event.ticketId, notices, systemActor, event.now);
      });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
