/** A ticket this browser filed: its access token is the only way back to it. */
export interface StoredTicket {
  id: string;
  token: string;
  displayNumber: string;
  title: string;
  status: string;
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
