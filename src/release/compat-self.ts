/**
 * Cross-version self-retrieval: the rank-based, scale-free half of the compatibility
 * answer. A mixed index serves new queries against old vectors, so what matters is
 * whether each id's new vector still finds its own old vector among the other old vectors
 * of the sample — not how large the same-id cosine is. A cosine of 0.93 is "close" in an
 * isotropic toy space and far in a real anisotropic one whose neighbours sit at 0.8–0.9;
 * a rank is measured against the space's own neighbours, so it transfers.
 *
 * The ceiling is what the old space gives itself: each old vector queried against the old
 * sample. It is below 1 when the sample holds near-duplicates (ties count against the id,
 * see {@link rankOfSelf}) or, for `dot`, when a short vector is outranked by long ones.
 */
import type { Metric } from '../config/manifest.js';
import {
  crossScores as gemmCrossScores,
  matrixScores,
  settleRow,
  topOthers,
  type BoundedScores,
} from './compat-gemm.js';
import { crossPass, type SelfPass } from './compat-rows.js';

/** One direction of self-retrieval over the sample. */
export interface SelfRetrieval {
  /** Fraction of ids whose own vector ranks first. */
  readonly recall1: number;
  /** Fraction of ids whose own vector ranks in the top 10. */
  readonly recall10: number;
  /** Mean reciprocal rank of the own vector. */
  readonly mrr: number;
}

/** Self-retrieval in both directions and the old space's own ceiling. */
export interface SelfRetrievalMeasures {
  /** Each id's new vector queried against the old sample: what a mixed index serves. */
  readonly newToOld: SelfRetrieval;
  /** Each id's old vector queried against the new sample: old queries on re-embedded items. */
  readonly oldToNew: SelfRetrieval;
  /** Each id's old vector queried against the old sample: the ceiling. */
  readonly oldOnOld: SelfRetrieval;
  /**
   * Mean over ids of |kNN(new vector among the old sample) ∩ kNN(old vector among the old
   * sample)| / k, the id itself left out of both: how much of what a mixed index returns
   * for a re-embedded query is what the old index returned. The old space gives itself 1.
   */
  readonly mixedOverlap: number;
  /**
   * Fraction of ids whose new vector is nearer its old vector than that old vector's
   * nearest old neighbour is: the id moved less than the distance the old space itself puts
   * between neighbours, so the new version cannot swap it with a neighbour.
   */
  readonly nearerThanNeighbour: number;
}

/** Rows of one version, row i of both versions the same id (structurally a SampleMatrix). */
interface Rows {
  readonly values: Float32Array;
  readonly rows: number;
  readonly dims: number;
  readonly metric: Metric;
}

/**
 * The 1-based rank of `scores[self]` among `scores`, ties counted against it: 1 + the
 * number of other entries ≥ it. Pessimistic on purpose: a duplicate that ties the own
 * vector would be served in its place as often as not.
 */
export function rankOfSelf(scores: ArrayLike<number>, self: number): number {
  const s = scores[self]!;
  let rank = 1;
  for (let j = 0; j < scores.length; j++) if (j !== self && scores[j]! >= s) rank++;
  return rank;
}

function summarise(ranks: Int32Array): SelfRetrieval {
  let r1 = 0;
  let r10 = 0;
  let rr = 0;
  for (const r of ranks) {
    if (r === 1) r1++;
    if (r <= 10) r10++;
    rr += 1 / r;
  }
  const n = ranks.length;
  return { recall1: r1 / n, recall10: r10 / n, mrr: rr / n };
}

function norms(m: Rows): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    for (let t = 0, p = i * m.dims; t < m.dims; t++, p++) s += m.values[p]! * m.values[p]!;
    out[i] = s;
  }
  return out;
}

