/**
 * What a Parquet file says before any data is read: the framing (magic numbers and footer
 * length, checked here so a broken file is reported with the byte offset where it breaks
 * and what was expected), then through DuckDB the row count, the columns and the Arrow
 * schema the writer may have stored.
 */
import * as arrow from 'apache-arrow';
import type * as Duck from '@duckdb/node-bindings';
import type { ByteSource } from '../../sources/types.js';
import { describeBytes, readExactly, wrongMagic } from '../buffers.js';
import { chunkStrings, type DuckConnection, type DuckFile, type DuckModule } from './duckdb.js';
import { VectorFileError } from '../types.js';

const MAGIC = 'PAR1';

/** Where the footer lies, from the file's last 8 bytes. */
export interface Envelope {
  readonly size: number;
  readonly footerStart: number;
  readonly footerLength: number;
}

/** What the footer says, as read by DuckDB. */
export interface ParquetMetadata {
  readonly rows: number;
  /** Columns as DuckDB will deliver them, refined by the file's Arrow schema when it has one. */
  readonly schema: arrow.Schema;
}

/**
 * Checks the framing: `PAR1` at byte 0, and at the end a 4-byte footer length then `PAR1`,
 * with the footer lying between the two magics.
 */
export async function readEnvelope(source: ByteSource): Promise<Envelope> {
  const { size, display: path } = source;
  const head = new Uint8Array(Math.min(4, size));
  await readExactly(source, head, 0, head.length, 0, 'the Parquet magic');
  if (!isMagic(head)) throw wrongMagic(path, 'a Parquet file', MAGIC, head);
  if (size < 12) {
    throw new VectorFileError(
      path,
      `file ends early: expected at least 12 bytes (magic, footer length, magic), found ${size}`,
      {
        byte: size,
      },
    );
  }
  const tail = new Uint8Array(8);
  await readExactly(source, tail, 0, 8, size - 8, 'the Parquet footer length and magic');
  if (!isMagic(tail.subarray(4))) {
    throw new VectorFileError(
      path,
      `expected magic ${MAGIC} at the end of the file, found ${describeBytes(tail.subarray(4))}: the file is truncated or not Parquet`,
      { byte: size - 4 },
    );
  }
  const footerLength = new DataView(tail.buffer).getUint32(0, true);
  const footerStart = size - 8 - footerLength;
  if (footerLength === 0 || footerStart < 4) {
    throw new VectorFileError(
      path,
      `footer length ${footerLength} points outside the file: the footer would start at byte ${footerStart}, ` +
        `expected a length from 1 to ${size - 12}`,
      { byte: size - 8 },
    );
  }
  return { size, footerStart, footerLength };
}

function isMagic(bytes: Uint8Array): boolean {
  return (
    bytes.length === 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x41 &&
    bytes[2] === 0x52 &&
    bytes[3] === 0x31
  );
}

/** The row count and schema, read by DuckDB from the footer {@link readEnvelope} checked. */
export async function readMetadata(
  connection: DuckConnection,
  file: DuckFile,
  envelope: Envelope,
): Promise<ParquetMetadata> {
  const { duck } = connection;
  try {
    const counted = await connection.first('SELECT num_rows FROM parquet_file_metadata($1)', file);
    const rows = counted.chunk ? Number(bigints(duck, counted.chunk, 0)[0]) : 0;
    const columns = await connection.first('SELECT * FROM read_parquet($1) LIMIT 0', file);
    const fields: arrow.Field[] = [];
    for (let i = 0; i < duck.column_count(columns.result); i++) {
      const name = duck.column_name(columns.result, i);
      fields.push(
        new arrow.Field(name, arrowTypeOf(duck, duck.column_logical_type(columns.result, i)), true),
      );
    }
    const written = await writtenArrowSchema(connection, file);
    return {
      rows,
      schema: new arrow.Schema(
        fields.map((f) =>
          refine(
            f,
            written?.fields.find((w) => w.name === f.name),
          ),
        ),
      ),
    };
  } catch (e) {
    if (e instanceof VectorFileError) throw e;
    throw new VectorFileError(
      file.display,
      `corrupt footer: expected ${envelope.footerLength} bytes of Thrift FileMetaData from byte ${envelope.footerStart} ` +
        `(DuckDB: ${file.message(e)})`,
      { byte: envelope.footerStart },
    );
  }
}

