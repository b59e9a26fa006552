import type { Db } from '../db/client.ts';

/** The settings the ticket rules need; defaults when the studio row is missing. */
export async function ticketSettings(db: Db): Promise<{ autoAcceptDays: number }> {
  const settings = await db.studioSettings.findUnique({ where: { id: 'studio' }, select: { autoAcceptDays: true } });
  return { autoAcceptDays: settings?.autoAcceptDays ?? 7 };
}
