/** How urgent a running SLA clock is, for its colour. */
export type Urgency = 'overdue' | 'soon' | 'ok' | 'none';

/**
 * The queue's SLA clock: the time left until `dueAt` (or how long overdue), in hours and
 * minutes, and its urgency — overdue, under an hour left, or more. Pure: `now` is passed in.
 */
export function slaClock(dueAt: string | null, now: Date): { text: string; urgency: Urgency; overdue: boolean } {
  if (!dueAt) return { text: '—', urgency: 'none', overdue: false };
  const left = Date.parse(dueAt) - now.getTime();
  const minutes = Math.round(Math.abs(left) / 60_000);
  const hours = Math.floor(minutes / 60);
  const text =
    hours >= 24 ? `${Math.floor(hours / 24)}d ${hours % 24}h` : hours ? `${hours}h ${minutes % 60}m` : `${minutes}m`;
  if (left < 0) return { text: `−${text}`, urgency: 'overdue', overdue: true };
  return { text, urgency: left < 3_600_000 ? 'soon' : 'ok', overdue: false };
}

/** `#1042` or `1042` as a ticket number to search for; null for words. */
export function ticketNumberIn(search: string): number | null {
  const match = /^#?(\d{1,9})$/.exec(search.trim());
  return match ? Number(match[1]) : null;
}
