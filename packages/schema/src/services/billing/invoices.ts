import { addMonths, type BillLine, billPaidTicket } from '../../domain/billing/index.ts';
import { DomainError } from '../domain-error.ts';
import { isUniqueViolation } from '../unique-violation.ts';
import { type BillingClient, billingTermsFor, monthOf, studioBillingRules, studioTimeZone } from './billing-terms.ts';
import { lineIdentity, organizationMonth } from './month-bill-of.ts';
import { workOfTicket } from './month-work.ts';

function lineData(line: BillLine, position: number) {
  return {
    position,
    kind: line.kind,
    ticketId: line.ticketId,
    description: line.description.ru,
    descriptionEn: line.description.en,
    minutes: line.minutes,
    rateKopecks: line.rateKopecks,
    coefficientPercent: line.coefficientPercent,
    priority: line.priority,
    amountKopecks: line.amountKopecks,
  };
}

const sum = (lines: readonly { amountKopecks: number }[]) => lines.reduce((s, l) => s + l.amountKopecks, 0);

/**
 * The invoice of a paid ticket, issued when the client accepts the work (inside the move's
 * transaction): its billable time at each line's rate × the delivered priority's coefficient.
 * Once per ticket (its key is unique); null for free tickets.
 */
export async function issueTicketInvoice(tx: BillingClient, ticketId: string, now: Date) {
  const ticket = await tx.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: { id: true, number: true, title: true, paid: true, organizationId: true, deliveredPriority: true },
  });
  if (!ticket.paid || !ticket.organizationId) return null;
  const key = `ticket:${ticket.id}`;
  const existing = await tx.invoice.findUnique({ where: { key } });
  if (existing) return existing;
  const month = monthOf(now, await studioTimeZone(tx));
  const rules = (await billingTermsFor(tx, ticket.organizationId, month))?.rules ?? (await studioBillingRules(tx));
  const work = (await workOfTicket(tx, ticket.id)) ?? {
    ticketId: ticket.id,
    number: ticket.number,
    title: ticket.title,
    paid: true,
    priority: 'NORMAL' as const,
    entries: [],
  };
  const line = billPaidTicket(rules, work);
  return tx.invoice.create({
    data: {
      organizationId: ticket.organizationId,
      key,
      number: `T-${ticket.number}`,
      kind: 'TICKET',
      month,
      totalKopecks: line.amountKopecks,
      issuedAt: now,
      lines: { create: [lineData(line, 1)] },
    },
  });
}

/** The payment of a paid ticket arrived: its invoice is paid too (inside the move's transaction). */
export async function markTicketInvoicePaid(tx: Pick<BillingClient, 'invoice'>, ticketId: string, now: Date) {
  await tx.invoice.updateMany({
    where: { key: `ticket:${ticketId}`, status: 'ISSUED' },
    data: { status: 'PAID', paidAt: now },
  });
}

/**
 * Issues an organization's invoice for a finished month: the fee, extra hours or actual work.
 * Issued documents never change: when the month's figures changed since (time logged late),
 * a CORRECTION document with the difference of each line is issued instead; nothing when
 * nothing changed. Returns the document issued, or null.
 */
export async function issueMonthlyInvoice(db: BillingClient, organizationId: string, month: string, now: Date) {
  const timeZone = await studioTimeZone(db);
  if (month >= monthOf(now, timeZone)) throw new DomainError('INVALID_INPUT', 'month', 'the month has not ended yet');
  if (!(await db.organization.findUnique({ where: { id: organizationId }, select: { id: true } })))
    throw new DomainError('NOT_FOUND', 'organizationId');
  const { bill } = await organizationMonth(db, organizationId, month);
  if (!bill) return null;
  const prefix = `monthly:${organizationId}:${month}:`;
  const issued = await db.invoice.findMany({
    where: { organizationId, month, key: { startsWith: prefix } },
    include: { lines: true },
    orderBy: { issuedAt: 'asc' },
  });
  const original = issued.find((i) => i.kind === 'MONTHLY');
  let lines: BillLine[];
  if (!original) {
    lines = bill.lines;
    if (lines.length === 0) return null;
  } else {
    lines = corrections(
      issued.flatMap((i) => i.lines),
      bill.lines,
    );
    if (lines.length === 0) return null;
  }
  const sequence = issued.length;
  for (let attempt = 0; ; attempt++) {
    const count = await db.invoice.count({ where: { month, kind: { not: 'TICKET' } } });
    try {
      return await db.invoice.create({
        data: {
          organizationId,
          key: `${prefix}${sequence}`,
          number: `${original ? 'К' : 'С'}-${month.replace('-', '')}-${String(count + 1 + attempt).padStart(4, '0')}`,
          kind: original ? 'CORRECTION' : 'MONTHLY',
          correctsId: original?.id ?? null,
          month,
          totalKopecks: sum(lines),
          issuedAt: now,
          lines: { create: lines.map((line, i) => lineData(line, i + 1)) },
        },
        include: { lines: true },
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
      // Another instance issued this very document: it stands, this call adds nothing.
      if (await db.invoice.findUnique({ where: { key: `${prefix}${sequence}` } })) return null;
    }
  }
}

/** The difference of each line between what was issued and what the month now says. */
function corrections(
  issued: readonly { kind: string; ticketId: string | null; amountKopecks: number; minutes: number }[],
  now: readonly BillLine[],
): BillLine[] {
  const before = new Map<string, { amount: number; minutes: number }>();
  for (const line of issued) {
    const id = lineIdentity({ kind: line.kind as BillLine['kind'], ticketId: line.ticketId });
    const seen = before.get(id) ?? { amount: 0, minutes: 0 };
    before.set(id, { amount: seen.amount + line.amountKopecks, minutes: seen.minutes + line.minutes });
  }
  const out: BillLine[] = [];
  for (const line of now) {
    const id = lineIdentity(line);
    const was = before.get(id) ?? { amount: 0, minutes: 0 };
    before.delete(id);
    if (was.amount === line.amountKopecks && was.minutes === line.minutes) continue;
    out.push({
      ...line,
      minutes: line.minutes - was.minutes,
      amountKopecks: line.amountKopecks - was.amount,
      description: { ru: `Корректировка: ${line.description.ru}`, en: `Correction: ${line.description.en}` },
    });
  }
  // Lines that are gone altogether are reversed.
  for (const line of issued) {
    const id = lineIdentity({ kind: line.kind as BillLine['kind'], ticketId: line.ticketId });
    const was = before.get(id);
    if (!was || was.amount === 0) continue;
    before.delete(id);
    out.push({
      kind: line.kind as BillLine['kind'],
      ticketId: line.ticketId,
      ticketNumber: null,
      minutes: -was.minutes,
      rateKopecks: null,
      coefficientPercent: null,
      priority: null,
      amountKopecks: -was.amount,
      description: { ru: 'Корректировка: строка снята', en: 'Correction: line withdrawn' },
    });
  }
  return out;
}

/**
 * The month-end run: every organization with a contract gets its invoice for the month that
 * just ended, once (the job runs it every hour; an issued month is skipped).
 */
export async function issueDueMonthlyInvoices(db: BillingClient, now: Date): Promise<number> {
  const timeZone = await studioTimeZone(db);
  const previous = addMonths(monthOf(now, timeZone), -1);
  const organizations = await db.organization.findMany({
    where: {
      contracts: { some: { active: true } },
      invoices: { none: { key: { startsWith: 'monthly:' }, month: previous } },
    },
    select: { id: true },
  });
  let issued = 0;
  for (const { id } of organizations) if (await issueMonthlyInvoice(db, id, previous, now)) issued++;
  return issued;
}
