/**
 * The GEMM path's row passes: every decision the compatibility measures take on a row of
 * float32 scores (the k nearest other rows, the rank of the row's own column, the nearest
 * other row) in one pass over the row, with the float64 score computed only for the
 * entries a decision hinges on.
 *
 * The decisions are {@link settleRow}'s (compat-gemm.ts), on the same cheap values, bounds
 * and exact scores, so they come out as on the all-float64 matrices. One pass keeps the
 * running k largest other entries and, as candidates, every entry within 2e of the running
 * k-th (which only grows, so the entries ≥ t − 2e for the final k-th t are all kept: the
 * set's members can only be among them); it counts the entries more than 2e above the own
 * column's cheap score and scores exactly those within 2e of it. The candidates within 2e
 * of t, or of the largest, are then scored exactly, four dot products at a time.
 * Measured (2,000 × 768, cosine): the matrix-wide passes of settleRow, rankOfSelf,
 * topOthers, scaleInPlace and a transposed copy were ~60% of the path's CPU time.
 */
import type { CheapScores, ColumnScores } from './compat-gemm.js';

/** What a pass over one score matrix returns. */
export interface NeighbourPass {
  /** `rows × k` neighbours per row (the exact top-k set, ties to the lower row; order not kept). */
  readonly knn: Int32Array;
  /** Σⱼ of the cheap float32 values per row, in column order (CKA's row sums of the Gram matrix). */
  readonly rowSums: Float64Array;
}

/** With `self`: the rank of each row's own column and its exact nearest other entry. */
export interface SelfPass extends NeighbourPass {
  /** 1 + the number of other entries ≥ the own entry, as rankOfSelf on exact scores. */
  readonly ranks: Int32Array;
  /** The exact largest entry other than the own column (−∞ for a one-row sample). */
  readonly nearest: Float64Array;
}

/** Reusable per-row scratch, so a pass allocates O(n) once, not per row. */
class Scratch {
  /** Candidates' scores, by column (only candidates' columns are written). */
  readonly value: Float64Array;
  readonly top: Float64Array;
  readonly cand: Int32Array;
  readonly best: Float64Array;
  readonly need: Int32Array;
  readonly exact: Float64Array;
  /** The cheap score's form: times · cᵢⱼ − term[j] (1 · c − 0 is c to the bit, −0 included). */
  readonly times: number;
  readonly term: Float64Array;
  constructor(s: CheapScores, k: number) {
    const n = s.cols;
    this.times = s.colTerm ? 2 : 1;
    this.term = s.colTerm ?? new Float64Array(n);
    this.value = new Float64Array(n);
    this.top = new Float64Array(Math.max(k, 1));
    this.cand = new Int32Array(n);
    this.best = new Float64Array(Math.max(k, 1));
    this.need = new Int32Array(n);
    this.exact = new Float64Array(n);
  }
}

/** Inserts `v` into `top` (descending, full length) if it beats the last; returns the new last. */
function insert(top: Float64Array, v: number): number {
  let p = top.length - 1;
  while (p > 0 && v > top[p - 1]!) {
    top[p] = top[p - 1]!;
    p--;
  }
  top[p] = v;
  return top[top.length - 1]!;
}

/**
 * Row i's gathered candidates narrowed to those ≥ lo or ≥ topLo, their scores in
 * `value`, exact for those within [lo, hi] or ≥ topLo. Returns how many are left.
 */
function settleCandidates(
  s: CheapScores,
  i: number,
  scratch: Scratch,
  gathered: number,
  lo: number,
  hi: number,
  topLo: number,
): number {
  const { cand, need, exact, value, times, term } = scratch;
  const base = i * s.cols;
  let count = 0;
  let settling = 0;
  for (let x = 0; x < gathered; x++) {
    const j = cand[x]!;
    const v = times * s.cheap[base + j]! - term[j]!;
    if (!(v >= lo || v >= topLo)) continue;
    cand[count++] = j;
    value[j] = v;
    if ((v >= lo && v <= hi) || v >= topLo) need[settling++] = j;
  }
  s.exactMany(i, need, settling, exact);
  for (let x = 0; x < settling; x++) value[need[x]!] = exact[x]!;
  return count;
}

/**
 * The `k` best of the candidates (ascending columns, `count` of them) by `value`, ties to
 * the lower column, into `out` from `at`: topOthers over the candidates.
 */
