import type { Db } from '../../db/client.ts';
import type { MonitorState } from '../../domain/monitoring/confirm.ts';
import type { EventBus } from '../../graphql/context.ts';
import { systemActor } from '../actor.ts';
import { moveTicket } from '../move-ticket.ts';
import { publishTicketChange } from '../publish.ts';
import { submitTicket } from '../submit-ticket.ts';
import { type Evidence, evidenceText } from './evidence.ts';
import { notifyStaffOfMonitor } from './staff-letters.ts';

/** A new DOWN within this long after the last one ended reopens its ticket. */
export const reopenWindowMs = 30 * 60_000;

export interface MonitorFacts {
  id: string;
  name: string;
  siteId: string;
  site: { name: string; url: string; organizationId: string };
}

export interface StateChange {
  monitor: MonitorFacts;
  from: MonitorState;
  to: MonitorState;
  at: Date;
  evidence: Evidence;
  /** Inside a maintenance window: recorded, but nothing is filed. */
  inMaintenance: boolean;
}

const openTicketStatuses = ['NEW', 'FEEDBACK', 'IN_PROGRESS', 'RESOLVED'] as const;
const closedStatuses = ['ACCEPTED', 'PAID', 'REJECTED'] as const;

/** What a confirmed change asks for once it is committed: tickets and letters. */
export interface StatePlan {
  /** An outage began (or came back from UNKNOWN without its ticket): file its ticket. */
  fileDown?: { incidentId: string };
  /** An outage ended on a ticket: write the downtime into it. */
  recovered?: { ticketId: string; since: Date };
  /** Slow responses began: one NORMAL ticket. */
  fileDegraded?: { incidentId: string };
}

/** The writer of a state change: the transaction that also writes the monitor's state. */
type Tx = Pick<Db, 'monitorIncident' | 'monitorStateChange'>;

/**
 * Records a confirmed state change with its incident, inside the transaction that writes the
 * monitor's new state (so a DOWN monitor always has its open incident), and says what to do
 * once committed: a DOWN files an IMMEDIATE emergency ticket, a recovery writes the downtime
 * into it, a DEGRADED files one NORMAL ticket. Maintenance records, but files nothing.
 */
export async function recordStateChange(tx: Tx, change: StateChange): Promise<StatePlan> {
  const { monitor, from, to, at } = change;
  const open = await tx.monitorIncident.findMany({ where: { monitorId: monitor.id, endedAt: null } });
  const openDown = open.find((i) => i.kind === 'DOWN');
  const openDegraded = open.find((i) => i.kind === 'DEGRADED');
  const plan: StatePlan = {};
  let incidentId: string | null = null;

  const openIncident = (kind: 'DOWN' | 'DEGRADED') =>
    tx.monitorIncident.create({
      data: {
        monitorId: monitor.id,
        siteId: monitor.siteId,
        kind,
        startedAt: at,
        inMaintenance: change.inMaintenance,
        evidence: change.evidence as object,
      },
    });
  const close = (id: string) => tx.monitorIncident.updateMany({ where: { id, endedAt: null }, data: { endedAt: at } });
  if (to === 'DOWN') {
    if (openDegraded) await close(openDegraded.id);
    if (openDown) {
      incidentId = openDown.id;
      // Back from UNKNOWN into the same outage: file the ticket if an earlier attempt could not.
      if (!openDown.ticketId && !openDown.inMaintenance) plan.fileDown = { incidentId };
    } else {
      const incident = await openIncident('DOWN');
      incidentId = incident.id;
      if (!change.inMaintenance) plan.fileDown = { incidentId };
    }
  } else if (to === 'UP' || to === 'DEGRADED') {
    if (openDown) {
      incidentId = openDown.id;
      await close(openDown.id);
      if (openDown.ticketId) plan.recovered = { ticketId: openDown.ticketId, since: openDown.startedAt };
    }
    if (to === 'UP' && openDegraded) await close(openDegraded.id);
    if (to === 'DEGRADED' && !openDegraded) {
      const incident = await openIncident('DEGRADED');
      incidentId = incident.id;
      if (!change.inMaintenance) plan.fileDegraded = { incidentId: incident.id };
    }
  }
  await tx.monitorStateChange.create({
    data: {
      monitorId: monitor.id,
      fromState: from,
      toState: to,
      at,
      reason: change.evidence.message ?? null,
      evidence: change.evidence as object,
      incidentId,
    },
  });
  return plan;
}

