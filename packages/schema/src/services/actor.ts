import type { Actor } from '../domain/ticket-lifecycle.ts';

/** An actor with the ids the audit records. */
export type ActorRef = Actor & { staffId?: string; contactId?: string; visitorId?: string };

export const systemActor: ActorRef = { kind: 'SYSTEM' };

/** Audit columns for a status change or a message. */
export function auditColumns(actor: ActorRef) {
  return {
    actorKind: actor.kind,
    actorStaffId: actor.staffId ?? null,
    actorContactId: actor.contactId ?? null,
    actorVisitorId: actor.visitorId ?? null,
  };
}