function bestOf(scratch: Scratch, count: number, k: number, out: Int32Array, at: number): void {
  const { cand, value, best } = scratch;
  let filled = 0;
  for (let x = 0; x < count; x++) {
    const j = cand[x]!;
    const s = value[j]!;
    if (filled === k && !(s > best[k - 1]!)) continue;
    let p = filled < k ? filled++ : k - 1;
    while (p > 0 && s > best[p - 1]!) {
      best[p] = best[p - 1]!;
      out[at + p] = out[at + p - 1]!;
      p--;
    }
    best[p] = s;
    out[at + p] = j;
  }
}

/** `s.exact(i, j) ≥ than`, as 1 or 0: the rare exact comparison, out of the hot loops. */
function exactAtLeast(s: CheapScores | ColumnScores, i: number, j: number, than: number): number {
  return s.exact(i, j) >= than ? 1 : 0;
}

/** 2e per row, taken once, so the row functions call no closure per row. */
const twiceBounds = (s: { bound(i: number): number }, n: number): Float64Array =>
  Float64Array.from({ length: n }, (_, i) => 2 * s.bound(i));

/**
 * A pass's state, built once per matrix. The work is a function called per row rather than
 * one long loop, so V8 optimizes it once with every branch's feedback; measured, the long
 * loop was optimized on stack, then deoptimized at each branch or closure it had not yet
 * seen (A's, then B's), and its doubles were boxed meanwhile (a third of the path's GC).
 */
class NeighbourRows {
  readonly knn: Int32Array;
  readonly rowSums: Float64Array;
  readonly ranks: Int32Array;
  readonly nearest: Float64Array;
  readonly scratch: Scratch;
  readonly e2: Float64Array;
  readonly own: Float64Array;
  constructor(
    readonly s: CheapScores,
    readonly k: number,
    readonly self: boolean,
  ) {
    const n = s.cols;
    this.knn = new Int32Array(n * k);
    this.rowSums = new Float64Array(n);
    this.ranks = new Int32Array(self ? n : 0);
    this.nearest = new Float64Array(self ? n : 0);
    this.scratch = new Scratch(s, k);
    this.e2 = twiceBounds(s, n);
    this.own = self ? s.exactDiagonal() : new Float64Array(0);
  }
}

function neighbourRow(p: NeighbourRows, i: number): void {
  const { s, k, self, scratch } = p;
  const { top, cand, value, times, term } = scratch;
  const cheap = s.cheap;
  const n = s.cols;
  const e2 = p.e2[i]!;
  const near = times * cheap[i * n + i]! - term[i]!;
  const own = self ? p.own[i]! : 0;
  // Candidates are gathered for the k-th (or, k = 0, for the largest under `self`).
  const gather = k > 0 || self;
  top.fill(Number.NEGATIVE_INFINITY);
  let last = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let above = 0;
  let gathered = 0;
  for (let j = 0, q = i * n; j < n; j++, q++) {
    const x = cheap[q]!;
    sum += x;
    const v = times * x - term[j]!;
    if (gather && v >= last - e2 && j !== i) {
      cand[gathered++] = j;
      if (v > last) last = insert(top, v);
    }
    if (self) {
      const d = v - near;
      if (d > e2) above++;
      else if (d >= -e2 && j !== i) above += exactAtLeast(s, i, j, own);
    }
  }
  p.rowSums[i] = sum;
  if (self) p.ranks[i] = 1 + above;
  if (!gather) return;
  const t = k > 0 ? top[k - 1]! : Number.POSITIVE_INFINITY;
  const topLo = self ? top[0]! - e2 : Number.POSITIVE_INFINITY;
  const count = settleCandidates(s, i, scratch, gathered, t - e2, t + e2, topLo);
  if (self) {
    let max = Number.NEGATIVE_INFINITY;
    for (let x = 0; x < count; x++) if (value[cand[x]!]! > max) max = value[cand[x]!]!;
    p.nearest[i] = max;
  }
  if (k > 0) bestOf(scratch, count, k, p.knn, i * k);
}

/**
 * Each row's `k` nearest other rows of a square score matrix, its row sums and, with
 * `self`, each row's rank of its own column and exact nearest other entry.
 */
export function neighbourPass(s: CheapScores, k: number, self: true): SelfPass;
export function neighbourPass(s: CheapScores, k: number, self?: false): NeighbourPass;
export function neighbourPass(s: CheapScores, k: number, self = false): NeighbourPass | SelfPass {
  const p = new NeighbourRows(s, k, self);
  for (let i = 0; i < s.cols; i++) neighbourRow(p, i);
  const { knn, rowSums, ranks, nearest } = p;
  return self ? { knn, rowSums, ranks, nearest } : { knn, rowSums };
}

