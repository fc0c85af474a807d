#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
import { basename as __egBasename, dirname as __egDirname } from 'node:path';
import { fileURLToPath as __egFileURLToPath } from 'node:url';
const require = __egCreateRequire(import.meta.url);
const __egHere = __egDirname(__egFileURLToPath(import.meta.url));
const __embeddingGateDir = __egBasename(__egHere) === 'chunks' ? __egDirname(__egHere) : __egHere;
import {
  DuckConnection,
  DuckFile,
  chunkStrings,
  quoteIdentifier,
  stringBytes
} from "./chunk-ZO77LLHC.js";
import {
  float32ToFloat16Bits
} from "./chunk-5S46RYYR.js";
import {
  selectArrowColumns,
  toVectorBatch
} from "./chunk-QSSMWP37.js";
import {
  Binary,
  Bool,
  DataType,
  Field,
  FixedSizeList,
  Float16,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  List,
  Null,
  Precision,
  RecordBatch,
  RecordBatchReader,
  Schema,
  Struct,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  makeData
} from "./chunk-4Z434FNF.js";
import {
  SourceError
} from "./chunk-T4TVEEN4.js";
import {
  describeBytes,
  readExactly,
  wrongMagic
} from "./chunk-JHZ6TQ72.js";
import {
  MAX_DIMS,
  VectorFileError
} from "./chunk-FGXCPMWL.js";
import "./chunk-M6NBXKVS.js";

