/** What a client may do with its ticket now, in the widget's words. */
export type Move = 'reply' | 'accept' | 'corrections' | 'withdraw';

/**
 * The moves to offer, from the server's `allowedMoves` (the one transition table decides):
 * a reply to RESOLVED work is "ask for corrections" (it returns the ticket to NEW), and a
 * client's `reject` is a withdrawal.
 */
export function movesToOffer(status: string, allowed: readonly string[]): Move[] {
  const moves: Move[] = [];
  if (allowed.includes('reply')) moves.push(status === 'RESOLVED' ? 'corrections' : 'reply');
  if (allowed.includes('accept')) moves.push('accept');
  if (allowed.includes('reject')) moves.push('withdraw');
  return moves;
}
