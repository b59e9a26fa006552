import { type Order, priorities, type QueueFilters, type QueueRow, workable } from './queue-filters.ts';

/**
 * The server's queue rules repeated on the client, so that a live change patches the loaded rows
 * instead of reading a thousand rows again: `orderBy` and the filter of the schema's queue.ts and
 * ticket-filter.ts. Pure: `now` is passed in.
 */

const rank = (row: QueueRow) => priorities.indexOf(row.priority);
/** The database id inside the global id: the server's last tie-breaker. */
const rawId = (row: QueueRow) => atob(row.id).slice('Ticket:'.length);
const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function byPriority(a: QueueRow, b: QueueRow): number {
  return rank(b) - rank(a) || Date.parse(a.queuedAt) - Date.parse(b.queuedAt) || byString(rawId(a), rawId(b));
}

/** PRIORITY: most urgent first, then the longest waiting. DUE_SOONEST: running clocks by due time (none last), then PRIORITY. */
export function compareRows(order: Order): (a: QueueRow, b: QueueRow) => number {
  if (order === 'PRIORITY') return byPriority;
  return (a, b) => {
    if (a.slaDueAt === b.slaDueAt) return byPriority(a, b);
    if (a.slaDueAt === null) return 1;
    if (b.slaDueAt === null) return -1;
    return Date.parse(a.slaDueAt) - Date.parse(b.slaDueAt) || byPriority(a, b);
  };
}

/**
 * Whether the row belongs in the queue: true or false, or 'unknown' when only the server can say
 * (words of the search that are not in the title may be in the description, which rows lack).
 */
export function belongs(row: QueueRow, f: QueueFilters, staffId: string, now: Date): boolean | 'unknown' {
  const shown = f.statuses.length ? f.statuses : workable;
  if (!shown.includes(row.status)) return false;
  if (f.priorities.length && !f.priorities.includes(row.priority)) return false;
  if (f.organizationId && row.organization?.id !== f.organizationId) return false;
  if (f.scope === 'mine' && row.assignee?.id !== staffId) return false;
  if (f.scope === 'unassigned' && row.assignee) return false;
  if (f.overdue && !(row.slaDueAt && Date.parse(row.slaDueAt) < now.getTime())) return false;
  const search = f.search.trim();
  if (!search) return true;
  const number = /^#?(\d{1,9})$/.exec(search)?.[1];
  if (number) return row.number === Number(number);
  // Case-sensitive: both databases agree on it (SQLite's LIKE would also match other cases).
  return row.title.includes(search) ? true : 'unknown';
}

/** Where a row goes in rows already sorted by `compare` (binary search; after its equals). */
export function sortedIndex(rows: readonly QueueRow[], row: QueueRow, compare: (a: QueueRow, b: QueueRow) => number) {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(rows[middle] as QueueRow, row) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
