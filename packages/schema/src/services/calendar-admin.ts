import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/client.ts';
import { type CalendarDayOverride, isIsoDate } from '../domain/calendar/calendar-day.ts';
import {
  type CalendarFileFormat,
  CalendarFormatError,
  type CalendarImport,
  parseCalendarFile,
} from '../domain/calendar/import/index.ts';
import { minuteOfDay, type WorkingHours, weekdays } from '../domain/calendar/working-calendar.ts';
import { isTimeZone } from '../domain/calendar/zoned-time.ts';
import { deriveSla } from '../domain/sla/ticket-sla.ts';
import type { ActorRef } from './actor.ts';
import { audit } from './audit.ts';
import { DomainError } from './domain-error.ts';
import { forgetSlaSettings, slaContextFor, slaData, slaFactsOf } from './sla.ts';

const calendarsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'calendars');

/** The calendars shipped in packages/schema/calendars (country → file of each year). */
export function builtInCalendar(country: string): CalendarImport {
  const dir = join(calendarsDir, country.toLowerCase());
  const files = readdirSync(dir).filter((name) => /^\d{4}\.json$/.test(name));
  const imports = files.map((name) => parseCalendarFile('JSON', readFileSync(join(dir, name), 'utf8')));
  return {
    days: imports.flatMap((i) => i.days).sort((a, b) => a.date.localeCompare(b.date)),
    years: imports.flatMap((i) => i.years).sort(),
  };
}

/** Reads a calendar file; a malformed one is a typed INVALID_INPUT naming the line. */
export function readCalendarFile(format: CalendarFileFormat, content: string): CalendarImport {
  try {
    return parseCalendarFile(format, content);
  } catch (error) {
    if (error instanceof CalendarFormatError) throw new DomainError('INVALID_INPUT', 'content', error.message);
    throw error;
  }
}

/**
 * Puts a calendar's days in place. With `replace`, the years the file covers are replaced
 * as a whole (an official decree supersedes a provisional year); otherwise days are added
 * or overwritten one by one. Due times of open tickets follow.
 */
export async function importCalendar(
  db: Db,
  calendar: CalendarImport,
  options: { replace: boolean; actor: ActorRef; now: Date },
): Promise<{ days: number; years: number[]; ticketsRecomputed: number }> {
  await db.$transaction(async (tx) => {
    if (options.replace) {
      for (const year of calendar.years)
        await tx.calendarOverride.deleteMany({ where: { date: { gte: `${year}-01-01`, lte: `${year}-12-31` } } });
    }
    for (const day of calendar.days) {
      const data = { kind: day.kind, workingMinutes: day.workingMinutes ?? null, note: day.note ?? null };
      await tx.calendarOverride.upsert({
        where: { date: day.date },
        create: { date: day.date, ...data },
        update: data,
      });
    }
    await tx.studioSettings.updateMany({ where: { id: 'studio' }, data: { calendarVersion: { increment: 1 } } });
  });
  await audit(
    db,
    options.actor,
    'calendar.import',
    'Calendar',
    'studio',
    { years: calendar.years, days: calendar.days.length },
    options.now,
  );
  const ticketsRecomputed = await recomputeOpenTicketClocks(db);
  return { days: calendar.days.length, years: calendar.years, ticketsRecomputed };
}

/** Sets one day (null kind: back to the weekly schedule). */
export async function setCalendarDay(
  db: Db,
  day: Omit<CalendarDayOverride, 'kind'> & { kind: CalendarDayOverride['kind'] | null },
  options: { actor: ActorRef; now: Date },
) {
  if (!isIsoDate(day.date)) throw new DomainError('INVALID_INPUT', 'date', 'a date as YYYY-MM-DD');
  const minutes = day.workingMinutes;
  if (minutes != null && (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440))
    throw new DomainError('INVALID_INPUT', 'workingMinutes', '1–1440 minutes');
  if (day.kind === 'HOLIDAY' && minutes != null)
    throw new DomainError('INVALID_INPUT', 'workingMinutes', 'a holiday has no working minutes');
  await db.$transaction(async (tx) => {
    if (day.kind === null) await tx.calendarOverride.deleteMany({ where: { date: day.date } });
    else {
      const data = { kind: day.kind, workingMinutes: minutes ?? null, note: day.note?.trim() || null };
      await tx.calendarOverride.upsert({
        where: { date: day.date },
        create: { date: day.date, ...data },
        update: data,
      });
    }
    await tx.studioSettings.updateMany({ where: { id: 'studio' }, data: { calendarVersion: { increment: 1 } } });
  });
  await audit(db, options.actor, 'calendar.day', 'Calendar', 'studio', { ...day }, options.now);
  return recomputeOpenTicketClocks(db);
}

