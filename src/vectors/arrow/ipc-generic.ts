/**
 * The generic Arrow IPC path: apache-arrow's own RecordBatchReader, one whole record batch
 * in memory at a time, each converted by {@link toVectorBatch} in slices of `batchRows`.
 * arrow-ipc.ts uses it for what its direct path does not read (see there).
 */
import { open } from 'node:fs/promises';
import * as arrow from 'apache-arrow';
import { type ArrowSelection, toVectorBatch } from './reader.js';
import { batchRowsFor } from '../buffers.js';
import type { OpenOptions, VectorSource } from '../types.js';
import { VectorFileError } from '../types.js';

/** The vector length of a List column, from the first non-empty record batch. */
export async function listDimsGeneric(path: string, sel: ArrowSelection): Promise<number> {
  for await (const batch of genericRecordBatches(path)) {
    if (batch.numRows === 0) continue;
    const offsets = (batch.data.children[sel.vectorIndex] as arrow.Data).valueOffsets as
      Int32Array | BigInt64Array;
    const dims = Number(offsets[1]) - Number(offsets[0]);
    if (dims < 1)
      throw new VectorFileError(
        path,
        `vector in column "${sel.vectorColumn}" is empty; expected at least 1 value`,
      );
    return dims;
  }
  throw new VectorFileError(
    path,
    `no rows: cannot learn the vector length of List column "${sel.vectorColumn}" from an empty file`,
  );
}

/** apache-arrow's own reader over a fresh handle, its errors given the file's name. */
async function* genericRecordBatches(path: string): AsyncGenerator<arrow.RecordBatch> {
  const handle = await open(path, 'r');
  try {
    const reader = await arrow.RecordBatchReader.from(handle);
    for await (const batch of reader) yield batch;
  } catch (e) {
    if (e instanceof VectorFileError) throw e;
    throw new VectorFileError(path, `unreadable Arrow IPC data: ${(e as Error).message}`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** A source reading through apache-arrow's RecordBatchReader; each iteration opens the file anew. */
export function genericSource(
  path: string,
  sel: ArrowSelection,
  info: VectorSource['info'],
  opts: OpenOptions,
): VectorSource {
  const batchRows = batchRowsFor(info.dims * sel.itemSize, opts.batchRows);
  return {
    info,
    async *batches() {
      let rowOffset = 0;
      for await (const batch of genericRecordBatches(path)) {
        for (let start = 0; start < batch.numRows; start += batchRows) {
          const slice =
            start === 0 && batch.numRows <= batchRows
              ? batch
              : batch.slice(start, start + batchRows);
          yield toVectorBatch(slice, sel, rowOffset + start, path, info.dims);
        }
        rowOffset += batch.numRows;
      }
    },
    async close() {
      // Each iteration opens and closes its own handle.
    },
  };
}