// src/vectors/parquet/meta.ts
var MAGIC = "PAR1";
async function readEnvelope(source) {
  const { size, display: path } = source;
  const head = new Uint8Array(Math.min(4, size));
  await readExactly(source, head, 0, head.length, 0, "the Parquet magic");
  if (!isMagic(head)) throw wrongMagic(path, "a Parquet file", MAGIC, head);
  if (size < 12) {
    throw new VectorFileError(
      path,
      `file ends early: expected at least 12 bytes (magic, footer length, magic), found ${size}`,
      {
        byte: size
      }
    );
  }
  const tail = new Uint8Array(8);
  await readExactly(source, tail, 0, 8, size - 8, "the Parquet footer length and magic");
  if (!isMagic(tail.subarray(4))) {
    throw new VectorFileError(
      path,
      `expected magic ${MAGIC} at the end of the file, found ${describeBytes(tail.subarray(4))}: the file is truncated or not Parquet`,
      { byte: size - 4 }
    );
  }
  const footerLength = new DataView(tail.buffer).getUint32(0, true);
  const footerStart = size - 8 - footerLength;
  if (footerLength === 0 || footerStart < 4) {
    throw new VectorFileError(
      path,
      `footer length ${footerLength} points outside the file: the footer would start at byte ${footerStart}, expected a length from 1 to ${size - 12}`,
      { byte: size - 8 }
    );
  }
  return { size, footerStart, footerLength };
}
function isMagic(bytes) {
  return bytes.length === 4 && bytes[0] === 80 && bytes[1] === 65 && bytes[2] === 82 && bytes[3] === 49;
}
async function readMetadata(connection, file, envelope) {
  const { duck } = connection;
  try {
    const counted = await connection.first("SELECT num_rows FROM parquet_file_metadata($1)", file);
    const rows = counted.chunk ? Number(bigints(duck, counted.chunk, 0)[0]) : 0;
    const columns = await connection.first("SELECT * FROM read_parquet($1) LIMIT 0", file);
    const fields = [];
    for (let i = 0; i < duck.column_count(columns.result); i++) {
      const name = duck.column_name(columns.result, i);
      fields.push(
        new Field(name, arrowTypeOf(duck, duck.column_logical_type(columns.result, i)), true)
      );
    }
    const written = await writtenArrowSchema(connection, file);
    return {
      rows,
      schema: new Schema(
        fields.map(
          (f) => refine(
            f,
            written?.fields.find((w) => w.name === f.name)
          )
        )
      )
    };
  } catch (e) {
    if (e instanceof VectorFileError) throw e;
    throw new VectorFileError(
      file.display,
      `corrupt footer: expected ${envelope.footerLength} bytes of Thrift FileMetaData from byte ${envelope.footerStart} (DuckDB: ${file.message(e)})`,
      { byte: envelope.footerStart }
    );
  }
}
async function writtenArrowSchema(connection, file) {
  const kv = await connection.first("SELECT key, value FROM parquet_kv_metadata($1)", file);
  if (!kv.chunk) return void 0;
  const keys = chunkStrings(connection.duck, kv.chunk, 0);
  const at = keys.findIndex((k) => Buffer.from(k).toString("latin1") === "ARROW:schema");
  if (at < 0) return void 0;
  const encoded = Buffer.from(chunkStrings(connection.duck, kv.chunk, 1)[at]).toString("latin1");
  try {
    const reader = RecordBatchReader.from(new Uint8Array(Buffer.from(encoded, "base64")));
    reader.open();
    return reader.schema;
  } catch {
    return void 0;
  }
}
function bigints(duck, chunk, column) {
  const rows = duck.data_chunk_get_size(chunk);
  const bytes = duck.vector_get_data(duck.data_chunk_get_vector(chunk, column), rows * 8);
  return new BigInt64Array(bytes.slice().buffer, 0, rows);
}
function arrowTypeOf(duck, type) {
  const T = duck.Type;
  switch (duck.get_type_id(type)) {
    case T.BOOLEAN:
      return new Bool();
    case T.TINYINT:
      return new Int8();
    case T.SMALLINT:
      return new Int16();
    case T.INTEGER:
      return new Int32();
    case T.BIGINT:
      return new Int64();
    case T.UTINYINT:
      return new Uint8();
    case T.USMALLINT:
      return new Uint16();
    case T.UINTEGER:
      return new Uint32();
    case T.UBIGINT:
      return new Uint64();
    case T.FLOAT:
      return new Float32();
    case T.DOUBLE:
      return new Float64();
    case T.VARCHAR:
      return new Utf8();
    case T.BLOB:
      return new Binary();
    case T.LIST:
      return new List(
        new Field("item", arrowTypeOf(duck, duck.list_type_child_type(type)), true)
      );
    case T.ARRAY:
      return new FixedSizeList(
        duck.array_type_array_size(type),
        new Field("item", arrowTypeOf(duck, duck.array_type_child_type(type)), true)
      );
    default:
      return new Null();
  }
}
function refine(field, written) {
  const type = field.type;
  if (!written || !DataType.isList(type)) return field;
  const wtype = written.type;
  if (!DataType.isFixedSizeList(wtype) && !DataType.isList(wtype) && !DataType.isLargeList(wtype))
    return field;
  const child = type.children[0];
  const wchild = wtype.children[0].type;
  const half = DataType.isFloat(wchild) && wchild.precision === Precision.HALF && DataType.isFloat(child.type);
  const element = half ? new Field(child.name, new Float16(), true) : child;
  const refined = DataType.isFixedSizeList(wtype) ? new FixedSizeList(wtype.listSize, element) : new List(element);
  return new Field(field.name, refined, true);
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

// src/vectors/parquet/reader.ts
var CHUNK_ROWS = 2048;
async function openParquet(source, opts = {}) {
  const path = source.display;
  let file;
  let connection;
  try {
    const envelope = await readEnvelope(source);
    file = await DuckFile.of(source).catch((e) => {
      throw e instanceof SourceError ? new VectorFileError(path, e.detail) : e;
    });
    connection = await DuckConnection.open();
    const meta = await readMetadata(connection, file, envelope);
    const sel = selectArrowColumns(meta.schema, opts, path);
    const plan = planColumns(meta.schema, sel);
    const dims = plan.vector.listSize ?? await firstRowDims(connection, file, plan.vector.name, meta.rows);
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
    const batchRows = Math.min(CHUNK_ROWS, positive(opts.batchRows) ?? CHUNK_ROWS);
    return new ParquetSource(info, sel, plan, batchRows, source, file);
  } catch (e) {
    await file?.close();
    await source.close();
    throw e;
  } finally {
    connection?.close();
  }
}
function positive(n) {
  if (n === void 0) return void 0;
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`batchRows must be a positive integer, got ${n}`);
  return n;
}
function planColumns(schema, sel) {
  const vectorField = schema.fields[sel.vectorIndex];
  const listType = vectorField.type;
  const element = listType.children[0].type;
  const float16 = DataType.isFloat(element) && element.precision === Precision.HALF;
  const source = float16 ? "float32" : sel.dtype === "float16" ? "float32" : sel.dtype;
  const vector = {
    name: vectorField.name,
    layout: sel.vectorLayout === "fixed-size-list" ? "fixed-size-list" : "list",
    ...sel.listSize !== void 0 && { listSize: sel.listSize },
    source,
    float16
  };
  const fields = [new Field(vectorField.name, vectorArrowType(vector), true)];
  let id;
  if (sel.idIndex !== void 0) {
    const idField = schema.fields[sel.idIndex];
    const idType = idField.type;
    id = DataType.isInt(idType) ? { kind: "int", type: idType, itemSize: idType.bitWidth / 8 } : { kind: "string" };
    fields.push(
      new Field(idField.name, id.kind === "int" ? id.type : new Utf8(), true)
    );
  }
  const selection = {
    ...sel,
    vectorIndex: 0,
    ...sel.idIndex !== void 0 && { idIndex: 1 }
  };
  return { vector, ...id && { id }, schema: new Schema(fields), selection };
}
async function firstRowDims(connection, file, column, rows) {
  const path = file.display;
  if (rows === 0)
    throw new VectorFileError(
      path,
      `no rows: cannot learn the vector length of List column "${column}" from an empty file`
    );
  let length;
  try {
    const { chunk } = await connection.first(
      `SELECT len(${quoteIdentifier(column)})::BIGINT FROM read_parquet($1) LIMIT 1`,
      file
    );
    const vector = chunk && connection.duck.data_chunk_get_vector(chunk, 0);
    const valid = vector && connection.duck.vector_get_validity(vector, 8);
    length = chunk && !(valid && (valid[0] & 1) === 0) ? bigints(connection.duck, chunk, 0)[0] : void 0;
  } catch (e) {
    throw dataError(file, e, 0);
  }
  if (length === void 0)
    throw new VectorFileError(path, `null vector in column "${column}"`, { row: 0 });
  if (length < 1n)
    throw new VectorFileError(
      path,
      `vector in column "${column}" is empty; expected at least 1 value`,
      { row: 0 }
    );
  if (length > BigInt(MAX_DIMS))
    throw new VectorFileError(
      path,
      `vector in column "${column}" has ${length} values; expected at most ${MAX_DIMS}`,
      { row: 0 }
    );
  return Number(length);
}
function dataError(file, e, row) {
  if (e instanceof VectorFileError) return e;
  return new VectorFileError(
    file.display,
    `cannot decode the Parquet data from this row on (DuckDB: ${file.message(e)})`,
    { row }
  );
}
var ParquetSource = class {
  constructor(info, sel, plan, batchRows, source, file) {
    this.info = info;
    this.sel = sel;
    this.plan = plan;
    this.batchRows = batchRows;
    this.source = source;
    this.file = file;
  }
  info;
  sel;
  plan;
  batchRows;
  source;
  file;
  closed = false;
  async *batches() {
    if (this.closed) throw new Error(`${this.info.path}: batches() after close()`);
    const connection = await DuckConnection.open();
    try {
      yield* this.scan(connection);
    } finally {
      connection.close();
    }
  }
  async *scan(connection) {
    const { plan, info, batchRows, file } = this;
    const { duck } = connection;
    const path = info.path;
    const columns = [plan.vector.name, ...plan.id ? [this.sel.idColumn] : []].map(quoteIdentifier).join(", ");
    const scratch = { values: new Scratch(), nulls: new Scratch() };
    const struct = new Struct(plan.schema.fields);
    let rowOffset = 0;
    let result;
    try {
      result = await connection.stream(`SELECT ${columns} FROM read_parquet($1)`, file);
    } catch (e) {
      throw dataError(file, e, 0);
    }
    const fetch = () => duck.fetch_chunk(result).then(
      (chunk) => ({ chunk }),
      (error) => ({ error })
    );
    let next = fetch();
    try {
      for (; ; ) {
        const fetched = await next;
        if ("error" in fetched) throw dataError(file, fetched.error, rowOffset);
        const chunk = fetched.chunk;
        const rows = chunk ? duck.data_chunk_get_size(chunk) : 0;
        if (!chunk || rows === 0) break;
        next = fetch();
        const columns2 = new ChunkColumns(duck, chunk, plan.vector, plan.id);
        for (let start = 0; start < rows; start += batchRows) {
          const end = Math.min(rows, start + batchRows);
          const children = [columns2.vectorRows(start, end, scratch, rowOffset, path)];
          if (plan.id) children.push(columns2.idRows(start, end));
          const batch = new RecordBatch(
            plan.schema,
            makeData({ type: struct, length: end - start, children })
          );
          yield toVectorBatch(batch, plan.selection, rowOffset, path, info.dims);
          rowOffset += end - start;
        }
      }
    } finally {
      await next;
    }
    if (rowOffset !== info.rows) {
      throw new VectorFileError(
        path,
        `the footer promises ${info.rows} rows, the data holds ${rowOffset}`,
        { row: rowOffset }
      );
    }
  }
  async close() {
    this.closed = true;
    await this.file.close();
    await this.source.close();
  }
};
export {
  openParquet
};
