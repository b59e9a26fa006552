import type { KeyObject } from 'node:crypto';
import type { Db } from '../db/client.ts';
import type { ActorRef } from './actor.ts';
import { DomainError } from './domain-error.ts';
import { openValue, sealValue } from './secret-box.ts';

export const secretLabelLimit = 100;
export const secretValueLimit = 4000;

/** Statuses after which a ticket holds no secrets: they are purged when it gets there. */
const closedStatuses = ['ACCEPTED', 'PAID', 'REJECTED'] as const;

/** Who hands a secret over: the ids the audit records. */
export type SecretActor = Pick<ActorRef, 'kind' | 'staffId' | 'contactId' | 'visitorId'>;

/** What `purgeTicketSecrets` needs: a client or the transaction client of `db.$transaction`. */
export type SecretsClient = Pick<Db, 'secret' | 'auditEvent'>;

export interface AddTicketSecret {
  ticketId: string;
  label: string;
  value: string;
  actor: SecretActor;
  now: Date;
}

/** The additional authenticated data of a ticket's secrets: a ciphertext opens on its own ticket only. */
function contextOf(ticketId: string): string {
  return `ticket:${ticketId}`;
}

/**
 * Hands over a temporary credential for an open ticket: encrypted at rest with `key`
 * (see `secretBoxKey`), audited as 'secret.add'. Returns the row without the value.
 */
export async function addTicketSecret(db: Db, request: AddTicketSecret, key: KeyObject) {
  const { ticketId, actor, now } = request;
  const label = request.label.trim();
  if (!label || label.length > secretLabelLimit)
    throw new DomainError('INVALID_INPUT', 'label', `label: 1–${secretLabelLimit} characters`);
  // Not trimmed: spaces may be part of a password.
  const { value } = request;
  if (!value || value.length > secretValueLimit)
    throw new DomainError('INVALID_INPUT', 'value', `value: 1–${secretValueLimit} characters`);
  const ticket = await db.ticket.findUnique({ where: { id: ticketId }, select: { status: true } });
  if (!ticket) throw new DomainError('NOT_FOUND', 'ticketId');
  if ((closedStatuses as readonly string[]).includes(ticket.status)) throw new DomainError('TRANSITION_NOT_ALLOWED');

  const sealed = sealValue(value, key, contextOf(ticketId));
  return db.$transaction(async (tx) => {
    // Touching the ticket locks its row, so a close running now either waits for this secret
    // (and purges it) or has already closed the ticket (and this finds no open ticket).
    const { count } = await tx.ticket.updateMany({
      where: { id: ticketId, status: { notIn: [...closedStatuses] } },
      data: { updatedAt: now },
    });
    if (count === 0) throw new DomainError('TRANSITION_NOT_ALLOWED');
    const secret = await tx.secret.create({
      data: { ticketId, label, ...sealed, createdAt: now },
      select: { id: true, ticketId: true, label: true, createdAt: true },
    });
    await tx.auditEvent.create({
      data: {
        action: 'secret.add',
        actorKind: actor.kind,
        actorId: actor.staffId ?? actor.contactId ?? actor.visitorId ?? null,
        subjectType: 'Secret',
        subjectId: secret.id,
        data: { ticketId, label },
        createdAt: now,
      },
    });
    return secret;
  });
}

/**
 * Decrypts a secret for a staff member and audits the read ('secret.read') in the same
 * transaction: no value leaves without its audit row. Whether the staff member may see the
 * ticket is the caller's check. Throws (not a DomainError) when `key` is not the one it was sealed with.
 */
export async function revealTicketSecret(
  db: Db,
  request: { secretId: string; staffId: string; now: Date },
  key: KeyObject,
): Promise<{ label: string; value: string }> {
  const { secretId, staffId, now } = request;
  return db.$transaction(async (tx) => {
    const secret = await tx.secret.findUnique({ where: { id: secretId } });
    const { ciphertext, iv, authTag } = secret ?? {};
    if (!secret || secret.purgedAt || !ciphertext || !iv || !authTag) throw new DomainError('NOT_FOUND', 'secretId');
    const value = openValue({ ciphertext, iv, authTag }, key, contextOf(secret.ticketId));
    await tx.auditEvent.create({
      data: {
        action: 'secret.read',
        actorKind: 'STAFF',
        actorId: staffId,
        subjectType: 'Secret',
        subjectId: secretId,
        data: { ticketId: secret.ticketId },
        createdAt: now,
      },
    });
    return { label: secret.label, value };
  });
}

/**
 * Destroys one secret's ciphertext before the ticket closes (the work is done with it, or it was
 * handed over by mistake), keeping the row as a record; audited as 'secret.purge' by the staff
 * member. Whether the staff member may see the ticket is the caller's check.
 */
export async function purgeTicketSecret(db: Db, request: { secretId: string; staffId: string; now: Date }) {
  const { secretId, staffId, now } = request;
  return db.$transaction(async (tx) => {
    const { count } = await tx.secret.updateMany({
      where: { id: secretId, purgedAt: null },
      data: { ciphertext: null, iv: null, authTag: null, purgedAt: now },
    });
    if (count === 0) throw new DomainError('NOT_FOUND', 'secretId');
    const secret = await tx.secret.findUniqueOrThrow({ where: { id: secretId } });
    await tx.auditEvent.create({
      data: {
        action: 'secret.purge',
        actorKind: 'STAFF',
        actorId: staffId,
        subjectType: 'Secret',
        subjectId: secretId,
        data: { ticketId: secret.ticketId },
        createdAt: now,
      },
    });
    return secret;
  });
}

/**
 * Destroys the ciphertext of every secret of a ticket that still has one, keeping the row
 * (label, dates) as a record, and audits each ('secret.purge', by the system). Meant to run
 * in the transaction that closes the ticket, after the ticket's own update. Returns how many it purged.
 */
export async function purgeTicketSecrets(tx: SecretsClient, ticketId: string, now: Date): Promise<number> {
  const secrets = await tx.secret.findMany({ where: { ticketId, purgedAt: null }, select: { id: true } });
  if (secrets.length === 0) return 0;
  const ids = secrets.map((s) => s.id);
  const { count } = await tx.secret.updateMany({
    where: { id: { in: ids }, purgedAt: null },
    data: { ciphertext: null, iv: null, authTag: null, purgedAt: now },
  });
  await tx.auditEvent.createMany({
    data: ids.map((id) => ({
      action: 'secret.purge',
      actorKind: 'SYSTEM' as const,
      actorId: null,
      subjectType: 'Secret',
      subjectId: id,
      data: { ticketId },
      createdAt: now,
    })),
  });
  return count;
}
