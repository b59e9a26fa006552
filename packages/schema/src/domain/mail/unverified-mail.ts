// Anyone may leave any address in the widget; caredesk must not become a way to mail strangers.

/** Letters a day to one address that is no staff member's and no contact's, unless configured. */
export const defaultUnverifiedPerDay = 5;

/** The window the letters to one address are counted in. */
export const unverifiedWindowMs = 24 * 3_600_000;

/** An address as it is compared and counted: trimmed and in lower case. */
export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}

/** Letters written after this moment count against today's allowance; one exactly a day old no longer does. */
export function unverifiedWindowStart(now: Date): Date {
  return new Date(now.getTime() - unverifiedWindowMs);
}

/**
 * May one more letter go to this address? Always, to a staff member or a known contact;
 * to an unverified address, while fewer than `perDay` letters went to it within the window
 * (0 turns such letters off).
 */
export function mayMailAddress(address: { verified: boolean; lettersInWindow: number }, perDay: number): boolean {
  return address.verified || address.lettersInWindow < perDay;
}
