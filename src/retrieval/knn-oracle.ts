/**
 * The slow-but-obvious exact kNN, kept as the test oracle for `exactKnn`: every score
 * computed by its definition in float64 and rounded to float32, one sort by the ranking
 * rule. Not for real sizes.
 */
import { float16Table } from '../vectors/float16.js';
import type { KnnDType, KnnMetric } from './knn-graph.js';
import { byRank, type KnnHit } from './knn-select.js';

/** Row-major vectors in one of the kNN dtypes (float16 as raw bits). */
export interface OracleMatrix {
  readonly values: Float32Array | Uint16Array | Int8Array;
  readonly rows: number;
  readonly dims: number;
  readonly dtype: KnnDType;
  readonly ids?: readonly string[];
}

/** Row `r` of a matrix as float64 numbers. */
export function oracleRow(m: OracleMatrix, r: number): Float64Array {
  const out = new Float64Array(m.dims);
  const table = m.dtype === 'float16' ? float16Table() : undefined;
  for (let j = 0; j < m.dims; j++) {
    const v = m.values[r * m.dims + j] as number;
    out[j] = table ? (table[v] as number) : v;
  }
  return out;
}

/** The metric's score (higher is better) between two float64 vectors, by its definition. */
export function oracleScore(metric: KnnMetric, q: Float64Array, c: Float64Array): number {
  let dot = 0;
  let qq = 0;
  let cc = 0;
  let dist = 0;
  for (let j = 0; j < q.length; j++) {
    const a = q[j] as number;
    const b = c[j] as number;
    dot += a * b;
    qq += a * a;
    cc += b * b;
    dist += (a - b) * (a - b);
  }
  if (metric === 'dot') return dot;
  if (metric === 'l2') return -dist;
  return qq === 0 || cc === 0 ? 0 : dot / Math.sqrt(qq * cc);
}

/** Exact top-k per query by scoring every pair; scores are float64 rounded to float32. */
export function oracleKnn(
  queries: OracleMatrix,
  corpus: OracleMatrix,
  k: number,
  metric: KnnMetric,
): KnnHit[][] {
  const rows = Array.from({ length: corpus.rows }, (_, r) => oracleRow(corpus, r));
  const result: KnnHit[][] = [];
  for (let qi = 0; qi < queries.rows; qi++) {
    const q = oracleRow(queries, qi);
    const hits = rows.map((c, r) => ({
      id: corpus.ids?.[r] ?? String(r),
      row: r,
      score: Math.fround(oracleScore(metric, q, c)),
    }));
    hits.sort(byRank);
    result.push(hits.slice(0, k));
  }
  return result;
}
