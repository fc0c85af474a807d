/**
 * The measures behind the space-compatibility answer, on one sample of ids present in
 * both versions: same-id cosine (do the coordinates agree?), mutual kNN overlap within the
 * sample (do the neighbourhoods agree?), and linear CKA (does the whole geometry agree?).
 *
 * The gate runs {@link measureCompatibilityGemm}: its n² · dims products go through
 * onnxruntime's Gemm, and the neighbours and ranks come out exactly as the float64 plain
 * loops of {@link measureCompatibility} (measured by bench/compat.ts), which the tests keep
 * as its oracle, as naiveKnnOverlap and naiveLinearCka (compat-oracles.ts) are theirs.
 */
import type { Metric } from '../config/manifest.js';
import type { OrtModule } from '../onnx/session.js';
import { openGemm } from '../retrieval/knn-gemm.js';
import { gramScores, unitRows } from './compat-gemm.js';
import { neighbourPass, type SelfPass } from './compat-rows.js';
export { naiveKnnOverlap, naiveLinearCka } from './compat-oracles.js';
import {
  measureSelfRetrieval,
  measureSelfRetrievalGemm,
  type SelfRetrievalMeasures,
} from './compat-self.js';

/** The sampled rows of one version, row i of both versions belonging to the same id. */
export interface SampleMatrix {
  /** Row-major, `rows × dims`. */
  readonly values: Float32Array;
  readonly rows: number;
  readonly dims: number;
  /** The version's declared metric: neighbours are ranked by it. */
  readonly metric: Metric;
}

/** Summary of a distribution over the sampled ids. */
export interface Distribution {
  readonly mean: number;
  /** 5th percentile (linear interpolation between order statistics, as numpy's default). */
  readonly p5: number;
  readonly median: number;
  readonly min: number;
  /** Values at q = 0, 0.05, …, 1 (21 values), for the HTML report's plot of the distribution. */
  readonly quantiles?: readonly number[];
}

/** What the analysis measured on one sample. */
export interface CompatibilityMeasures {
  /** Rows compared. */
  readonly rows: number;
  /** Cosine of each id's old and new vector; only when dims match. */
  readonly sameIdCosine?: Distribution;
  /** ‖new‖ / ‖old‖ per id (zero-norm old rows skipped); only when dims match. */
  readonly normRatio?: { readonly p5: number; readonly median: number; readonly p95: number };
  /** k of the kNN overlap (10, or fewer for a tiny sample). */
  readonly k: number;
  /** Mean over ids of |kNN_old(id) ∩ kNN_new(id)| / k, neighbours taken within the sample. */
  readonly knnOverlap: number;
  /** Linear CKA of the two Gram matrices (1: same geometry up to rotation and scale). */
  readonly cka: number;
  /** Debiased linear CKA (unbiased HSIC, Song et al. 2012); near 0 for unrelated spaces at any dims/rows ratio. */
  readonly ckaDebiased: number;
  /** Cross-version self-retrieval and the old space's own ceiling; only when dims match. */
  readonly selfRetrieval?: SelfRetrievalMeasures;
}

/**
 * The similarity matrix consumers of this version rank by, over the sample: X·Xᵀ for
 * `dot` and `l2`, the cosine matrix for `cosine` (a zero row has similarity 0 with all).
 * Full symmetric `rows × rows`, float32 (16 MB for 2,000 rows).
 */
