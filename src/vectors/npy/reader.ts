/**
 * NumPy `.npy` reader (format versions 1.0, 2.0 and 3.0), streaming a 2-D array of
 * float32/float16/float64/int8/uint8 in either byte order and either memory order.
 *
 * The header (npy-header.ts) is checked against the file size before any data is read.
 *
 * Fortran (column-major) files are streamed too: each batch of rows is gathered with one
 * positioned read per column, then transposed in cache-sized tiles. Memory stays at four
 * batch buffers of 16 MB whatever the file size, so no size cap is needed; it measured
 * ~0.6 GB/s here against several GB/s for C order.
 */
import type { ByteSource, SourceOpener } from '../../sources/types.js';
import { SidecarIds } from '../ids.js';
import {
  alignedBytes,
  batchRowsFor,
  prefetch,
  readExactly,
  readExactlySync,
  typedView,
} from '../buffers.js';
import { type NpyHeader, readNpyHeader } from './header.js';
import { streamRowBlock, swapInPlace } from '../rows.js';
import type { OpenOptions, VectorBatch, VectorSource, VectorValues } from '../types.js';
import { VectorFileError } from '../types.js';

/** Rows per Fortran batch aim for this many bytes, so each per-column read is not tiny. */
const FORTRAN_BATCH_BYTES = 16 << 20;

/**
 * Reads an `.npy` file from `source`, which it owns from then on (closed on failure and by
 * the returned source's close). Ids come from `opts.idsPath` (one per line, opened through
 * `openSource`) or are row numbers.
 */
export async function openNpy(
  source: ByteSource,
  opts: OpenOptions,
  openSource: SourceOpener,
): Promise<VectorSource> {
  const { display: path, size } = source;
  let sidecar: SidecarIds | undefined;
  try {
    const header = await readNpyHeader(source);
    const dataBytes = header.rows * header.dims * header.dtype.itemSize;
    const expected = header.dataOffset + dataBytes;
    const shape = `(${header.rows}, ${header.dims}) ${header.descr}`;
    if (size < expected) {
      throw new VectorFileError(
        path,
        `header promises shape ${shape}: ${dataBytes} data bytes from byte ${header.dataOffset}, ` +
          `but the file holds only ${size - header.dataOffset} (truncated?)`,
        { byte: size },
      );
    }
    if (size > expected) {
      throw new VectorFileError(
        path,
        `header promises shape ${shape} (${expected} bytes in all), but the file has ${size - expected} more bytes`,
        { byte: expected },
      );
    }
    if (opts.idsPath !== undefined)
      sidecar = await SidecarIds.open(openSource, opts.idsPath, header.rows, path);
    return npySource(source, header, opts, sidecar);
  } catch (e) {
    await sidecar?.close();
    await source.close();
    throw e;
  }
}

function npySource(
  source: ByteSource,
  header: NpyHeader,
  opts: OpenOptions,
  sidecar: SidecarIds | undefined,
): VectorSource {
  const { dtype, itemSize, bigEndian } = header.dtype;
  const view = (bytes: Uint8Array, elements: number): VectorValues =>
    typedView(dtype, bytes.buffer, bytes.byteOffset, elements);
  const swapBytes = bigEndian && itemSize > 1 ? (itemSize as 2 | 4 | 8) : undefined;
  let closed = false;
  return {
    info: {
      path: source.display,
      format: 'npy',
      dtype,
      dims: header.dims,
      rows: header.rows,
      hasIds: sidecar !== undefined,
    },
    batches: () => stream(0),
    batchesFrom: (fromRow: number) => stream(fromRow),
    async close() {
      if (closed) return;
      closed = true;
      await sidecar?.close();
      await source.close();
    },
  };

  function stream(fromRow: number): AsyncIterable<VectorBatch> {
    {
      const ids = sidecar?.reader();
      if (header.fortranOrder)
        return streamFortran(source, header, opts, view, swapBytes, ids, fromRow);
      return streamRowBlock(
        {
          source,
          dataOffset: header.dataOffset,
          rows: header.rows,
          dims: header.dims,
          dtype,
          rowBytes: header.dims * itemSize,
          batchRows: batchRowsFor(header.dims * itemSize, opts.batchRows),
          ...(swapBytes && { swapBytes }),
          view,
        },
        ids,
        fromRow,
      );
    }
  }
}

