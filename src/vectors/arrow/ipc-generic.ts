/**
 * The generic Arrow IPC path: apache-arrow's own RecordBatchReader, one whole record batch
 * in memory at a time, each converted by {@link toVectorBatch} in slices of `batchRows`.
 * arrow-ipc.ts uses it for what its direct path does not read (see there).
 *
 * apache-arrow reads a file either from a Node FileHandle, by positioned reads (footer
 * first, then each batch), or from a byte stream, which for the file format means reading
 * the whole file into memory. So the byte source is handed to it dressed as a FileHandle.
 */
import { ConfigError } from '../../config/errors.js';
import * as arrow from 'apache-arrow';
import type { ByteSource } from '../../sources/types.js';
import { type ArrowSelection, toVectorBatch } from './reader.js';
import { batchRowsFor } from '../buffers.js';
import type { OpenOptions, VectorBatch, VectorSource } from '../types.js';
import { MAX_DIMS, VectorFileError } from '../types.js';

/** Empty reads in a row past which a read at the end of the file is taken for damage, not the end. */
const MAX_EMPTY_READS = 8;

/** The vector length of a List column, from the first non-empty record batch. */
export async function listDimsGeneric(source: ByteSource, sel: ArrowSelection): Promise<number> {
  const path = source.display;
  for await (const batch of genericRecordBatches(source)) {
    if (batch.numRows === 0) continue;
    const offsets = (batch.data.children[sel.vectorIndex] as arrow.Data | undefined)
      ?.valueOffsets as Int32Array | BigInt64Array | undefined;
    const dims = Number(offsets?.[1]) - Number(offsets?.[0]);
    if (!(dims >= 1))
      throw new VectorFileError(
        path,
        `vector in column "${sel.vectorColumn}" is empty; expected at least 1 value`,
      );
    if (dims > MAX_DIMS)
      throw new VectorFileError(
        path,
        `vector in column "${sel.vectorColumn}" has ${dims} values; expected at most ${MAX_DIMS}`,
      );
    return dims;
  }
  throw new VectorFileError(
    path,
    `no rows: cannot learn the vector length of List column "${sel.vectorColumn}" from an empty file`,
  );
}

/**
 * Runs a conversion of apache-arrow's data: a damaged batch that its reader accepted (a
 * buffer shorter than its rows, a bitmap cut short) fails inside apache-arrow's accessors
 * with a TypeError or RangeError, which is the file's damage all the same.
 */
function convert(f: () => VectorBatch, index: number, path: string): VectorBatch {
  try {
    return f();
  } catch (e) {
    if (e instanceof VectorFileError || e instanceof ConfigError) throw e;
    throw new VectorFileError(
      path,
      `damaged Arrow IPC data: record batch ${index}: unreadable buffers (${(e as Error).message})`,
    );
  }
}

/** apache-arrow's own reader over the source, its errors given the file's name. */
async function* genericRecordBatches(source: ByteSource): AsyncGenerator<arrow.RecordBatch> {
  try {
    const reader = await arrow.RecordBatchReader.from(asFileHandle(source));
    for await (const batch of reader) yield batch;
  } catch (e) {
    if (e instanceof VectorFileError || e instanceof ConfigError) throw e;
    throw new VectorFileError(source.display, `unreadable Arrow IPC data: ${(e as Error).message}`);
  }
}

/**
 * What apache-arrow uses of a FileHandle (it recognises one by `stat` and a numeric `fd`).
 * Closing it leaves the source open: each iteration makes its own, over the one source.
 */
interface ArrowFileHandle {
  readonly fd: number;
  stat(): Promise<{ size: number }>;
  read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number; buffer: Uint8Array }>;
  close(): Promise<void>;
}

function asFileHandle(source: ByteSource): Parameters<typeof arrow.RecordBatchReader.from>[0] {
  // apache-arrow reads until it has the bytes a message declares; when a damaged length points
  // past the end of the file, each read returns 0 and it asks again, for ever. One empty read
  // is how it learns the stream ended; a run of them at the end of the file is damage.
  let emptyReads = 0;
  const handle: ArrowFileHandle = {
    fd: -1,
    stat: async () => ({ size: source.size }),
    read: async (buffer, offset, length, position) => {
      const bytesRead = await source.read(buffer, offset, length, position);
      emptyReads = bytesRead === 0 && length > 0 ? emptyReads + 1 : 0;
      if (emptyReads > MAX_EMPTY_READS)
        throw new VectorFileError(
          source.display,
          `damaged Arrow IPC data: a message's length points outside the ${source.size}-byte file (a read of ${length} bytes at ${position})`,
          position >= 0 && position <= source.size ? { byte: position } : undefined,
        );
      return { bytesRead, buffer };
    },
    close: async () => undefined,
  };
  return handle as unknown as Parameters<typeof arrow.RecordBatchReader.from>[0];
}

/** A source reading through apache-arrow's RecordBatchReader, over the one byte source. */
export function genericSource(
  source: ByteSource,
  sel: ArrowSelection,
  info: VectorSource['info'],
  opts: OpenOptions,
): VectorSource {
  const path = source.display;
  const batchRows = batchRowsFor(info.dims * sel.itemSize, opts.batchRows);
  return {
    info,
    async *batches() {
      let rowOffset = 0;
      let index = 0;
      for await (const batch of genericRecordBatches(source)) {
        for (let start = 0; start < batch.numRows; start += batchRows) {
          yield convert(
            () => {
              const slice =
                start === 0 && batch.numRows <= batchRows
                  ? batch
                  : batch.slice(start, start + batchRows);
              return toVectorBatch(slice, sel, rowOffset + start, path, info.dims);
            },
            index,
            path,
          );
        }
        rowOffset += batch.numRows;
        index++;
      }
    },
    async close() {
      await source.close();
    },
  };
}
