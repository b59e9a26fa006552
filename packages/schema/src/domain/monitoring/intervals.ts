/** A half-open span of time [from, to) in epoch milliseconds. */
export interface Span {
  from: number;
  to: number;
}

/** Sorted, non-overlapping spans covering the same time as `spans`. */
export function unionSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.to > s.from).sort((a, b) => a.from - b.from);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else out.push({ ...span });
  }
  return out;
}

/** The parts of `spans` that fall inside `within`. */
export function clipSpans(spans: readonly Span[], within: Span): Span[] {
  return spans
    .map((s) => ({ from: Math.max(s.from, within.from), to: Math.min(s.to, within.to) }))
    .filter((s) => s.to > s.from);
}

/** `spans` with the time of `minus` taken out. */
export function subtractSpans(spans: readonly Span[], minus: readonly Span[]): Span[] {
  const holes = unionSpans(minus);
  const out: Span[] = [];
  for (const span of unionSpans(spans)) {
    let from = span.from;
    for (const hole of holes) {
      if (hole.to <= from || hole.from >= span.to) continue;
      if (hole.from > from) out.push({ from, to: hole.from });
      from = Math.max(from, hole.to);
    }
    if (from < span.to) out.push({ from, to: span.to });
  }
  return out;
}

/** Total length of the spans in milliseconds (overlaps counted once). */
export function spansLength(spans: readonly Span[]): number {
  return unionSpans(spans).reduce((sum, s) => sum + (s.to - s.from), 0);
}

/** The UTC month 'YYYY-MM' as a span, or null when the text is not a month. */
export function monthSpan(month: string): Span | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) return null;
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  return { from: Date.UTC(year, index, 1), to: Date.UTC(year, index + 1, 1) };
}
