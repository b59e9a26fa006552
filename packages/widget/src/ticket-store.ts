import { env } from './env.ts';

/** A ticket this browser filed: its access token is the only way back to it. */
export interface StoredTicket {
  id: string;
  token: string;
  displayNumber: string;
  title: string;
  status: string;
  /** Replies from the studio, as last seen live. */
  replies?: number;
  /** Of those, how many the visitor has read (had the thread on screen). */
  seen?: number;
}

const keyFor = (siteKey: string) => `caredesk:${siteKey}:tickets`;

/** The tickets this browser filed on this site, newest first (kept in localStorage). */
export function storedTickets(siteKey: string): StoredTicket[] {
  try {
    return JSON.parse(localStorage.getItem(keyFor(siteKey)) ?? '[]') as StoredTicket[];
  } catch {
    return [];
  }
}

/** Adds or updates one ticket (a retried submission replaces the token). */
export function storeTicket(siteKey: string, ticket: StoredTicket): void {
  const others = storedTickets(siteKey).filter((t) => t.id !== ticket.id);
  try {
    localStorage.setItem(keyFor(siteKey), JSON.stringify([ticket, ...others].slice(0, 50)));
  } catch {
    // Storage full or disabled (private mode): the ticket still exists on the server.
  }
}

/** Updates the status and title shown in the list. */
export function updateStored(siteKey: string, id: string, changes: Partial<StoredTicket>): void {
  const found = storedTickets(siteKey).find((t) => t.id === id);
  if (found) storeTicket(siteKey, { ...found, ...changes });
}

/** Replies not read yet, over all tickets. */
export const unreadOf = (tickets: StoredTicket[]): number =>
  tickets.reduce((sum, t) => sum + Math.max(0, (t.replies ?? 0) - (t.seen ?? t.replies ?? 0)), 0);

/** A ticket still moving (its changes are worth following). */
export const isOpen = (ticket: StoredTicket): boolean => env.isOpenStatus(ticket.status);
