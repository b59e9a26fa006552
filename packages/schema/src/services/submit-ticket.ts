import type { Db } from '../db/client.ts';
import { startSla } from '../domain/sla/ticket-sla.ts';
import { mayReissueTicketToken } from '../domain/submit-replay.ts';
import { priorityRank, type TicketCategory, type TicketPriority } from '../domain/ticket-status.ts';
import type { EventBus } from '../graphql/context.ts';
import { type ActorRef, auditColumns } from './actor.ts';
import { attachmentRows, type CheckedFile, putFiles } from './attach-files.ts';
import type { AttachmentStorage } from './attachment-storage.ts';
import { DomainError } from './domain-error.ts';
import type { LetterLimits } from './letter-limits.ts';
import { planTicketLetters, ticketPeopleOf, writeTicketLetters } from './notify.ts';
import { publishTicketChange } from './publish.ts';
import { slaContextFor, slaData } from './sla.ts';
import { isUniqueViolation } from './unique-violation.ts';

export interface SubmitTicket {
  title: string;
  description: string;
  priority?: TicketPriority;
  category?: TicketCategory;
  paid?: boolean;
  organizationId?: string | null;
  siteId?: string | null;
  contactId?: string | null;
  pageContext?: unknown;
  source: 'WIDGET' | 'EMAIL' | 'PHONE' | 'STAFF' | 'API' | 'MONITORING';
  /** The caller's key, already scoped to the caller (e.g. `staff:<id>:<key>`). */
  idempotencyKey: string;
  /** Files already checked by `checkFiles`, stored with the ticket or not at all. */
  files?: CheckedFile[];
  /** Filed by a contact who is not authorized: staff must look first. */
  needsAuthorization?: boolean;
  /** A site visitor filing through the widget: recorded with the ticket. */
  visitor?: { siteId: string; email: string | null; name: string | null; locale: string | null };
  /** A visitor already known (a ticket split from one of theirs): the requester of the new one. */
  visitorId?: string | null;
  /** The ticket this one was split from (rule 3). */
  splitFromId?: string | null;
  /**
   * sha256 of the visitor's access token. On a retry it replaces the ticket's token only when
   * `mayReissueTicketToken` allows it (same nonce, within the hour); see `tokenStored`.
   */
  accessTokenHash?: string;
  /** sha256 of the browser nonce the visitor's widget sends with every attempt of one submission. */
  submitNonceHash?: string | null;
  /** The server's limits on letters to unverified addresses (default: `defaultLetterLimits`). */
  letterLimits?: LetterLimits;
}

export const limits = { title: 200, description: 20_000, pageContextBytes: 32 * 1024 };

function validate(input: SubmitTicket): void {
  const title = input.title.trim();
  if (!title || title.length > limits.title)
    throw new DomainError('INVALID_INPUT', 'title', `title: 1–${limits.title} characters`);
  if (!input.description.trim() || input.description.length > limits.description) {
    throw new DomainError('INVALID_INPUT', 'description', `description: 1–${limits.description} characters`);
  }
  if (input.pageContext !== undefined && JSON.stringify(input.pageContext).length > limits.pageContextBytes) {
    throw new DomainError('INVALID_INPUT', 'pageContext', `pageContext: at most ${limits.pageContextBytes} bytes`);
  }
}

/**
 * Files a ticket: takes the next human number and creates the ticket, its first message and
 * its first status record in one transaction. A retry with the same idempotency key returns
 * the ticket of the first call and creates nothing, also when the retries race (the unique
 * key decides, not a read before the write).
 */