/** `x · yᵀ` (`n × m`, float64), rows of `d` values; a 4 × 2 register block, as compat-measures' Gram matrix. */
function product(x: Float64Array, n: number, y: Float64Array, m: number, d: number): Float64Array {
  const s = new Float64Array(n * m);
  const dot = (i: number, j: number): number => {
    let acc = 0;
    for (let t = 0, pi = i * d, pj = j * d; t < d; t++) acc += x[pi + t]! * y[pj + t]!;
    return acc;
  };
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const p0 = i * d;
    const p1 = p0 + d;
    const p2 = p1 + d;
    const p3 = p2 + d;
    let j = 0;
    for (; j + 1 < m; j += 2) {
      const q0 = j * d;
      const q1 = q0 + d;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0; // prettier-ignore
      for (let t = 0; t < d; t++) {
        const u = y[q0 + t]!;
        const w = y[q1 + t]!;
        const x0 = x[p0 + t]!;
        const x1 = x[p1 + t]!;
        const x2 = x[p2 + t]!;
        const x3 = x[p3 + t]!;
        a0 += x0 * u;
        a1 += x1 * u;
        a2 += x2 * u;
        a3 += x3 * u;
        b0 += x0 * w;
        b1 += x1 * w;
        b2 += x2 * w;
        b3 += x3 * w;
      }
      s[i * m + j] = a0;
      s[(i + 1) * m + j] = a1;
      s[(i + 2) * m + j] = a2;
      s[(i + 3) * m + j] = a3;
      s[i * m + j + 1] = b0;
      s[(i + 1) * m + j + 1] = b1;
      s[(i + 2) * m + j + 1] = b2;
      s[(i + 3) * m + j + 1] = b3;
    }
    for (; j < m; j++) for (let r = i; r < i + 4; r++) s[r * m + j] = dot(r, j);
  }
  for (; i < n; i++) for (let j = 0; j < m; j++) s[i * m + j] = dot(i, j);
  return s;
}

/**
 * `q · cᵀ` turned into the score `metric` ranks by: cosine, dot, or for l2 the part of
 * −‖q − c‖² that varies with the corpus row (2 q·c − ‖c‖²). Row-major `q.rows × c.rows`.
 */
export function crossScores(q: Rows, c: Rows, metric: Metric): Float64Array {
  const n = q.rows;
  const m = c.rows;
  const s = product(Float64Array.from(q.values), n, Float64Array.from(c.values), m, q.dims);
  const nq = norms(q);
  const nc = norms(c);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const dot = s[i * m + j]!;
      if (metric === 'cosine') {
        s[i * m + j] = nq[i]! > 0 && nc[j]! > 0 ? dot / Math.sqrt(nq[i]! * nc[j]!) : 0;
      } else if (metric === 'l2') s[i * m + j] = 2 * dot - nc[j]!;
    }
  }
  return s;
}

/** The old-on-old scores from a Gram matrix: the entry itself, or 2·Gᵢⱼ − Gⱼⱼ for l2. */
function gramScores(g: Float32Array, n: number, metric: Metric): Float64Array {
  const s = Float64Array.from(g);
  if (metric === 'l2') {
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) s[i * n + j] = 2 * g[i * n + j]! - g[j * n + j]!;
  }
  return s;
}

/**
 * Self-retrieval of `b` (new) against `a` (old) and back, of `a` against itself, and the
 * mixed-index neighbour overlap@k. Scores are by the old version's metric, which is what
 * a mixed index ranks by. Needs equal dims; costs one n² · dims product, two without
 * `oldGram` (the old sample's Gram matrix by its metric, as compat-measures computes it).
 * All in float64 plain loops: the slow path, and the oracle of {@link measureSelfRetrievalGemm}.
 */
export function measureSelfRetrieval(
  a: Rows,
  b: Rows,
  k = 10,
  oldGram?: Float32Array,
): SelfRetrievalMeasures {
  checkAligned(a, b);
  const n = a.rows;
  const metric = a.metric;
  const cross = crossScores(b, a, metric); // row i: new i against every old j
  const own = oldGram ? gramScores(oldGram, n, metric) : crossScores(a, a, metric);
  // Old i against every new j: column i of `cross` (the dot product is symmetric), with the
  // l2 term redone for the new rows as the corpus.
  const nb = norms(b);
  const na = norms(a);
  const column = matrixScores(cross, n, (v, i, j) => {
    const x = v[j * n + i]!;
    return metric === 'l2' ? x + na[i]! - nb[j]! : x;
  });
  return selfRetrievalFrom(n, k, {
    cross: matrixScores(cross, n),
    own: matrixScores(own, n),
    column,
  });
}

/**
 * {@link measureSelfRetrieval} from float32 GEMM products, exact where a rank or a
 * neighbour hinges on it (compat-gemm.ts, compat-rows.ts): the same answer to the bit.
 * `own` is the old sample's {@link neighbourPass} with `self` (its kNN, ranks and nearest
 * other row by its metric); `newOld` is b·aᵀ in float32 (taken over).
 */
