import { type CheckReport, daysLeft, expiryWarningDays } from '../../checks/types.ts';
import type { Db } from '../../db/client.ts';

/** The warning step a number of days left has reached: 30, 14 or 7; null above 30 days. */
export function warningStep(days: number): number | null {
  return [...expiryWarningDays].reverse().find((step) => days <= step) ?? null;
}

/**
 * Certificates and domains warn at 30, 14 and 7 days: the first step files the DEGRADED
 * ticket (through the state change); each later step adds a message to that ticket, once.
 * A renewed certificate (over 30 days again) starts the steps over.
 */
export async function warnOfExpiry(
  db: Db,
  monitor: { id: string; expiryWarnedDays: number | null },
  report: CheckReport,
  at: Date,
): Promise<void> {
  if (!report.expiresAt) return;
  const days = daysLeft(report.expiresAt, at);
  const step = warningStep(days);
  if (step === monitor.expiryWarnedDays) return;
  if (step !== null && monitor.expiryWarnedDays !== null && step > monitor.expiryWarnedDays) return;
  await db.monitor.update({ where: { id: monitor.id }, data: { expiryWarnedDays: step } });
  if (step === null || monitor.expiryWarnedDays === null) return;
  const incident = await db.monitorIncident.findFirst({
    where: { monitorId: monitor.id, kind: 'DEGRADED', endedAt: null, ticketId: { not: null } },
    select: { ticketId: true },
  });
  if (!incident?.ticketId) return;
  await db.message.create({
    data: {
      ticketId: incident.ticketId,
      body: `Осталось ${days} дн. до истечения (${report.expiresAt.toISOString().slice(0, 10)}). / ${days} days left before expiry (${report.expiresAt.toISOString().slice(0, 10)}).`,
      authorKind: 'SYSTEM',
      source: 'MONITORING',
      idempotencyKey: `monitor:expiry:${monitor.id}:${report.expiresAt.toISOString()}:${step}`,
      createdAt: at,
    },
  });
}
