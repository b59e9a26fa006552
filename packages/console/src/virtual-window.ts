import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rows rendered beyond the visible ones on each side, so that a quick scroll shows no gap. */
const overscan = 12;

/** The rows to render: indexes [start, end) and the heights that stand in for the rest. */
export interface RowWindow {
  start: number;
  end: number;
  before: number;
  after: number;
}

interface Options {
  /** How many rows there are. */
  count(): number;
  /** The scrolling element (rendered by the host); null before the first render. */
  scroller(): HTMLElement | null;
}

/**
 * Renders a long table by windows: only the rows in the scroller's view plus `overscan` each side,
 * with spacer heights above and below. Rows are one line of a fixed height, measured from the
 * first rendered row (and again when the scroller's width changes); the host re-renders only when
 * the window moves, not on every scrolled pixel.
 */
export class VirtualWindow implements ReactiveController {
  /** Height of one row in px; an estimate until a row is measured. */
  rowHeight = 36;
  private header = 0;
  private measured = false;
  private current: RowWindow = { start: 0, end: 0, before: 0, after: 0 };
  private element: HTMLElement | null = null;
  private readonly resize = new ResizeObserver(() => {
    this.measured = false;
    this.host.requestUpdate();
  });
  private readonly scrolled = () => {
    const next = this.compute();
    if (next.start !== this.current.start || next.end !== this.current.end) this.host.requestUpdate();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: Options,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.element?.removeEventListener('scroll', this.scrolled);
    this.resize.disconnect();
    this.element = null;
  }

  /** The window for this render. */
  range(): RowWindow {
    this.current = this.compute();
    return this.current;
  }

  hostUpdated(): void {
    const element = this.options.scroller();
    if (element !== this.element) {
      this.element?.removeEventListener('scroll', this.scrolled);
      this.resize.disconnect();
      this.element = element;
      element?.addEventListener('scroll', this.scrolled, { passive: true });
      if (element) this.resize.observe(element);
      this.measured = false;
    }
    if (!element || this.measured) return;
    const row = element.querySelector<HTMLElement>('tbody tr[aria-rowindex]');
    if (!row) return;
    this.measured = true;
    this.header = element.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const height = row.getBoundingClientRect().height;
    if (height > 0 && Math.abs(height - this.rowHeight) > 0.1) {
      this.rowHeight = height;
      this.host.requestUpdate();
    }
  }

  /** Scrolls the least needed to show row `index` whole below the sticky header. */
  reveal(index: number): void {
    const element = this.element;
    if (!element) return;
    const top = index * this.rowHeight;
    const bottom = top + this.rowHeight + this.header;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (bottom > element.scrollTop + element.clientHeight) element.scrollTop = bottom - element.clientHeight;
  }

  private compute(): RowWindow {
    const count = this.options.count();
    const element = this.element;
    const scrollTop = element?.scrollTop ?? 0;
    // Before the scroller has its height, assume the window's: never fewer rows than fit.
    const view = Math.max(element?.clientHeight ?? 0, element ? 0 : innerHeight);
    const first = Math.floor(Math.max(0, scrollTop - this.header) / this.rowHeight);
    const start = Math.max(0, first - overscan);
    const end = Math.min(count, Math.ceil((scrollTop + view) / this.rowHeight) + overscan);
    return {
      start,
      end: Math.max(start, end),
      before: start * this.rowHeight,
      after: Math.max(0, count - Math.max(start, end)) * this.rowHeight,
    };
  }
}
