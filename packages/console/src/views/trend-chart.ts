import { css, html, LitElement, unsafeCSS } from 'lit';
import type uPlot from 'uplot';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';

export interface TrendSeries {
  label: string;
  /** One value per month; null where the month has none. */
  values: (number | null)[];
  color: string;
}

/**
 * A line chart of a few monthly figures, drawn by uPlot (loaded on first use: it stays out of the
 * console's main script). The canvas is a picture for the eye; the same figures are in the table
 * after it, which is what screen readers read.
 */
export class TrendChart extends LitElement {
  static override styles = [
    unsafeCSS(uplotCss),
    css`
      :host { display: block; }
      figure { margin: 0; }
      figcaption { font-weight: 600; margin-bottom: 4px; }
      .plot { min-height: 200px; }
      table { border-collapse: collapse; font-size: 12px; margin-top: 4px; }
      th, td { padding: 2px 6px; border-bottom: 1px solid #d6dbe4; text-align: right; }
      th:first-child { text-align: left; }
      summary { cursor: pointer; color: #2155d6; font-size: 13px; }
    `,
  ];
  static override properties = {
    caption: {},
    months: { attribute: false },
    series: { attribute: false },
    unit: {},
    tableLabel: {},
    xLabel: {},
  };
  declare caption: string;
  declare months: string[];
  declare series: TrendSeries[];
  /** Shown after each value, e.g. " h" or " %". */
  declare unit: string;
  declare tableLabel: string;
  /** What the x axis counts (the legend names it). */
  declare xLabel: string;
  private plot: uPlot | null = null;
  private readonly resize = new ResizeObserver(() => this.plot?.setSize(this.size()));

  constructor() {
    super();
    this.caption = '';
    this.months = [];
    this.series = [];
    this.unit = '';
    this.tableLabel = '';
    this.xLabel = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }

  private size() {
    const width = Math.max(240, this.renderRoot.querySelector('.plot')?.clientWidth ?? 480);
    return { width, height: 200 };
  }

  override async updated(): Promise<void> {
    const target = this.renderRoot.querySelector<HTMLElement>('.plot');
    if (!target || this.months.length === 0) return;
    const { default: UPlot } = await import('uplot');
    this.plot?.destroy();
    const months = this.months;
    const data: uPlot.AlignedData = [
      months.map((_, i) => i),
      ...this.series.map((s) => s.values.map((v) => (v === null ? null : v))),
    ];
    this.plot = new UPlot(
      {
        ...this.size(),
        // Shares are read against the whole 0–100 % scale, not a zoomed-in one.
        scales: {
          x: { time: false },
          ...(this.unit.trim() === '%' ? { y: { range: [0, 100] as [number, number] } } : {}),
        },
        legend: { show: true },
        cursor: { show: true },
        axes: [
          { values: (_u, ticks) => ticks.map((i) => months[i] ?? ''), incrs: [1] },
          { values: (_u, ticks) => ticks.map((v) => `${v}${this.unit}`), size: 60 },
        ],
        series: [
          { label: '' },
          ...this.series.map((s) => ({ label: s.label, stroke: s.color, width: 2, points: { show: true } })),
        ],
      },
      data,
      target,
    );
    this.plot.root.setAttribute('aria-hidden', 'true');
    this.resize.observe(target);
  }

  override render() {
    const value = (v: number | null) => (v === null ? '—' : `${Math.round(v * 10) / 10}${this.unit}`);
    return html`<figure>
      <figcaption>${this.caption}</figcaption>
      <div class="plot"></div>
      <details>
        <summary>${this.tableLabel}</summary>
        <table>
          <thead><tr><th></th>${this.months.map((m) => html`<th scope="col">${m}</th>`)}</tr></thead>
          <tbody>
            ${this.series.map(
              (s) => html`<tr><th scope="row">${s.label}</th>${s.values.map((v) => html`<td>${value(v)}</td>`)}</tr>`,
            )}
          </tbody>
        </table>
      </details>
    </figure>`;
  }
}
