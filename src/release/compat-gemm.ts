/**
 * The compatibility measures' score matrices from float32 GEMM products, with the exact
 * float64 answer wherever a decision hinges on it.
 *
 * Every decision the measures make on a row of scores — the top k other columns, the rank
 * of the row's own column, the largest other entry — compares entries. A float32 product
 * (onnxruntime's Gemm, src/retrieval/knn-gemm.ts) is within a rigorous bound `e` of the
 * float64 score the slow path computes; {@link settleRow} replaces by that exact score
 * every entry within `2e` of a decision's threshold, so the decision comes out exactly as
 * the all-float64 path's (ties included), while the other entries, which cannot change
 * it, keep their cheap value. The matrix-backed scores (`e = 0`) run the same code on the
 * slow path's matrices, which is how the tests compare both paths entry for entry.
 */
import type { Metric } from '../config/manifest.js';
import { dotErrorBound } from '../retrieval/knn-gemm.js';

/** One side of a comparison: rows of float32 vectors. */
export interface RowsOf {
  readonly values: Float32Array;
  readonly rows: number;
  readonly dims: number;
}

/** A score matrix read a row at a time, each cheap entry within a known bound of the exact one. */
export interface BoundedScores {
  readonly cols: number;
  /** Writes row i's cheap scores into `out` and returns `e`: |cheap − exact(i, j)| ≤ e for every j. */
  approxRow(i: number, out: Float64Array): number;
  /** The exact score, as the float64 path computes it. */
  exact(i: number, j: number): number;
}

/** What a row's scores must decide exactly. */
export interface RowDecisions {
  /** The set of the `best` largest entries other than `skip` (0: none); not their order. */
  readonly best: number;
  readonly skip?: number;
  /** The largest entry other than `skip`. */
  readonly max?: boolean;
  /** Every comparison with this column's entry (a rank of self). */
  readonly near?: number;
}

/**
 * Row i of `s` into `out`, exact wherever it can change `want`. With t the cheap `best`-th
 * largest, entries within 2e of t are made exact: those above have exact scores above
 * every candidate for the last places (at most best − 1 cheap scores exceed t, so the
 * exact best-th largest is ≤ t + e) and belong to the set whatever their order; those below
 * cannot reach it. `max` makes exact every entry within 2e of the cheap maximum, `near`
 * every entry within 2e of that column's. An entry left cheap is more than e away, on the
 * exact scale, from every threshold these decisions compare with, so each comparison
 * comes out as on exact scores. Returns how many entries were made exact.
 */
export function settleRow(
  s: BoundedScores,
  i: number,
  out: Float64Array,
  want: RowDecisions,
): number {
  const e2 = 2 * s.approxRow(i, out);
  const m = s.cols;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  if (want.best > 0) {
    const t = kthLargest(out, want.best, want.skip);
    lo = t - e2;
    hi = t + e2;
  }
  const top = want.max ? kthLargest(out, 1, want.skip) - e2 : Number.POSITIVE_INFINITY;
  const near = want.near === undefined ? Number.NaN : (out[want.near] as number);
  let settled = 0;
  for (let j = 0; j < m; j++) {
    const v = out[j] as number;
    if ((v >= lo && v <= hi) || v >= top || Math.abs(v - near) <= e2) {
      out[j] = s.exact(i, j);
      settled++;
    }
  }
  return settled;
}

/** The k-th largest entry other than `skip` (−∞ when fewer). */
function kthLargest(row: Float64Array, k: number, skip?: number): number {
  const top = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
  for (let j = 0; j < row.length; j++) {
    if (j === skip) continue;
    const v = row[j] as number;
    if (!(v > (top[k - 1] as number))) continue;
    let p = k - 1;
    while (p > 0 && v > (top[p - 1] as number)) {
      top[p] = top[p - 1] as number;
      p--;
    }
    top[p] = v;
  }
  return top[k - 1] as number;
}

