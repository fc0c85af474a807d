#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
import { basename as __egBasename, dirname as __egDirname } from 'node:path';
import { fileURLToPath as __egFileURLToPath } from 'node:url';
const require = __egCreateRequire(import.meta.url);
const __egHere = __egDirname(__egFileURLToPath(import.meta.url));
const __embeddingGateDir = __egBasename(__egHere) === 'chunks' ? __egDirname(__egHere) : __egHere;
import {
  ChunkColumns,
  DuckConnection,
  Scratch,
  chunkStrings,
  duckMessage,
  quoteIdentifier,
  vectorArrowType
} from "./chunk-NVUNZS72.js";
import {
  selectArrowColumns,
  toVectorBatch
} from "./chunk-HLTXMJB5.js";
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
} from "./chunk-NJVW25GC.js";
import {
  describeBytes,
  wrongMagic
} from "./chunk-GP7G5LPK.js";
import {
  VectorFileError
} from "./chunk-W66ZWTCZ.js";
import "./chunk-M6NBXKVS.js";

// src/vectors/parquet/meta.ts
import { open } from "node:fs/promises";
var MAGIC = "PAR1";
async function readEnvelope(path) {
  const handle = await open(path, "r");
  try {
    const size = (await handle.stat()).size;
    const head = new Uint8Array(Math.min(4, size));
    await handle.read(head, 0, head.length, 0);
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
    await handle.read(tail, 0, 8, size - 8);
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
  } finally {
    await handle.close();
  }
}
function isMagic(bytes) {
  return bytes.length === 4 && bytes[0] === 80 && bytes[1] === 65 && bytes[2] === 82 && bytes[3] === 49;
}
async function readMetadata(connection, path, envelope) {
  const { duck } = connection;
  try {
    const counted = await connection.first("SELECT num_rows FROM parquet_file_metadata($1)", path);
    const rows = counted.chunk ? Number(bigints(duck, counted.chunk, 0)[0]) : 0;
    const columns = await connection.first("SELECT * FROM read_parquet($1) LIMIT 0", path);
    const fields = [];
    for (let i = 0; i < duck.column_count(columns.result); i++) {
      const name = duck.column_name(columns.result, i);
      fields.push(
        new Field(name, arrowTypeOf(duck, duck.column_logical_type(columns.result, i)), true)
      );
    }
    const written = await writtenArrowSchema(connection, path);
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
      path,
      `corrupt footer: expected ${envelope.footerLength} bytes of Thrift FileMetaData from byte ${envelope.footerStart} (DuckDB: ${duckMessage(e)})`,
      { byte: envelope.footerStart }
    );
  }
}
async function writtenArrowSchema(connection, path) {
  const kv = await connection.first("SELECT key, value FROM parquet_kv_metadata($1)", path);
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

// src/vectors/parquet/reader.ts
var CHUNK_ROWS = 2048;
async function openParquet(path, opts = {}) {
  const envelope = await readEnvelope(path);
  const connection = await DuckConnection.open();
  try {
    const meta = await readMetadata(connection, path, envelope);
    const sel = selectArrowColumns(meta.schema, opts, path);
    const plan = planColumns(meta.schema, sel);
    const dims = plan.vector.listSize ?? await firstRowDims(connection, path, plan.vector.name, meta.rows);
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
    return new ParquetSource(info, sel, plan, batchRows);
  } finally {
    connection.close();
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
async function firstRowDims(connection, path, column, rows) {
  if (rows === 0)
    throw new VectorFileError(
      path,
      `no rows: cannot learn the vector length of List column "${column}" from an empty file`
    );
  let length;
  try {
    const { chunk } = await connection.first(
      `SELECT len(${quoteIdentifier(column)})::BIGINT FROM read_parquet($1) LIMIT 1`,
      path
    );
    const vector = chunk && connection.duck.data_chunk_get_vector(chunk, 0);
    const valid = vector && connection.duck.vector_get_validity(vector, 8);
    length = chunk && !(valid && (valid[0] & 1) === 0) ? bigints(connection.duck, chunk, 0)[0] : void 0;
  } catch (e) {
    throw dataError(path, e, 0);
  }
  if (length === void 0)
    throw new VectorFileError(path, `null vector in column "${column}"`, { row: 0 });
  if (length < 1n)
    throw new VectorFileError(
      path,
      `vector in column "${column}" is empty; expected at least 1 value`,
      { row: 0 }
    );
  return Number(length);
}
function dataError(path, e, row) {
  if (e instanceof VectorFileError) return e;
  return new VectorFileError(
    path,
    `cannot decode the Parquet data from this row on (DuckDB: ${duckMessage(e)})`,
    { row }
  );
}
var ParquetSource = class {
  constructor(info, sel, plan, batchRows) {
    this.info = info;
    this.sel = sel;
    this.plan = plan;
    this.batchRows = batchRows;
  }
  info;
  sel;
  plan;
  batchRows;
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
    const { plan, info, batchRows } = this;
    const { duck } = connection;
    const path = info.path;
    const columns = [plan.vector.name, ...plan.id ? [this.sel.idColumn] : []].map(quoteIdentifier).join(", ");
    const scratch = { values: new Scratch(), nulls: new Scratch() };
    const struct = new Struct(plan.schema.fields);
    let rowOffset = 0;
    let result;
    try {
      result = await connection.stream(`SELECT ${columns} FROM read_parquet($1)`, path);
    } catch (e) {
      throw dataError(path, e, 0);
    }
    const fetch = () => duck.fetch_chunk(result).then(
      (chunk) => ({ chunk }),
      (error) => ({ error })
    );
    let next = fetch();
    try {
      for (; ; ) {
        const fetched = await next;
        if ("error" in fetched) throw dataError(path, fetched.error, rowOffset);
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
  }
};
export {
  openParquet
};