/** Checks and stores the weekly schedule and time zone. */
export async function setWorkingHours(db: Db, hours: WorkingHours, options: { actor: ActorRef; now: Date }) {
  if (!isTimeZone(hours.timeZone))
    throw new DomainError('INVALID_INPUT', 'timeZone', 'an IANA zone like Europe/Moscow');
  for (const weekday of weekdays) {
    const day = hours.week[weekday];
    if (!day) continue;
    let opens: number;
    let closes: number;
    try {
      [opens, closes] = [minuteOfDay(day[0]), minuteOfDay(day[1])];
    } catch {
      throw new DomainError('INVALID_INPUT', 'week', `${weekday}: times as HH:MM`);
    }
    if (closes <= opens) throw new DomainError('INVALID_INPUT', 'week', `${weekday}: closes before it opens`);
  }
  const shortening = hours.preHolidayShorteningMinutes;
  if (!Number.isInteger(shortening) || shortening < 0 || shortening > 600)
    throw new DomainError('INVALID_INPUT', 'preHolidayShorteningMinutes', '0–600 minutes');
  if (!weekdays.some((d) => hours.week[d])) throw new DomainError('INVALID_INPUT', 'week', 'at least one working day');
  await db.studioSettings.update({
    where: { id: 'studio' },
    data: {
      timeZone: hours.timeZone,
      workingHours: { week: hours.week, preHolidayShorteningMinutes: shortening },
      calendarVersion: { increment: 1 },
    },
  });
  await audit(db, options.actor, 'calendar.hours', 'Calendar', 'studio', { ...hours }, options.now);
  return recomputeOpenTicketClocks(db);
}

const openStatuses = ['NEW', 'IN_PROGRESS', 'FEEDBACK', 'RESOLVED'] as const;

const sameTime = (a: Date | null, b: Date | null) =>
  a === null ? b === null : b !== null && a.getTime() === b.getTime();

function sameClocks(stored: Record<string, unknown>, clocks: ReturnType<typeof slaData>): boolean {
  return Object.entries(clocks).every(([key, value]) => {
    const before = stored[key];
    return value instanceof Date || before instanceof Date
      ? sameTime((before as Date | null) ?? null, (value as Date | null) ?? null)
      : before === value;
  });
}

/**
 * Recomputes the due and warning times of every open ticket after the calendar or the
 * targets changed, in batches of one transaction each. Returns how many it rewrote.
 */
export async function recomputeOpenTicketClocks(db: Db, batch = 500): Promise<number> {
  // Called after every change of the calendar or hours: from here on, the new ones.
  forgetSlaSettings(db);
  const contexts = new Map<string, Awaited<ReturnType<typeof slaContextFor>>>();
  let after: string | undefined;
  let rewritten = 0;
  for (;;) {
    const tickets = await db.ticket.findMany({
      where: { status: { in: [...openStatuses] }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: 'asc' },
      take: batch,
    });
    if (tickets.length === 0) return rewritten;
    after = tickets.at(-1)?.id;
    const updates: { id: string; updatedAt: Date; clocks: ReturnType<typeof slaData> }[] = [];
    for (const ticket of tickets) {
      const key = ticket.organizationId ?? '';
      let ctx = contexts.get(key);
      if (!ctx) {
        ctx = await slaContextFor(db, ticket.organizationId);
        contexts.set(key, ctx);
      }
      const clocks = slaData(deriveSla(ctx, slaFactsOf(ticket)));
      // Most edits move few due times (a holiday next spring): write only what changed.
      if (sameClocks(ticket, clocks)) continue;
      updates.push({ id: ticket.id, updatedAt: ticket.updatedAt, clocks });
    }
    if (updates.length === 0) continue;
    await db.$transaction(async (tx) => {
      for (const u of updates) {
        const { count } = await tx.ticket.updateMany({
          where: { id: u.id, updatedAt: u.updatedAt },
          data: { ...u.clocks, updatedAt: u.updatedAt },
        });
        rewritten += count;
      }
    });
  }
}