export function gramMatrix(m: SampleMatrix): Float32Array {
  const { rows: n, dims: d } = m;
  // float64 copy: the products are summed in float64 anyway, and the loop then reads no
  // float32 → float64 conversions (measured ~15% faster).
  const v = Float64Array.from(m.values);
  const g = new Float32Array(n * n);
  const put = (a: number, b: number, s: number): void => {
    if (b < a) return;
    g[a * n + b] = s;
    g[b * n + a] = s;
  };
  const dot = (a: number, b: number): number => {
    let s = 0;
    for (let t = 0, pa = a * d, pb = b * d; t < d; t++) s += v[pa + t]! * v[pb + t]!;
    return s;
  };
  // A 4 × 2 register block: each loaded element feeds 2 or 4 products, which measured 2.1×
  // faster than one dot product at a time (2,000 × 768: 1.4 s instead of 2.9 s on 2 busy cores).
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const p0 = i * d;
    const p1 = p0 + d;
    const p2 = p1 + d;
    const p3 = p2 + d;
    let j = i;
    for (; j + 1 < n; j += 2) {
      const q0 = j * d;
      const q1 = q0 + d;
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0; // prettier-ignore
      for (let t = 0; t < d; t++) {
        const x = v[q0 + t]!;
        const y = v[q1 + t]!;
        const u0 = v[p0 + t]!;
        const u1 = v[p1 + t]!;
        const u2 = v[p2 + t]!;
        const u3 = v[p3 + t]!;
        a0 += u0 * x;
        a1 += u1 * x;
        a2 += u2 * x;
        a3 += u3 * x;
        b0 += u0 * y;
        b1 += u1 * y;
        b2 += u2 * y;
        b3 += u3 * y;
      }
      put(i, j, a0);
      put(i + 1, j, a1);
      put(i + 2, j, a2);
      put(i + 3, j, a3);
      put(i, j + 1, b0);
      put(i + 1, j + 1, b1);
      put(i + 2, j + 1, b2);
      put(i + 3, j + 1, b3);
    }
    for (; j < n; j++) for (let r = i; r < i + 4; r++) put(r, j, dot(r, j));
  }
  for (; i < n; i++) for (let j = i; j < n; j++) put(i, j, dot(i, j));
  if (m.metric === 'cosine') {
    const inv = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const sq = g[i * n + i]!;
      inv[i] = sq > 0 ? 1 / Math.sqrt(sq) : 0;
    }
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) g[i * n + j] = g[i * n + j]! * inv[i]! * inv[j]!;
  }
  return g;
}

/**
 * Each row's `k` nearest other rows by the version's metric, from its Gram matrix:
 * cosine and dot rank by the entry, l2 by −‖xᵢ − xⱼ‖², i.e. by 2·Gᵢⱼ − Gⱼⱼ. Ties go to the
 * lower row index, so the answer is deterministic. Returns `rows × k` row indices.
 */
export function knnFromGram(g: Float32Array, n: number, k: number, metric: Metric): Int32Array {
  const out = new Int32Array(n * k);
  const scores = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    let filled = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const s = metric === 'l2' ? 2 * g[row + j]! - g[j * n + j]! : g[row + j]!;
      if (filled === k && !(s > scores[k - 1]!)) continue;
      // Insertion into the sorted (descending) top-k; j ascends, so equal scores keep the lower index first.
      let p = filled < k ? filled++ : k - 1;
      while (p > 0 && s > scores[p - 1]!) {
        scores[p] = scores[p - 1]!;
        out[i * k + p] = out[i * k + p - 1]!;
        p--;
      }
      scores[p] = s;
      out[i * k + p] = j;
    }
  }
  return out;
}

/** Mean fraction of shared neighbours: Σᵢ |Aᵢ ∩ Bᵢ| / (n · k). */
export function meanOverlap(a: Int32Array, b: Int32Array, n: number, k: number): number {
  if (n === 0 || k === 0) return Number.NaN;
  let shared = 0;
  for (let i = 0; i < n; i++) {
    for (let x = 0; x < k; x++) {
      const ax = a[i * k + x]!;
      for (let y = 0; y < k; y++) {
        if (b[i * k + y] === ax) {
          shared++;
          break;
        }
      }
    }
  }
  return shared / (n * k);
}

/**
 * Linear CKA from two Gram matrices: ⟨HKH, HLH⟩ / (‖HKH‖ ‖HLH‖), H the centring matrix,
 * and its debiased form from the unbiased HSIC estimator. Sums are float64.
 */