export async function submitTicket(
  db: Db,
  events: EventBus,
  input: SubmitTicket,
  actor: ActorRef,
  now: Date,
  storage?: AttachmentStorage,
) {
  validate(input);
  const existing = await db.ticket.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (existing) return { ...(await retried(db, existing, input, now)), created: false };
  let siteUrl: string | null = null;
  if (input.siteId) {
    const site = await db.site.findUnique({ where: { id: input.siteId }, select: { organizationId: true, url: true } });
    if (!site) throw new DomainError('NOT_FOUND', 'siteId');
    if (input.organizationId && input.organizationId !== site.organizationId)
      throw new DomainError('INVALID_INPUT', 'siteId', 'site of another organization');
    // The site's organization exists: the site points at it.
    input = { ...input, organizationId: site.organizationId };
    siteUrl = site.url;
  } else if (
    input.organizationId &&
    !(await db.organization.findUnique({ where: { id: input.organizationId }, select: { id: true } }))
  ) {
    throw new DomainError('NOT_FOUND', 'organizationId');
  }
  const priority = input.priority ?? 'NORMAL';
  const category = input.category ?? 'PROBLEM';
  const clocks = startSla(await slaContextFor(db, input.organizationId ?? null), { priority, category }, now);
  const files = input.files ?? [];
  if (files.length > 0 && !storage) throw new Error('submitTicket: files given without a storage');
  const undoFiles = storage && files.length > 0 ? await putFiles(db, storage, files) : async () => {};
  try {
    const ticket = await db.$transaction(async (tx) => {
      const visitor = input.visitor
        ? await tx.visitor.create({
            data: {
              siteId: input.visitor.siteId,
              email: input.visitor.email,
              name: input.visitor.name,
              locale: input.visitor.locale,
              firstSeenAt: now,
            },
            select: { id: true, email: true, locale: true },
          })
        : null;
      // Every read comes before the number is taken: on PostgreSQL the counter's row stays locked
      // from its update to the commit, so only the writes that need the number follow it.
      const letters = await planTicketLetters(
        tx,
        // A visitor just recorded is at hand; a contact, or the earlier visitor of a split, is read.
        visitor
          ? { contact: null, visitor, assigneeId: null }
          : await ticketPeopleOf(tx, { contactId: input.contactId ?? null, visitorId: input.visitorId ?? null }),
        [{ kind: 'RECEIVED' }],
        actor,
        now,
        input.letterLimits,
      );
      const settings = await tx.studioSettings.update({
        where: { id: 'studio' },
        data: { nextTicketNumber: { increment: 1 } },
        select: { nextTicketNumber: true },
      });
      // The ticket, its first message and status record are written one by one rather than
      // nested: a nested create reads the ticket back, and the caller has it already.
      const created = await tx.ticket.create({
        data: {
          number: settings.nextTicketNumber - 1,
          title: input.title.trim(),
          description: input.description,
          priority,
          priorityRank: priorityRank(priority),
          category,
          ...slaData(clocks),
          paid: input.paid ?? false,
          source: input.source,
          pageContext: input.pageContext === undefined ? undefined : (input.pageContext as object),
          organizationId: input.organizationId ?? null,
          siteId: input.siteId ?? null,
          contactId: input.contactId ?? null,
          visitorId: visitor?.id ?? input.visitorId ?? null,
          splitFromId: input.splitFromId ?? null,
          createdByStaffId: actor.staffId ?? null,
          idempotencyKey: input.idempotencyKey,
          accessTokenHash: input.accessTokenHash ?? null,
          submitNonceHash: input.submitNonceHash ?? null,
          needsAuthorization: input.needsAuthorization ?? false,
          queuedAt: now,
          createdAt: now,
        },
      });
      await tx.message.create({
        data: {
          ticketId: created.id,
          body: input.description,
          authorKind: actor.kind,
          authorStaffId: actor.staffId ?? null,
          authorContactId: actor.contactId ?? null,
          authorVisitorId: visitor?.id ?? actor.visitorId ?? null,
          source: input.source,
          createdAt: now,
        },
        select: { id: true },
      });
      await tx.statusChange.create({
        data: {
          ticketId: created.id,
          toStatus: 'NEW',
          createdAt: now,
          ...auditColumns(visitor ? { ...actor, visitorId: visitor.id } : actor),
        },
        select: { id: true },
      });
      if (files.length > 0) {
        const rows = attachmentRows(files, { internal: false, now });
        await tx.attachment.createMany({ data: rows.map((row) => ({ ...row, ticketId: created.id })) });
      }
      await writeTicketLetters(tx, letters, { ...created, site: siteUrl === null ? null : { url: siteUrl } }, now);
      return created;
    });
    publishTicketChange(events, ticket.id);
    return { ticket, created: true, tokenStored: input.accessTokenHash !== undefined };
  } catch (error) {
    await undoFiles();
    if (!isUniqueViolation(error)) throw error;
    // A concurrent retry won the race: answer with its ticket.
    const winner = await db.ticket.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    if (!winner) throw error;
    return { ...(await retried(db, winner, input, now)), created: false };
  }
}

/**
 * A retry answers with the first ticket. A visitor's retry from the browser that filed it (same
 * nonce, within the hour) gets a fresh access token, as the first answer may never have reached
 * it; the old token stops working. Any other retry leaves the ticket's token as it is.
 */
async function retried<T extends { id: string; submitNonceHash: string | null; createdAt: Date }>(
  db: Db,
  ticket: T,
  input: SubmitTicket,
  now: Date,
): Promise<{ ticket: T; tokenStored: boolean }> {
  if (!input.accessTokenHash) return { ticket, tokenStored: false };
  const reissue = mayReissueTicketToken({
    storedNonceHash: ticket.submitNonceHash,
    givenNonceHash: input.submitNonceHash ?? null,
    ticketCreatedAt: ticket.createdAt,
    now,
  });
  if (!reissue) return { ticket, tokenStored: false };
  await db.ticket.update({ where: { id: ticket.id }, data: { accessTokenHash: input.accessTokenHash } });
  return { ticket, tokenStored: true };
}
