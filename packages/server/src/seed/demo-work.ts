import type { Db } from '@caredesk/schema/db';
import type { StaffRole } from '@caredesk/schema/domain';
import { issueDueMonthlyInvoices, issueTicketInvoice, markTicketInvoicePaid } from '@caredesk/schema/services';
import { demoTickets } from './demo-data.ts';

/** Time the demo specialists spent, by the demo ticket's index in demoTickets. */
export const demoWork: Record<number, { role: StaffRole; minutes: number; billable?: boolean; note?: string }[]> = {
  2: [{ role: 'LINE2', minutes: 30, note: 'Оценка баннера: макет + вёрстка' }],
  3: [{ role: 'LINE1', minutes: 20 }],
  4: [
    { role: 'LINE2', minutes: 90, note: 'Логи nginx: падает php-fpm по ночам' },
    { role: 'LINE3', minutes: 45 },
  ],
  5: [{ role: 'LINE1', minutes: 240 }],
  6: [{ role: 'LINE2', minutes: 120 }],
  7: [{ role: 'LINE1', minutes: 15 }],
  8: [
    { role: 'LINE2', minutes: 300 },
    { role: 'LINE3', minutes: 120 },
  ],
  9: [{ role: 'LINE1', minutes: 10 }],
  10: [{ role: 'LINE2', minutes: 480 }],
  11: [{ role: 'LINE3', minutes: 360 }],
  12: [{ role: 'LINE1', minutes: 5, billable: false, note: 'Дубликат, связали с #1001' }],
};

/**
 * A month of work of the demo studio: time entries on the demo tickets (from 70 minutes after
 * each was filed), the invoices of the accepted paid tickets (paid ones paid), and the invoices
 * of the month that has ended — so that every demo organization has a report to look at.
 */
export async function seedDemoWork(db: Db, now: Date): Promise<void> {
  const staff = await db.staffMember.findMany({ select: { id: true, role: true, supportLine: true } });
  for (const [index, entries] of Object.entries(demoWork)) {
    const demo = demoTickets[Number(index)];
    if (!demo) continue;
    const ticket = await db.ticket.findFirstOrThrow({ where: { title: demo.title }, orderBy: { number: 'asc' } });
    let at = ticket.createdAt.getTime() + 70 * 60_000;
    for (const entry of entries) {
      const member = staff.find((s) => s.role === entry.role);
      if (!member) continue;
      await db.timeEntry.create({
        data: {
          ticketId: ticket.id,
          staffId: member.id,
          supportLine: member.supportLine ?? 2,
          startedAt: new Date(at),
          endedAt: new Date(at + entry.minutes * 60_000),
          minutes: entry.minutes,
          billable: entry.billable ?? true,
          note: entry.note ?? null,
        },
      });
      at += entry.minutes * 60_000;
    }
    if (ticket.paid && ticket.acceptedAt) {
      await issueTicketInvoice(db, ticket.id, ticket.acceptedAt);
      if (ticket.paidAt) await markTicketInvoicePaid(db, ticket.id, ticket.paidAt);
    }
  }
  await issueDueMonthlyInvoices(db, now);
}
