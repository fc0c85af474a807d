/**
 * Server-rendered SVG charts for the HTML report: pure functions from numbers to markup.
 * Chosen over uPlot, Observable Plot and Vega-Lite by measurement (README, "HTML report"):
 * as fast to draw as the fastest of them at 10,000 points, no library in the file, the
 * page draws with scripts off, and every point is an element a test (or a screen reader's
 * table beside it) can count.
 */

/** Okabe–Ito colours: distinguishable under the common colour-vision deficiencies. */
export const PALETTE = {
  candidate: '#0072B2',
  baseline: '#E69F00',
  threshold: '#D55E00',
  band: '#56B4E9',
  good: '#009E73',
  ink: '#000000',
  grid: '#d0d0d0',
} as const;

const W = 560;
const H = 300;
const M = { left: 58, right: 18, top: 14, bottom: 44 } as const;

/** Escapes text for HTML and SVG content and attribute values. */
export function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** A linear scale's domain. */
export interface Axis {
  readonly min: number;
  readonly max: number;
  readonly label: string;
}

/** A vertical line (or band, with `to`) drawn over a chart at a data value on the x axis. */
export interface Marker {
  readonly at: number;
  readonly to?: number;
  readonly label: string;
  readonly color: string;
  readonly dashed?: boolean;
}

/**
 * A tick label: enough significant digits to tell ticks `step` apart (norms of unit vectors
 * differ in the 8th digit), no trailing zeros.
 */
function tick(v: number, step: number): string {
  const digits = Math.max(1, Math.ceil(Math.log10(Math.abs(v) / step || 1)) + 2);
  return String(Number(v.toPrecision(Math.min(15, Math.max(4, digits))))).replace(/^-0$/, '0');
}

/** The distance between consecutive ticks (1 for a single tick). */
const stepOf = (ticks: readonly number[]) => (ticks.length > 1 ? ticks[1]! - ticks[0]! : 1);

/** 4–8 "nice" tick values over [min, max] (steps of 1, 2 or 5 × 10^k). */
export function niceTicks(min: number, max: number): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => (max - min) / s <= 7)!;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step)
    out.push(Math.abs(v) < step * 1e-9 ? 0 : Number(v.toPrecision(12)));
  return out;
}

/** Pads a degenerate or tight domain so every value sits inside the plot. */
export function domain(values: Iterable<number>, label: string, pad = 0.04): Axis {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === Infinity) return { min: 0, max: 1, label };
  if (min === max) return { min: min - 0.5, max: max + 0.5, label };
  const p = (max - min) * pad;
  return { min: min - p, max: max + p, label };
}

interface Frame {
  readonly sx: (v: number) => number;
  readonly sy: (v: number) => number;
  readonly body: string;
}

/** Axes, grid and labels; returns the scales for the marks. */
function frame(x: Axis, y: Axis): Frame {
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const sx = (v: number) => M.left + ((v - x.min) / (x.max - x.min)) * pw;
  const sy = (v: number) => M.top + ph - ((v - y.min) / (y.max - y.min)) * ph;
  const parts: string[] = [];
  const xt = niceTicks(x.min, x.max);
  const yt = niceTicks(y.min, y.max);
  for (const t of xt) {
    const px = sx(t).toFixed(1);
    parts.push(
      `<line x1="${px}" x2="${px}" y1="${M.top}" y2="${M.top + ph}" stroke="${PALETTE.grid}" stroke-width="0.5"/>`,
      `<text x="${px}" y="${M.top + ph + 14}" text-anchor="middle">${tick(t, stepOf(xt))}</text>`,
    );
  }
  for (const t of yt) {
    const py = sy(t).toFixed(1);
    parts.push(
      `<line x1="${M.left}" x2="${M.left + pw}" y1="${py}" y2="${py}" stroke="${PALETTE.grid}" stroke-width="0.5"/>`,
      `<text x="${M.left - 5}" y="${py}" dy="0.32em" text-anchor="end">${tick(t, stepOf(yt))}</text>`,
    );
  }
  parts.push(
    `<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#888"/>`,
    `<text x="${M.left + pw / 2}" y="${H - 6}" text-anchor="middle">${esc(x.label)}</text>`,
    `<text transform="translate(13 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(y.label)}</text>`,
  );
  return { sx, sy, body: parts.join('') };
}

function svg(id: string, title: string, body: string, extra = ''): string {
  return (
    `<svg id="${esc(id)}" class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${esc(id)}-t"${extra}>` +
    `<title id="${esc(id)}-t">${esc(title)}</title>${body}</svg>`
  );
}

