/**
 * A {@link VectorSource} over vectors already in memory, for searching vectors a caller
 * computed (and for tests and benches, which need batches of chosen sizes).
 */
import type { VectorBatch, VectorDType, VectorSource, VectorValues } from '../vectors/types.js';

/** Shape, dtype and batching of in-memory vectors. */
export interface MemoryVectorsOptions {
  readonly rows: number;
  readonly dims: number;
  readonly dtype: VectorDType;
  readonly ids?: readonly string[];
  /** Rows per batch, or a list of batch sizes cycled through (default: one batch). */
  readonly batchRows?: number | readonly number[];
  /** Name shown in messages (default `memory`). */
  readonly path?: string;
}

/** Streams `values` (row-major, `rows × dims`) as batches; batches are views, not copies. */
export function memoryVectors(values: VectorValues, opts: MemoryVectorsOptions): VectorSource {
  const { rows, dims, dtype, ids } = opts;
  if (values.length !== rows * dims) {
    throw new RangeError(
      `memoryVectors: ${rows} × ${dims} needs ${rows * dims} values, got ${values.length}`,
    );
  }
  const sizes = opts.batchRows === undefined ? [Math.max(rows, 1)] : [opts.batchRows].flat();
  if (sizes.length === 0 || sizes.some((s) => !Number.isInteger(s) || s < 1)) {
    throw new RangeError(
      `memoryVectors: batch sizes must be positive integers, got ${String(opts.batchRows)}`,
    );
  }
  return {
    info: {
      path: opts.path ?? 'memory',
      format: 'binary',
      dtype,
      dims,
      rows,
      hasIds: ids !== undefined,
    },
    async *batches(): AsyncIterable<VectorBatch> {
      let at = 0;
      for (let b = 0; at < rows; b++) {
        const n = Math.min(sizes[b % sizes.length] as number, rows - at);
        yield {
          rowOffset: at,
          rows: n,
          dims,
          dtype,
          values: values.subarray(at * dims, (at + n) * dims),
          ids: ids?.slice(at, at + n),
        };
        at += n;
      }
    },
    async close(): Promise<void> {},
  };
}
