import { type Db, postgresSchemaOf } from '../db/client.ts';
import type { WorkingCalendar } from '../domain/calendar/working-calendar.ts';
import { WorkingTimeline } from '../domain/calendar/working-timeline.ts';
import { type WorkedTicket, workedTicket } from '../domain/sla/statistics.ts';
import { Prisma } from '../generated/sqlite/client.ts';

/** A month's tickets as read: one JSON array per column (see `workedTicketsOfMonth`). */
type RawColumns = {
  createdAt: string;
  firstResponseAt: string;
  resolvedAt: string;
  flags: string;
  assigneeId: string;
  organizationId: string;
  rejectReasonCode: string;
};

const columns = [
  'createdAt',
  'firstResponseAt',
  'resolvedAt',
  'flags',
  'assigneeId',
  'organizationId',
  'rejectReasonCode',
] as const;

/** A table's name for plain SQL: qualified by the PostgreSQL schema the client works in. */
function table(db: Db, name: string) {
  const schema = postgresSchemaOf(db);
  return Prisma.raw(schema ? `"${schema.replaceAll('"', '""')}"."${name}"` : `"${name}"`);
}

/** A DateTime column as epoch ms in a float (an integer would come back as a BigInt through a string). */
function epochMs(db: Db, column: string) {
  return Prisma.raw(
    postgresSchemaOf(db)
      ? `CAST(ROUND(EXTRACT(EPOCH FROM ${column}) * 1000) AS DOUBLE PRECISION)`
      : `ROUND(unixepoch(${column}, 'subsec') * 1000)`,
  );
}

const timelineLimitMs = 400 * 86_400_000;
const reacted = 1;
const hasTarget = 2;
const reactionBreachedFlag = 4;
const resolutionBreachedFlag = 8;
/** The rating's score (1–5, 0 for none) sits above the flags. */
const scoreUnit = 16;

/** One number per ticket for whether it was reacted to, has a target, was breached, and its score. */
function flagsSql(db: Db) {
  const flag = (value: number) => Prisma.raw(String(value));
  // One look-up of the ticket's events (by the unique index that starts with ticketId) for both breaches.
  return Prisma.sql`CAST(
      (CASE WHEN t."reactedAt" IS NULL THEN 0 ELSE ${flag(reacted)} END)
      + (CASE WHEN t."resolutionTargetMinutes" IS NULL THEN 0 ELSE ${flag(hasTarget)} END)
      + COALESCE((
        SELECT MAX(CASE WHEN e."kind" = 'REACTION_BREACHED' THEN ${flag(reactionBreachedFlag)} ELSE 0 END)
          + MAX(CASE WHEN e."kind" = 'RESOLUTION_BREACHED' THEN ${flag(resolutionBreachedFlag)} ELSE 0 END)
        FROM ${table(db, 'SlaEvent')} e WHERE e."ticketId" = t."id"
      ), 0)
      + COALESCE(r."score", 0) * ${flag(scoreUnit)}
    AS DOUBLE PRECISION)`;
}

/** A ticket of the month worked out for the totals, and whose it is. */
export type MonthTicket = WorkedTicket;

/**
 * The tickets filed in a month (optionally of one organization), worked out for the totals in
 * one query whatever their number: its breaches and rating come with each row, and the working
 * minutes from one timeline of the month's working time.
 */
export async function workedTicketsOfMonth(
  db: Db,
  calendar: WorkingCalendar,
  range: { from: Date; to: Date },
  where: { organizationId?: string } = {},
): Promise<MonthTicket[]> {
  // Plain SQL of the few values the figures need, as numbers, and each column as one JSON array:
  // a month of a busy studio is tens of thousands of rows, and an object per row and value (the
  // driver's, the adapter's, Prisma's) cost more than the read and keep the collector busy, while
  // a JSON array of numbers parses into one packed array.
  const ofOrganization = where.organizationId
    ? Prisma.sql`AND t."organizationId" = ${where.organizationId}`
    : Prisma.empty;
  const aggregate = (column: string) =>
    Prisma.raw(
      postgresSchemaOf(db)
        ? `CAST(json_agg(q."${column}") AS TEXT) AS "${column}"`
        : `json_group_array(q."${column}") AS "${column}"`,
    );
  const [read] = await db.$queryRaw<RawColumns[]>`
    SELECT ${Prisma.join(columns.map(aggregate))} FROM (
      SELECT ${epochMs(db, 't."createdAt"')} AS "createdAt", ${epochMs(db, 't."firstResponseAt"')} AS "firstResponseAt",
        ${epochMs(db, 't."resolvedAt"')} AS "resolvedAt", ${flagsSql(db)} AS "flags",
        t."assigneeId", t."organizationId", t."rejectReasonCode"
      FROM ${table(db, 'Ticket')} t LEFT JOIN ${table(db, 'TicketRating')} r ON r."ticketId" = t."id"
      WHERE t."createdAt" >= ${range.from} AND t."createdAt" < ${range.to} ${ofOrganization}
    ) q`;
  // PostgreSQL aggregates no rows to null.
  const column = <T>(name: (typeof columns)[number]) => JSON.parse(read?.[name] ?? '[]') as T[];
  const createdAt = column<number>('createdAt');
  const firstResponse = column<number | null>('firstResponseAt');
  const resolved = column<number | null>('resolvedAt');
  const flagsOf = column<number>('flags');
  const assigneeIds = column<string | null>('assigneeId');
  const organizationIds = column<string | null>('organizationId');
  const rejectReasonCodes = column<string | null>('rejectReasonCode');
  let last = range.to.getTime();
  for (let i = 0; i < createdAt.length; i++) {
    const first = firstResponse[i] ?? null;
    const resolvedAt = resolved[i] ?? null;
    if (first !== null && first > last) last = first;
    if (resolvedAt !== null && resolvedAt > last) last = resolvedAt;
  }
  // A timeline of the month and as far on as its tickets were answered (a year at most; later
  // instants, and any before the month, are asked of the calendar itself).
  const from = range.from.getTime();
  const timeline = new WorkingTimeline(calendar, from, Math.min(last, from + timelineLimitMs));
  const tickets: MonthTicket[] = new Array(createdAt.length);
  for (let i = 0; i < createdAt.length; i++) {
    const flags = flagsOf[i] as number;
    const reactionBreached = (flags & reactionBreachedFlag) !== 0;
    const resolutionBreached = (flags & resolutionBreachedFlag) !== 0;
    const firstResponseAt = firstResponse[i] ?? null;
    const resolvedAt = resolved[i] ?? null;
    // Decided: breached, or the specialist reacted in time (the clock stopped), as `ticketTimesOf` decides.
    const reactionDecided = reactionBreached || firstResponseAt !== null || (flags & reacted) !== 0;
    const resolutionDecided = resolutionBreached || (resolvedAt !== null && (flags & hasTarget) !== 0);
    const score = Math.floor(flags / scoreUnit);
    tickets[i] = workedTicket(
      {
        createdAt: createdAt[i] as number,
        firstResponseAt,
        resolvedAt,
        reactionBreached: reactionDecided ? reactionBreached : null,
        resolutionBreached: resolutionDecided ? resolutionBreached : null,
        rejectReasonCode: rejectReasonCodes[i] ?? null,
        satisfaction: score === 0 ? null : score,
        assigneeId: assigneeIds[i] ?? null,
        organizationId: organizationIds[i] ?? null,
      },
      timeline,
    );
  }
  return tickets;
}