/** Vertical markers (lines or bands) with their labels stacked at the top. */
function markers(f: Frame, ms: readonly Marker[], y0: number, y1: number): string {
  return ms
    .map((m, i) => {
      const a = f.sx(m.at);
      // Labels of markers in the right third read leftwards, so they stay inside the chart.
      const right = a > M.left + ((W - M.left - M.right) * 2) / 3;
      const label = `<text x="${(right ? a - 3 : a + 3).toFixed(1)}" y="${(y0 + 11 + i * 12).toFixed(1)}"${right ? ' text-anchor="end"' : ''} fill="${m.color}" class="mk">${esc(m.label)}</text>`;
      if (m.to !== undefined) {
        const b = f.sx(m.to);
        return `<rect class="band" x="${Math.min(a, b).toFixed(1)}" y="${y0}" width="${Math.abs(b - a).toFixed(1)}" height="${y1 - y0}" fill="${m.color}" fill-opacity="0.25"/>${label}`;
      }
      return `<line class="marker" x1="${a.toFixed(1)}" x2="${a.toFixed(1)}" y1="${y0}" y2="${y1}" stroke="${m.color}" stroke-width="2"${m.dashed ? ' stroke-dasharray="5 3"' : ''}/>${label}`;
    })
    .join('');
}

/**
 * One point per pair (xs[i], ys[i]), with the y = x diagonal. Points are zero-length round
 * strokes in one path per side of the diagonal (candidate better / unchanged / worse):
 * 10,000 points as circles took 0.8 s to draw and 0.5 MB, as paths 0.3 s and 0.2 MB
 * (README, "HTML report"). The side is told by position as well as colour.
 */
export function scatterSvg(opts: {
  id: string;
  title: string;
  xs: readonly number[];
  ys: readonly number[];
  x: Axis;
  y: Axis;
}): string {
  const f = frame(opts.x, opts.y);
  const lo = Math.max(opts.x.min, opts.y.min);
  const hi = Math.min(opts.x.max, opts.y.max);
  const diag =
    hi > lo
      ? `<line x1="${f.sx(lo).toFixed(1)}" y1="${f.sy(lo).toFixed(1)}" x2="${f.sx(hi).toFixed(1)}" y2="${f.sy(hi).toFixed(1)}" stroke="${PALETTE.ink}" stroke-dasharray="4 3"/>`
      : '';
  const sides = [
    { name: 'candidate better', color: PALETTE.good, d: [] as string[] },
    { name: 'unchanged', color: '#555555', d: [] as string[] },
    { name: 'candidate worse', color: PALETTE.threshold, d: [] as string[] },
  ];
  for (let i = 0; i < opts.xs.length; i++) {
    const x = opts.xs[i]!;
    const y = opts.ys[i]!;
    sides[y > x ? 0 : y === x ? 1 : 2]!.d.push(`M${f.sx(x).toFixed(1)} ${f.sy(y).toFixed(1)}h0`);
  }
  const paths = sides
    .map(
      (s, k) =>
        `<path class="points" data-points="${s.d.length}" d="${s.d.join('')}" stroke="${s.color}"/>` +
        `<text x="${M.left + 8}" y="${M.top + 14 + k * 14}" fill="${s.color}" class="legend">● ${s.name} (${s.d.length})</text>`,
    )
    .join('');
  return svg(
    opts.id,
    opts.title,
    `${f.body}${diag}<g stroke-opacity="0.5" stroke-width="4.5" stroke-linecap="round" fill="none">${paths}</g>`,
    ` data-points="${opts.xs.length}"`,
  );
}

/** Equal-width bins over [min, max]; the last bin is closed. */
export function bin(
  values: readonly number[],
  bins: number,
  min: number,
  max: number,
): { lo: number; hi: number; count: number }[] {
  const width = (max - min) / bins || 1;
  const out = Array.from({ length: bins }, (_, i) => ({
    lo: min + i * width,
    hi: min + (i + 1) * width,
    count: 0,
  }));
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    out[Math.max(0, Math.min(bins - 1, Math.floor((v - min) / width)))]!.count++;
  }
  return out;
}

/** A histogram of binned counts, with markers drawn over it. */
export function histogramSvg(opts: {
  id: string;
  title: string;
  bins: readonly { lo: number; hi: number; count: number }[];
  x: Axis;
  yLabel: string;
  markers?: readonly Marker[];
}): string {
  const top = Math.max(1, ...opts.bins.map((b) => b.count));
  const f = frame(opts.x, { min: 0, max: top * 1.1, label: opts.yLabel });
  const bars = opts.bins
    .map((b) => {
      const x0 = f.sx(b.lo);
      const x1 = f.sx(b.hi);
      const y = f.sy(b.count);
      return `<rect x="${x0.toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(0.5, x1 - x0 - 1).toFixed(1)}" height="${(f.sy(0) - y).toFixed(1)}"/>`;
    })
    .join('');
  return svg(
    opts.id,
    opts.title,
    `${f.body}<g class="bars" fill="${PALETTE.candidate}">${bars}</g>${markers(f, opts.markers ?? [], M.top, H - M.bottom)}`,
    ` data-bins="${opts.bins.length}"`,
  );
}

