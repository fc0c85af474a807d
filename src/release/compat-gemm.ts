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
  /** The `best` largest entries other than `skip` (0: none). */
  readonly best: number;
  readonly skip?: number;
  /** Every comparison with this column's entry (a rank of self). */
  readonly near?: number;
}

/**
 * Row i of `s` into `out`, exact wherever it can change `want`: entries that may reach the
 * `best` largest (cheap value ≥ the cheap `best`-th largest − 2e) and entries within 2e of
 * column `near`. An entry left cheap is more than e away from every such threshold on the
 * exact scale, so every comparison the decisions make comes out as on exact scores.
 * Returns how many entries were made exact.
 */
export function settleRow(
  s: BoundedScores,
  i: number,
  out: Float64Array,
  want: RowDecisions,
): number {
  const e = s.approxRow(i, out);
  const m = s.cols;
  let lo = Number.POSITIVE_INFINITY;
  if (want.best > 0) lo = kthLargest(out, want.best, want.skip) - 2 * e;
  const near = want.near === undefined ? Number.NaN : (out[want.near] as number);
  let settled = 0;
  for (let j = 0; j < m; j++) {
    const v = out[j] as number;
    if (v >= lo || Math.abs(v - near) <= 2 * e) {
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
 * A version's sample ranked by its own metric, as compat-measures' Gram matrix ranks it:
 * G = X·Xᵀ rounded to float32 (the cosine matrix for `cosine`), scored Gᵢⱼ, or 2·Gᵢⱼ − Gⱼⱼ
 * for `l2`. `product` is X·Xᵀ in float32. Also returns the cheap Gram matrix itself
 * (exact diagonal), for CKA, whose sums no single entry decides.
 */
export function gramScores(
  m: RowsOf,
  metric: Metric,
  product: Float32Array,
): { scores: BoundedScores; gram: Float32Array } {
  const n = m.rows;
  const diag = Float32Array.from(squaredNorms(m)); // the slow path's float32 Gᵢᵢ
  const inv = Float64Array.from(diag, (sq) => (sq > 0 ? 1 / Math.sqrt(sq) : 0));
  const cosine = metric === 'cosine';
  const f = Math.fround;
  const exactGram = (i: number, j: number): number => {
    const g = i === j ? (diag[i] as number) : f(dot64(m, i, m, j));
    return cosine ? f(g * inv[i]! * inv[j]!) : g;
  };
  const gram = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const p = product[i * n + j] as number;
      gram[i * n + j] = cosine ? p * inv[i]! * inv[j]! : p;
    }
    gram[i * n + i] = exactGram(i, i);
  }
  const base = scaleBound(m.dims);
  const maxNorm = Math.sqrt(maxOf(Float64Array.from(diag))) * 1.01;
  const score = (g: number, j: number): number => (metric === 'l2' ? 2 * g - diag[j]! : g);
  const scores: BoundedScores = {
    cols: n,
    approxRow(i, out) {
      for (let j = 0; j < n; j++) out[j] = score(gram[i * n + j]!, j);
      if (cosine) return base;
      const e = base * Math.sqrt(diag[i]!) * 1.01 * maxNorm;
      // l2 adds a float64 rounding of 2·Gᵢⱼ − Gⱼⱼ, however small row i is.
      return metric === 'l2' ? 2 * e + 1e-14 * maxNorm * maxNorm : e;
    },
    exact: (i, j) => score(exactGram(i, j), j),
  };
  return { scores, gram };
}

/**
 * Queries `q` against corpus `c` by `metric`, as compat-self's float64 cross scores:
 * cosine, dot, or 2 q·c − ‖c‖² for l2. `product` is q·cᵀ in float32 (`q.rows × c.rows`).
 * With `transposed`, `product` is c·qᵀ and the l2 score is written as the slow path's
 * column view: (2 q·c − ‖q‖²) + ‖q‖² − ‖c‖².
 */
export function crossScores(
  q: RowsOf,
  c: RowsOf,
  metric: Metric,
  product: Float32Array,
  transposed = false,
): BoundedScores {
  const nq = squaredNorms(q);
  const nc = squaredNorms(c);
  const m = c.rows;
  const n = q.rows;
  const score = (dot: number, i: number, j: number): number => {
    if (metric === 'cosine') {
      // Operand order as the slow path's, so the float64 result is the same to the bit.
      const prod = transposed ? nc[j]! * nq[i]! : nq[i]! * nc[j]!;
      return nq[i]! > 0 && nc[j]! > 0 ? dot / Math.sqrt(prod) : 0;
    }
    if (metric === 'l2') return transposed ? 2 * dot - nq[i]! + nq[i]! - nc[j]! : 2 * dot - nc[j]!;
    return dot;
  };
  const base = scaleBound(q.dims);
  const maxC = Math.sqrt(maxOf(nc)) * 1.01;
  const maxC2 = maxOf(nc);
  return {
    cols: m,
    approxRow(i, out) {
      for (let j = 0; j < m; j++) {
        const p = (transposed ? product[j * n + i] : product[i * m + j]) as number;
        out[j] = score(p, i, j);
      }
      if (metric === 'cosine') return base;
      const e = base * Math.sqrt(nq[i]!) * 1.01 * maxC;
      // l2 adds float64 roundings of ‖q‖² and ‖c‖², however the norms compare.
      return metric === 'l2' ? 2 * e + 1e-14 * (nq[i]! + maxC2) : e;
    },
    exact: (i, j) => score(transposed ? dot64(c, j, q, i) : dot64(q, i, c, j), i, j),
  };
}
