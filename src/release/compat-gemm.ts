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

/** ‖row‖² per row, float64, as {@link dot64} (four rows at a time: ~4× faster than one). */
export function squaredNorms(m: RowsOf): Float64Array {
  return diagonalDots(m, m);
}

function maxOf(values: Float64Array): number {
  let m = 0;
  for (const v of values) if (v > m) m = v;
  return m;
}

/**
 * The float32 product's bound, on every score scale below: (γ + 4u) covers the Gemm, the
 * float32 roundings of the slow path and of the product; 1.01 the float64 arithmetic.
 * For cosine the product is of {@link unitRows}, whose entries are rounded to float32
 * (≤ 2u on the product, as Σ|x̂ŷ| ≤ 1 + 3u); the Gram scores' exact value has the slow
 * path's two float32 roundings (2u) with the same inverse norms, the cross scores' none but
 * norms taken in float64 rather than rounded to float32 (≤ u): 4u and 3u, γ·(1 + 3u) for
 * the Gemm, the rest well inside the 1%.
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
 * column term t (l2), for compat-rows.ts's passes.
 */
export interface CheapScores {
  readonly cols: number;
  /** rows × cols, row-major. */
  readonly cheap: Float32Array;
  readonly colTerm?: Float64Array;
  /** `e` of row i: |cheap − exact(i, j)| ≤ e for every j. */
  bound(i: number): number;
  /** The exact score, as the float64 path computes it. */
  exact(i: number, j: number): number;
  /** exact(i, js[x]) into out[x] for x < count, the dot products four at a time. */
  exactMany(i: number, js: Int32Array, count: number, out: Float64Array): void;
  /** exact(i, i) for every row. */
  exactDiagonal(): Float64Array;
}

/**
 * The transpose of a new × old {@link CheapScores} (old i against every new j) without the
 * transposed copy: the cheap score of (i, j) is `times` · cⱼᵢ + add[j].
 */
export interface ColumnScores {
  readonly times: number;
  readonly add?: Float64Array;
  bound(i: number): number;
  exact(i: number, j: number): number;
  /** exact(i, i) for every row. */
  exactDiagonal(): Float64Array;
}

/**
 * x_i · y_j for the first `count` j of `js` into `out`, each summed in index order as
 * {@link dot64} (the same bits): four sums at a time, so their latencies overlap (a dot
 * product's float64 additions form one dependency chain).
 */
export function dots64(
  x: RowsOf,
  i: number,
  y: RowsOf,
  js: Int32Array,
  count: number,
  out: Float64Array,
): void {
  const d = x.dims;
  const a = x.values;
  const b = y.values;
  const p = i * d;
  for (let q = 0; q < count; q += 4) {
    // A last block of 1–3 repeats its last column: one pass costs as much as one lane alone.
    const last = count - 1;
    const p0 = js[q]! * d;
    const p1 = js[Math.min(q + 1, last)]! * d;
    const p2 = js[Math.min(q + 2, last)]! * d;
    const p3 = js[Math.min(q + 3, last)]! * d;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0; // prettier-ignore
    for (let t = 0; t < d; t++) {
      const u = a[p + t]!;
      s0 += u * b[p0 + t]!;
      s1 += u * b[p1 + t]!;
      s2 += u * b[p2 + t]!;
      s3 += u * b[p3 + t]!;
    }
    out[q] = s0;
    if (q + 1 < count) out[q + 1] = s1;
    if (q + 2 < count) out[q + 2] = s2;
    if (q + 3 < count) out[q + 3] = s3;
  }
}

/** xᵢ · yᵢ for every row i, each as {@link dot64}, four rows at a time. */
export function diagonalDots(x: RowsOf, y: RowsOf): Float64Array {
  const d = x.dims;
  const n = x.rows;
  const a = x.values;
  const b = y.values;
  const out = new Float64Array(n);
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const p = i * d;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0; // prettier-ignore
    for (let t = 0; t < d; t++) {
      s0 += a[p + t]! * b[p + t]!;
      s1 += a[p + d + t]! * b[p + d + t]!;
      s2 += a[p + 2 * d + t]! * b[p + 2 * d + t]!;
      s3 += a[p + 3 * d + t]! * b[p + 3 * d + t]!;
    }
    out[i] = s0;
    out[i + 1] = s1;
    out[i + 2] = s2;
    out[i + 3] = s3;
  }
  for (; i < n; i++) out[i] = dot64(x, i, y, i);
  return out;
}

/** Scores whose exact value is `post(i, j, xᵢ · yⱼ)`; `diagonal` gives the xᵢ · yᵢ. */
function cheapScores(
  fields: Pick<CheapScores, 'cols' | 'cheap' | 'colTerm' | 'bound'>,
  x: RowsOf,
  y: RowsOf,
  post: (i: number, j: number, dot: number) => number,
  diagonal: () => Float64Array,
): CheapScores {
  return {
    ...fields,
    exact: (i, j) => post(i, j, dot64(x, i, y, j)),
    exactMany(i, js, count, out) {
      dots64(x, i, y, js, count, out);
      for (let q = 0; q < count; q++) out[q] = post(i, js[q]!, out[q]!);
    },
    exactDiagonal: () => diagonal().map((dot, i) => post(i, i, dot)),
  };
}

const inverseNorms = (squares: ArrayLike<number>): Float64Array =>
  Float64Array.from(squares, (sq) => (sq > 0 ? 1 / Math.sqrt(sq) : 0));

