/**
 * Packed binary vectors: a headerless file of rows of `ceil(dims / 8)` bytes, bits packed
 * most-significant first (numpy.packbits order). The file records neither dims nor ids, so
 * dims must be given and ids come from a sidecar or are row numbers.
 */
import type { ByteSource, SourceOpener } from '../../sources/types.js';
import { SidecarIds } from '../ids.js';
import { batchRowsFor } from '../buffers.js';
import { streamRowBlock } from '../rows.js';
import type { OpenOptions, VectorSource } from '../types.js';
import { MAX_DIMS, VectorFileError } from '../types.js';

/**
 * Reads packed binary vectors from `source`, which it owns from then on (closed on failure
 * and by the returned source's close). `opts.dims` (bits per vector) is required; ids come
 * from `opts.idsPath` (opened through `openSource`) or are row numbers.
 */
export async function openBinary(
  source: ByteSource,
  opts: OpenOptions,
  openSource: SourceOpener,
): Promise<VectorSource> {
  const { display: path, size } = source;
  let sidecar: SidecarIds | undefined;
  try {
    const dims = opts.dims;
    if (dims === undefined || !Number.isInteger(dims) || dims < 1) {
      throw new VectorFileError(
        path,
        `packed binary vectors need dims (bits per vector) as a positive integer; got ${dims === undefined ? 'none' : dims}`,
      );
    }
    if (dims > MAX_DIMS)
      throw new VectorFileError(
        path,
        `packed binary vectors of ${dims} bits each: expected at most ${MAX_DIMS} bits per vector`,
      );
    const rowBytes = Math.ceil(dims / 8);
    if (size === 0)
      throw new VectorFileError(path, 'empty file (0 bytes): expected packed binary vectors');
    if (size % rowBytes !== 0) {
      const rows = Math.floor(size / rowBytes);
      const left = size - rows * rowBytes;
      throw new VectorFileError(
        path,
        `size ${size} is not a multiple of ${rowBytes} bytes per row (dims ${dims} bits); ` +
          `${left} byte${left === 1 ? '' : 's'} left over after ${rows} rows`,
        { byte: rows * rowBytes },
      );
    }
    const rows = size / rowBytes;
    if (opts.idsPath !== undefined)
      sidecar = await SidecarIds.open(openSource, opts.idsPath, rows, path);
    let closed = false;
    const ids = sidecar;
    const stream = (fromRow: number) =>
      streamRowBlock(
        {
          source,
          dataOffset: 0,
          rows,
          dims,
          dtype: 'binary',
          rowBytes,
          batchRows: batchRowsFor(rowBytes, opts.batchRows),
          view: (bytes, elements) => bytes.subarray(0, elements),
        },
        ids?.reader(),
        fromRow,
      );
    return {
      info: { path, format: 'binary', dtype: 'binary', dims, rows, hasIds: ids !== undefined },
      batches: () => stream(0),
      batchesFrom: (fromRow: number) => stream(fromRow),
      async close() {
        if (closed) return;
        closed = true;
        await ids?.close();
        await source.close();
      },
    };
  } catch (e) {
    await sidecar?.close();
    await source.close();
    throw e;
  }
}
