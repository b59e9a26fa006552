import type { Db } from '../db/client.ts';
import type { Locale } from '../domain/error-codes.ts';
import { type LetterFacts, type LetterKind, letterKinds, renderLetter } from '../domain/mail/letters.ts';
import type { TicketStatus } from '../domain/ticket-status.ts';
import type { Prisma } from '../generated/sqlite/client.ts';
import type { ActorRef } from './actor.ts';
import { defaultLetterLimits, type LetterLimits } from './letter-limits.ts';
import { allowanceFor } from './unverified-mail.ts';

/**
 * Whether the one who made a change is the ticket's requester (who is then not told of it). A
 * visitor acts only with the access token of the ticket they filed; a contact by their own id.
 * Staff and the system never are, whoever the requester is.
 */
function isRequester(actor: ActorRef, ticket: { contact: { id: string } | null }): boolean {
  if (actor.kind === 'VISITOR') return ticket.contact === null;
  if (actor.kind === 'CONTACT') return ticket.contact !== null && actor.contactId === ticket.contact.id;
  return false;
}

/** What writes outbox rows: the client or the transaction client of `db.$transaction`. */
export type OutboxClient = Pick<
  Db,
  'ticket' | 'staffMember' | 'contact' | 'notificationPreference' | 'outboxMail' | 'studioSettings'
>;

/** Replaced by the sender with PUBLIC_URL: rows are written where the address is not known. */
export const publicUrlPlaceholder = '{{PUBLIC_URL}}';

export interface Notice {
  kind: LetterKind;
  body?: string | null;
  /** Staff letters: these people (default: the assignee, or the heads of support). */
  staffIds?: string[];
  clock?: LetterFacts['clock'];
  dueAt?: Date | null;
  ratingLinks?: readonly string[];
}

/** What a letter needs of the person it goes to. */
const person = { select: { id: true, email: true, locale: true } } as const;

/** What the letters of a ticket say of it and whom they go to. */
const ticketFacts = {
  id: true,
  number: true,
  title: true,
  status: true,
  assigneeId: true,
  estimateKopecks: true,
  estimateConfirmedAt: true,
  contact: person,
  visitor: person,
  site: { select: { url: true } },
} as const;

/**
 * A ticket as the letters need it: a caller that has just written the ticket passes it, and
 * saves the read; others pass the id.
 */
export type TicketFacts = Prisma.TicketGetPayload<{ select: typeof ticketFacts }>;

const lettersNamingAutoAccept = new Set<LetterKind>(['RESOLVED', 'AUTO_ACCEPTED']);

const locale = (value: string | null | undefined): Locale => (value === 'en' ? 'en' : 'ru');
const isClientKind = (kind: LetterKind) => (letterKinds.client as readonly string[]).includes(kind);

/**
 * Writes one letter about a ticket into the outbox as its reader prefers: nothing when OFF,
 * held for the digest when DIGEST. `render` runs only when a letter is written.
 */
export async function queueTicketLetter(
  tx: Pick<Db, 'notificationPreference' | 'outboxMail'>,
  mail: { kind: string; to: string; locale: Locale; ticketId: string },
  render: () => { subject: string; text: string; html: string },
  now: Date,
): Promise<boolean> {
  const delivery = await deliveryTo(tx, mail.to);
  if (delivery === 'OFF') return false;
  await writeLetter(tx, { ...mail, digest: delivery === 'DIGEST' }, render(), now);
  return true;
}

/** How an address wants its letters: not at all (OFF), in the digest, or each at once. */
async function deliveryTo(tx: Pick<Db, 'notificationPreference'>, address: string): Promise<'OFF' | 'DIGEST' | 'NOW'> {
  const preference = await tx.notificationPreference.findUnique({ where: { address }, select: { mode: true } });
  return preference?.mode === 'OFF' || preference?.mode === 'DIGEST' ? preference.mode : 'NOW';
}