async function* streamFortran(
  source: ByteSource,
  header: NpyHeader,
  opts: OpenOptions,
  view: (bytes: Uint8Array, elements: number) => VectorValues,
  swapBytes: 2 | 4 | 8 | undefined,
  ids: ReturnType<SidecarIds['reader']> | undefined,
  fromRow = 0,
): AsyncGenerator<VectorBatch> {
  const { rows, dims, dataOffset } = header;
  const itemSize = header.dtype.itemSize;
  if (rows === 0) return;
  const rowBytes = dims * itemSize;
  const batchRows = opts.batchRows ?? Math.max(1, Math.floor(FORTRAN_BATCH_BYTES / rowBytes));
  const batchRowsUsed = batchRowsFor(rowBytes, batchRows);
  const slotBytes = Math.min(rows, batchRowsUsed) * rowBytes;
  const columns = [alignedBytes(slotBytes), alignedBytes(slotBytes)] as const;
  const out = [alignedBytes(slotBytes), alignedBytes(slotBytes)] as const;

  // The batch holding `fromRow`, by offset arithmetic: the columns' bytes before it are not read.
  const first = Math.min(rows, Math.max(0, fromRow - (fromRow % batchRowsUsed)));
  if (ids && first > 0) await ids.skip(first);
  function* jobs(): Generator<{ start: number; count: number }> {
    for (let start = first; start < rows; start += batchRowsUsed) {
      yield { start, count: Math.min(batchRowsUsed, rows - start) };
    }
  }

  yield* prefetch(jobs(), async ({ start, count }, slot): Promise<VectorBatch> => {
    const idsPromise = ids?.take(count);
    idsPromise?.catch(() => undefined);
    const colBytes = count * itemSize;
    const staging = columns[slot];
    const position = (c: number): number => dataOffset + (c * rows + start) * itemSize;
    const what = (c: number): string => `column ${c}, rows ${start}–${start + count - 1}`;
    // One read per column: synchronous when the source can, because hundreds of small
    // asynchronous reads per batch spent far longer in thread-pool round trips than in
    // copying (0.13 GB/s). A source without synchronous reads gets them all at once.
    if (source.readSync) {
      const sync = source as ByteSource & Required<Pick<ByteSource, 'readSync'>>;
      for (let c = 0; c < dims; c++)
        readExactlySync(sync, staging, c * colBytes, colBytes, position(c), what(c));
    } else {
      const reads: Promise<void>[] = [];
      for (let c = 0; c < dims; c++)
        reads.push(readExactly(source, staging, c * colBytes, colBytes, position(c), what(c)));
      // All settled before any failure is reported (no read outlives the batch), and the
      // first in column order reported, so the message does not depend on timing.
      const failed = (await Promise.allSettled(reads)).find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    }
    const target = out[slot].subarray(0, count * rowBytes);
    transpose(staging, target, count, dims, itemSize);
    if (swapBytes) swapInPlace(target, swapBytes);
    const batch: VectorBatch = {
      rowOffset: start,
      rows: count,
      dims,
      dtype: header.dtype.dtype,
      values: view(target, count * dims),
    };
    return idsPromise ? { ...batch, ids: await idsPromise } : batch;
  });
}

/** Column-major `count × dims` elements in `src` → row-major in `dst`, moving raw bits. */
function transpose(
  src: Uint8Array,
  dst: Uint8Array,
  count: number,
  dims: number,
  itemSize: number,
): void {
  // 8-byte elements move as two 32-bit halves: copying through a Float64Array could
  // canonicalise NaN payloads, and BigUint64Array is much slower.
  const words = itemSize === 8 ? 2 : 1;
  const width = itemSize === 8 ? 4 : itemSize;
  const n = count * dims * words;
  const s = integerView(src, width, n);
  const d = integerView(dst, width, n);
  // In 16 × 16 tiles, writing rows sequentially, so the strided reads stay in cache.
  const T = 16;
  for (let r0 = 0; r0 < count; r0 += T) {
    const r1 = Math.min(count, r0 + T);
    for (let c0 = 0; c0 < dims; c0 += T) {
      const c1 = Math.min(dims, c0 + T);
      for (let r = r0; r < r1; r++) {
        let to = (r * dims + c0) * words;
        let from = (c0 * count + r) * words;
        for (let c = c0; c < c1; c++, to += words, from += count * words) {
          d[to] = s[from]!;
          if (words === 2) d[to + 1] = s[from + 1]!;
        }
      }
    }
  }
}

function integerView(
  bytes: Uint8Array,
  width: number,
  length: number,
): Uint8Array | Uint16Array | Uint32Array {
  if (width === 1) return bytes.subarray(0, length);
  if (width === 2) return new Uint16Array(bytes.buffer, bytes.byteOffset, length);
  return new Uint32Array(bytes.buffer, bytes.byteOffset, length);
}
