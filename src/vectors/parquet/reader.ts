/**
 * Parquet reader, in TypeScript: the footer (meta.ts), then for each row group the pages of
 * the vector column and the id column (pages.ts), read through the byte source in windows
 * and decoded one page at a time, so memory holds a window and a page per column whatever
 * the size of the row groups, and a remote source reads "footer, then row groups" by range.
 *
 * Rows are assembled from the repetition and definition levels: in the usual page (no
 * nulls) the levels are only walked to find where rows start, and the values of whole runs
 * of rows are copied into the batch at once.
 */
import type { ByteSource } from '../../sources/types.js';
import { withIdBytes } from '../arrow/ids.js';
import { IdColumn } from './ids.js';
import { selectArrowColumns, type ArrowSelection } from '../arrow/reader.js';
import { alignedBytes, batchRowsFor, copyInto, typedView } from '../buffers.js';
import type { OpenOptions, VectorBatch, VectorFileInfo, VectorSource } from '../types.js';
import { MAX_DIMS, VectorFileError } from '../types.js';
import { decompressorFor, type Decompress } from './codecs.js';
import {
  listElement,
  Physical,
  readEnvelope,
  readMetadata,
  type ParquetMetadata,
  type SchemaNode,
} from './meta.js';
import { ChunkPages, type DecodedPage } from './pages.js';

/** How the vector column's leaf is read. */
interface VectorLeaf {
  readonly node: SchemaNode;
  /** Definition level of a present (possibly empty) list, and of an element slot. */
  readonly listDef: number;
  readonly elementDef: number;
  /** INT32 pages narrowed to one byte per value (int8, uint8). */
  readonly narrow: boolean;
}

/**
 * Reads a Parquet file from `source`, which it owns from then on (closed on failure and by
 * the returned source's close). `opts.vectorColumn` / `opts.idColumn` pick the columns (else
 * the only list column, and `id` when present); `opts.batchRows` caps the rows per batch.
 * `info.rows` comes from the footer.
 */
export async function openParquet(
  source: ByteSource,
  opts: OpenOptions = {},
): Promise<VectorSource> {
  const path = source.display;
  try {
    const envelope = await readEnvelope(source);
    const meta = await readMetadata(source, envelope);
    const sel = selectArrowColumns(meta.schema, opts, path);
    const leaf = vectorLeaf(meta.nodes[sel.vectorIndex]!, sel, path);
    const idNode = sel.idIndex === undefined ? undefined : meta.nodes[sel.idIndex]!;
    const codecs = new Map<number, Decompress>();
    for (const g of meta.rowGroups) {
      for (const c of [leaf.node.column!, ...(idNode ? [idNode.column!] : [])]) {
        const codec = g.columns[c]!.codec;
        if (codecs.has(codec)) continue;
        const d = await decompressorFor(codec);
        if (typeof d === 'string') throw new VectorFileError(path, d);
        codecs.set(codec, d);
      }
    }
    const reader = new ParquetSource(source, meta, sel, leaf, idNode, codecs, 0, 0);
    const dims = sel.listSize ?? (await reader.firstRowDims());
    const info: VectorFileInfo = {
      path,
      format: 'parquet',
      dtype: sel.dtype,
      dims,
      rows: meta.rows,
      vectorColumn: sel.vectorColumn,
      ...(sel.idColumn !== undefined && { idColumn: sel.idColumn }),
      hasIds: sel.idIndex !== undefined,
    };
    return new ParquetSource(
      source,
      meta,
      sel,
      leaf,
      idNode,
      codecs,
      dims,
      batchRowsFor(dims * sel.itemSize, opts.batchRows),
      info,
    );
  } catch (e) {
    await source.close();
    throw e;
  }
}

function vectorLeaf(node: SchemaNode, sel: ArrowSelection, path: string): VectorLeaf {
  const leaf = listElement(node)!;
  const repeated = leaf.repetition === 2 ? leaf : node.children[0]!;
  const expected: Record<string, Physical> = {
    float32: Physical.FLOAT,
    float64: Physical.DOUBLE,
    float16: Physical.FIXED_LEN_BYTE_ARRAY,
    int8: Physical.INT32,
    uint8: Physical.INT32,
  };
  if (leaf.physical !== expected[sel.dtype])
    throw new VectorFileError(
      path,
      `column "${sel.vectorColumn}" stores ${sel.dtype} in an unexpected physical type`,
    );
  return {
    node: leaf,
    listDef: repeated.maxDef - 1,
    elementDef: repeated.maxDef,
    narrow: sel.itemSize === 1,
  };
}