export function measureSelfRetrievalGemm(
  a: Rows,
  b: Rows,
  k: number,
  own: SelfPass,
  newOld: Float32Array,
): SelfRetrievalMeasures {
  checkAligned(a, b);
  const n = a.rows;
  const kk = Math.max(0, Math.min(k, n - 1));
  const { newOld: cross, oldNew: column } = gemmCrossScores(b, a, a.metric, newOld);
  const x = crossPass(cross, column, kk, own.knn);
  let nearer = 0;
  for (let i = 0; i < n; i++) if (x.colOwn[i]! > own.nearest[i]!) nearer++;
  return {
    newToOld: summarise(x.rowRanks),
    oldToNew: summarise(x.colRanks),
    oldOnOld: summarise(own.ranks),
    mixedOverlap: kk > 0 ? x.shared / (n * kk) : Number.NaN,
    nearerThanNeighbour: nearer / n,
  };
}

function checkAligned(a: Rows, b: Rows): void {
  if (a.rows !== b.rows || a.dims !== b.dims) {
    throw new RangeError(`self-retrieval needs aligned samples of equal dims`);
  }
}

/** The three score views self-retrieval reads, row i being the id i's query. */
interface SelfScores {
  /** New i against every old j. */
  readonly cross: BoundedScores;
  /** Old i against every old j. */
  readonly own: BoundedScores;
  /** Old i against every new j. */
  readonly column: BoundedScores;
}

function selfRetrievalFrom(n: number, k: number, s: SelfScores): SelfRetrievalMeasures {
  const kk = Math.max(0, Math.min(k, n - 1));
  const newToOld = new Int32Array(n);
  const oldOnOld = new Int32Array(n);
  const oldToNew = new Int32Array(n);
  const mixed = new Int32Array(kk);
  const old = new Int32Array(kk);
  const crossRow = new Float64Array(n);
  const ownRow = new Float64Array(n);
  const column = new Float64Array(n);
  let shared = 0;
  let nearer = 0;
  for (let i = 0; i < n; i++) {
    settleRow(s.cross, i, crossRow, { best: kk, skip: i, near: i });
    // max: the nearest old neighbour below must be exact too.
    settleRow(s.own, i, ownRow, { best: kk, skip: i, max: true, near: i });
    settleRow(s.column, i, column, { best: 0, near: i });
    newToOld[i] = rankOfSelf(crossRow, i);
    oldOnOld[i] = rankOfSelf(ownRow, i);
    oldToNew[i] = rankOfSelf(column, i);
    if (kk > 0) {
      topOthers(crossRow, i, kk, mixed);
      topOthers(ownRow, i, kk, old);
      for (let x = 0; x < kk; x++) if (old.includes(mixed[x]!)) shared++;
    }
    // column[i] scores the new vector of i for the query a_i, on the scale own[i, ·] uses.
    let neighbour = -Infinity;
    for (let j = 0; j < n; j++) if (j !== i) neighbour = Math.max(neighbour, ownRow[j]!);
    if (column[i]! > neighbour) nearer++;
  }
  return {
    newToOld: summarise(newToOld),
    oldToNew: summarise(oldToNew),
    oldOnOld: summarise(oldOnOld),
    mixedOverlap: kk > 0 ? shared / (n * kk) : Number.NaN,
    nearerThanNeighbour: nearer / n,
  };
}

/** The obvious version, one query at a time from the vectors: the test oracle. */
export function naiveSelfRetrieval(query: Rows, corpus: Rows, metric: Metric): SelfRetrieval {
  const row = (m: Rows, r: number) => Array.from(m.values.subarray(r * m.dims, (r + 1) * m.dims));
  const score = (x: number[], y: number[]): number => {
    const dot = x.reduce((s, v, t) => s + v * y[t]!, 0);
    if (metric === 'dot') return dot;
    if (metric === 'l2') return -x.reduce((s, v, t) => s + (v - y[t]!) ** 2, 0);
    const nx = Math.hypot(...x);
    const ny = Math.hypot(...y);
    return nx > 0 && ny > 0 ? dot / (nx * ny) : 0;
  };
  const ranks = Int32Array.from({ length: query.rows }, (_, i) => {
    const x = row(query, i);
    const scores = Array.from({ length: corpus.rows }, (_, j) => score(x, row(corpus, j)));
    return rankOfSelf(scores, i);
  });
  return summarise(ranks);
}
