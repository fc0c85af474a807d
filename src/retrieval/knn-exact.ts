/**
 * Exact scores in float64, and how far onnxruntime's float32 scores can be from them.
 *
 * MLAS sums a dot product in an order that depends on the matrix shapes, the thread split
 * and even a row's position in its block (measured: two copies of one vector in one
 * block can score 1 ulp apart), so its scores cannot decide ties, nor be reproduced on
 * another machine. They only screen: every row that may reach a query's top k, given
 * the rigorous error bound below, is re-scored here, in float64 and a fixed order, then
 * rounded to float32. These exact scores alone decide the ranking, so the answer does
 * not depend on block size, threads or CPU.
 *
 * Error bounds (Higham, Accuracy and Stability of Numerical Algorithms, §3.1): a float32
 * dot product of length n, summed in any order, with or without FMA, is within
 * γₙ·Σ|xᵢyᵢ| of the exact one, γₙ = n·u / (1 − n·u), u = 2⁻²⁴. Vectors of subnormal
 * scale (|x| < 1e-19) fall outside this model.
 */
import { float16Table } from '../vectors/float16.js';
import type { VectorValues } from '../vectors/types.js';
import type { KnnDType, KnnMetric } from './knn-graph.js';

const U = 2 ** -24;

function gamma(n: number): number {
  return (n * U) / (1 - n * U);
}

/**
 * Bound on |graph score − exact score| for one query against any row of a block, and the
 * float32 rounding of the exact score on top: an exact score is at most `upper(v)` and at
 * least `lower(v)` when onnxruntime scored `v`. Both are increasing in `v`.
 */
export function screeningInterval(
  metric: KnnMetric,
  dims: number,
  queryNorm: number,
  maxRowNorm2: number,
): { upper: (v: number) => number; lower: (v: number) => number } {
  const g = gamma(dims + 1);
  // The graph's ‖c‖² is itself a float32 sum: the true maximum is at most this.
  const maxNorm = Math.sqrt(Math.max(0, maxRowNorm2) / (1 - g)) * (1 + 1e-12);
  let eps: number;
  if (metric === 'cosine') {
    // Unit vectors: normalising each side costs ≤ γ/2 + 4u per element, the dot γ.
    eps = 2 * g + 8 * U;
  } else if (metric === 'dot') {
    eps = g * queryNorm * maxNorm;
  } else {
    // 2q·c − ‖c‖² in float32 (Gemm), then − ‖q‖² in float64 and a float32 rounding.
    const r = queryNorm + maxNorm;
    eps = (2.01 * g + 2 * U) * r * r;
  }
  eps *= 1.01;
  return {
    upper: (v: number) => v + eps + 2 * U * (Math.abs(v) + eps),
    lower: (v: number) => v - eps - 2 * U * (Math.abs(v) + eps),
  };
}

/** The upper half of {@link screeningInterval}. */
export function screeningBound(
  metric: KnnMetric,
  dims: number,
  queryNorm: number,
  maxRowNorm2: number,
): (v: number) => number {
  return screeningInterval(metric, dims, queryNorm, maxRowNorm2).upper;
}

/** Exact scorer for one query: float64 sums in row order, rounded once to float32. */
export class ExactScorer {
  private readonly q: Float64Array;
  private readonly qq: number;
  private readonly table: Float32Array | undefined;

  constructor(
    readonly metric: KnnMetric,
    dtype: KnnDType,
    query: ArrayLike<number>,
  ) {
    const table = dtype === 'float16' ? float16Table() : undefined;
    this.table = table;
    // A plain copy when no table: Float64Array.from with a map function called back per
    // element took 39 ms for 1,000 × 768 queries, the largest cost of a k = 10 search
    // outside onnxruntime after the re-scoring.
    this.q = table ? Float64Array.from(query, (x) => table[x] as number) : Float64Array.from(query);
    let qq = 0;
    for (let i = 0; i < this.q.length; i++) qq += (this.q[i] as number) * (this.q[i] as number);
    this.qq = qq;
  }

  /** ‖q‖ in float64. */
  get norm(): number {
    return Math.sqrt(this.qq);
  }