/** One letter into the outbox, due at once. */
function writeLetter(
  tx: Pick<Db, 'outboxMail'>,
  mail: { kind: string; to: string; locale: Locale; ticketId: string; digest: boolean },
  letter: { subject: string; text: string; html: string },
  now: Date,
) {
  return tx.outboxMail.create({
    data: { ...mail, ...letter, nextAttemptAt: now, createdAt: now },
    select: { id: true },
  });
}

/**
 * A ticket's requester (contact or visitor) and site, read by the ids the ticket holds, as its
 * letters need them. A caller that knows one already passes it instead of its id.
 */
export async function ticketPeopleOf(
  db: Pick<Db, 'contact' | 'visitor' | 'site'>,
  ids: { contactId: string | null; visitorId: string | null; siteId?: string | null; assigneeId?: string | null },
): Promise<TicketPeople & Pick<TicketFacts, 'site'>> {
  const [contact, visitor, site] = await Promise.all([
    ids.contactId ? db.contact.findUnique({ where: { id: ids.contactId }, ...person }) : null,
    ids.visitorId ? db.visitor.findUnique({ where: { id: ids.visitorId }, ...person }) : null,
    ids.siteId ? db.site.findUnique({ where: { id: ids.siteId }, select: { url: true } }) : null,
  ]);
  return { contact, visitor, site, assigneeId: ids.assigneeId ?? null };
}

/** Who a ticket's letters go to: what planning them needs (not the number or the title). */
export type TicketPeople = Pick<TicketFacts, 'contact' | 'visitor' | 'assigneeId'>;

/** One letter decided on: to whom, in which language, now or in the digest. */
export interface PlannedLetter {
  notice: Notice;
  address: string;
  locale: Locale;
  digest: boolean;
}

/** The letters of a change, decided with every read they need, before anything is written. */
export interface LetterPlan {
  letters: PlannedLetter[];
  autoAcceptDays: number;
}

/**
 * Decides the letters of a change: each person in their own language; the one who made the change
 * is not told of it; an address whose preference is OFF gets nothing, DIGEST holds the letter for
 * the digest. A visitor's address that is no staff member's or contact's gets a submit's
 * confirmation only while fewer than `unverifiedPerDay` letters (`letterLimits`, the server's) went
 * to it in 24 hours. Only reads: a caller may plan before it takes a lock it wants to hold briefly.
 */
export async function planTicketLetters(
  tx: OutboxClient,
  ticket: TicketPeople,
  notices: Notice[],
  actor: ActorRef,
  now: Date,
  letterLimits: LetterLimits = defaultLetterLimits,
): Promise<LetterPlan> {
  // Only the letters that name the acceptance period need the studio's setting.
  const settings = notices.some((notice) => lettersNamingAutoAccept.has(notice.kind))
    ? await tx.studioSettings.findUnique({ where: { id: 'studio' }, select: { autoAcceptDays: true } })
    : null;
  const letters: PlannedLetter[] = [];
  for (const notice of notices) {
    const recipients: { address: string; locale: Locale }[] = [];
    if (isClientKind(notice.kind)) {
      const person = ticket.contact ?? ticket.visitor;
      // The one who made a change is not told of it, but is asked for a rating all the same.
      const toldAnyway = notice.kind === 'RECEIVED' || notice.kind === 'RATE_REQUEST';
      if (person?.email && !(isRequester(actor, ticket) && !toldAnyway)) {
        // Anyone may type any address into the widget: the confirmation a submit triggers goes
        // to a visitor's address only within the daily allowance. Letters of staff's work on the
        // ticket are not the sender's doing, and always go (rule 6).
        const allowance =
          ticket.contact || notice.kind !== 'RECEIVED'
            ? { allowed: true, to: person.email }
            : await allowanceFor(tx, person.email, letterLimits.unverifiedPerDay, now);
        if (allowance.allowed) recipients.push({ address: allowance.to, locale: locale(person.locale) });
      }
    } else {
      const ids = notice.staffIds ?? (ticket.assigneeId ? [ticket.assigneeId] : null);
      const staff = await tx.staffMember.findMany({
        where: { active: true, ...(ids ? { id: { in: ids } } : { role: 'HEAD' }) },
        select: { id: true, email: true, locale: true },
      });
      for (const member of staff)
        if (member.id !== actor.staffId) recipients.push({ address: member.email, locale: locale(member.locale) });
    }
    for (const recipient of recipients) {
      const delivery = await deliveryTo(tx, recipient.address);
      if (delivery !== 'OFF') letters.push({ notice, ...recipient, digest: delivery === 'DIGEST' });
    }
  }
  return { letters, autoAcceptDays: settings?.autoAcceptDays ?? 7 };
}

