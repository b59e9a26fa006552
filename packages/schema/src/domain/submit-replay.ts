/** How long after filing a visitor's retry may still receive a new access token. */
export const replayTokenWindowMs = 60 * 60 * 1000;

/** What a replayed visitor submit brings, and what the ticket of the first submit stored. */
export interface SubmitReplay {
  /** sha256 of the nonce the first submit carried; null when it carried none. */
  storedNonceHash: string | null;
  /** sha256 of the nonce this retry carries; null when it carries none. */
  givenNonceHash: string | null;
  ticketCreatedAt: Date;
  now: Date;
}

/**
 * Whether a retry of a visitor's submit (same idempotency key) may receive a new access token,
 * replacing the ticket's current one. Only the browser that filed it can show the nonce, and
 * only while an answer it never received is worth re-sending: within the hour after filing
 * (exactly one hour still counts). Without a stored nonce no retry qualifies, so a key seen
 * elsewhere cannot take the ticket away from the browser that filed it.
 */
export function mayReissueTicketToken(replay: SubmitReplay): boolean {
  const { storedNonceHash, givenNonceHash, ticketCreatedAt, now } = replay;
  if (!storedNonceHash || !givenNonceHash || storedNonceHash !== givenNonceHash) return false;
  return now.getTime() - ticketCreatedAt.getTime() <= replayTokenWindowMs;
}