/** The `k` best columns of `scores` other than `self`, ties to the lower column. */
export function topOthers(scores: Float64Array, self: number, k: number, out: Int32Array): void {
  const best = new Float64Array(k).fill(-Infinity);
  let filled = 0;
  for (let j = 0; j < scores.length; j++) {
    if (j === self) continue;
    const s = scores[j]!;
    if (filled === k && !(s > best[k - 1]!)) continue;
    let p = filled < k ? filled++ : k - 1;
    while (p > 0 && s > best[p - 1]!) {
      best[p] = best[p - 1]!;
      out[p] = out[p - 1]!;
      p--;
    }
    best[p] = s;
    out[p] = j;
  }
}

/** x_i · y_j summed in float64 in index order: the slow path's dot product, to the bit. */
export function dot64(x: RowsOf, i: number, y: RowsOf, j: number): number {
  const d = x.dims;
  const a = x.values;
  const b = y.values;
  let s = 0;
  for (let t = 0, p = i * d, q = j * d; t < d; t++) s += a[p + t]! * b[q + t]!;
  return s;
}

/** ‖row‖² per row, float64. */
export function squaredNorms(m: RowsOf): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = dot64(m, i, m, i);
  return out;
}

function maxOf(values: Float64Array): number {
  let m = 0;
  for (const v of values) if (v > m) m = v;
  return m;
}

/**
 * The float32 product's bound, on every score scale below: (γ + 4u) covers the Gemm, the
 * float32 roundings of the slow path and of the product; 1.01 the float64 arithmetic.
 */
function scaleBound(dims: number): number {
  return (dotErrorBound(dims) + 4 * 2 ** -24) * 1.01;
}

/** A matrix the slow path computed, as exact scores (e = 0). */
export function matrixScores(
  values: ArrayLike<number>,
  cols: number,
  at: (values: ArrayLike<number>, i: number, j: number) => number = (v, i, j) =>
    v[i * cols + j] as number,
): BoundedScores {
  return {
    cols,
    approxRow(i, out) {
      for (let j = 0; j < cols; j++) out[j] = at(values, i, j);
      return 0;
    },
    exact: (i, j) => at(values, i, j),
  };
}

/**
 * Scores held as a float32 matrix of cheap values `c`, read as cᵢⱼ, or 2·cᵢⱼ − tⱼ with a
 * column term t (l2): a row is one typed-array copy or one fused loop.
 */
function cheapScores(
  cheap: Float32Array,
  cols: number,
  colTerm: Float64Array | undefined,
  bound: (i: number) => number,
  exact: (i: number, j: number) => number,
): BoundedScores {
  return {
    cols,
    approxRow(i, out) {
      const row = cheap.subarray(i * cols, (i + 1) * cols);
      if (colTerm) for (let j = 0; j < cols; j++) out[j] = 2 * row[j]! - colTerm[j]!;
      else out.set(row);
      return bound(i);
    },
    exact,
  };
}

/** Scales `p` (rows × cols) in place by rowScale[i] · colScale[j]. */
function scaleInPlace(p: Float32Array, rowScale: Float64Array, colScale: Float64Array): void {
  const cols = colScale.length;
  for (let i = 0; i < rowScale.length; i++) {
    const r = rowScale[i]!;
    const base = i * cols;
    for (let j = 0; j < cols; j++) p[base + j] = p[base + j]! * r * colScale[j]!;
  }
}

/** The transpose of a rows × cols matrix, in cache-sized tiles. */
function transpose(p: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  const T = 64;
  for (let i0 = 0; i0 < rows; i0 += T) {
    for (let j0 = 0; j0 < cols; j0 += T) {
      const i1 = Math.min(i0 + T, rows);
      const j1 = Math.min(j0 + T, cols);
      for (let i = i0; i < i1; i++)
        for (let j = j0; j < j1; j++) out[j * rows + i] = p[i * cols + j]!;
    }
  }
  return out;
}

const inverseNorms = (squares: ArrayLike<number>): Float64Array =>
  Float64Array.from(squares, (sq) => (sq > 0 ? 1 / Math.sqrt(sq) : 0));

/**
 * A version's sample ranked by its own metric, as compat-measures' Gram matrix ranks it:
 * G = X·Xᵀ rounded to float32 (the cosine matrix for `cosine`), scored Gᵢⱼ, or 2·Gᵢⱼ − Gⱼⱼ
 * for `l2`. `product` is X·Xᵀ in float32, taken over and scaled in place; it comes back
 * as the cheap Gram matrix (exact diagonal), for CKA, whose sums no single entry decides.
 */
