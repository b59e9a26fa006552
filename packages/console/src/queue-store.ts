import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { follow, request } from './api.ts';
import type { ResultOf } from './graphql.ts';
import { queueQuery, queueUpdated } from './queue-documents.ts';
import { type QueueFilters, type QueueRow, ticketFilter } from './queue-filters.ts';
import { belongs, compareRows, sortedIndex } from './queue-order.ts';

/** How long a changed row stays highlighted. */
const highlightMs = 2_000;
/** One read of the queue for a burst of changes the client cannot place itself. */
const rereadMs = 150;

interface Options {
  filters(): QueueFilters;
  staffId(): string;
  locale(): string;
  /** Called after every change of `rows` (a page read, a live patch). */
  changed(): void;
}

/**
 * The queue's rows: every page read (100 a page, by cursor), then kept current from
 * `queueUpdated`. A change is patched into the loaded rows: replaced, moved to where the server's
 * order puts it (queue-order.ts repeats the server's `orderBy`), added or dropped by the server's
 * filter. Only a change the client cannot judge (search words not in the title) reads the queue
 * again: with a thousand rows a read is ten requests, an event is one row.
 */
export class QueueStore implements ReactiveController {
  rows: QueueRow[] = [];
  /** Ids changed in the last two seconds. */
  highlighted = new Set<string>();
  /** True while pages are still being read. */
  loading = false;
  /** Why the last read failed, in the reader's language; empty when it did not. */
  problem = '';
  private stop: (() => void) | null = null;
  private reread: ReturnType<typeof setTimeout> | null = null;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  /** Changes heard while pages are read: applied once the last page is in. */
  private heard: QueueRow[] = [];
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly options: Options,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stop = follow(queueUpdated, {}, (data) => this.hear(data.queueUpdated));
    void this.load();
  }

  hostDisconnected(): void {
    this.stop?.();
    this.generation++;
    if (this.reread) clearTimeout(this.reread);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Reads every page for the current filters; a newer call abandons an older one. */
  async load(): Promise<void> {
    const generation = ++this.generation;
    try {
      await this.readPages(generation);
    } catch (error) {
      if (generation !== this.generation) return;
      this.loading = false;
      this.problem = error instanceof Error ? error.message : String(error);
      this.host.requestUpdate();
    }
  }

  private async readPages(generation: number): Promise<void> {
    const f = this.options.filters();
    const variables = { filter: ticketFilter(f), order: f.order };
    this.loading = true;
    this.problem = '';
    const rows: QueueRow[] = [];
    const seen = new Set<string>();
    let after: string | null = null;
    do {
      const data: ResultOf<typeof queueQuery> = await request(
        queueQuery,
        { ...variables, after },
        this.options.locale(),
      );
      if (generation !== this.generation) return;
      // A ticket moved between two pages' reads may come twice; its change is heard anyway.
      for (const { node } of data.queue.edges) {
        if (seen.has(node.id)) continue;
        seen.add(node.id);
        rows.push(node);
      }
      const { hasNextPage, endCursor } = data.queue.pageInfo;
      after = hasNextPage ? (endCursor ?? null) : null;
      this.rows = after ? [...rows] : rows;
      if (!after) this.loading = false;
      this.options.changed();
      this.host.requestUpdate();
    } while (after);
    const heard = this.heard;
    this.heard = [];
    for (const row of heard) this.patch(row);
    this.host.dispatchEvent(
      new CustomEvent('queue-loaded', { detail: this.rows.length, bubbles: true, composed: true }),
    );
  }

  private hear(row: QueueRow): void {
    this.highlighted = new Set([...this.highlighted, row.id]);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.highlighted = new Set([...this.highlighted].filter((id) => id !== row.id));
      this.host.requestUpdate();
    }, highlightMs);
    this.timers.add(timer);
    if (this.loading) this.heard.push(row);
    else this.patch(row);
    this.host.requestUpdate();
  }

  private patch(row: QueueRow): void {
    const f = this.options.filters();
    const verdict = belongs(row, f, this.options.staffId(), new Date());
    if (verdict === 'unknown') {
      if (this.reread) clearTimeout(this.reread);
      this.reread = setTimeout(() => void this.load(), rereadMs);
      return;
    }
    const rest = this.rows.filter((r) => r.id !== row.id);
    if (verdict) rest.splice(sortedIndex(rest, row, compareRows(f.order)), 0, row);
    this.rows = rest;
    this.options.changed();
  }
}
