import type { Locale } from '../../domain/error-codes.ts';
import {
  type MonitorLetterFacts,
  type MonitorLetterKind,
  renderMonitorLetter,
} from '../../domain/mail/monitor-letters.ts';
import type { OutboxClient } from '../notify.ts';
import { publicUrlPlaceholder } from '../notify.ts';

/**
 * Queues a monitoring letter in the outbox for the staff on duty: the heads of support,
 * line-1 specialists and the ticket's assignee, each in their language; an address whose
 * preference is OFF gets nothing, DIGEST holds it for the digest.
 */
export async function notifyStaffOfMonitor(
  tx: OutboxClient,
  kind: MonitorLetterKind,
  ticketId: string,
  facts: Omit<MonitorLetterFacts, 'link' | 'ticketNumber'>,
  now: Date,
): Promise<number> {
  const ticket = await tx.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: { number: true, assigneeId: true },
  });
  const staff = await tx.staffMember.findMany({
    where: {
      active: true,
      OR: [{ role: { in: ['HEAD', 'LINE1'] } }, ...(ticket.assigneeId ? [{ id: ticket.assigneeId }] : [])],
    },
    select: { email: true, locale: true },
  });
  let written = 0;
  for (const member of staff) {
    const preference = await tx.notificationPreference.findUnique({ where: { address: member.email } });
    if (preference?.mode === 'OFF') continue;
    const locale: Locale = member.locale === 'en' ? 'en' : 'ru';
    const letter = renderMonitorLetter(kind, locale, {
      ...facts,
      ticketNumber: ticket.number,
      link: `${publicUrlPlaceholder}/graphql`,
    });
    await tx.outboxMail.create({
      data: {
        kind,
        to: member.email,
        locale,
        ...letter,
        ticketId,
        digest: preference?.mode === 'DIGEST',
        nextAttemptAt: now,
        createdAt: now,
      },
    });
    written++;
  }
  return written;
}