/** Writes planned letters into the outbox: only writes. Returns how many. */
export async function writeTicketLetters(
  tx: Pick<Db, 'outboxMail'>,
  plan: LetterPlan,
  ticket: Pick<TicketFacts, 'id' | 'number' | 'title' | 'status' | 'estimateKopecks' | 'estimateConfirmedAt' | 'site'>,
  now: Date,
): Promise<number> {
  for (const { notice, address, locale, digest } of plan.letters) {
    const letter = renderLetter(notice.kind, locale, {
      number: ticket.number,
      title: ticket.title,
      status: ticket.status as TicketStatus,
      body: notice.body,
      link: isClientKind(notice.kind) ? (ticket.site?.url ?? publicUrlPlaceholder) : `${publicUrlPlaceholder}/graphql`,
      autoAcceptDays: plan.autoAcceptDays,
      clock: notice.clock,
      dueAt: notice.dueAt,
      estimateKopecks: notice.kind === 'FEEDBACK' && !ticket.estimateConfirmedAt ? ticket.estimateKopecks : null,
      ...(notice.ratingLinks ? { ratingLinks: notice.ratingLinks } : {}),
    });
    await writeLetter(tx, { kind: notice.kind, to: address, locale, ticketId: ticket.id, digest }, letter, now);
  }
  return plan.letters.length;
}

/**
 * Writes the letters of a change into the outbox, inside the change's own transaction, so a
 * change is never without its letters and a rolled-back one has none (see `planTicketLetters`
 * for who gets what).
 */
export async function notifyTicket(
  tx: OutboxClient,
  ticketOrId: string | TicketFacts,
  notices: Notice[],
  actor: ActorRef,
  now: Date,
): Promise<number> {
  if (notices.length === 0) return 0;
  const ticket =
    typeof ticketOrId === 'string'
      ? await tx.ticket.findUniqueOrThrow({ where: { id: ticketOrId }, select: ticketFacts })
      : ticketOrId;
  return writeTicketLetters(tx, await planTicketLetters(tx, ticket, notices, actor, now), ticket, now);
}

/** The client's letter for a move of the lifecycle by staff or by the system. */
export function clientNoticeForMove(to: TicketStatus, from: TicketStatus, body: string | null): Notice | null {
  if (to === from) return body ? { kind: 'STAFF_REPLY', body } : null;
  if (to === 'FEEDBACK') return { kind: 'FEEDBACK', body };
  if (to === 'RESOLVED') return { kind: 'RESOLVED', body };
  return { kind: 'STATUS_CHANGED', body };
}

/** The letters of a move: the client hears of staff and system moves, staff of the client's. */
export function noticesForMove(
  actor: ActorRef,
  action: string,
  from: TicketStatus,
  to: TicketStatus,
  text: string | null,
): Notice[] {
  if (actor.kind === 'CONTACT' || actor.kind === 'VISITOR')
    return [{ kind: 'CLIENT_REPLY', body: text ?? (from === to ? null : `${from} → ${to}`) }];
  if (action === 'autoAccept') return [{ kind: 'AUTO_ACCEPTED' }];
  const notice = clientNoticeForMove(to, from, text);
  return notice ? [notice] : [];
}