/**
 * Files the tickets and letters a committed change asked for. Each is idempotent, and an outage
 * left without its ticket (a crash right after the commit) gets it on its next failed check.
 */
export async function actOnStateChange(db: Db, events: EventBus, change: StateChange, plan: StatePlan): Promise<void> {
  if (plan.fileDown) await fileDownTicket(db, events, change, plan.fileDown.incidentId);
  if (plan.recovered) await recordRecovery(db, events, change, plan.recovered.ticketId, plan.recovered.since);
  if (plan.fileDegraded) await fileDegradedTicket(db, events, change, plan.fileDegraded.incidentId);
}

/**
 * A monitor still DOWN whose outage has no ticket (it began inside a maintenance window that
 * has ended since, or filing failed): file it now.
 */
export async function fileOutstandingTicket(
  db: Db,
  events: EventBus,
  change: Omit<StateChange, 'from' | 'to'>,
): Promise<boolean> {
  if (change.inMaintenance) return false;
  const open = await db.monitorIncident.findFirst({
    where: { monitorId: change.monitor.id, kind: 'DOWN', endedAt: null, ticketId: null },
  });
  if (!open) return false;
  await db.monitorIncident.update({ where: { id: open.id }, data: { inMaintenance: false } });
  await fileDownTicket(db, events, { ...change, from: 'DOWN', to: 'DOWN' }, open.id);
  return true;
}

async function fileDownTicket(db: Db, events: EventBus, change: StateChange, incidentId: string) {
  const { monitor, at } = change;
  const evidence = evidenceText(change.evidence);
  const recent = await db.monitorIncident.findFirst({
    where: {
      monitorId: monitor.id,
      kind: 'DOWN',
      id: { not: incidentId },
      ticketId: { not: null },
      endedAt: { gte: new Date(at.getTime() - reopenWindowMs) },
    },
    orderBy: { endedAt: 'desc' },
  });
  const previous = recent?.ticketId
    ? await db.ticket.findUnique({ where: { id: recent.ticketId }, select: { id: true, number: true, status: true } })
    : null;
  let ticketId: string;
  if (previous && !(closedStatuses as readonly string[]).includes(previous.status)) {
    ticketId = previous.id;
    await reopenTicket(
      db,
      events,
      previous,
      `Сайт снова недоступен / The site is down again.\n\n${evidence}`,
      incidentId,
      at,
    );
  } else {
    // A ticket the client accepted (or that was paid or rejected) is never reopened: the
    // repeated outage gets a ticket of its own that names the earlier one.
    const follows = previous
      ? `\n\nПовтор сбоя из заявки #${previous.number} / The outage of ticket #${previous.number} again.`
      : '';
    const { ticket } = await submitTicket(
      db,
      events,
      {
        title: `Сайт недоступен / Site down: ${monitor.site.name} (${monitor.name})`,
        description: `Мониторинг подтвердил сбой / Monitoring confirmed a failure: ${monitor.site.url}${follows}\n\n${evidence}`,
        priority: 'IMMEDIATE',
        category: 'EMERGENCY',
        source: 'MONITORING',
        siteId: monitor.siteId,
        organizationId: monitor.site.organizationId,
        pageContext: {
          monitorId: monitor.id,
          incidentId,
          evidence: change.evidence,
          ...(previous ? { previousTicketId: previous.id } : {}),
        },
        idempotencyKey: `monitor:incident:${incidentId}`,
      },
      systemActor,
      at,
    );
    ticketId = ticket.id;
  }
  await db.monitorIncident.update({ where: { id: incidentId }, data: { ticketId } });
  await db.monitor.update({ where: { id: monitor.id }, data: { incidentTicketId: ticketId } });
  await notifyStaffOfMonitor(
    db,
    'MONITOR_DOWN',
    ticketId,
    { monitorName: monitor.name, siteName: monitor.site.name, evidence },
    at,
  );
}

