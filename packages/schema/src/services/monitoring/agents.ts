import type { CheckReport } from '../../checks/types.ts';
import type { Db } from '../../db/client.ts';
import type { CheckOutcome } from '../../domain/monitoring/confirm.ts';
import type { EventBus } from '../../graphql/context.ts';
import { createApiToken } from '../api-token-admin.ts';
import { DomainError } from '../domain-error.ts';
import { recordCheck } from './record.ts';

/** Most results one report of an agent carries. */
export const agentReportLimit = 500;

/** A new remote agent with its own token (scope monitoring:report only); the secret is shown once. */
export async function registerMonitorAgent(
  db: Db,
  input: { name: string; location: string; staffId: string; now: Date },
) {
  const name = input.name.trim();
  const location = input.location.trim();
  if (!name || name.length > 100) throw new DomainError('INVALID_INPUT', 'name', 'name: 1–100 characters');
  if (!location || location.length > 100 || location === 'central')
    throw new DomainError('INVALID_INPUT', 'location', 'a location other than "central", 1–100 characters');
  if (await db.monitorAgent.findUnique({ where: { name }, select: { id: true } }))
    throw new DomainError('INVALID_INPUT', 'name', 'an agent of this name exists');
  const token = await createApiToken(db, {
    staffId: input.staffId,
    name: `monitor agent ${name}`,
    scopes: ['monitoring:report'],
    now: input.now,
  });
  const agent = await db.monitorAgent.create({
    data: { name, location, apiTokenId: token.id, createdAt: input.now },
  });
  return { agent, secret: token.secret };
}

/** Lets an agent watch a monitor too (its own schedule, from now). */
export async function assignMonitorAgent(db: Db, monitorId: string, agentId: string, now: Date) {
  const [monitor, agent] = await Promise.all([
    db.monitor.findUnique({ where: { id: monitorId }, select: { id: true, kind: true } }),
    db.monitorAgent.findUnique({ where: { id: agentId }, select: { id: true } }),
  ]);
  if (!monitor) throw new DomainError('NOT_FOUND', 'monitorId');
  if (!agent) throw new DomainError('NOT_FOUND', 'agentId');
  if (monitor.kind === 'HEARTBEAT')
    throw new DomainError('INVALID_INPUT', 'monitorId', 'heartbeats are pushed to caredesk, not checked by agents');
  await db.monitorAssignment.upsert({
    where: { monitorId_agentId: { monitorId, agentId } },
    create: { monitorId, agentId, nextCheckAt: now },
    update: {},
  });
}

/** The agent bound to the caller's token, seen now; null for a token of no agent. */
export async function agentOfToken(db: Db, tokenId: string | undefined, now: Date) {
  const agent = tokenId ? await db.monitorAgent.findFirst({ where: { apiTokenId: tokenId } }) : null;
  if (agent) await db.monitorAgent.update({ where: { id: agent.id }, data: { lastSeenAt: now } });
  return agent;
}

const leaseMs = 5 * 60_000;

/**
 * Hands an agent its due checks with a lease, so a second poll (or a restarted agent) does
 * not run them twice before the lease runs out.
 */
export async function leaseAgentChecks(db: Db, agent: { id: string }, now: Date, limit: number) {
  const free = { OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] };
  const due = { agentId: agent.id, nextCheckAt: { lte: now }, monitor: { paused: false }, ...free };
  const candidates = await db.monitorAssignment.findMany({
    where: due,
    orderBy: { nextCheckAt: 'asc' },
    take: Math.min(Math.max(limit, 1), 500),
    select: { id: true },
  });
  if (candidates.length === 0) return [];
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const ids = candidates.map((c) => c.id);
  await db.monitorAssignment.updateMany({ where: { id: { in: ids }, ...due }, data: { leaseUntil } });
  const leased = await db.monitorAssignment.findMany({
    where: { id: { in: ids }, leaseUntil },
    include: { monitor: { select: { id: true, kind: true, config: true, timeoutMs: true, degradedAfterMs: true } } },
  });
  return leased.map((a) => ({ ...a.monitor, monitorId: a.monitor.id, dueAt: a.nextCheckAt, leaseUntil }));
}

export interface AgentResult {
  monitorId: string;
  checkedAt: Date;
  outcome: CheckOutcome;
  responseTimeMs?: number | null;
  statusCode?: number | null;
  message?: string | null;
  details?: Record<string, unknown> | null;
}

/**
 * A batch of an agent's results. Only monitors assigned to the agent count; times in the
 * future are taken as now. Returns how many were accepted.
 */
export async function reportAgentResults(
  db: Db,
  events: EventBus,
  agent: { id: string; location: string },
  results: AgentResult[],
  now: Date,
): Promise<{ accepted: number; rejected: number }> {
  if (results.length > agentReportLimit)
    throw new DomainError('INVALID_INPUT', 'results', `at most ${agentReportLimit} results a batch`);
  let accepted = 0;
  const ordered = [...results].sort((a, b) => a.checkedAt.getTime() - b.checkedAt.getTime());
  for (const result of ordered) {
    const assignment = await db.monitorAssignment.findUnique({
      where: { monitorId_agentId: { monitorId: result.monitorId, agentId: agent.id } },
    });
    if (!assignment) continue;
    const at = result.checkedAt > now ? now : result.checkedAt;
    const report: CheckReport = {
      outcome: result.outcome,
      ...(result.responseTimeMs != null ? { responseTimeMs: result.responseTimeMs } : {}),
      ...(result.statusCode != null ? { statusCode: result.statusCode } : {}),
      ...(result.message ? { message: result.message.slice(0, 2000) } : {}),
      ...(result.details ? { details: result.details } : {}),
    };
    const outcome = await recordCheck(db, events, {
      monitorId: result.monitorId,
      report,
      location: agent.location,
      agentId: agent.id,
      at,
      reschedule: false,
    });
    if (!outcome) continue;
    const delay = outcome.retrySoon ? outcome.retryIntervalSeconds : outcome.intervalSeconds;
    await db.monitorAssignment.update({
      where: { id: assignment.id },
      data: { nextCheckAt: new Date(at.getTime() + delay * 1000), leaseUntil: null, lastReportAt: now },
    });
    accepted++;
  }
  return { accepted, rejected: results.length - accepted };
}