export function ckaFromGrams(
  k: Float32Array,
  l: Float32Array,
  n: number,
  sums?: { readonly k: Float64Array; readonly l: Float64Array },
): { cka: number; debiased: number } {
  // `sums`: the row sums, when a pass over the rows has taken them already (the same sums).
  const rowK = sums?.k ?? rowSums(k, n);
  const rowL = sums?.l ?? rowSums(l, n);
  const totK = sum(rowK);
  const totL = sum(rowL);
  // Biased: Kc = K − rᵢ − rⱼ + m with r the row means and m the grand mean.
  let kl = 0;
  let kk = 0;
  let ll = 0;
  // Debiased: the same sums with the diagonals set to zero.
  let klTilde = 0;
  let kkTilde = 0;
  let llTilde = 0;
  const mK = totK / (n * n);
  const mL = totL / (n * n);
  // Row means with the grand mean folded in once, so the n² loop only adds and multiplies.
  const cK = Float64Array.from(rowK, (r) => r / n);
  const cL = Float64Array.from(rowL, (r) => r / n);
  for (let i = 0; i < n; i++) {
    const rki = cK[i]! - mK;
    const rli = cL[i]! - mL;
    const base = i * n;
    for (let j = 0; j < n; j++) {
      const kij = k[base + j]!;
      const lij = l[base + j]!;
      const kc = kij - rki - cK[j]!;
      const lc = lij - rli - cL[j]!;
      kl += kc * lc;
      kk += kc * kc;
      ll += lc * lc;
      klTilde += kij * lij;
      kkTilde += kij * kij;
      llTilde += lij * lij;
    }
    // The debiased sums leave the diagonal out.
    const kii = k[base + i]!;
    const lii = l[base + i]!;
    klTilde -= kii * lii;
    kkTilde -= kii * kii;
    llTilde -= lii * lii;
  }
  const cka = kl / Math.sqrt(kk * ll);
  const dK = diagonal(k, n);
  const dL = diagonal(l, n);
  const rowKt = rowK.map((r, i) => r - dK[i]!);
  const rowLt = rowL.map((r, i) => r - dL[i]!);
  const hsic = (tr: number, ra: Float64Array, rb: Float64Array): number => {
    if (n < 4) return Number.NaN;
    const sa = sum(ra);
    const sb = sum(rb);
    let dotRows = 0;
    for (let i = 0; i < n; i++) dotRows += ra[i]! * rb[i]!;
    return (tr + (sa * sb) / ((n - 1) * (n - 2)) - (2 / (n - 2)) * dotRows) / (n * (n - 3));
  };
  const hKL = hsic(klTilde, rowKt, rowLt);
  const hKK = hsic(kkTilde, rowKt, rowKt);
  const hLL = hsic(llTilde, rowLt, rowLt);
  const debiased = hKK > 0 && hLL > 0 ? hKL / Math.sqrt(hKK * hLL) : Number.NaN;
  return { cka, debiased };
}

/** Cosine of each row of `a` with the same row of `b` (equal dims); 0 when either is zero. */
export function sameRowCosines(
  a: SampleMatrix,
  b: SampleMatrix,
): { cosines: Float64Array; ratios: Float64Array } {
  const { rows: n, dims: d } = a;
  const cosines = new Float64Array(n);
  const ratios: number[] = [];
  for (let i = 0; i < n; i++) {
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let t = 0, p = i * d; t < d; t++, p++) {
      const x = a.values[p]!;
      const y = b.values[p]!;
      ab += x * y;
      aa += x * x;
      bb += y * y;
    }
    cosines[i] = aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
    if (aa > 0) ratios.push(Math.sqrt(bb / aa));
  }
  return { cosines, ratios: Float64Array.from(ratios) };
}

/** Quantile by linear interpolation between order statistics (numpy's default method). */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function distribution(values: Float64Array): Distribution {
  const sorted = Float64Array.from(values).sort();
  return {
    mean: sum(sorted) / sorted.length,
    p5: quantile(sorted, 0.05),
    median: quantile(sorted, 0.5),
    min: sorted[0] ?? Number.NaN,
    quantiles: Array.from({ length: 21 }, (_, i) => quantile(sorted, i / 20)),
  };
}

/** Default neighbours per row for the overlap. */
export const DEFAULT_K = 10;

/**
 * Computes every measure on two aligned samples (row i of both is the same id), in float64
 * plain loops: the slow path, kept as the oracle of {@link measureCompatibilityGemm}.
 */
export function measureCompatibility(
  a: SampleMatrix,
  b: SampleMatrix,
  k = DEFAULT_K,
): CompatibilityMeasures {
  const n = aligned(a, b);
  const kk = Math.max(0, Math.min(k, n - 1));
  const ga = gramMatrix(a);
  const gb = gramMatrix(b);
  return assemble(a, b, kk, {
    overlap: meanOverlap(knnFromGram(ga, n, kk, a.metric), knnFromGram(gb, n, kk, b.metric), n, kk),
    ...ckaFromGrams(ga, gb, n),
    self: () => measureSelfRetrieval(a, b, kk, ga),
  });
}

