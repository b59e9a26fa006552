import type { Db } from '../db/client.ts';
import { cannedResponseProblem, fillCannedResponse } from '../domain/console/canned-response.ts';
import type { StaffRole } from '../domain/staff-role.ts';
import { formatTicketNumber } from '../domain/ticket-status.ts';
import { DomainError } from './domain-error.ts';

/** The staff member acting: shared responses are the head of support's and admins' to manage. */
export type CannedAuthor = { staffId: string; role: StaffRole };

const managesShared = (author: CannedAuthor) => author.role === 'HEAD' || author.role === 'ADMIN';

/** The responses a staff member may use: the shared ones and their own. */
export const usableBy = (staffId: string) => ({ OR: [{ ownerId: null }, { ownerId: staffId }] });

function check(input: { name: string; body: string; locale: string }) {
  const problem = cannedResponseProblem(input);
  if (problem) throw new DomainError('INVALID_INPUT', problem.field, problem.reason);
}

async function refuseSameName(
  db: Db,
  input: { name: string; locale: string; ownerId: string | null },
  except: string | null,
) {
  const same = await db.cannedResponse.findFirst({
    where: {
      name: input.name,
      locale: input.locale,
      ownerId: input.ownerId,
      ...(except ? { NOT: { id: except } } : {}),
    },
    select: { id: true },
  });
  if (same) throw new DomainError('INVALID_INPUT', 'name', 'a response of this name and language exists already');
}

/** A new canned response: shared (HEAD, ADMIN) or the author's own. */
export async function createCannedResponse(
  db: Db,
  author: CannedAuthor,
  input: { name: string; locale: string; body: string; shared: boolean },
  now: Date,
) {
  if (input.shared && !managesShared(author)) throw new DomainError('ACTOR_NOT_ALLOWED', 'shared');
  const fields = { name: input.name.trim(), locale: input.locale, body: input.body };
  check(fields);
  const ownerId = input.shared ? null : author.staffId;
  await refuseSameName(db, { ...fields, ownerId }, null);
  return db.cannedResponse.create({ data: { ...fields, ownerId, createdAt: now, updatedAt: now } });
}

/**
 * The response the author may change: their own, or a shared one when they manage those.
 * Another's personal response is NOT_FOUND, as if it did not exist.
 */
async function changeable(db: Db, author: CannedAuthor, id: string) {
  const found = await db.cannedResponse.findFirst({ where: { AND: [{ id }, usableBy(author.staffId)] } });
  if (!found) throw new DomainError('NOT_FOUND', 'id');
  if (found.ownerId === null && !managesShared(author)) throw new DomainError('ACTOR_NOT_ALLOWED', 'id');
  return found;
}

export async function updateCannedResponse(
  db: Db,
  author: CannedAuthor,
  input: { id: string; name?: string | null; locale?: string | null; body?: string | null },
  now: Date,
) {
  const found = await changeable(db, author, input.id);
  const fields = {
    name: input.name?.trim() ?? found.name,
    locale: input.locale ?? found.locale,
    body: input.body ?? found.body,
  };
  check(fields);
  await refuseSameName(db, { ...fields, ownerId: found.ownerId }, found.id);
  return db.cannedResponse.update({ where: { id: found.id }, data: { ...fields, updatedAt: now } });
}

export async function deleteCannedResponse(db: Db, author: CannedAuthor, id: string): Promise<string> {
  const found = await changeable(db, author, id);
  await db.cannedResponse.delete({ where: { id: found.id } });
  return found.id;
}

/** The response's text filled in for a ticket, as the staff member would send it. */
export async function fillForTicket(
  db: Db,
  response: { body: string },
  ticketId: string,
  staffId: string,
): Promise<string> {
  const [ticket, staff, studio] = await Promise.all([
    db.ticket.findUniqueOrThrow({
      where: { id: ticketId },
      select: {
        number: true,
        title: true,
        contact: { select: { name: true } },
        visitor: { select: { name: true } },
        organization: { select: { name: true } },
      },
    }),
    db.staffMember.findUniqueOrThrow({ where: { id: staffId }, select: { name: true } }),
    db.studioSettings.findUnique({ where: { id: 'studio' }, select: { name: true } }),
  ]);
  return fillCannedResponse(response.body, {
    'ticket.number': formatTicketNumber(ticket.number),
    'ticket.title': ticket.title,
    'requester.name': ticket.contact?.name ?? ticket.visitor?.name ?? null,
    'organization.name': ticket.organization?.name ?? null,
    'staff.name': staff.name,
    'studio.name': studio?.name ?? null,
  });
}
