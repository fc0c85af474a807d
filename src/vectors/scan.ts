/**
 * One streaming pass over a vectors file that gathers everything the vector checks need:
 * non-finite values, all-zero rows, norm statistics, unit-norm deviations and id
 * uniqueness. Memory is bounded by one batch plus the norm sketch, except for the id set,
 * which necessarily grows with the number of distinct ids.
 */
import { availableParallelism } from 'node:os';
import { IdSet } from './idset.js';
import { rowNonFiniteCount, rowScaledNorm } from './kernels.js';
import { RowSums } from './scan-worker.js';
import { ExactSum } from './exact-sum.js';
import { DEFAULT_RELATIVE_ACCURACY, QuantileSketch, type SketchState } from './sketch.js';
import type { VectorBatch, VectorDType, VectorSource } from './types.js';
import { VectorFileError } from './types.js';

/** A row of the file: its 0-based position and its id (the row number when the file has none). */
export interface RowRef {
  readonly row: number;
  readonly id: string;
}

export interface ScanOptions {
  /** Count rows whose L2 norm differs from 1 by more than `normTolerance`. */
  readonly expectUnitNorm?: boolean;
  /** Allowed |norm − 1| when `expectUnitNorm` (default 1e-3). */
  readonly normTolerance?: number;
  /** Return the set of all ids (for baseline coverage). Only when the file has ids. */
  readonly collectIds?: boolean;
  /** Example rows kept per finding (default 5). */
  readonly maxExamples?: number;
  /**
   * Threads for the hot loop: 1 keeps all work on the calling thread; 2 (the default when
   * the machine has two or more cores) lets a worker thread take part of every batch.
   */
  readonly threads?: number;
  /** Use the worker only for files of at least this many value bytes (default 64 MiB). */
  readonly parallelMinBytes?: number;
  /** Also return the norms' mergeable state (sketch and exact sum), for a sharded run. */
  readonly keepState?: boolean;
  /** Told the rows read so far after every batch, with the file's rows when its header says. */
  readonly onRows?: (rows: number, total: number | undefined) => void;
}

/** The norms' mergeable state: what a shard hands on so merged statistics equal one scan's. */
export interface NormState {
  readonly sketch: SketchState;
  /** The exact sum's terms ({@link ExactSum.terms}). */
  readonly sumTerms: readonly number[];
}

/**
 * Norm statistics over the rows without non-finite values (all-zero rows included, with
 * norm 0). For numeric types the norm is the L2 norm of the raw element values (int8 and
 * uint8 are not dequantised). For `binary` it is the popcount — the number of set bits —
 * which says more about packed codes than its square root, the L2 norm of the 0/1 vector.
 */
export interface NormStats {
  readonly kind: 'l2' | 'popcount';
  readonly count: number;
  readonly min: number;
  readonly mean: number;
  readonly max: number;
  /** 1st and 99th percentiles, within `relativeAccuracy` of numpy's `method="lower"`. */
  readonly p1: number;
  readonly p99: number;
  readonly relativeAccuracy: number;
  /** Norms at q = 0, 0.05, …, 1 (21 values, from the same sketch): the shape the HTML report draws. */
  readonly quantiles: readonly number[];
}

export interface UnitNormStats {
  readonly tolerance: number;
  /** Rows (with finite values) whose |norm − 1| > tolerance, all-zero rows included. */
  readonly rows: number;
  readonly examples: readonly RowRef[];
  /** The row deviating most, when any row was checked. */
  readonly worst?: RowRef & { readonly norm: number; readonly deviation: number };
}

export interface IdStats {
  readonly unique: number;
  /** Rows whose id already appeared on an earlier row. */
  readonly duplicates: number;
  /** The first distinct ids seen twice, each with the row of its first repeat. */
  readonly duplicateExamples: readonly RowRef[];
  /** Every id, when `collectIds` was set. */
  readonly set?: ReadonlySet<string>;
}

