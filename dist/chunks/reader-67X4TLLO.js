#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);
import {
  ChunkPages,
  decompressorFor,
  listElement,
  readEnvelope,
  readMetadata
} from "./chunk-HGTANS7M.js";
import {
  intIdBytes,
  selectArrowColumns,
  utf8IdBytes,
  withIdBytes
} from "./chunk-V6TOZDQI.js";
import "./chunk-EZRWVS5J.js";
import {
  alignedBytes,
  batchRowsFor,
  copyInto,
  typedView
} from "./chunk-SGSTHD3E.js";
import "./chunk-O57DMMLW.js";
import {
  MAX_DIMS,
  VectorFileError
} from "./chunk-L2CUIFHJ.js";
import "./chunk-GE2CBHQP.js";

// src/vectors/parquet/ids.ts
var IdColumn = class {
  constructor(pages, node, sel, file) {
    this.pages = pages;
    this.node = node;
    this.sel = sel;
    this.file = file;
  }
  pages;
  node;
  sel;
  file;
  page;
  slot = 0;
  value = 0;
  async take(rows, rowOffset) {
    const strings = this.node.physical === 6 /* BYTE_ARRAY */;
    const wide = this.node.physical === 2 /* INT64 */;
    const parts = [];
    let got = 0;
    while (got < rows) {
      if (!this.page || this.slot >= this.page.count) {
        this.page = await this.pages.next();
        this.slot = 0;
        this.value = 0;
        if (!this.page)
          throw new VectorFileError(
            this.file,
            `id column "${this.sel.idColumn}" ends before the vectors`,
            {
              row: rowOffset + got
            }
          );
        continue;
      }
      const n = Math.min(rows - got, this.page.count - this.slot);
      const defs = this.page.defs;
      if (defs) {
        for (let i = 0; i < n; i++)
          if (defs[this.slot + i] < this.node.maxDef)
            throw new VectorFileError(this.file, `null id in column "${this.sel.idColumn}"`, {
              row: rowOffset + got + i
            });
      }
      const values = this.page.values;
      if (values instanceof Uint8Array) {
        const width2 = wide ? 8 : 4;
        parts.push({
          values: values.slice(this.value * width2, (this.value + n) * width2),
          from: 0,
          count: n
        });
      } else {
        parts.push({ values, from: this.value, count: n });
      }
      this.slot += n;
      this.value += n;
      got += n;
    }
    if (strings) {
      const offsets = new Int32Array(rows + 1);
      let total = 0;
      let r = 0;
      for (const p of parts) {
        const a = p.values;
        for (let i = 0; i < p.count; i++, r++) {
          total += a.offsets[p.from + i + 1] - a.offsets[p.from + i];
          offsets[r + 1] = total;
        }
      }
      const data = new Uint8Array(total);
      let at2 = 0;
      for (const p of parts) {
        const a = p.values;
        const start = a.offsets[p.from];
        const end = a.offsets[p.from + p.count];
        data.set(a.data.subarray(start, end), at2);
        at2 += end - start;
      }
      return utf8IdBytes(offsets, data, rows, 0);
    }
    const width = wide ? 8 : 4;
    const bytes = new Uint8Array(rows * width);
    let at = 0;
    for (const p of parts) {
      const v = p.values;
      bytes.set(v.subarray(p.from * width, (p.from + p.count) * width), at);
      at += p.count * width;
    }
    const unsigned = this.sel.idSigned === false;
    const ints = wide ? unsigned ? new BigUint64Array(bytes.buffer, 0, rows) : new BigInt64Array(bytes.buffer, 0, rows) : unsigned && this.sel.idIntWidth === 4 ? new Uint32Array(bytes.buffer, 0, rows) : new Int32Array(bytes.buffer, 0, rows);
    return intIdBytes(ints, rows);
  }
};