/** Where a row group's scan stands in the vector column's current page. */
interface Cursor {
  page: DecodedPage | undefined;
  /** Next slot, next defined value, and the index in rowStarts of the next row start. */
  slot: number;
  value: number;
  start: number;
}

class ParquetSource implements VectorSource {
  private closed = false;
  readonly info: VectorFileInfo;

  constructor(
    private readonly source: ByteSource,
    private readonly meta: ParquetMetadata,
    private readonly sel: ArrowSelection,
    private readonly leaf: VectorLeaf,
    private readonly idNode: SchemaNode | undefined,
    private readonly codecs: Map<number, Decompress>,
    private readonly dims: number,
    private readonly batchRows: number,
    info?: VectorFileInfo,
  ) {
    this.info = info ?? ({} as VectorFileInfo);
  }

  private pages(group: number, node: SchemaNode): ChunkPages {
    const chunk = this.meta.rowGroups[group]!.columns[node.column!]!;
    const column = node === this.idNode ? this.sel.idColumn! : this.sel.vectorColumn;
    return new ChunkPages(this.source, chunk, node, this.codecs.get(chunk.codec)!, column);
  }

  private fail(detail: string, row: number): VectorFileError {
    return new VectorFileError(this.source.display, detail, { row });
  }

  /** A variable list column's vector length, from its first row. */
  async firstRowDims(): Promise<number> {
    const column = this.sel.vectorColumn;
    const group = this.meta.rowGroups.findIndex((g) => g.rows > 0);
    if (group < 0)
      throw new VectorFileError(
        this.source.display,
        `no rows: cannot learn the vector length of List column "${column}" from an empty file`,
      );
    const pages = this.pages(group, this.leaf.node);
    let length = 0;
    let first = true;
    for (let page = await pages.next(); page; page = await pages.next()) {
      if (page.count === 0) continue;
      const starts = page.rowStarts!;
      let boundary: number | undefined;
      if (first) {
        if (starts[0] !== 0)
          throw this.fail(`the first page of column "${column}" does not start a row`, 0);
        const def = page.defs ? page.defs[0]! : this.leaf.node.maxDef;
        if (def < this.leaf.listDef) throw this.fail(`null vector in column "${column}"`, 0);
        if (def === this.leaf.listDef)
          throw this.fail(`vector in column "${column}" is empty; expected at least 1 value`, 0);
        first = false;
        boundary = starts[1];
      } else {
        boundary = starts[0];
      }
      length += boundary ?? page.count;
      if (boundary !== undefined || length > MAX_DIMS) break;
    }
    if (length > MAX_DIMS)
      throw this.fail(
        `vector in column "${column}" has ${length} values; expected at most ${MAX_DIMS}`,
        0,
      );
    return length;
  }

  batches(): AsyncIterable<VectorBatch> {
    return this.batchesFrom(0);
  }

  /**
   * From the row group holding `fromRow` on: the footer's row counts say where each group
   * starts, so the column chunks of the groups before it are neither read nor decoded.
   */
  async *batchesFrom(fromRow: number): AsyncIterable<VectorBatch> {
    if (this.closed) throw new Error(`${this.info.path}: batches() after close()`);
    const { dims, batchRows, sel } = this;
    const out = alignedBytes(Math.max(1, batchRows * dims * sel.itemSize));
    let rowOffset = 0;
    for (let g = 0; g < this.meta.rowGroups.length; g++) {
      const expected = this.meta.rowGroups[g]!.rows;
      if (rowOffset + expected <= fromRow) {
        rowOffset += expected;
        continue;
      }
      const pages = this.pages(g, this.leaf.node);
      const ids = this.idNode
        ? new IdColumn(this.pages(g, this.idNode), this.idNode, sel, this.source.display)
        : undefined;
      const cursor: Cursor = { page: undefined, slot: 0, value: 0, start: 0 };
      let done = 0;
      for (;;) {
        const rows = await this.fill(
          pages,
          cursor,
          out,
          Math.min(batchRows, expected - done),
          rowOffset,
        );
        if (rows === 0) break;
        const values = typedView(sel.dtype, out.buffer, out.byteOffset, rows * dims);
        const batch = { rowOffset, rows, dims, dtype: sel.dtype, values };
        yield ids ? withIdBytes(batch, await ids.take(rows, rowOffset)) : batch;
        rowOffset += rows;
        done += rows;
        if (done === expected) break;
      }
      if (done !== expected || (await this.more(pages, cursor)))
        throw this.fail(
          `row group ${g}: the footer promises ${expected} rows, the column "${sel.vectorColumn}" holds ${done < expected ? done : 'more'}`,
          rowOffset,
        );
    }
  }

