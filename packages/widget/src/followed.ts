// What the loader needs to know of the tickets this browser keeps, without loading the widget.

/** The statuses after which a ticket no longer changes for its client: not followed live. */
const finished = new Set(['ACCEPTED', 'PAID', 'REJECTED']);

/** Whether a ticket in this status is still worth following. */
export const isOpenStatus = (status: string): boolean => !finished.has(status);

/**
 * Whether this browser has something to follow on the site: open tickets, a session, a waiting
 * report. The keys are those ticket-store.ts, sign-in.ts and `outboxFlag` write.
 */
export function hasSomethingLive(siteKey: string): boolean {
  try {
    const tickets = JSON.parse(localStorage.getItem(`caredesk:${siteKey}:tickets`) ?? '[]') as { status: string }[];
    return Boolean(
      localStorage.getItem(`caredesk:${siteKey}:session`) ||
        localStorage.getItem('caredesk:outbox') ||
        tickets.some((t) => isOpenStatus(t.status)),
    );
  } catch {
    // Storage disabled or spoilt: nothing to follow.
    return false;
  }
}