// src/vectors/parquet/reader.ts
async function openParquet(source, opts = {}) {
  const path = source.display;
  try {
    const envelope = await readEnvelope(source);
    const meta = await readMetadata(source, envelope);
    const sel = selectArrowColumns(meta.schema, opts, path);
    const leaf = vectorLeaf(meta.nodes[sel.vectorIndex], sel, path);
    const idNode = sel.idIndex === void 0 ? void 0 : meta.nodes[sel.idIndex];
    const codecs = /* @__PURE__ */ new Map();
    for (const g of meta.rowGroups) {
      for (const c of [leaf.node.column, ...idNode ? [idNode.column] : []]) {
        const codec = g.columns[c].codec;
        if (codecs.has(codec)) continue;
        const d = await decompressorFor(codec);
        if (typeof d === "string") throw new VectorFileError(path, d);
        codecs.set(codec, d);
      }
    }
    const reader = new ParquetSource(source, meta, sel, leaf, idNode, codecs, 0, 0);
    const dims = sel.listSize ?? await reader.firstRowDims();
    const info = {
      path,
      format: "parquet",
      dtype: sel.dtype,
      dims,
      rows: meta.rows,
      vectorColumn: sel.vectorColumn,
      ...sel.idColumn !== void 0 && { idColumn: sel.idColumn },
      hasIds: sel.idIndex !== void 0
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
      info
    );
  } catch (e) {
    await source.close();
    throw e;
  }
}
function vectorLeaf(node, sel, path) {
  const leaf = listElement(node);
  const repeated = leaf.repetition === 2 ? leaf : node.children[0];
  const expected = {
    float32: 4 /* FLOAT */,
    float64: 5 /* DOUBLE */,
    float16: 7 /* FIXED_LEN_BYTE_ARRAY */,
    int8: 1 /* INT32 */,
    uint8: 1 /* INT32 */
  };
  if (leaf.physical !== expected[sel.dtype])
    throw new VectorFileError(
      path,
      `column "${sel.vectorColumn}" stores ${sel.dtype} in an unexpected physical type`
    );
  return {
    node: leaf,
    listDef: repeated.maxDef - 1,
    elementDef: repeated.maxDef,
    narrow: sel.itemSize === 1
  };
}
var ParquetSource = class {
  constructor(source, meta, sel, leaf, idNode, codecs, dims, batchRows, info) {
    this.source = source;
    this.meta = meta;
    this.sel = sel;
    this.leaf = leaf;
    this.idNode = idNode;
    this.codecs = codecs;
    this.dims = dims;
    this.batchRows = batchRows;
    this.info = info ?? {};
  }
  source;
  meta;
  sel;
  leaf;
  idNode;
  codecs;
  dims;
  batchRows;
  closed = false;
  info;
  pages(group, node) {
    const chunk = this.meta.rowGroups[group].columns[node.column];
    const column = node === this.idNode ? this.sel.idColumn : this.sel.vectorColumn;
    return new ChunkPages(this.source, chunk, node, this.codecs.get(chunk.codec), column);
  }
  fail(detail, row) {
    return new VectorFileError(this.source.display, detail, { row });
  }
  /** A variable list column's vector length, from its first row. */
  async firstRowDims() {
    const column = this.sel.vectorColumn;
    const group = this.meta.rowGroups.findIndex((g) => g.rows > 0);
    if (group < 0)
      throw new VectorFileError(
        this.source.display,
        `no rows: cannot learn the vector length of List column "${column}" from an empty file`
      );
    const pages = this.pages(group, this.leaf.node);
    let length = 0;
    let first = true;
    for (let page = await pages.next(); page; page = await pages.next()) {
      if (page.count === 0) continue;
      const starts = page.rowStarts;
      let boundary;
      if (first) {
        if (starts[0] !== 0)
          throw this.fail(`the first page of column "${column}" does not start a row`, 0);
        const def = page.defs ? page.defs[0] : this.leaf.node.maxDef;
        if (def < this.leaf.listDef) throw this.fail(`null vector in column "${column}"`, 0);
        if (def === this.leaf.listDef)
          throw this.fail(`vector in column "${column}" is empty; expected at least 1 value`, 0);
        first = false;
        boundary = starts[1];
      } else {
        boundary = starts[0];
      }
      length += boundary ?? page.count;
      if (boundary !== void 0 || length > MAX_DIMS) break;
    }
    if (length > MAX_DIMS)
      throw this.fail(
        `vector in column "${column}" has ${length} values; expected at most ${MAX_DIMS}`,
        0
      );
    return length;
  }
  batches() {
    return this.batchesFrom(0);
  }
  /**
   * From the row group holding `fromRow` on: the footer's row counts say where each group
   * starts, so the column chunks of the groups before it are neither read nor decoded.
   */
  async *batchesFrom(fromRow) {
    if (this.closed) throw new Error(`${this.info.path}: batches() after close()`);
    const { dims, batchRows, sel } = this;
    const out = alignedBytes(Math.max(1, batchRows * dims * sel.itemSize));
    let rowOffset = 0;
    for (let g = 0; g < this.meta.rowGroups.length; g++) {
      const expected = this.meta.rowGroups[g].rows;
      if (rowOffset + expected <= fromRow) {
        rowOffset += expected;
        continue;
      }
      const pages = this.pages(g, this.leaf.node);
      const ids = this.idNode ? new IdColumn(this.pages(g, this.idNode), this.idNode, sel, this.source.display) : void 0;
      const cursor = { page: void 0, slot: 0, value: 0, start: 0 };
      let done = 0;
      for (; ; ) {
        const rows = await this.fill(
          pages,
          cursor,
          out,
          Math.min(batchRows, expected - done),
          rowOffset
        );
        if (rows === 0) break;
        const values = typedView(sel.dtype, out.buffer, out.byteOffset, rows * dims);
        const batch = { rowOffset, rows, dims, dtype: sel.dtype, values };
        yield ids ? withIdBytes(batch, await ids.take(rows, rowOffset)) : batch;
        rowOffset += rows;
        done += rows;
        if (done === expected) break;
      }
      if (done !== expected || await this.more(pages, cursor))
        throw this.fail(
          `row group ${g}: the footer promises ${expected} rows, the column "${sel.vectorColumn}" holds ${done < expected ? done : "more"}`,
          rowOffset
        );
    }
  }
  async more(pages, cursor) {
    if (cursor.page && cursor.slot < cursor.page.count) return true;
    return await pages.next() !== void 0;
  }
  /** Fills `out` with up to `limit` rows; returns how many (0 at the end of the row group). */
  async fill(pages, cursor, out, limit, rowOffset) {
    const { dims, leaf } = this;
    const item = this.sel.itemSize;
    const column = `column "${this.sel.vectorColumn}"`;
    let rows = 0;
    while (rows < limit) {
      if (!cursor.page || cursor.slot >= cursor.page.count) {
        const page2 = await pages.next();
        if (!page2) break;
        if (page2.count === 0) continue;
        if (page2.rowStarts[0] !== 0)
          throw this.fail(
            `page at byte ${page2.byte} of ${column} does not start at a row boundary`,
            rowOffset + rows
          );
        Object.assign(cursor, { page: page2, slot: 0, value: 0, start: 0 });
      }
      const page = cursor.page;
      const starts = page.rowStarts;
      const rowEnd = (k2) => k2 + 1 < starts.length ? starts[k2 + 1] : page.count;
      if (!page.defs) {
        let k2 = cursor.start;
        const first = k2;
        const stop = Math.min(starts.length, first + (limit - rows));
        while (k2 < stop && rowEnd(k2) - starts[k2] === dims) k2++;
        if (k2 > first) {
          const from2 = starts[first];
          const to2 = rowEnd(k2 - 1);
          this.copy(page.values, from2, to2 - from2, out, rows * dims * item);
          rows += k2 - first;
          cursor.start = k2;
          cursor.slot = to2;
          cursor.value = to2;
          continue;
        }
        const length2 = rowEnd(k2) - starts[k2];
        throw this.fail(this.lengthMessage(column, length2), rowOffset + rows);
      }
      const k = cursor.start;
      const from = starts[k];
      const to = rowEnd(k);
      const defs = page.defs;
      const row = rowOffset + rows;
      if (defs[from] < leaf.listDef) throw this.fail(`null vector in ${column}`, row);
      const length = defs[from] === leaf.listDef ? 0 : to - from;
      if (length !== dims) throw this.fail(this.lengthMessage(column, length), row);
      for (let s = from; s < to; s++) {
        if (defs[s] < leaf.node.maxDef)
          throw this.fail(`null value at position ${s - from} of the vector in ${column}`, row);
      }
      this.copy(page.values, cursor.value, dims, out, rows * dims * item);
      cursor.value += dims;
      cursor.slot = to;
      cursor.start = k + 1;
      rows++;
    }
    return rows;
  }
  lengthMessage(column, length) {
    return this.sel.vectorLayout === "fixed-size-list" ? `vector in ${column} has ${length} values, expected ${this.dims} (FixedSizeList)` : `vector in ${column} has ${length} values, expected ${this.dims} like the first row`;
  }
  /** Copies `count` values from value `from` of a page into `out` at byte `at`. */
  copy(values, from, count, out, at) {
    if (this.leaf.narrow) {
      for (let i = 0; i < count; i++) out[at + i] = values[4 * (from + i)];
      return;
    }
    const item = this.sel.itemSize;
    copyInto(out, at, values.subarray(from * item, (from + count) * item));
  }
  async close() {
    this.closed = true;
    await this.source.close();
  }
};
export {
  openParquet
};