  /**
   * Exact scores of `count` rows starting at `offsets[0..count)`, into `out`: each exactly
   * what {@link score} gives it. Each row's sums run in the same order, but four rows go
   * through one loop, so their independent chains of float64 additions overlap: one
   * row's chain is latency-bound (each addition waits for the previous one).
   */
  scoreRows(
    values: VectorValues,
    offsets: ArrayLike<number>,
    count: number,
    out: Float64Array,
  ): void {
    let r = 0;
    if (!this.table && values instanceof Float32Array) {
      for (; r + 4 <= count; r += 4) {
        this.score4(
          values,
          offsets[r] as number,
          offsets[r + 1] as number,
          offsets[r + 2] as number,
          offsets[r + 3] as number,
          out,
          r,
        );
      }
    }
    for (; r < count; r++) out[r] = this.score(values, offsets[r] as number);
  }

  /** Four float32 rows at once, each summed exactly as {@link score} sums it. */
  private score4(
    c: Float32Array,
    a: number,
    b: number,
    d: number,
    e: number,
    out: Float64Array,
    at: number,
  ): void {
    const { q } = this;
    const n = q.length;
    if (this.metric === 'l2') {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < n; i++) {
        const x = q[i] as number;
        const d0 = x - (c[a + i] as number);
        const d1 = x - (c[b + i] as number);
        const d2 = x - (c[d + i] as number);
        const d3 = x - (c[e + i] as number);
        s0 += d0 * d0;
        s1 += d1 * d1;
        s2 += d2 * d2;
        s3 += d3 * d3;
      }
      out[at] = Math.fround(-s0);
      out[at + 1] = Math.fround(-s1);
      out[at + 2] = Math.fround(-s2);
      out[at + 3] = Math.fround(-s3);
      return;
    }
    if (this.metric === 'dot') {
      // The same products summed in the same order, without cosine's squared norms.
      let d0 = 0;
      let d1 = 0;
      let d2 = 0;
      let d3 = 0;
      for (let i = 0; i < n; i++) {
        const x = q[i] as number;
        d0 += x * (c[a + i] as number);
        d1 += x * (c[b + i] as number);
        d2 += x * (c[d + i] as number);
        d3 += x * (c[e + i] as number);
      }
      out[at] = Math.fround(d0);
      out[at + 1] = Math.fround(d1);
      out[at + 2] = Math.fround(d2);
      out[at + 3] = Math.fround(d3);
      return;
    }
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    let p3 = 0;
    let c0 = 0;
    let c1 = 0;
    let c2 = 0;
    let c3 = 0;
    for (let i = 0; i < n; i++) {
      const x = q[i] as number;
      const y0 = c[a + i] as number;
      const y1 = c[b + i] as number;
      const y2 = c[d + i] as number;
      const y3 = c[e + i] as number;
      p0 += x * y0;
      p1 += x * y1;
      p2 += x * y2;
      p3 += x * y3;
      c0 += y0 * y0;
      c1 += y1 * y1;
      c2 += y2 * y2;
      c3 += y3 * y3;
    }
    const qq = this.qq;
    const cos = (p: number, cc: number): number =>
      qq === 0 || cc === 0 ? 0 : Math.fround(p / Math.sqrt(qq * cc));
    out[at] = cos(p0, c0);
    out[at + 1] = cos(p1, c1);
    out[at + 2] = cos(p2, c2);
    out[at + 3] = cos(p3, c3);
  }

  /** The exact score of the row starting at `values[offset]`. */
  score(values: VectorValues, offset: number): number {
    const { q, table } = this;
    const n = q.length;
    if (this.metric === 'l2') {
      let dist = 0;
      for (let i = 0; i < n; i++) {
        const c = table
          ? (table[values[offset + i] as number] as number)
          : (values[offset + i] as number);
        const diff = (q[i] as number) - c;
        dist += diff * diff;
      }
      return Math.fround(-dist);
    }
    let dot = 0;
    let cc = 0;
    for (let i = 0; i < n; i++) {
      const c = table
        ? (table[values[offset + i] as number] as number)
        : (values[offset + i] as number);
      dot += (q[i] as number) * c;
      cc += c * c;
    }
    if (this.metric === 'dot') return Math.fround(dot);
    return this.qq === 0 || cc === 0 ? 0 : Math.fround(dot / Math.sqrt(this.qq * cc));
  }
}
