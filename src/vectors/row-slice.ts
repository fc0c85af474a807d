/**
 * One shard's rows of a vectors file: shard i of n takes a contiguous, byte-balanced range
 * when the header states the row count (every row of a fixed-width file has the same
 * bytes, so equal rows are equal bytes), else every n-th block of {@link SLICE_BLOCK_ROWS}
 * rows (a JSON Lines file, whose length is known only at its end). The sliced source
 * renumbers rows from 0 so the scan runs on it unchanged, and keeps the map back to the
 * file's own row numbers.
 *
 * A range starts at the reader's `batchesFrom` where it has one (npy and packed binary by
 * offset arithmetic, Arrow files by record batch, Parquet by row group, datasets by part),
 * so a shard neither reads nor decodes the batches before its rows, and stops at its end.
 */
import type { VectorBatch, VectorSource } from './types.js';

/** Rows per block of the interleaved slice (files of unknown length). */
export const SLICE_BLOCK_ROWS = 65_536;

/** Shard `index` (1-based, as Playwright, Vitest and Jest count) of `count`. */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/** The rows one shard owns, in the file's numbering. */
export type RowSlice =
  | { readonly kind: 'range'; readonly start: number; readonly end: number }
  | {
      readonly kind: 'blocks';
      readonly blockRows: number;
      readonly index: number;
      readonly count: number;
    };

/** A run of the shard's rows: `rows` rows from file row `global`, numbered from `local` in the slice. */
export interface SliceSegment {
  readonly local: number;
  readonly global: number;
  readonly rows: number;
}

/**
 * The slice of shard `spec` of a file of `rows` rows (undefined: not stated by the header,
 * then interleaved blocks of `blockRows`).
 */
export function rowSlice(
  spec: ShardSpec,
  rows: number | undefined,
  blockRows = SLICE_BLOCK_ROWS,
): RowSlice {
  if (rows === undefined)
    return { kind: 'blocks', blockRows, index: spec.index, count: spec.count };
  const at = (i: number) => Math.floor((rows * i) / spec.count);
  return { kind: 'range', start: at(spec.index - 1), end: at(spec.index) };
}

/** The parts of file rows [from, from + n) the slice owns, as [start, end) pairs. */
function owned(slice: RowSlice, from: number, n: number): [number, number][] {
  const to = from + n;
  if (slice.kind === 'range') {
    const a = Math.max(from, slice.start);
    const b = Math.min(to, slice.end);
    return a < b ? [[a, b]] : [];
  }
  const out: [number, number][] = [];
  const B = slice.blockRows;
  for (let block = Math.floor(from / B); block * B < to; block++) {
    if (block % slice.count !== slice.index - 1) continue;
    out.push([Math.max(from, block * B), Math.min(to, (block + 1) * B)]);
  }
  return out;
}

/** A vectors source restricted to a slice, with its rows' way back to the file. */
export interface SlicedSource extends VectorSource {
  /** The runs read so far, in order. */
  readonly segments: readonly SliceSegment[];
  /** The ids of the rows read so far, in order, when asked for and the file has ids. */
  readonly ids: readonly string[] | undefined;
  /** The file row of slice row `local`. */
  globalRow(local: number): number;
}

/**
 * Restricts `source` to `slice`. Batches are cut at the slice's edges (views, no copies);
 * a range stops reading at its end. With `keepIds`, the ids of the rows passed on are kept
 * in order (the merge replays them for exact duplicate and coverage counts). With
 * `rowNumberIds`, a file without ids gets its own row numbers as ids, so a search on the
 * slice names (and breaks ties between) rows as a search on the whole file does.
 */
export function sliceSource(
  source: VectorSource,
  slice: RowSlice,
  keepIds: boolean,
  options: { readonly rowNumberIds?: boolean } = {},
): SlicedSource {
  const segments: SliceSegment[] = [];
  const ids: string[] | undefined = keepIds && source.info.hasIds ? [] : undefined;
  const { info } = source;
  const width = info.dtype === 'binary' ? (info.dims + 7) >> 3 : info.dims;
  const rows =
    info.rows === undefined
      ? undefined
      : slice.kind === 'range'
        ? slice.end - slice.start
        : countBlocks(slice, info.rows);
  async function* batches(): AsyncGenerator<VectorBatch> {
    let local = 0;
    // A range starts where the reader can start: the batches before it are not decoded.
    const stream =
      slice.kind === 'range' && slice.start > 0 && source.batchesFrom
        ? source.batchesFrom(slice.start)
        : source.batches();
    for await (const batch of stream) {
      if (slice.kind === 'range' && batch.rowOffset >= slice.end) break;
      for (const [a, b] of owned(slice, batch.rowOffset, batch.rows)) {
        const r0 = a - batch.rowOffset;
        const r1 = b - batch.rowOffset;
        const cut: VectorBatch = {
          rowOffset: local,
          rows: r1 - r0,
          dims: batch.dims,
          dtype: batch.dtype,
          values: batch.values.subarray(r0 * width, r1 * width),
          ...(batch.ids
            ? { ids: batch.ids.slice(r0, r1) }
            : options.rowNumberIds && {
                ids: Array.from({ length: r1 - r0 }, (_, i) => String(a + i)),
              }),
          ...(batch.idBytes && {
            // Offsets are relative to the first one, so the data is cut to match.
            idBytes: {
              offsets: batch.idBytes.offsets.subarray(r0, r1 + 1),
              data: batch.idBytes.data.subarray(
                batch.idBytes.offsets[r0]! - batch.idBytes.offsets[0]!,
              ),
            },
          }),
        };
        segments.push({ local, global: a, rows: r1 - r0 });
        if (ids && cut.ids) for (const id of cut.ids) ids.push(id);
        local += r1 - r0;
        yield cut;
      }
    }
  }
  return {
    info: { ...info, ...(rows !== undefined && { rows }) },
    batches,
    close: () => source.close(),
    segments,
    ids,
    globalRow(at: number): number {
      let lo = 0;
      let hi = segments.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (segments[mid]!.local <= at) lo = mid;
        else hi = mid - 1;
      }
      const s = segments[lo];
      return s ? s.global + (at - s.local) : at;
    },
  };
}

function countBlocks(slice: RowSlice & { kind: 'blocks' }, rows: number): number {
  let n = 0;
  for (const [a, b] of owned(slice, 0, rows)) n += b - a;
  return n;
}
