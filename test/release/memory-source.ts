import type { VectorBatch, VectorSource } from '../../src/vectors/types.js';

/** An in-memory float32 VectorSource, streamed in batches of `batchRows` (for reader-independent tests). */
export function memorySource(
  values: Float32Array,
  dims: number,
  ids?: readonly string[],
  batchRows = 97,
): VectorSource {
  const rows = values.length / dims;
  return {
    info: {
      path: 'memory',
      format: 'npy',
      dtype: 'float32',
      dims,
      rows,
      hasIds: ids !== undefined,
    },
    async *batches(): AsyncGenerator<VectorBatch> {
      for (let start = 0; start < rows; start += batchRows) {
        const n = Math.min(batchRows, rows - start);
        yield {
          rowOffset: start,
          rows: n,
          dims,
          dtype: 'float32',
          values: values.slice(start * dims, (start + n) * dims),
          ...(ids ? { ids: ids.slice(start, start + n) } : {}),
        };
      }
    },
    async close() {},
  };
}
