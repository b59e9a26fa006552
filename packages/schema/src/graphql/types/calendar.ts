import { GraphQLError } from 'graphql';
import { calendarDayKinds } from '../../domain/calendar/calendar-day.ts';
import { calendarFileFormats } from '../../domain/calendar/import/index.ts';
import {
  type CalendarDayInfo,
  type WeekSchedule,
  type WorkingCalendar,
  weekdays,
} from '../../domain/calendar/working-calendar.ts';
import { addDays, localToInstant, utcMsOfIsoDate } from '../../domain/calendar/zoned-time.ts';
import { importCalendar, readCalendarFile, setCalendarDay, setWorkingHours } from '../../services/calendar-admin.ts';
import { DomainError } from '../../services/domain-error.ts';
import { loadWorkingCalendar, slaTargetsFor, workingHoursOf } from '../../services/sla.ts';
import { actorOf } from '../actor.ts';
import { builder } from '../builder.ts';
import { atMost } from '../list-bounds.ts';

/** Longest range `calendarDays` answers at once: a bit more than a year. */
const maxDays = 400;

const CalendarDayType = builder.enumType('CalendarDayType', {
  description: 'Why a day is worked or not.',
  values: {
    REGULAR: { description: 'A working day of the weekly schedule.' },
    WEEKEND: { description: 'A day off of the weekly schedule.' },
    HOLIDAY: { description: 'A public holiday, or a day off moved onto a weekday.' },
    WORKDAY: { description: 'A weekend day that is worked (moved working day).' },
    SHORT: { description: 'A shortened working day (the eve of a holiday).' },
  } as const,
});
const CalendarDayKind = builder.enumType('CalendarDayKind', { values: calendarDayKinds });
const CalendarFileFormat = builder.enumType('CalendarFileFormat', { values: calendarFileFormats });
const Weekday = builder.enumType('Weekday', {
  values: weekdays.map((d) => d.toUpperCase()) as ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
});

type DayShape = CalendarDayInfo & { timeZone: string };

