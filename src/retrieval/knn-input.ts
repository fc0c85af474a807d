/**
 * Checking and preparing kNN inputs: queries become float32 once (normalised for cosine,
 * with ‖q‖² kept for l2), so the graphs only ever see float32 queries.
 */
import { float16Table } from '../vectors/float16.js';
import type { VectorDType, VectorSource } from '../vectors/types.js';
import type { KnnDType, KnnMetric } from './knn-graph.js';

/** Queries held in memory, row-major. float16 values are raw bit patterns. */
export interface KnnQueries {
  readonly values: Float32Array | Uint16Array | Int8Array;
  readonly rows: number;
  readonly dims: number;
  readonly dtype: KnnDType;
  /** Query ids; absent means the 0-based row numbers. */
  readonly ids?: readonly string[];
}

/** Why a kNN request cannot run, found before any scoring. */
export type KnnInputProblem =
  'dims-mismatch' | 'dtype-mismatch' | 'unsupported-dtype' | 'bad-shape' | 'bad-option' | 'bad-id';

/** A kNN request that cannot run as given; `problem` says which check failed. */
export class KnnInputError extends Error {
  override readonly name = 'KnnInputError';
  constructor(
    readonly problem: KnnInputProblem,
    message: string,
  ) {
    super(message);
  }
}

const KNN_DTYPES: readonly string[] = ['float32', 'float16', 'int8'];

/** Narrows a vectors dtype to one kNN supports, or throws `unsupported-dtype`. */
export function knnDType(dtype: VectorDType | string, what: string): KnnDType {
  if (!KNN_DTYPES.includes(dtype)) {
    throw new KnnInputError(
      'unsupported-dtype',
      `${what}: exact kNN supports float32, float16 and int8 vectors, found ${dtype}`,
    );
  }
  return dtype as KnnDType;
}

const ARRAY_FOR = { float32: Float32Array, float16: Uint16Array, int8: Int8Array } as const;

/** Checks the queries' own shape and that they match the corpus in dims and dtype. */
export function checkQueries(queries: KnnQueries, corpus: VectorSource): void {
  const { rows, dims, dtype, values, ids } = queries;
  knnDType(dtype, 'queries');
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(dims) || dims < 1) {
    throw new KnnInputError(
      'bad-shape',
      `queries: rows ${rows} and dims ${dims} must be integers, dims ≥ 1`,
    );
  }
  if (!(values instanceof ARRAY_FOR[dtype])) {
    throw new KnnInputError(
      'bad-shape',
      `queries: ${dtype} values must be a ${ARRAY_FOR[dtype].name}, got ${values.constructor.name}`,
    );
  }
  if (values.length !== rows * dims) {
    throw new KnnInputError(
      'bad-shape',
      `queries: ${rows} × ${dims} needs ${rows * dims} values, found ${values.length}`,
    );
  }
  if (ids && ids.length !== rows) {
    throw new KnnInputError('bad-shape', `queries: ${rows} rows but ${ids.length} ids`);
  }
  const info = corpus.info;
  if (info.dims !== dims) {
    throw new KnnInputError(
      'dims-mismatch',
      `queries have ${dims} dims but corpus ${info.path} has ${info.dims}: both must come from the same embedding model`,
    );
  }
  if (info.dtype !== dtype) {
    knnDType(info.dtype, `corpus ${info.path}`);
    throw new KnnInputError(
      'dtype-mismatch',
      `queries are ${dtype} but corpus ${info.path} is ${info.dtype}: convert one side so both use the same dtype`,
    );
  }
}

/** Float32 queries as the graphs take them, plus what turns graph scores into final scores. */
export interface PreparedQueries {
  readonly values: Float32Array;
  /** l2 only: ‖q‖² per query (float64), subtracted from the graph score 2q·c − ‖c‖². */
  readonly squaredNorms?: Float64Array;
}

/** Decodes queries to float32; cosine normalises each row (zero rows stay zero), l2 keeps ‖q‖². */
export function prepareQueries(queries: KnnQueries, metric: KnnMetric): PreparedQueries {
  const { rows, dims } = queries;
  let out: Float32Array;
  if (queries.dtype === 'float16') {
    const table = float16Table();
    const bits = queries.values as Uint16Array;
    out = new Float32Array(bits.length);
    for (let i = 0; i < bits.length; i++) out[i] = table[bits[i] as number] as number;
  } else {
    out = Float32Array.from(queries.values);
  }
  if (metric === 'dot') return { values: out };
  const norms = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let sum = 0;
    for (let j = r * dims, end = j + dims; j < end; j++)
      sum += (out[j] as number) * (out[j] as number);
    norms[r] = sum;
  }
  if (metric === 'l2') return { values: out, squaredNorms: norms };
  for (let r = 0; r < rows; r++) {
    const n = norms[r] as number;
    if (n === 0) continue;
    const inv = 1 / Math.sqrt(n);
    for (let j = r * dims, end = j + dims; j < end; j++) out[j] = (out[j] as number) * inv;
  }
  return { values: out };
}

/**
 * Loads a (small) query file into memory: every batch concatenated, ids kept when the
 * file has them. Throws `unsupported-dtype` for dtypes exact kNN cannot score.
 */
export async function readQueries(source: VectorSource): Promise<KnnQueries> {
  const dtype = knnDType(source.info.dtype, `queries ${source.info.path}`);
  const dims = source.info.dims;
  const Ctor = ARRAY_FOR[dtype];
  const parts: InstanceType<typeof Ctor>[] = [];
  const ids: string[] = [];
  let rows = 0;
  let hasIds = true;
  for await (const batch of source.batches()) {
    if (batch.dims !== dims || !(batch.values instanceof Ctor)) {
      throw new KnnInputError(
        'bad-shape',
        `queries ${source.info.path}: batch at row ${batch.rowOffset} is ${batch.dtype} × ${batch.dims}, expected ${dtype} × ${dims}`,
      );
    }
    // Readers may reuse a batch's buffer for the next one: copy.
    parts.push(batch.values.slice(0, batch.rows * dims) as InstanceType<typeof Ctor>);
    if (batch.ids) ids.push(...batch.ids);
    else hasIds = false;
    rows += batch.rows;
  }
  const values = new Ctor(rows * dims);
  let at = 0;
  for (const p of parts) {
    values.set(p as ArrayLike<number>, at);
    at += p.length;
  }
  return { values, rows, dims, dtype, ids: hasIds && rows > 0 ? ids : undefined };
}
