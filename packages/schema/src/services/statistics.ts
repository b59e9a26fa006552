import { type Db, postgresSchemaOf } from '../db/client.ts';
import { localToInstant } from '../domain/calendar/zoned-time.ts';
import type { TicketTimes } from '../domain/sla/statistics.ts';
import type { SlaEventKind } from '../domain/sla/ticket-sla.ts';
import { Prisma } from '../generated/sqlite/client.ts';
import { DomainError } from './domain-error.ts';

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The instants a YYYY-MM month of the studio's zone starts and ends. */
export function monthRange(month: string, timeZone: string): { from: Date; to: Date } {
  const match = monthPattern.exec(month);
  if (!match) throw new DomainError('INVALID_INPUT', 'month', 'a month as YYYY-MM');
  const year = Number(match[1]);
  const m = Number(match[2]);
  const next = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
  return {
    from: new Date(localToInstant(`${month}-01`, 0, timeZone)),
    to: new Date(localToInstant(next, 0, timeZone)),
  };
}

type TicketRow = {
  id: string;
  status: string;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  reactedAt: Date | null;
  resolutionTargetMinutes: number | null;
  assigneeId: string | null;
  organizationId: string | null;
  rejectReasonCode: string | null;
  rating: { score: number | null } | null;
};

const select = {
  id: true,
  status: true,
  createdAt: true,
  firstResponseAt: true,
  resolvedAt: true,
  reactedAt: true,
  resolutionTargetMinutes: true,
  assigneeId: true,
  organizationId: true,
  rejectReasonCode: true,
  rating: { select: { score: true } },
} as const;

type RawTicket = {
  id: string;
  status: unknown;
  createdAt: Date | string;
  firstResponseAt: Date | string | null;
  resolvedAt: Date | string | null;
  reactedAt: Date | string | null;
  resolutionTargetMinutes: number | bigint | null;
  assigneeId: string | null;
  organizationId: string | null;
  rejectReasonCode: string | null;
  score: number | bigint | null;
};

/** A table's name for plain SQL: qualified by the PostgreSQL schema the client works in. */
function table(db: Db, name: string) {
  const schema = postgresSchemaOf(db);
  return Prisma.raw(schema ? `"${schema.replaceAll('"', '""')}"."${name}"` : `"${name}"`);
}

const dateOf = (value: Date | string | null): Date | null =>
  value === null ? null : value instanceof Date ? value : new Date(value);

/** A ticket of the month: its times, and whose it is. */
export type MonthTicket = TicketTimes & { assigneeId: string | null; organizationId: string | null };

/**
 * The tickets filed in a month (optionally of one organization) with their breaches, in
 * two queries whatever their number.
 */
export async function ticketTimesOfMonth(
  db: Db,
  range: { from: Date; to: Date },
  where: { organizationId?: string } = {},
): Promise<MonthTicket[]> {
  // One plain SQL read of the columns the figures need: a month of a busy studio is tens of
  // thousands of rows, and Prisma's objects for them cost more than the read itself.
  const ticket = table(db, 'Ticket');
  const rating = table(db, 'TicketRating');
  const ofOrganization = where.organizationId
    ? Prisma.sql`AND t."organizationId" = ${where.organizationId}`
    : Prisma.empty;
  const rows = await db.$queryRaw<RawTicket[]>`
    SELECT t."id", t."status", t."createdAt", t."firstResponseAt", t."resolvedAt", t."reactedAt",
      t."resolutionTargetMinutes", t."assigneeId", t."organizationId", t."rejectReasonCode", r."score"
    FROM ${ticket} t LEFT JOIN ${rating} r ON r."ticketId" = t."id"
    WHERE t."createdAt" >= ${range.from} AND t."createdAt" < ${range.to} ${ofOrganization}`;
  const tickets: TicketRow[] = rows.map((row) => ({
    id: row.id,
    status: String(row.status),
    createdAt: dateOf(row.createdAt) as Date,
    firstResponseAt: dateOf(row.firstResponseAt),
    resolvedAt: dateOf(row.resolvedAt),
    reactedAt: dateOf(row.reactedAt),
    resolutionTargetMinutes: row.resolutionTargetMinutes === null ? null : Number(row.resolutionTargetMinutes),
    assigneeId: row.assigneeId,
    organizationId: row.organizationId,
    rejectReasonCode: row.rejectReasonCode,
    rating: row.score === null ? null : { score: Number(row.score) },
  }));
  const breaches = await db.slaEvent.findMany({
    where: {
      kind: { in: ['REACTION_BREACHED', 'RESOLUTION_BREACHED'] },
      ticket: { ...where, createdAt: { gte: range.from, lt: range.to } },
    },
    select: { ticketId: true, kind: true },
  });
  const breached = new Set(breaches.map((b) => `${b.ticketId}:${b.kind}`));
  return tickets.map((t) => timesOf(t, breached));
}

/**
 * What one ticket's times are read from: its columns and its breach events. The GraphQL field
 * asks for this in the parent's query (plugin-prisma merges it), so a list costs no extra
 * query per ticket.
 */
export const ticketTimesSelect = {
  ...select,
  slaEvents: {
    where: { kind: { in: ['REACTION_BREACHED', 'RESOLUTION_BREACHED'] as SlaEventKind[] } },
    select: { kind: true },
  },
} as const;

/** One ticket's times and breaches, from a row read with `ticketTimesSelect`. */
export function ticketTimesOf(row: TicketRow & { slaEvents: { kind: string }[] }): TicketTimes {
  return timesOf(row, new Set(row.slaEvents.map((e) => `${row.id}:${e.kind}`)));
}

function timesOf(t: TicketRow, breached: Set<string>): MonthTicket {
  const reactionBreached = breached.has(`${t.id}:REACTION_BREACHED`);
  const resolutionBreached = breached.has(`${t.id}:RESOLUTION_BREACHED`);
  // Decided: breached, or the specialist reacted in time (the clock stopped).
  const reactionDecided = reactionBreached || t.firstResponseAt !== null || t.reactedAt !== null;
  const resolutionDecided = resolutionBreached || (t.resolvedAt !== null && t.resolutionTargetMinutes !== null);
  return {
    createdAt: t.createdAt,
    firstResponseAt: t.firstResponseAt,
    resolvedAt: t.resolvedAt,
    reactionBreached: reactionDecided ? reactionBreached : null,
    resolutionBreached: resolutionDecided ? resolutionBreached : null,
    rejectReasonCode: t.rejectReasonCode,
    satisfaction: t.rating?.score ?? null,
    assigneeId: t.assigneeId,
    organizationId: t.organizationId,
  };
}

/** The reaction and resolution breaches recorded in a month, newest first, with their tickets. */
export async function breachesOfMonth(db: Db, range: { from: Date; to: Date }, limit: number) {
  return db.slaEvent.findMany({
    where: { kind: { in: ['REACTION_BREACHED', 'RESOLUTION_BREACHED'] }, createdAt: { gte: range.from, lt: range.to } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      id: true,
      kind: true,
      dueAt: true,
      createdAt: true,
      ticket: {
        select: {
          id: true,
          number: true,
          title: true,
          priority: true,
          organization: { select: { name: true } },
          assignee: { select: { name: true } },
        },
      },
    },
  });
}