/**
 * A new DOWN soon after the last one, on a ticket still open: a RESOLVED or FEEDBACK ticket is
 * reopened through the transition table (back to NEW, the reaction clock restarted, the client
 * told); a NEW or IN_PROGRESS one gets the evidence as a message.
 */
async function reopenTicket(
  db: Db,
  events: EventBus,
  ticket: { id: string; status: string },
  body: string,
  incidentId: string,
  at: Date,
) {
  const idempotencyKey = `monitor:reopen:${incidentId}`;
  if (ticket.status === 'RESOLVED' || ticket.status === 'FEEDBACK') {
    await moveTicket(db, events, {
      ticketId: ticket.id,
      action: 'reopen',
      actor: systemActor,
      input: { message: body },
      idempotencyKey,
      source: 'MONITORING',
      now: at,
    });
    return;
  }
  await db.message.create({
    data: { ticketId: ticket.id, body, authorKind: 'SYSTEM', source: 'MONITORING', idempotencyKey, createdAt: at },
  });
  publishTicketChange(events, ticket.id);
}

async function recordRecovery(db: Db, events: EventBus, change: StateChange, ticketId: string, since: Date) {
  const minutes = Math.max(0, Math.round((change.at.getTime() - since.getTime()) / 60_000));
  const seconds = Math.round((change.at.getTime() - since.getTime()) / 1000);
  await db.message.create({
    data: {
      ticketId,
      body: `Сайт снова работает, простой ${minutes} мин (${seconds} с). / The site is back up after ${minutes} min (${seconds} s) of downtime.\n\n${evidenceText(change.evidence)}`,
      authorKind: 'SYSTEM',
      source: 'MONITORING',
      idempotencyKey: `monitor:recovered:${ticketId}:${since.toISOString()}`,
      createdAt: change.at,
    },
  });
  publishTicketChange(events, ticketId);
  await notifyStaffOfMonitor(
    db,
    'MONITOR_RECOVERED',
    ticketId,
    {
      monitorName: change.monitor.name,
      siteName: change.monitor.site.name,
      evidence: evidenceText(change.evidence),
      downtimeMinutes: minutes,
    },
    change.at,
  );
}

async function fileDegradedTicket(db: Db, events: EventBus, change: StateChange, incidentId: string) {
  const { monitor, at } = change;
  // Once: while an earlier slow-response ticket of this monitor is still open, nothing new.
  const earlier = await db.monitorIncident.findFirst({
    where: { monitorId: monitor.id, kind: 'DEGRADED', ticketId: { not: null }, id: { not: incidentId } },
    orderBy: { startedAt: 'desc' },
    select: { ticketId: true },
  });
  if (earlier?.ticketId) {
    const ticket = await db.ticket.findUnique({ where: { id: earlier.ticketId }, select: { status: true } });
    if (ticket && (openTicketStatuses as readonly string[]).includes(ticket.status)) return;
  }
  const { ticket } = await submitTicket(
    db,
    events,
    {
      title: `Сайт работает с перебоями / Site degraded: ${monitor.site.name} (${monitor.name})`,
      description: `${change.evidence.message ?? ''}\n\n${evidenceText(change.evidence)}`,
      priority: 'NORMAL',
      category: 'PROBLEM',
      source: 'MONITORING',
      siteId: monitor.siteId,
      organizationId: monitor.site.organizationId,
      pageContext: { monitorId: monitor.id, incidentId, evidence: change.evidence },
      idempotencyKey: `monitor:incident:${incidentId}`,
    },
    systemActor,
    at,
  );
  await db.monitorIncident.update({ where: { id: incidentId }, data: { ticketId: ticket.id } });
}