export interface ScanStats {
  readonly rows: number;
  readonly dims: number;
  readonly dtype: VectorDType;
  readonly nonFinite: {
    readonly rows: number;
    readonly values: number;
    readonly examples: readonly RowRef[];
  };
  readonly zero: { readonly rows: number; readonly examples: readonly RowRef[] };
  /** Absent when no row has a finite norm (an empty file, or every row non-finite). */
  readonly norms?: NormStats;
  /** Present when `expectUnitNorm` was asked for and the dtype has an L2 norm (not binary). */
  readonly unitNorm?: UnitNormStats;
  /** Present when the file (or its sidecar) carries ids. */
  readonly ids?: IdStats;
  /** With `keepState`. */
  readonly normState?: NormState;
}

/** q = 0, 0.05, …, 1: enough to draw a distribution's shape in 21 numbers, whatever the row count. */
export const QUANTILE_GRID: readonly number[] = Array.from({ length: 21 }, (_, i) => i / 20);

/** float64 sums of squares below this may have lost precision to subnormals. */
const TINY_SQUARE_SUM = 2 ** -960;

/**
 * Scans every batch of `source` once and returns its statistics. Throws
 * {@link VectorFileError} if the reader finds the file broken part-way.
 */
export async function scanVectors(
  source: VectorSource,
  opts: ScanOptions = {},
): Promise<ScanStats> {
  const { info } = source;
  const maxExamples = opts.maxExamples ?? 5;
  const tolerance = opts.normTolerance ?? 1e-3;
  const binary = info.dtype === 'binary';
  const checkUnit = opts.expectUnitNorm === true && !binary;

  const nonFinite = { rows: 0, values: 0, examples: [] as RowRef[] };
  const zero = { rows: 0, examples: [] as RowRef[] };
  const sketch = new QuantileSketch(DEFAULT_RELATIVE_ACCURACY);
  // Exact, so a mean merged from shards equals this one (see exact-sum.ts).
  const normSum = new ExactSum();
  let normMin = Infinity;
  let normMax = -Infinity;
  const unit = { rows: 0, examples: [] as RowRef[] };
  let worst: (RowRef & { norm: number; deviation: number }) | undefined;
  const ids = info.hasIds ? new IdTracker(info.rows, maxExamples, info.path) : undefined;

  const valueBytes =
    (info.rows ?? 0) * (binary ? (info.dims + 7) >> 3 : info.dims * BYTES[info.dtype]);
  const threads = opts.threads ?? (availableParallelism() >= 2 ? 2 : 1);
  const parallel = threads >= 2 && valueBytes >= (opts.parallelMinBytes ?? 64 << 20);
  const rowSums = new RowSums(parallel);

  let rows = 0;
  try {
    for await (const batch of source.batches()) {
      if (batch.dims !== info.dims || batch.dtype !== info.dtype || batch.rowOffset !== rows) {
        throw new VectorFileError(
          info.path,
          `reader produced an inconsistent batch (expected ${info.dims} × ${info.dtype} from row ${rows}, ` +
            `got ${batch.dims} × ${batch.dtype} from row ${batch.rowOffset})`,
          { row: batch.rowOffset },
        );
      }
      const n = batch.rows;
      // batch.ids is read only for examples: readers with idBytes decode it on first access.
      const first = rows;
      const ref = (r: number): RowRef => ({
        row: first + r,
        id: batch.ids ? batch.ids[r]! : String(first + r),
      });
      const sums = await rowSums.compute(batch.values, batch.dtype, batch.dims, n, () =>
        ids?.add(batch, ref),
      );

      for (let r = 0; r < n; r++) {
        const s = sums[r]!;
        let norm: number;
        if (binary) {
          norm = s;
        } else if (s > TINY_SQUARE_SUM && s < Infinity) {
          norm = Math.sqrt(s);
        } else if (s === 0 && batch.dtype !== 'float64') {
          norm = 0;
        } else {
          const bad =
            s === s && s !== Infinity
              ? 0
              : rowNonFiniteCount(batch.values, batch.dtype, batch.dims, r);
          if (bad > 0) {
            nonFinite.rows++;
            nonFinite.values += bad;
            if (nonFinite.examples.length < maxExamples) nonFinite.examples.push(ref(r));
            continue;
          }
          norm = rowScaledNorm(batch.values, batch.dtype, batch.dims, r);
        }
        if (norm === 0) {
          zero.rows++;
          if (zero.examples.length < maxExamples) zero.examples.push(ref(r));
        }
        sketch.add(norm);
        normSum.add(norm);
        if (norm < normMin) normMin = norm;
        if (norm > normMax) normMax = norm;
        if (checkUnit) {
          const deviation = Math.abs(norm - 1);
          if (deviation > tolerance) {
            unit.rows++;
            if (unit.examples.length < maxExamples) unit.examples.push(ref(r));
          }
          if (!worst || deviation > worst.deviation) worst = { ...ref(r), norm, deviation };
        }
      }
      rows += n;
      opts.onRows?.(rows, info.rows);
    }
  } finally {
    await rowSums.close();
  }

  const count = sketch.count;
  return {
    rows,
    dims: info.dims,
    dtype: info.dtype,
    nonFinite,
    zero,
    ...(count > 0 && {
      norms: {
        kind: binary ? 'popcount' : 'l2',
        count,
        min: normMin,
        mean: normSum.value() / count,
        max: normMax,
        p1: sketch.quantile(0.01),
        p99: sketch.quantile(0.99),
        relativeAccuracy: sketch.relativeAccuracy,
        quantiles: QUANTILE_GRID.map((q) => sketch.quantile(q)),
      },
    }),
    ...(checkUnit && {
      unitNorm: { tolerance, rows: unit.rows, examples: unit.examples, ...(worst && { worst }) },
    }),
    ...(ids && { ids: ids.stats(opts.collectIds === true) }),
    ...(opts.keepState && { normState: { sketch: sketch.state(), sumTerms: normSum.terms() } }),
  };
}

