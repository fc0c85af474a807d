/**
 * Packed binary vectors: a headerless file of rows of `ceil(dims / 8)` bytes, bits packed
 * most-significant first (numpy.packbits order). The file records neither dims nor ids, so
 * dims must be given and ids come from a sidecar or are row numbers.
 */
import { open } from 'node:fs/promises';
import { SidecarIds } from '../ids.js';
import { batchRowsFor } from '../buffers.js';
import { streamRowBlock } from '../rows.js';
import type { OpenOptions, VectorSource } from '../types.js';
import { VectorFileError } from '../types.js';

/** Opens a packed binary file; `opts.dims` (bits per vector) is required. */
export async function openBinary(path: string, opts: OpenOptions = {}): Promise<VectorSource> {
  const dims = opts.dims;
  if (dims === undefined || !Number.isInteger(dims) || dims < 1) {
    throw new VectorFileError(
      path,
      `packed binary vectors need dims (bits per vector) as a positive integer; got ${dims === undefined ? 'none' : dims}`,
    );
  }
  const handle = await open(path, 'r');
  let sidecar: SidecarIds | undefined;
  try {
    const size = (await handle.stat()).size;
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
    if (opts.idsPath !== undefined) sidecar = await SidecarIds.open(opts.idsPath, rows, path);
    let closed = false;
    return {
      info: { path, format: 'binary', dtype: 'binary', dims, rows, hasIds: sidecar !== undefined },
      batches: () =>
        streamRowBlock(
          {
            file: path,
            handle,
            dataOffset: 0,
            rows,
            dims,
            dtype: 'binary',
            rowBytes,
            batchRows: batchRowsFor(rowBytes, opts.batchRows),
            view: (bytes, elements) => bytes.subarray(0, elements),
          },
          sidecar?.reader(),
        ),
      async close() {
        if (closed) return;
        closed = true;
        await sidecar?.close();
        await handle.close();
      },
    };
  } catch (e) {
    await sidecar?.close();
    await handle.close();
    throw e;
  }
}
