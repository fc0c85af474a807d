#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
import { basename as __egBasename, dirname as __egDirname } from 'node:path';
import { fileURLToPath as __egFileURLToPath } from 'node:url';
const require = __egCreateRequire(import.meta.url);
const __egHere = __egDirname(__egFileURLToPath(import.meta.url));
const __embeddingGateDir = __egBasename(__egHere) === 'chunks' ? __egDirname(__egHere) : __egHere;
import {
  Field,
  FixedSizeList,
  Float16,
  Float32,
  Float64,
  Int8,
  List,
  Uint8,
  Utf8,
  makeData
} from "./chunk-NJVW25GC.js";
import {
  VectorFileError
} from "./chunk-W66ZWTCZ.js";

// src/vectors/parquet/duckdb.ts
var DUCKDB_SETTINGS = {
  threads: "1",
  memory_limit: "128MB",
  allocator_flush_threshold: "4MB",
  autoinstall_known_extensions: "false",
  autoload_known_extensions: "false",
  preserve_insertion_order: "true"
};
var CONNECTION_SETTINGS = {
  streaming_buffer_size: "24MB"
};
var shared;
function duckdbDatabase() {
  if (shared) return shared;
  const opening = (async () => {
    const duck = (await import("./duckdb-WYANH7J7.js")).default;
    const config = duck.create_config();
    for (const [name, value] of Object.entries(DUCKDB_SETTINGS))
      duck.set_config(config, name, value);
    return { duck, database: await duck.open(":memory:", config) };
  })();
  opening.catch(() => {
    if (shared === opening) shared = void 0;
  });
  shared = opening;
  return opening;
}
var DuckConnection = class _DuckConnection {
  constructor(duck, connection) {
    this.duck = duck;
    this.connection = connection;
  }
  duck;
  connection;
  closed = false;
  static async open() {
    const { duck, database } = await duckdbDatabase();
    const connection = await duck.connect(database);
    for (const [name, value] of Object.entries(CONNECTION_SETTINGS))
      await duck.query(connection, `SET ${name} = '${value}'`);
    return new _DuckConnection(duck, connection);
  }
  /** Runs `sql` with `$1` bound to `path`, streaming: chunks are produced as they are fetched. */
  async stream(sql, path) {
    const statement = await this.duck.prepare(this.connection, sql);
    try {
      this.duck.bind_varchar(statement, 1, path);
      return await this.duck.execute_prepared_streaming(statement);
    } finally {
      this.duck.destroy_prepare_sync(statement);
    }
  }
  /** Runs a small query with `$1` bound to `path` and returns its first chunk (null when empty). */
  async first(sql, path) {
    const result = await this.stream(sql, path);
    const chunk = await this.duck.fetch_chunk(result);
    return { result, chunk: chunk && this.duck.data_chunk_get_size(chunk) > 0 ? chunk : null };
  }
  close() {
    if (this.closed) return;
    this.closed = true;
    this.duck.disconnect_sync(this.connection);
  }
};
function stringBytes(duck, data, row, view) {
  const at = row * 16;
  const length = view.getUint32(at, true);
  if (length <= 12) return data.subarray(at + 4, at + 4 + length);
  return duck.get_data_from_pointer(data.buffer, data.byteOffset + at + 8, length);
}
function chunkStrings(duck, chunk, column) {
  const rows = duck.data_chunk_get_size(chunk);
  const vector = duck.data_chunk_get_vector(chunk, column);
  const data = duck.vector_get_data(vector, rows * 16);
  const view = new DataView(data.buffer, data.byteOffset, rows * 16);
  return Array.from({ length: rows }, (_, r) => stringBytes(duck, data, r, view));
}
function duckMessage(error) {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split("\n")[0] ?? text).trim();
}
function quoteIdentifier(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

// src/vectors/parquet/chunk.ts
var SOURCE_ITEM_SIZE = {
  float32: 4,
  float64: 8,
  int8: 1,
  uint8: 1
};
var Scratch = class {
  bytes = new Uint8Array(0);
  get(byteLength) {
    if (this.bytes.byteLength < byteLength)
      this.bytes = new Uint8Array(Math.ceil(byteLength * 1.25) + 64);
    return this.bytes;
  }
};
function vectorArrowType(plan) {
  const element = plan.float16 ? new Float16() : arrowElement(plan.source);
  const field = new Field("item", element, true);
  return plan.layout === "fixed-size-list" ? new FixedSizeList(plan.listSize, field) : new List(field);
}
function arrowElement(kind) {
  switch (kind) {
    case "float32":
      return new Float32();
    case "float64":
      return new Float64();
    case "int8":
      return new Int8();
    case "uint8":
      return new Uint8();
  }
}
var ChunkColumns = class {
  constructor(duck, chunk, plan, idPlan) {
    this.duck = duck;
    this.plan = plan;
    this.idPlan = idPlan;
    const rows = duck.data_chunk_get_size(chunk);
    this.rows = rows;
    const vector = duck.data_chunk_get_vector(chunk, 0);
    const entryBytes = duck.vector_get_data(vector, rows * 16);
    this.entries = new Uint32Array(entryBytes.buffer, entryBytes.byteOffset, rows * 4);
    this.rowValidity = validityOf(duck, vector, rows);
    const child = duck.list_vector_get_child(vector);
    const childCount = duck.list_vector_get_size(vector);
    this.childBytes = duck.vector_get_data(child, childCount * SOURCE_ITEM_SIZE[plan.source]);
    this.childValidity = validityOf(duck, child, childCount);
    if (idPlan) {
      const idVector = duck.data_chunk_get_vector(chunk, 1);
      const width = idPlan.kind === "int" ? idPlan.itemSize : 16;
      this.ids = {
        data: duck.vector_get_data(idVector, rows * width),
        validity: validityOf(duck, idVector, rows)
      };
    }
  }
  duck;
  plan;
  idPlan;
  rows;
  entries;
  rowValidity;
  childBytes;
  childValidity;
  ids;
  entryOffset(row) {
    return this.entries[4 * row] + this.entries[4 * row + 1] * 2 ** 32;
  }
  entryLength(row) {
    return this.entries[4 * row + 2] + this.entries[4 * row + 3] * 2 ** 32;
  }
  /**
   * Rows [start, end) of the vector column as Arrow List or FixedSizeList data. `scratch`
   * backs gathered or narrowed values; `rowOffset` (the file row of `start`) names the row
   * of a FixedSizeList vector of the wrong length.
   */
  vectorRows(start, end, scratch, rowOffset, file) {
    const { plan, rowValidity, childValidity, childBytes } = this;
    const rows = end - start;
    const itemSize = SOURCE_ITEM_SIZE[plan.source];
    const fixed = plan.layout === "fixed-size-list" ? plan.listSize : void 0;
    const offsets = new Int32Array(rows + 1);
    const first = rows > 0 ? this.entryOffset(start) : 0;
    let contiguous = true;
    let cursor = first;
    let total = 0;
    for (let r = 0; r < rows; r++) {
      const row = start + r;
      const valid = !rowValidity || bit(rowValidity, row);
      const offset = this.entryOffset(row);
      let length = valid ? this.entryLength(row) : 0;
      if (offset !== cursor) contiguous = false;
      cursor = offset + length;
      if (fixed !== void 0) {
        if (valid && length !== fixed) {
          throw new VectorFileError(
            file,
            `vector in column "${plan.name}" has ${length} values, expected ${fixed} (FixedSizeList)`,
            {
              row: rowOffset + r
            }
          );
        }
        if (!valid) contiguous = false;
        length = fixed;
      }
      total += length;
      offsets[r + 1] = total;
    }
    let values;
    let nullBitmap;
    const aligned = (childBytes.byteOffset + first * itemSize) % itemSize === 0;
    if (contiguous && !plan.float16 && aligned) {
      values = typedView(
        childBytes.subarray(first * itemSize, (first + total) * itemSize),
        total,
        plan
      );
      if (childValidity)
        nullBitmap = copyBits(
          childValidity,
          first,
          scratch.nulls.get((total + 7 >> 3) + 8),
          0,
          total
        );
    } else {
      const outItem = plan.float16 ? 2 : itemSize;
      const out = scratch.values.get(total * outItem);
      const outNulls = childValidity || rowValidity ? scratch.nulls.get((total + 7 >> 3) + 8) : void 0;
      if (outNulls) outNulls.fill(255, 0, total + 7 >> 3);
      for (let r = 0; r < rows; r++) {
        const row = start + r;
        const at = offsets[r];
        const length = offsets[r + 1] - at;
        if (!rowValidity || bit(rowValidity, row)) {
          const from = this.entryOffset(row);
          copyElements(childBytes, from, out, at, length, plan);
          if (childValidity && outNulls) copyBits(childValidity, from, outNulls, at, length);
        } else {
          out.fill(0, at * outItem, (at + length) * outItem);
          if (outNulls) for (let i = at; i < at + length; i++) setBit(outNulls, i, false);
        }
      }
      values = typedView(out, total, plan);
      if (outNulls) nullBitmap = outNulls.subarray(0, total + 7 >> 3);
    }
    const type = vectorArrowType(plan);
    const childData = makeData({
      type: type.children[0].type,
      length: total,
      data: values,
      ...nullBitmap && { nullBitmap }
    });
    const listNulls = rowValidity ? rowBits(rowValidity, start, rows) : void 0;
    if (fixed !== void 0) {
      return makeData({
        type,
        length: rows,
        child: childData,
        ...listNulls && { nullBitmap: listNulls }
      });
    }
    return makeData({
      type,
      length: rows,
      valueOffsets: offsets,
      child: childData,
      ...listNulls && { nullBitmap: listNulls }
    });
  }
  /** Rows [start, end) of the id column as Arrow Utf8 or Int data. */
  idRows(start, end) {
    const { idPlan, ids, duck } = this;
    if (!idPlan || !ids) throw new Error("idRows: no id column was read");
    const rows = end - start;
    const nullBitmap = ids.validity ? rowBits(ids.validity, start, rows) : void 0;
    if (idPlan.kind === "int") {
      const data = ids.data.slice(start * idPlan.itemSize, end * idPlan.itemSize);
      return makeData({
        type: idPlan.type,
        length: rows,
        data: new idPlan.type.ArrayType(data.buffer, 0, rows),
        ...nullBitmap && { nullBitmap }
      });
    }
    const view = new DataView(ids.data.buffer, ids.data.byteOffset, ids.data.byteLength);
    const parts = new Array(rows);
    const offsets = new Int32Array(rows + 1);
    let total = 0;
    for (let r = 0; r < rows; r++) {
      const valid = !ids.validity || bit(ids.validity, start + r);
      const part = valid ? stringBytes(duck, ids.data, start + r, view) : EMPTY;
      parts[r] = part;
      total += part.byteLength;
      offsets[r + 1] = total;
    }
    const bytes = new Uint8Array(total);
    for (let r = 0; r < rows; r++) bytes.set(parts[r], offsets[r]);
    return makeData({
      type: new Utf8(),
      length: rows,
      valueOffsets: offsets,
      data: bytes,
      ...nullBitmap && { nullBitmap }
    });
  }
};
var EMPTY = new Uint8Array(0);
function validityOf(duck, vector, count) {
  if (count === 0) return void 0;
  const mask = duck.vector_get_validity(vector, Math.ceil(count / 64) * 8);
  return mask ?? void 0;
}
function bit(bits, i) {
  return (bits[i >> 3] & 1 << (i & 7)) !== 0;
}
function rowBits(bits, from, count) {
  const out = new Uint8Array(count + 7 >> 3);
  copyBits(bits, from, out, 0, count);
  return out;
}
function copyBits(src, from, dst, to, count) {
  if ((from & 7) === 0 && (to & 7) === 0) {
    const whole = count >> 3;
    dst.set(src.subarray(from >> 3, (from >> 3) + whole), to >> 3);
    for (let i = whole * 8; i < count; i++) setBit(dst, to + i, bit(src, from + i));
  } else {
    for (let i = 0; i < count; i++) setBit(dst, to + i, bit(src, from + i));
  }
  return dst.subarray(0, to + count + 7 >> 3);
}
function setBit(bits, i, value) {
  if (value) bits[i >> 3] |= 1 << (i & 7);
  else bits[i >> 3] &= ~(1 << (i & 7));
}
function copyElements(src, from, out, to, count, plan) {
  const itemSize = SOURCE_ITEM_SIZE[plan.source];
  if (!plan.float16) {
    out.set(src.subarray(from * itemSize, (from + count) * itemSize), to * itemSize);
    return;
  }
  const floats = new Float32Array(src.buffer, src.byteOffset + from * 4, count);
  const halves = new Uint16Array(out.buffer, out.byteOffset + to * 2, count);
  for (let i = 0; i < count; i++) halves[i] = float32ToFloat16Bits(floats[i]);
}
function typedView(out, count, plan) {
  if (plan.float16) return new Uint16Array(out.buffer, out.byteOffset, count);
  switch (plan.source) {
    case "float32":
      return new Float32Array(out.buffer, out.byteOffset, count);
    case "float64":
      return new Float64Array(out.buffer, out.byteOffset, count);
    case "int8":
      return new Int8Array(out.buffer, out.byteOffset, count);
    case "uint8":
      return new Uint8Array(out.buffer, out.byteOffset, count);
  }
}
var f32 = new Float32Array(1);
var u32 = new Uint32Array(f32.buffer);
function float32ToFloat16Bits(value) {
  f32[0] = value;
  const x = u32[0];
  const sign = x >>> 16 & 32768;
  const exponent = x >>> 23 & 255;
  const mantissa = x & 8388607;
  if (exponent === 255) return sign | 31744 | (mantissa ? mantissa >>> 13 || 512 : 0);
  const e = exponent - 127 + 15;
  if (e >= 31) return sign | 31744;
  if (e <= 0) {
    if (e < -10) return sign;
    return sign | (mantissa | 8388608) >>> 14 - e;
  }
  return sign | e << 10 | mantissa >>> 13;
}

export {
  DuckConnection,
  chunkStrings,
  duckMessage,
  quoteIdentifier,
  Scratch,
  vectorArrowType,
  ChunkColumns,
  float32ToFloat16Bits
};
