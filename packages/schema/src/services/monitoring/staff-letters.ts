import type { Locale } from '../../domain/error-codes.ts';
import {
  type MonitorLetterFacts,
  type MonitorLetterKind,
  renderMonitorLetter,
} from '../../domain/mail/monitor-letters.ts';
import type { OutboxClient } from '../notify.ts';
import { publicUrlPlaceholder, queueTicketLetter } from '../notify.ts';

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
    const locale: Locale = member.locale === 'en' ? 'en' : 'ru';
    const queued = await queueTicketLetter(
      tx,
      { kind, to: member.email, locale, ticketId },
      () =>
        renderMonitorLetter(kind, locale, {
          ...facts,
          ticketNumber: ticket.number,
          link: `${publicUrlPlaceholder}/graphql`,
        }),
      now,
    );
    if (queued) written++;
  }
  return written;
}
