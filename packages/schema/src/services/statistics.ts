import type { Db } from '../db/client.ts';
import { localToInstant } from '../domain/calendar/zoned-time.ts';
import type { TicketTimes } from '../domain/sla/statistics.ts';
import type { SlaEventKind } from '../domain/sla/ticket-sla.ts';
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
export function ticketTimesOf(t: TicketRow & { slaEvents: { kind: string }[] }): TicketTimes {
  const reactionBreached = t.slaEvents.some((e) => e.kind === 'REACTION_BREACHED');
  const resolutionBreached = t.slaEvents.some((e) => e.kind === 'RESOLUTION_BREACHED');
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