/** The Arrow schema pyarrow and arrow-rs store under `ARROW:schema`, if any and if readable. */
async function writtenArrowSchema(
  connection: DuckConnection,
  file: DuckFile,
): Promise<arrow.Schema | undefined> {
  const kv = await connection.first('SELECT key, value FROM parquet_kv_metadata($1)', file);
  if (!kv.chunk) return undefined;
  const keys = chunkStrings(connection.duck, kv.chunk, 0);
  const at = keys.findIndex((k) => Buffer.from(k).toString('latin1') === 'ARROW:schema');
  if (at < 0) return undefined;
  const encoded = Buffer.from(chunkStrings(connection.duck, kv.chunk, 1)[at]!).toString('latin1');
  try {
    const reader = arrow.RecordBatchReader.from(new Uint8Array(Buffer.from(encoded, 'base64')));
    reader.open();
    return reader.schema;
  } catch {
    return undefined; // a schema we cannot parse only costs the FixedSizeList/float16 refinements
  }
}

export function bigints(duck: DuckModule, chunk: Duck.DataChunk, column: number): BigInt64Array {
  const rows = duck.data_chunk_get_size(chunk);
  const bytes = duck.vector_get_data(duck.data_chunk_get_vector(chunk, column), rows * 8);
  return new BigInt64Array(bytes.slice().buffer, 0, rows);
}

/** DuckDB's type of a column, as the Arrow type the reader will build (Null for types it never builds). */
function arrowTypeOf(duck: DuckModule, type: Duck.LogicalType): arrow.DataType {
  const T = duck.Type;
  switch (duck.get_type_id(type)) {
    case T.BOOLEAN:
      return new arrow.Bool();
    case T.TINYINT:
      return new arrow.Int8();
    case T.SMALLINT:
      return new arrow.Int16();
    case T.INTEGER:
      return new arrow.Int32();
    case T.BIGINT:
      return new arrow.Int64();
    case T.UTINYINT:
      return new arrow.Uint8();
    case T.USMALLINT:
      return new arrow.Uint16();
    case T.UINTEGER:
      return new arrow.Uint32();
    case T.UBIGINT:
      return new arrow.Uint64();
    case T.FLOAT:
      return new arrow.Float32();
    case T.DOUBLE:
      return new arrow.Float64();
    case T.VARCHAR:
      return new arrow.Utf8();
    case T.BLOB:
      return new arrow.Binary();
    case T.LIST:
      return new arrow.List(
        new arrow.Field('item', arrowTypeOf(duck, duck.list_type_child_type(type)), true),
      );
    case T.ARRAY:
      return new arrow.FixedSizeList(
        duck.array_type_array_size(type),
        new arrow.Field('item', arrowTypeOf(duck, duck.array_type_child_type(type)), true),
      );
    default:
      return new arrow.Null();
  }
}

/**
 * DuckDB reads every Parquet list as a variable list and float16 as float32; the file's own
 * Arrow schema, when the writer stored one, restores FixedSizeList(n) and float16.
 */
function refine(field: arrow.Field, written: arrow.Field | undefined): arrow.Field {
  const type = field.type as arrow.DataType;
  if (!written || !arrow.DataType.isList(type)) return field;
  const wtype = written.type as arrow.DataType;
  if (
    !arrow.DataType.isFixedSizeList(wtype) &&
    !arrow.DataType.isList(wtype) &&
    !arrow.DataType.isLargeList(wtype)
  )
    return field;
  const child = type.children[0]!;
  const wchild = (wtype.children[0] as arrow.Field).type as arrow.DataType;
  const half =
    arrow.DataType.isFloat(wchild) &&
    wchild.precision === arrow.Precision.HALF &&
    arrow.DataType.isFloat(child.type);
  const element = half ? new arrow.Field(child.name, new arrow.Float16(), true) : child;
  const refined = arrow.DataType.isFixedSizeList(wtype)
    ? new arrow.FixedSizeList((wtype as arrow.FixedSizeList).listSize, element)
    : new arrow.List(element);
  return new arrow.Field(field.name, refined, true);
}
