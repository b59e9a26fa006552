import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { follow, request } from './api.ts';
import type { ResultOf } from './graphql.ts';
import type { BoardMonitor } from './monitor-board.ts';
import { boardExtrasQuery, boardQuery, monitorChangedSubscription } from './monitoring-documents.ts';

type Extras = ResultOf<typeof boardExtrasQuery>;

/**
 * The board's data: every monitor (read 250 a page), the agents and the sites, followed live
 * through `monitorStatusChanged` while the board is on screen. Owns its subscription.
 */
export class MonitorBoardStore implements ReactiveController {
  readonly monitors = new Map<string, BoardMonitor>();
  agents: Extras['monitorAgents'] = [];
  sites: Extras['sites']['edges'][number]['node'][] = [];
  /** Monitors changed live a moment ago (the board flashes their rows). */
  readonly changed = new Set<string>();
  loaded = false;
  problem = '';
  private stop: (() => void) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly locale: () => string,
    /** Every monitor has been read (after each reload). */
    private readonly onLoaded: (count: number) => void = () => {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stop = follow(monitorChangedSubscription, {}, (data) => this.apply(data.monitorStatusChanged));
    void this.reload();
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = null;
  }

  /** Reads every monitor, the agents and the sites again. */
  async reload(): Promise<void> {
    try {
      const [extras, monitors] = await Promise.all([request(boardExtrasQuery, {}, this.locale()), this.readAll()]);
      this.agents = extras.monitorAgents;
      this.sites = extras.sites.edges.map((e) => e.node);
      this.monitors.clear();
      for (const m of monitors) this.monitors.set(m.id, m);
      this.problem = '';
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
    this.loaded = true;
    this.host.requestUpdate();
    this.onLoaded(this.monitors.size);
  }

  private async readAll(): Promise<BoardMonitor[]> {
    const all: BoardMonitor[] = [];
    let after: string | null = null;
    for (;;) {
      const page: BoardMonitor[] = (await request(boardQuery, { after }, this.locale())).monitors;
      all.push(...page);
      if (page.length < 250) return all;
      after = page[page.length - 1]?.id ?? null;
    }
  }

  /** A monitor as the server sent it live: replaced in place, flashed for a moment. */
  apply(monitor: BoardMonitor): void {
    this.monitors.set(monitor.id, monitor);
    this.changed.add(monitor.id);
    setTimeout(() => {
      this.changed.delete(monitor.id);
      this.host.requestUpdate();
    }, 2_000);
    this.host.requestUpdate();
  }

  forget(id: string): void {
    this.monitors.delete(id);
    this.host.requestUpdate();
  }
}