export function gramScores(
  m: RowsOf,
  metric: Metric,
  product: Float32Array,
): { scores: BoundedScores; gram: Float32Array } {
  const n = m.rows;
  const diag = Float32Array.from(squaredNorms(m)); // the slow path's float32 Gᵢᵢ
  const diag64 = Float64Array.from(diag);
  const inv = inverseNorms(diag);
  const cosine = metric === 'cosine';
  const f = Math.fround;
  const exactGram = (i: number, j: number): number => {
    const g = i === j ? diag64[i]! : f(dot64(m, i, m, j));
    return cosine ? f(g * inv[i]! * inv[j]!) : g;
  };
  const gram = product;
  if (cosine) scaleInPlace(gram, inv, inv);
  for (let i = 0; i < n; i++) gram[i * n + i] = exactGram(i, i);
  const base = scaleBound(m.dims);
  const maxNorm = Math.sqrt(maxOf(diag64)) * 1.01;
  const l2 = metric === 'l2';
  const bound = (i: number): number => {
    if (cosine) return base;
    const e = base * Math.sqrt(diag64[i]!) * 1.01 * maxNorm;
    // l2 adds a float64 rounding of 2·Gᵢⱼ − Gⱼⱼ, however small row i is.
    return l2 ? 2 * e + 1e-14 * maxNorm * maxNorm : e;
  };
  const scores = cheapScores(gram, n, l2 ? diag64 : undefined, bound, (i, j) =>
    l2 ? 2 * exactGram(i, j) - diag64[j]! : exactGram(i, j),
  );
  return { scores, gram };
}

/**
 * New rows `b` against old rows `a` by `metric`, and old against new, as compat-self's
 * float64 cross scores: cosine, dot, or 2 q·c − ‖c‖² for l2 (the old-against-new l2 score
 * written as the slow path's column view: (2 q·c − ‖q‖²) + ‖q‖² − ‖c‖²). `product` is
 * b·aᵀ in float32, taken over.
 */
export function crossScores(
  b: RowsOf,
  a: RowsOf,
  metric: Metric,
  product: Float32Array,
): { newOld: BoundedScores; oldNew: BoundedScores } {
  const nb = squaredNorms(b);
  const na = squaredNorms(a);
  const n = b.rows;
  const cosine = metric === 'cosine';
  const l2 = metric === 'l2';
  if (cosine) scaleInPlace(product, inverseNorms(nb), inverseNorms(na));
  const newOld = product;
  const oldNew = transpose(product, n, a.rows);
  // The slow path's float64 arithmetic, operand order included, so it is the same to the bit.
  const exact = (dot: number, nq: number, nc: number, ncFirst: boolean): number => {
    if (cosine) return nq > 0 && nc > 0 ? dot / Math.sqrt(ncFirst ? nc * nq : nq * nc) : 0;
    if (l2) return ncFirst ? 2 * dot - nq + nq - nc : 2 * dot - nc;
    return dot;
  };
  const base = scaleBound(b.dims);
  const bound = (nq: Float64Array, nc: Float64Array) => {
    const maxC = Math.sqrt(maxOf(nc)) * 1.01;
    const maxC2 = maxOf(nc);
    return (i: number): number => {
      if (cosine) return base;
      const e = base * Math.sqrt(nq[i]!) * 1.01 * maxC;
      // l2 adds float64 roundings of ‖q‖² and ‖c‖², however the norms compare.
      return l2 ? 2 * e + 1e-14 * (nq[i]! + maxC2) : e;
    };
  };
  return {
    newOld: cheapScores(newOld, a.rows, l2 ? na : undefined, bound(nb, na), (i, j) =>
      exact(dot64(b, i, a, j), nb[i]!, na[j]!, false),
    ),
    oldNew: cheapScores(oldNew, n, l2 ? nb : undefined, bound(na, nb), (i, j) =>
      exact(dot64(b, j, a, i), na[i]!, nb[j]!, true),
    ),
  };
}
