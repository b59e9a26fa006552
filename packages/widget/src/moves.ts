import type { Status } from './queries.ts';

/** What a client may do with its ticket now; mirrors docs/ticket-lifecycle.md (the server decides). */
export type Move = 'reply' | 'accept' | 'corrections' | 'withdraw';

const open: Status[] = ['NEW', 'FEEDBACK', 'IN_PROGRESS', 'RESOLVED'];

/**
 * The moves to offer: visitors reply and withdraw; only authorized contacts accept.
 * "Ask for corrections" is a reply to RESOLVED work, which returns the ticket to NEW.
 */
export function allowedMoves(status: Status, authorizedContact: boolean): Move[] {
  if (!open.includes(status)) return [];
  const moves: Move[] = status === 'RESOLVED' ? ['corrections'] : ['reply'];
  if (status === 'RESOLVED' && authorizedContact) moves.push('accept');
  moves.push('withdraw');
  return moves;
}