/** What {@link crossPass} returns. */
export interface CrossPass {
  /** Row i's rank of its own column (new i among the old rows). */
  readonly rowRanks: Int32Array;
  /** Column i's rank of its own row (old i among the new rows), read from the same rows. */
  readonly colRanks: Int32Array;
  /** The exact own entry of each column, on the column's scale. */
  readonly colOwn: Float64Array;
  /** Σᵢ |kNN of row i ∩ `neighbours` of i| (the mixed-index overlap's numerator). */
  readonly shared: number;
}

/** {@link crossPass}'s state (see {@link NeighbourRows} for why a class and a row function). */
class CrossRows {
  readonly rowRanks: Int32Array;
  readonly colAbove: Int32Array;
  readonly scratch: Scratch;
  readonly mine: Int32Array;
  readonly e2: Float64Array;
  /** Column c's threshold: its own cheap entry, scored as the column view scores it. */
  readonly colNear: Float64Array;
  readonly colE2: Float64Array;
  readonly colOwn: Float64Array;
  readonly colAdd: Float64Array;
  readonly own: Float64Array;
  shared = 0;
  constructor(
    readonly s: CheapScores,
    readonly col: ColumnScores,
    readonly k: number,
    readonly neighbours: Int32Array,
  ) {
    const n = s.cols;
    this.rowRanks = new Int32Array(n);
    this.colAbove = new Int32Array(n);
    this.scratch = new Scratch(s, k);
    this.mine = new Int32Array(Math.max(k, 1));
    this.e2 = twiceBounds(s, n);
    this.colE2 = twiceBounds(col, n);
    this.colAdd = col.add ?? new Float64Array(n);
    const cheap = s.cheap;
    this.colNear = Float64Array.from(
      { length: n },
      (_, c) => col.times * cheap[c * n + c]! + this.colAdd[c]!,
    );
    this.own = s.exactDiagonal();
    this.colOwn = col.exactDiagonal();
  }
}

function crossRow(p: CrossRows, i: number): void {
  const { s, col, k, scratch, colNear, colE2, colOwn, colAbove, neighbours, mine } = p;
  const { top, cand, times, term } = scratch;
  const cheap = s.cheap;
  const n = s.cols;
  const e2 = p.e2[i]!;
  const near = times * cheap[i * n + i]! - term[i]!;
  const own = p.own[i]!;
  // The column view's cheap score of (old c, new i) is colTimes · cᵢ꜀ + add.
  const colTimes = col.times;
  const add = p.colAdd[i]!;
  top.fill(Number.NEGATIVE_INFINITY);
  let last = Number.NEGATIVE_INFINITY;
  let above = 0;
  let gathered = 0;
  for (let c = 0, q = i * n; c < n; c++, q++) {
    const x = cheap[q]!;
    const v = times * x - term[c]!;
    if (k > 0 && v >= last - e2 && c !== i) {
      cand[gathered++] = c;
      if (v > last) last = insert(top, v);
    }
    const d = v - near;
    if (d > e2) above++;
    else if (d >= -e2 && c !== i) above += exactAtLeast(s, i, c, own);
    const dc = colTimes * x + add - colNear[c]!;
    if (dc > colE2[c]!) colAbove[c]!++;
    else if (dc >= -colE2[c]! && c !== i) colAbove[c]! += exactAtLeast(col, c, i, colOwn[c]!);
  }
  p.rowRanks[i] = 1 + above;
  if (k === 0) return;
  const t = top[k - 1]!;
  const count = settleCandidates(s, i, scratch, gathered, t - e2, t + e2, Infinity);
  bestOf(scratch, count, k, mine, 0);
  let shared = 0;
  for (let x = 0; x < k; x++) {
    const j = mine[x]!;
    for (let y = 0; y < k; y++) {
      if (neighbours[i * k + y] === j) {
        shared++;
        break;
      }
    }
  }
  p.shared += shared;
}

/**
 * One pass over the new × old scores `s`: each row's rank of its own column and its top-k
 * other columns against `neighbours` (rows × k, the old space's own kNN), and each
 * column's rank of its own row under the column view `col` (old i against every new j),
 * counted row by row so the matrix is never transposed.
 */
export function crossPass(
  s: CheapScores,
  col: ColumnScores,
  k: number,
  neighbours: Int32Array,
): CrossPass {
  const p = new CrossRows(s, col, k, neighbours);
  for (let i = 0; i < s.cols; i++) crossRow(p, i);
  const colRanks = Int32Array.from(p.colAbove, (a) => 1 + a);
  return { rowRanks: p.rowRanks, colRanks, colOwn: p.colOwn, shared: p.shared };
}
