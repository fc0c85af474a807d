/**
 * The real embedding set (test/fixtures/real/fiori-minilm: 778 × 384 all-MiniLM-L6-v2
 * vectors, see its README) and what a new version might do to it, for the calibration
 * table and the scenario corpus. Deterministic: everything derives from a seed.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeFloat16, float32ToFloat16Bits } from '../../src/vectors/float16.js';
import { gaussian, normalizeRows, project, randomRotation, rng } from './synthetic.js';

export const REAL_DIR = join(
  resolve(import.meta.dirname, '..', '..'),
  'test',
  'fixtures',
  'real',
  'fiori-minilm',
);

export interface RealSet {
  readonly ids: readonly string[];
  readonly values: Float32Array;
  readonly rows: number;
  readonly dims: number;
}

let cached: RealSet | undefined;

/** The 778 × 384 real vectors and their ids (read once). */
export function realSet(): RealSet {
  if (cached) return cached;
  const bytes = readFileSync(join(REAL_DIR, 'vectors.npy'));
  const headerLength = bytes.readUInt16LE(8);
  const shape = /'shape': \((\d+), (\d+)\)/.exec(
    bytes.subarray(10, 10 + headerLength).toString('latin1'),
  )!;
  const data = bytes.subarray(10 + headerLength);
  const values = new Float32Array(
    data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
  );
  const ids = readFileSync(join(REAL_DIR, 'ids.txt'), 'utf8').trim().split('\n');
  cached = { ids, values, rows: Number(shape[1]), dims: Number(shape[2]) };
  return cached;
}

/**
 * Isotropic noise of norm ≈ `level` added to each row, then re-normalised (the rows are
 * unit vectors, so `level` is relative to the vector).
 */
export function realNoise(
  values: Float32Array,
  dims: number,
  level: number,
  seed: number,
): Float32Array {
  const next = rng(seed);
  const scale = level / Math.sqrt(dims);
  return normalizeRows(
    values.map((v) => v + scale * gaussian(next)),
    dims,
  );
}

/** A partial retrain: rows times I + ε·G (G Gaussian with entries of variance 1/dims), re-normalised. */
export function nearIdentity(
  values: Float32Array,
  dims: number,
  epsilon: number,
  seed: number,
): Float32Array {
  const next = rng(seed);
  const m = new Float64Array(dims * dims);
  for (let i = 0; i < dims; i++)
    for (let j = 0; j < dims; j++)
      m[i * dims + j] = (i === j ? 1 : 0) + (epsilon * gaussian(next)) / Math.sqrt(dims);
  return normalizeRows(project(values, dims, m, dims), dims);
}

/** A random rotation of the whole space (same neighbourhoods, every coordinate moved). */
export function rotate(values: Float32Array, dims: number, seed: number): Float32Array {
  return normalizeRows(project(values, dims, randomRotation(dims, seed), dims), dims);
}

/** Float16 round trip (round to nearest, ties to even). */
export function toFloat16(values: Float32Array): Float32Array {
  return values.map((v) => decodeFloat16(float32ToFloat16Bits(v)));
}

/** Symmetric int8 quantisation with one global scale (127 / max |x|), dequantised. */
export function toInt8(values: Float32Array): Float32Array {
  let max = 0;
  for (const v of values) max = Math.max(max, Math.abs(v));
  const s = 127 / max;
  return values.map((v) => Math.round(v * s) / s);
}

/** The rows in another order: every id gets another item's vector (a silently swapped space). */
export function shuffleRows(values: Float32Array, dims: number, seed: number): Float32Array {
  const rows = values.length / dims;
  const next = rng(seed);
  const order = Array.from({ length: rows }, (_, i) => i);
  for (let i = rows - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const out = new Float32Array(values.length);
  order.forEach((from, to) => out.set(values.subarray(from * dims, (from + 1) * dims), to * dims));
  return out;
}

/**
 * A retrieval suite built from the vectors themselves: `queries` held-out rows (chosen by
 * the seed) search the other rows; a query's relevant items are its 10 nearest corpus rows
 * in the reference space. The reference space on itself scores nDCG@10 = 1, so a case's
 * nDCG@10 is the fraction of retrieval quality it keeps.
 */
export interface SelfSuite {
  readonly queries: Int32Array;
  readonly corpus: Int32Array;
  /** Per query, its relevant corpus rows (row numbers in the full set). */
  readonly qrels: readonly ReadonlySet<number>[];
}

export function selfSuite(base: RealSet, queries: number, seed: number): SelfSuite {
  const next = rng(seed);
  const picked = new Set<number>();
  while (picked.size < queries) picked.add(Math.floor(next() * base.rows));
  const q = Int32Array.from([...picked].sort((a, b) => a - b));
  const corpus = Int32Array.from(
    Array.from({ length: base.rows }, (_, i) => i).filter((i) => !picked.has(i)),
  );
  const qrels = [...q].map(
    (qi) => new Set(topK(base.values, base.dims, base.values, base.dims, qi, corpus, 10)),
  );
  return { queries: q, corpus, qrels };
}

function topK(
  qValues: Float32Array,
  qDims: number,
  cValues: Float32Array,
  cDims: number,
  qi: number,
  corpus: Int32Array,
  k: number,
): number[] {
  const d = Math.min(qDims, cDims);
  let qq = 0;
  for (let t = 0; t < d; t++) qq += qValues[qi * qDims + t]! ** 2;
  const best: { c: number; s: number }[] = [];
  for (const c of corpus) {
    let s = 0;
    let cc = 0;
    for (let t = 0, pq = qi * qDims, pc = c * cDims; t < d; t++) {
      const y = cValues[pc + t]!;
      s += qValues[pq + t]! * y;
      cc += y * y;
    }
    const score = qq > 0 && cc > 0 ? s / Math.sqrt(qq * cc) : 0;
    if (best.length === k && !(score > best[k - 1]!.s)) continue;
    // Sorted insertion; corpus rows ascend, so equal scores keep the lower row first.
    let p = best.length < k ? best.length : k - 1;
    best[p] = { c, s: score };
    while (p > 0 && score > best[p - 1]!.s) {
      [best[p], best[p - 1]] = [best[p - 1]!, best[p]!];
      p--;
    }
  }
  return best.map((e) => e.c);
}

/**
 * Mean nDCG@10 (binary gains) of `queryValues` rows searching `corpusValues` rows by
 * cosine, judged by the suite's qrels. Both spaces must have equal dims.
 */
export function suiteNdcg(
  suite: SelfSuite,
  queryValues: Float32Array,
  corpusValues: Float32Array,
  dims: number,
): number {
  let total = 0;
  suite.queries.forEach((qi, n) => {
    const ranked = topK(queryValues, dims, corpusValues, dims, qi, suite.corpus, 10);
    const rel = suite.qrels[n]!;
    let dcg = 0;
    ranked.forEach((c, r) => {
      if (rel.has(c)) dcg += 1 / Math.log2(r + 2);
    });
    let ideal = 0;
    for (let r = 0; r < Math.min(10, rel.size); r++) ideal += 1 / Math.log2(r + 2);
    total += dcg / ideal;
  });
  return total / suite.queries.length;
}