  private async more(pages: ChunkPages, cursor: Cursor): Promise<boolean> {
    if (cursor.page && cursor.slot < cursor.page.count) return true;
    return (await pages.next()) !== undefined;
  }

  /** Fills `out` with up to `limit` rows; returns how many (0 at the end of the row group). */
  private async fill(
    pages: ChunkPages,
    cursor: Cursor,
    out: Uint8Array,
    limit: number,
    rowOffset: number,
  ): Promise<number> {
    const { dims, leaf } = this;
    const item = this.sel.itemSize;
    const column = `column "${this.sel.vectorColumn}"`;
    let rows = 0;
    while (rows < limit) {
      if (!cursor.page || cursor.slot >= cursor.page.count) {
        const page = await pages.next();
        if (!page) break;
        if (page.count === 0) continue;
        if (page.rowStarts![0] !== 0)
          throw this.fail(
            `page at byte ${page.byte} of ${column} does not start at a row boundary`,
            rowOffset + rows,
          );
        Object.assign(cursor, { page, slot: 0, value: 0, start: 0 });
      }
      const page = cursor.page!;
      const starts = page.rowStarts!;
      const rowEnd = (k: number): number => (k + 1 < starts.length ? starts[k + 1]! : page.count);
      if (!page.defs) {
        // No nulls: slots are values. Take whole rows while each is `dims` long.
        let k = cursor.start;
        const first = k;
        const stop = Math.min(starts.length, first + (limit - rows));
        while (k < stop && rowEnd(k) - starts[k]! === dims) k++;
        if (k > first) {
          const from = starts[first]!;
          const to = rowEnd(k - 1);
          this.copy(page.values as Uint8Array, from, to - from, out, rows * dims * item);
          rows += k - first;
          cursor.start = k;
          cursor.slot = to;
          cursor.value = to;
          continue;
        }
        const length = rowEnd(k) - starts[k]!;
        throw this.fail(this.lengthMessage(column, length), rowOffset + rows);
      }
      // Nulls somewhere in the page: row by row.
      const k = cursor.start;
      const from = starts[k]!;
      const to = rowEnd(k);
      const defs = page.defs;
      const row = rowOffset + rows;
      if (defs[from]! < leaf.listDef) throw this.fail(`null vector in ${column}`, row);
      const length = defs[from] === leaf.listDef ? 0 : to - from;
      if (length !== dims) throw this.fail(this.lengthMessage(column, length), row);
      for (let s = from; s < to; s++) {
        if (defs[s]! < leaf.node.maxDef)
          throw this.fail(`null value at position ${s - from} of the vector in ${column}`, row);
      }
      this.copy(page.values as Uint8Array, cursor.value, dims, out, rows * dims * item);
      cursor.value += dims;
      cursor.slot = to;
      cursor.start = k + 1;
      rows++;
    }
    return rows;
  }

  private lengthMessage(column: string, length: number): string {
    return this.sel.vectorLayout === 'fixed-size-list'
      ? `vector in ${column} has ${length} values, expected ${this.dims} (FixedSizeList)`
      : `vector in ${column} has ${length} values, expected ${this.dims} like the first row`;
  }

  /** Copies `count` values from value `from` of a page into `out` at byte `at`. */
  private copy(values: Uint8Array, from: number, count: number, out: Uint8Array, at: number): void {
    if (this.leaf.narrow) {
      for (let i = 0; i < count; i++) out[at + i] = values[4 * (from + i)]!;
      return;
    }
    const item = this.sel.itemSize;
    copyInto(out, at, values.subarray(from * item, (from + count) * item));
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.source.close();
  }
}