/**
 * Each row times the inverse of its float32-rounded norm, rounded to float32 (a zero row
 * stays zero): the operands of a cosine product, so the Gemm's output is the cosine
 * matrix and no pass over the n² products scales them (measured: that pass cost 3–5 ms
 * per matrix at 2,000 rows; this one 2,000 × 768).
 */
export function unitRows(m: RowsOf): Float32Array {
  const inv = inverseNorms(Float32Array.from(squaredNorms(m)));
  const d = m.dims;
  const out = new Float32Array(m.rows * d);
  for (let i = 0; i < m.rows; i++) {
    const r = inv[i]!;
    for (let t = 0, p = i * d; t < d; t++, p++) out[p] = m.values[p]! * r;
  }
  return out;
}

/**
 * A version's sample ranked by its own metric, as compat-measures' Gram matrix ranks it:
 * G = X·Xᵀ rounded to float32 (the cosine matrix for `cosine`), scored Gᵢⱼ, or 2·Gᵢⱼ − Gⱼⱼ
 * for `l2`. `product` is X·Xᵀ in float32 (of {@link unitRows} for cosine), taken over: it
 * comes back as the cheap Gram matrix (exact diagonal), for CKA, whose sums no single
 * entry decides.
 */
export function gramScores(
  m: RowsOf,
  metric: Metric,
  product: Float32Array,
): { scores: CheapScores; gram: Float32Array } {
  const n = m.rows;
  const diag = Float32Array.from(squaredNorms(m)); // the slow path's float32 Gᵢᵢ
  const diag64 = Float64Array.from(diag);
  const inv = inverseNorms(diag);
  const cosine = metric === 'cosine';
  const f = Math.fround;
  // The Gram entry from xᵢ · xⱼ as the slow path rounds it; the diagonal is the norms'.
  const gramOf = (i: number, j: number, dot: number): number => {
    const g = i === j ? diag64[i]! : f(dot);
    return cosine ? f(g * inv[i]! * inv[j]!) : g;
  };
  const gram = product;
  for (let i = 0; i < n; i++) gram[i * n + i] = gramOf(i, i, 0);
  const base = scaleBound(m.dims);
  const maxNorm = Math.sqrt(maxOf(diag64)) * 1.01;
  const l2 = metric === 'l2';
  const bound = (i: number): number => {
    if (cosine) return base;
    const e = base * Math.sqrt(diag64[i]!) * 1.01 * maxNorm;
    // l2 adds a float64 rounding of 2·Gᵢⱼ − Gⱼⱼ, however small row i is.
    return l2 ? 2 * e + 1e-14 * maxNorm * maxNorm : e;
  };
  const scores = cheapScores(
    {
      cols: n,
      cheap: gram,
      colTerm: l2 ? diag64 : undefined,
      bound,
    },
    m,
    m,
    (i, j, dot) => (l2 ? 2 * gramOf(i, j, dot) - diag64[j]! : gramOf(i, j, dot)),
    () => new Float64Array(n), // unread: gramOf takes the diagonal from the norms
  );
  return { scores, gram };
}

/**
 * New rows `b` against old rows `a` by `metric`, and old against new, as compat-self's
 * float64 cross scores: cosine, dot, or 2 q·c − ‖c‖² for l2 (the old-against-new l2 score
 * written as the slow path's column view: (2 q·c − ‖q‖²) + ‖q‖² − ‖c‖²), the latter read
 * from the same matrix by columns. `product` is b·aᵀ in float32 (of {@link unitRows} for
 * cosine), taken over.
 */
export function crossScores(
  b: RowsOf,
  a: RowsOf,
  metric: Metric,
  product: Float32Array,
): { newOld: CheapScores; oldNew: ColumnScores } {
  const nb = squaredNorms(b);
  const na = squaredNorms(a);
  const cosine = metric === 'cosine';
  const l2 = metric === 'l2';
  // The slow path's float64 arithmetic, operand order included, so it is the same to the bit.
  const exact = (dot: number, nq: number, nc: number, ncFirst: boolean): number => {
    if (cosine) return nq > 0 && nc > 0 ? dot / Math.sqrt(ncFirst ? nc * nq : nq * nc) : 0;
    if (l2) return ncFirst ? 2 * dot - nq + nq - nc : 2 * dot - nc;
    return dot;
  };
  // bᵢ · aᵢ, which both views' own entries need: taken once, four rows at a time.
  let sameId: Float64Array | undefined;
  const same = (): Float64Array => (sameId ??= diagonalDots(b, a));
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
    newOld: cheapScores(
      {
        cols: a.rows,
        cheap: product,
        colTerm: l2 ? na : undefined,
        bound: bound(nb, na),
      },
      b,
      a,
      (i, j, dot) => exact(dot, nb[i]!, na[j]!, false),
      same,
    ),
    // 2·cⱼᵢ + (−‖bⱼ‖²) is 2·cⱼᵢ − ‖bⱼ‖² to the bit, as the transposed copy read it.
    oldNew: {
      times: l2 ? 2 : 1,
      add: l2 ? nb.map((x) => -x) : undefined,
      bound: bound(na, nb),
      exact: (i, j) => exact(dot64(b, j, a, i), na[i]!, nb[j]!, true),
      exactDiagonal: () => same().map((dot, i) => exact(dot, na[i]!, nb[i]!, true)),
    },
  };
}