/** Step lines (e.g. empirical CDFs from quantiles), one per series, with markers. */
export function linesSvg(opts: {
  id: string;
  title: string;
  series: readonly { name: string; xs: readonly number[]; ys: readonly number[]; color: string }[];
  x: Axis;
  y: Axis;
  markers?: readonly Marker[];
}): string {
  const f = frame(opts.x, opts.y);
  const paths = opts.series
    .map((s, k) => {
      const d = s.xs
        .map((x, i) => `${i ? 'L' : 'M'}${f.sx(x).toFixed(1)} ${f.sy(s.ys[i]!).toFixed(1)}`)
        .join('');
      const legend = `<text x="${M.left + 8}" y="${M.top + 14 + k * 14}" fill="${s.color}" class="legend">${k ? '- - ' : '—— '}${esc(s.name)}</text>`;
      return `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"${k ? ' stroke-dasharray="6 3"' : ''}/>${legend}`;
    })
    .join('');
  return svg(
    opts.id,
    opts.title,
    `${f.body}${markers(f, opts.markers ?? [], M.top + 30, H - M.bottom)}<g class="series" data-series="${opts.series.length}">${paths}</g>`,
  );
}

/** One horizontal row per measure: a dot at the value, whiskers for an interval, a threshold tick. */
export function dotsSvg(opts: {
  id: string;
  title: string;
  rows: readonly {
    label: string;
    value: number;
    low?: number;
    high?: number;
    threshold?: number;
  }[];
  x: Axis;
  /** Vertical lines across every row (e.g. −max_drop). */
  markers?: readonly Marker[];
}): string {
  const rowH = 34;
  const h = M.top + M.bottom + rowH * opts.rows.length;
  const left = 170;
  const pw = W - left - M.right;
  const sx = (v: number) => left + ((v - opts.x.min) / (opts.x.max - opts.x.min)) * pw;
  const parts: string[] = [];
  const xt = niceTicks(opts.x.min, opts.x.max);
  for (const t of xt)
    parts.push(
      `<line x1="${sx(t).toFixed(1)}" x2="${sx(t).toFixed(1)}" y1="${M.top}" y2="${h - M.bottom}" stroke="${PALETTE.grid}" stroke-width="0.5"/>`,
      `<text x="${sx(t).toFixed(1)}" y="${h - M.bottom + 14}" text-anchor="middle">${tick(t, stepOf(xt))}</text>`,
    );
  parts.push(
    `<text x="${left + pw / 2}" y="${h - 6}" text-anchor="middle">${esc(opts.x.label)}</text>`,
  );
  opts.rows.forEach((r, i) => {
    const cy = M.top + rowH * i + rowH / 2;
    parts.push(
      `<text x="${left - 8}" y="${cy}" dy="0.32em" text-anchor="end">${esc(r.label)}</text>`,
    );
    if (r.low !== undefined && r.high !== undefined)
      parts.push(
        `<line x1="${sx(r.low).toFixed(1)}" x2="${sx(r.high).toFixed(1)}" y1="${cy}" y2="${cy}" stroke="${PALETTE.candidate}" stroke-width="2"/>`,
      );
    if (r.threshold !== undefined)
      parts.push(
        `<line class="threshold" x1="${sx(r.threshold).toFixed(1)}" x2="${sx(r.threshold).toFixed(1)}" y1="${cy - 11}" y2="${cy + 11}" stroke="${PALETTE.threshold}" stroke-width="3"/>`,
      );
    parts.push(
      `<circle class="dot" cx="${sx(r.value).toFixed(1)}" cy="${cy}" r="5" fill="${PALETTE.candidate}"/>`,
    );
  });
  for (const m of opts.markers ?? [])
    parts.push(
      `<line class="marker" x1="${sx(m.at).toFixed(1)}" x2="${sx(m.at).toFixed(1)}" y1="${M.top}" y2="${h - M.bottom}" stroke="${m.color}" stroke-width="2" stroke-dasharray="5 3"/>`,
    );
  return (
    `<svg id="${esc(opts.id)}" class="chart" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-labelledby="${esc(opts.id)}-t" data-points="${opts.rows.length}">` +
    `<title id="${esc(opts.id)}-t">${esc(opts.title)}</title>${parts.join('')}</svg>`
  );
}
