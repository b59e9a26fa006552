import type { Db } from '../db/client.ts';
import type { ActorRef } from './actor.ts';

/** Records an administrative action (who did what to which record) in the audit log. */
export async function audit(
  db: Pick<Db, 'auditEvent'>,
  actor: ActorRef,
  action: string,
  subjectType: string,
  subjectId: string,
  data: object,
  now: Date,
): Promise<void> {
  await db.auditEvent.create({
    data: {
      action,
      actorKind: actor.kind,
      actorId: actor.staffId ?? null,
      subjectType,
      subjectId,
      data,
      createdAt: now,
    },
  });
}