const CalendarDay = builder.objectRef<DayShape>('CalendarDay').implement({
  description: "A day of the studio's working calendar, in the studio's time zone.",
  fields: (t) => ({
    date: t.field({ type: 'Date', resolve: (d) => d.date }),
    working: t.exposeBoolean('working'),
    workingMinutes: t.exposeInt('workingMinutes'),
    type: t.field({ type: CalendarDayType, resolve: (d) => d.type }),
    opensAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (d) => (d.opensAtMinute === null ? null : new Date(localToInstant(d.date, d.opensAtMinute, d.timeZone))),
    }),
    closesAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (d) =>
        d.closesAtMinute === null ? null : new Date(localToInstant(d.date, d.closesAtMinute, d.timeZone)),
    }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

const dayOf = (calendar: WorkingCalendar, date: string): DayShape => ({
  ...calendar.day(date),
  timeZone: calendar.timeZone,
});

interface HoursShape {
  timeZone: string;
  week: WeekSchedule;
  preHolidayShorteningMinutes: number;
  calendar: WorkingCalendar;
  now: Date;
  db: Parameters<typeof loadWorkingCalendar>[0];
}

const UsualReaction = builder
  .objectRef<{ workingMinutes?: number; withinWorkingDays?: number }>('UsualReaction')
  .implement({
    description:
      'How soon the studio starts on a normal request: the reaction target of its SLA for NORMAL priority. One of the two fields is set.',
    fields: (t) => ({
      workingMinutes: t.int({ nullable: true, resolve: (r) => r.workingMinutes ?? null }),
      workingDays: t.int({
        nullable: true,
        description: 'By the close of the N-th working day after the request.',
        resolve: (r) => r.withinWorkingDays ?? null,
      }),
    }),
  });

const WeekdayHours = builder.objectRef<{ weekday: string; opens: string; closes: string }>('WeekdayHours').implement({
  fields: (t) => ({
    weekday: t.field({ type: Weekday, resolve: (d) => d.weekday as 'MON' }),
    opens: t.exposeString('opens', { description: 'Local time, HH:MM.' }),
    closes: t.exposeString('closes'),
  }),
});

const WorkingHours = builder.objectRef<HoursShape>('WorkingHours').implement({
  description: 'When support works: the weekly schedule, before holidays and moved days.',
  fields: (t) => ({
    timeZone: t.exposeString('timeZone'),
    days: t.field({
      type: [WeekdayHours],
      description: 'The working weekdays, Monday first.',
      resolve: (h) =>
        [...weekdays.slice(1), weekdays[0]].flatMap((d) => {
          const hours = h.week[d];
          return hours ? [{ weekday: d.toUpperCase(), opens: hours[0], closes: hours[1] }] : [];
        }),
    }),
    preHolidayShorteningMinutes: t.exposeInt('preHolidayShorteningMinutes'),
    openNow: t.boolean({ resolve: (h) => h.calendar.isWorkingTime(h.now) }),
    nextOpening: t.field({
      type: 'DateTime',
      description: 'Now when support works, else when it opens next.',
      resolve: (h) => h.calendar.nextWorkingInstant(h.now),
    }),
    usualReaction: t.field({
      type: UsualReaction,
      description: 'What the widget promises a visitor: "we usually answer within …".',
      resolve: async (h) => (await slaTargetsFor(h.db, null)).priority.NORMAL.reaction ?? { withinWorkingDays: 1 },
    }),
  }),
});

async function hoursOf(ctx: { db: Parameters<typeof loadWorkingCalendar>[0]; now: () => Date }): Promise<HoursShape> {
  const settings = await ctx.db.studioSettings.findUnique({
    where: { id: 'studio' },
    select: { timeZone: true, workingHours: true },
  });
  const hours = workingHoursOf(settings?.timeZone ?? 'Europe/Moscow', settings?.workingHours);
  return { ...hours, calendar: await loadWorkingCalendar(ctx.db), now: ctx.now(), db: ctx.db };
}

builder.queryFields((t) => ({
  calendarDays: t.field({
    type: [CalendarDay],
    description:
      "Public: the studio's working days from `from` to `to` (both included, at most 400 days), with holidays, moved and shortened days.",
    args: { from: t.arg({ type: 'Date', required: true }), to: t.arg({ type: 'Date', required: true }) },
    resolve: async (_root, { from, to }, ctx) => {
      const span = (utcMsOfIsoDate(to) - utcMsOfIsoDate(from)) / 86_400_000;
      if (span < 0 || span >= maxDays)
        throw new GraphQLError(`"to" must be on or after "from", at most ${maxDays} days`, {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      const calendar = await loadWorkingCalendar(ctx.db);
      const days: DayShape[] = [];
      for (let date = from; date <= to; date = addDays(date, 1)) days.push(dayOf(calendar, date));
      return days;
    },
  }),
  workingHours: t.field({
    type: WorkingHours,
    description: 'Public: when support works (the widget shows it).',
    resolve: (_root, _args, ctx) => hoursOf(ctx),
  }),
}));

const SetCalendarDayInput = builder.inputType('SetCalendarDayInput', {
  fields: (t) => ({
    date: t.field({ type: 'Date', required: true }),
    kind: t.field({
      type: CalendarDayKind,
      required: false,
      description: 'Null: the day follows the weekly schedule again.',
    }),
    workingMinutes: t.int({ required: false, description: 'WORKDAY or SHORT: minutes worked, if not the usual.' }),
    note: t.string({ required: false }),
  }),
});

const CalendarChangePayload = builder
  .objectRef<{ ticketsRecomputed: number; day?: DayShape; days?: number; years?: number[] }>('CalendarChangePayload')
  .implement({
    fields: (t) => ({
      ticketsRecomputed: t.exposeInt('ticketsRecomputed', { description: 'Open tickets whose due times followed.' }),
      day: t.field({ type: CalendarDay, nullable: true, resolve: (p) => p.day ?? null }),
      days: t.int({ nullable: true, description: 'Days imported.', resolve: (p) => p.days ?? null }),
      years: t.field({ type: ['Int'], nullable: true, resolve: (p) => p.years ?? null }),
    }),
  });

const ImportCalendarInput = builder.inputType('ImportCalendarInput', {
  fields: (t) => ({
    format: t.field({ type: CalendarFileFormat, required: true }),
    content: t.string({ required: true, description: 'The file: iCalendar, JSON or CSV (see calendars/README.md).' }),
    replaceYears: t.boolean({
      required: false,
      defaultValue: true,
      description: 'Replace every day of the years the file covers (default), or only add and overwrite days.',
    }),
  }),
});

const WeekdayHoursInput = builder.inputType('WeekdayHoursInput', {
  fields: (t) => ({
    weekday: t.field({ type: Weekday, required: true }),
    opens: t.string({ required: true, description: 'HH:MM' }),
    closes: t.string({ required: true, description: 'HH:MM' }),
  }),
});

const SetWorkingHoursInput = builder.inputType('SetWorkingHoursInput', {
  fields: (t) => ({
    timeZone: t.string({ required: true, description: 'IANA zone, e.g. Europe/Moscow.' }),
    days: t.field({ type: [WeekdayHoursInput], required: true, ...atMost(7, 'The working weekdays; others are off.') }),
    preHolidayShorteningMinutes: t.int({ required: false, defaultValue: 60 }),
  }),
});

/** Calendar files above this size are refused before parsing. */
const maxCalendarChars = 1_000_000;

builder.mutationFields((t) => ({
  setCalendarDay: t.field({
    type: CalendarChangePayload,
    description: 'Head of support or admin: make a day a holiday, a moved working day or a short day, or undo it.',
    authScopes: { $all: { staffRole: ['HEAD', 'ADMIN'], tokenScope: 'tickets:write' } },
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: SetCalendarDayInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const ticketsRecomputed = await setCalendarDay(
        ctx.db,
        { date: input.date, kind: input.kind ?? null, workingMinutes: input.workingMinutes, note: input.note },
        { actor: actorOf(ctx), now: ctx.now() },
      );
      return { ticketsRecomputed, day: dayOf(await loadWorkingCalendar(ctx.db), input.date) };
    },
  }),
  importCalendar: t.field({
    type: CalendarChangePayload,
    description: "Head of support or admin: load a production calendar (a country's, or the studio's own).",
    authScopes: { $all: { staffRole: ['HEAD', 'ADMIN'], tokenScope: 'tickets:write' } },
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: ImportCalendarInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      if (input.content.length > maxCalendarChars)
        throw new DomainError('INVALID_INPUT', 'content', 'a calendar file of at most 1 MB');
      const calendar = readCalendarFile(input.format, input.content);
      return importCalendar(ctx.db, calendar, {
        replace: input.replaceYears ?? true,
        actor: actorOf(ctx),
        now: ctx.now(),
      });
    },
  }),
  setWorkingHours: t.field({
    type: WorkingHours,
    description: 'Head of support or admin: the weekly schedule and time zone of support.',
    authScopes: { $all: { staffRole: ['HEAD', 'ADMIN'], tokenScope: 'tickets:write' } },
    errors: { types: [DomainError] },
    args: { input: t.arg({ type: SetWorkingHoursInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const week = Object.fromEntries(weekdays.map((d) => [d, null])) as Record<string, [string, string] | null>;
      for (const day of input.days) {
        const key = day.weekday.toLowerCase();
        if (week[key]) throw new DomainError('INVALID_INPUT', 'days', `${day.weekday} given twice`);
        week[key] = [day.opens, day.closes];
      }
      await setWorkingHours(
        ctx.db,
        {
          timeZone: input.timeZone,
          week: week as WeekSchedule,
          preHolidayShorteningMinutes: input.preHolidayShorteningMinutes ?? 60,
        },
        { actor: actorOf(ctx), now: ctx.now() },
      );
      return hoursOf(ctx);
    },
  }),
}));