/**
 * {@link measureCompatibility} with its n² · dims products on onnxruntime's float32 Gemm
 * (three of them: each Gram matrix and new · oldᵀ). Neighbours and ranks come out exactly
 * as the slow path's (compat-gemm.ts re-scores in float64 what they hinge on); CKA, a sum
 * over all entries, reads the float32 Gram matrices (relative error ~1e-6).
 */
export async function measureCompatibilityGemm(
  a: SampleMatrix,
  b: SampleMatrix,
  k = DEFAULT_K,
  opts: { readonly threads?: number; readonly ort?: OrtModule } = {},
): Promise<CompatibilityMeasures> {
  const n = aligned(a, b);
  const kk = Math.max(0, Math.min(k, n - 1));
  const gemmA = await openGemm(a.dims, opts);
  const gemmB = b.dims === a.dims ? gemmA : await openGemm(b.dims, opts);
  try {
    // Cosine products are of unit rows, so the Gemm's output is already the cosine matrix.
    const unitA = a.metric === 'cosine' ? unitRows(a) : undefined;
    let unitB: Float32Array | undefined;
    const operand = (m: SampleMatrix, metric: Metric): Float32Array =>
      metric !== 'cosine' ? m.values : m === a ? unitA! : (unitB ??= unitRows(b));
    const xa = operand(a, a.metric);
    const xb = operand(b, b.metric);
    const ga = gramScores(a, a.metric, await gemmA.gram(xa, n));
    const gb = gramScores(b, b.metric, await gemmB.gram(xb, n));
    const sameDims = a.dims === b.dims;
    const newOld = sameDims
      ? await gemmA.product(operand(b, a.metric), n, operand(a, a.metric), n)
      : undefined;
    // The old sample's pass also ranks each row's own column, for self-retrieval.
    const passA = sameDims ? neighbourPass(ga.scores, kk, true) : neighbourPass(ga.scores, kk);
    const passB = neighbourPass(gb.scores, kk);
    return assemble(a, b, kk, {
      overlap: meanOverlap(passA.knn, passB.knn, n, kk),
      ...ckaFromGrams(ga.gram, gb.gram, n, { k: passA.rowSums, l: passB.rowSums }),
      self: () => measureSelfRetrievalGemm(a, b, kk, passA as SelfPass, newOld as Float32Array),
    });
  } finally {
    await gemmA.release();
    if (gemmB !== gemmA) await gemmB.release();
  }
}

function aligned(a: SampleMatrix, b: SampleMatrix): number {
  if (a.rows !== b.rows) throw new RangeError(`samples must align: ${a.rows} rows vs ${b.rows}`);
  return a.rows;
}

/** The measures both paths share once the Gram-based ones are known. */
function assemble(
  a: SampleMatrix,
  b: SampleMatrix,
  kk: number,
  m: {
    overlap: number;
    cka: number;
    debiased: number;
    self: () => SelfRetrievalMeasures;
  },
): CompatibilityMeasures {
  const { overlap, cka, debiased } = m;
  let sameId: Pick<CompatibilityMeasures, 'sameIdCosine' | 'normRatio' | 'selfRetrieval'> = {};
  if (a.dims === b.dims) {
    const { cosines, ratios } = sameRowCosines(a, b);
    const sortedRatios = ratios.sort();
    sameId = {
      sameIdCosine: distribution(cosines),
      normRatio: {
        p5: quantile(sortedRatios, 0.05),
        median: quantile(sortedRatios, 0.5),
        p95: quantile(sortedRatios, 0.95),
      },
      selfRetrieval: m.self(),
    };
  }
  return { rows: a.rows, ...sameId, k: kk, knnOverlap: overlap, cka, ckaDebiased: debiased };
}

function rowSums(g: Float32Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += g[i * n + j]!;
    out[i] = s;
  }
  return out;
}

function diagonal(g: Float32Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = g[i * n + i]!;
  return out;
}

function sum(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
