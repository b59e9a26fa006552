import type { ResultOf, VariablesOf } from './graphql.ts';
import type { queueQuery, queueViewsQuery } from './queue-documents.ts';

/** One row of the queue, as read and as pushed by `queueUpdated`. */
export type QueueRow = ResultOf<typeof queueQuery>['queue']['edges'][number]['node'];
export type Status = QueueRow['status'];
export type Priority = QueueRow['priority'];
export type Order = 'PRIORITY' | 'DUE_SOONEST';
export type Scope = 'all' | 'mine' | 'unassigned';
type SavedView = ResultOf<typeof queueViewsQuery>['queueViews'][number];

/** The statuses in the order of the ticket's life, for the filter's check boxes. */
export const statuses = ['NEW', 'IN_PROGRESS', 'FEEDBACK', 'RESOLVED', 'ACCEPTED', 'PAID', 'REJECTED'] as const;
/** The priorities from the least urgent: the index is the server's `priorityRank`. */
export const priorities = ['NORMAL', 'HIGH', 'URGENT', 'IMMEDIATE'] as const;
/** Without a status filter the server's queue holds these (see `workable` in the schema's queue.ts). */
export const workable: readonly Status[] = ['NEW', 'IN_PROGRESS'];

// Fails to compile when the schema gains a status or a priority the lists above lack.
const everyStatus: Record<Exclude<Status, (typeof statuses)[number]>, never> = {};
const everyPriority: Record<Exclude<Priority, (typeof priorities)[number]>, never> = {};
void everyStatus;
void everyPriority;

/** What the queue shows: the scope buttons, the order, the search and the filters. */
export interface QueueFilters {
  scope: Scope;
  order: Order;
  search: string;
  statuses: Status[];
  priorities: Priority[];
  /** A global id of an Organization. */
  organizationId: string | null;
  overdue: boolean;
}

export const noFilters: QueueFilters = {
  scope: 'all',
  order: 'PRIORITY',
  search: '',
  statuses: [],
  priorities: [],
  organizationId: null,
  overdue: false,
};

type TicketFilter = NonNullable<VariablesOf<typeof queueQuery>['filter']>;

/** The server's `TicketFilter` for the filters (only what is set). */
export function ticketFilter(f: QueueFilters): TicketFilter {
  const search = f.search.trim();
  return {
    ...(f.scope === 'mine' ? { assignedToMe: true } : {}),
    ...(f.scope === 'unassigned' ? { unassigned: true } : {}),
    ...(search ? { search } : {}),
    ...(f.statuses.length ? { statuses: f.statuses } : {}),
    ...(f.priorities.length ? { priorities: f.priorities } : {}),
    ...(f.organizationId ? { organizationId: f.organizationId } : {}),
    ...(f.overdue ? { overdue: true } : {}),
  };
}

/** The filters a saved view holds (what the console does not offer, such as categories, is not kept). */
export function viewFilters(view: SavedView): QueueFilters {
  const f = view.filter;
  return {
    scope: f.assignedToMe ? 'mine' : f.unassigned ? 'unassigned' : 'all',
    order: view.order,
    search: f.search ?? '',
    statuses: [...(f.statuses ?? [])],
    priorities: [...(f.priorities ?? [])],
    organizationId: f.organizationId ?? null,
    overdue: f.overdue ?? false,
  };
}

/** Whether two sets of filters show the same tickets in the same order. */
export function sameFilters(a: QueueFilters, b: QueueFilters): boolean {
  const key = (f: QueueFilters) =>
    JSON.stringify({
      ...f,
      search: f.search.trim(),
      statuses: [...f.statuses].sort(),
      priorities: [...f.priorities].sort(),
    });
  return key(a) === key(b);
}