const BYTES: Readonly<Record<VectorDType, number>> = {
  float32: 4,
  float16: 2,
  float64: 8,
  int8: 1,
  uint8: 1,
  binary: 1,
};

/** Id uniqueness over the batches, hashing raw id bytes when the reader provides them. */
class IdTracker {
  // Pre-sized from the row count when known (capped: a huge file grows it as it goes).
  private readonly seen: IdSet;
  private duplicates = 0;
  private readonly examples: RowRef[] = [];
  private readonly reported = new Set<string>();

  constructor(
    rows: number | undefined,
    private readonly maxExamples: number,
    private readonly path: string,
  ) {
    this.seen = new IdSet(Math.min(rows ?? 1024, 1 << 21));
  }

  add(batch: VectorBatch, ref: (r: number) => RowRef): void {
    const repeated = (r: number): void => {
      this.duplicates++;
      if (this.examples.length >= this.maxExamples) return;
      const example = ref(r);
      if (this.reported.has(example.id)) return;
      this.reported.add(example.id);
      this.examples.push(example);
    };
    if (batch.idBytes) {
      this.seen.addBatch(batch.idBytes.offsets, batch.idBytes.data, batch.rows, repeated);
      return;
    }
    const ids = batch.ids;
    if (!ids) {
      throw new VectorFileError(this.path, 'reader produced a batch without ids', {
        row: batch.rowOffset,
      });
    }
    for (let r = 0; r < batch.rows; r++) if (!this.seen.add(ids[r]!)) repeated(r);
  }

  stats(collect: boolean): IdStats {
    return {
      unique: this.seen.size,
      duplicates: this.duplicates,
      duplicateExamples: this.examples,
      ...(collect && { set: this.seen }),
    };
  }
}
