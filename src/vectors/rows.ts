/**
 * Streaming for the formats whose vectors are one contiguous row-major block of fixed-size
 * rows (C-order npy, packed binary): positioned reads into two reused page-aligned buffers,
 * the next read overlapping the consumer's work on the current batch.
 */
import type { ByteSource } from '../sources/types.js';
import type { IdLineReader } from './ids.js';
import { alignedBytes, prefetch, readExactly } from './buffers.js';
import type { VectorBatch, VectorDType, VectorValues } from './types.js';

export interface RowBlock {
  readonly source: ByteSource;
  /** Byte offset of row 0. */
  readonly dataOffset: number;
  readonly rows: number;
  readonly dims: number;
  readonly dtype: VectorDType;
  readonly rowBytes: number;
  readonly batchRows: number;
  /** Bytes per element to byte-swap after reading (2, 4 or 8), for big-endian files. */
  readonly swapBytes?: 2 | 4 | 8;
  /** Turns a batch's bytes (aligned, offset 0) into the typed values of the batch. */
  readonly view: (bytes: Uint8Array, elements: number) => VectorValues;
}

/**
 * Streams the block's rows in batches of `batchRows`, ids from the sidecar when given. From
 * `fromRow` on: the batch holding it is found by offset arithmetic (the batches are those of
 * a read from row 0), and the bytes before it are not read — only the sidecar's lines are.
 */
export async function* streamRowBlock(
  block: RowBlock,
  ids?: IdLineReader,
  fromRow = 0,
): AsyncGenerator<VectorBatch> {
  const { rows, batchRows, rowBytes } = block;
  if (rows === 0) return;
  const slotBytes = Math.min(rows, batchRows) * rowBytes;
  const slots = [alignedBytes(slotBytes), alignedBytes(slotBytes)] as const;
  const first = Math.min(rows, Math.max(0, fromRow - (fromRow % batchRows)));
  if (ids && first > 0) await ids.skip(first);

  function* jobs(): Generator<{ start: number; count: number }> {
    for (let start = first; start < rows; start += batchRows)
      yield { start, count: Math.min(batchRows, rows - start) };
  }

  yield* prefetch(jobs(), async ({ start, count }, slot): Promise<VectorBatch> => {
    const bytes = slots[slot].subarray(0, count * rowBytes);
    const idsPromise = ids?.take(count);
    // Observed below; keeps a failed id read from being reported as unhandled if the vector read fails first.
    idsPromise?.catch(() => undefined);
    await readExactly(
      block.source,
      bytes,
      0,
      bytes.length,
      block.dataOffset + start * rowBytes,
      `rows ${start}–${start + count - 1}`,
    );
    if (block.swapBytes) swapInPlace(bytes, block.swapBytes);
    const batch: VectorBatch = {
      rowOffset: start,
      rows: count,
      dims: block.dims,
      dtype: block.dtype,
      values: block.view(bytes, count * (block.dtype === 'binary' ? rowBytes : block.dims)),
    };
    return idsPromise ? { ...batch, ids: await idsPromise } : batch;
  });
}

/** Reverses the byte order of every `width`-byte element, in place (native, fast). */
export function swapInPlace(bytes: Uint8Array, width: 2 | 4 | 8): void {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (width === 2) b.swap16();
  else if (width === 4) b.swap32();
  else b.swap64();
}
