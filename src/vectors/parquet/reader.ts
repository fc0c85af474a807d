/**
 * Parquet reader. DuckDB's Parquet scan (through @duckdb/node-bindings) decodes the file
 * page by page; each result chunk (2,048 rows) becomes an Apache Arrow record batch,
 * converted by the same {@link toVectorBatch} as Arrow files, so column selection, dtypes,
 * ids and error messages are the Arrow reader's.
 *
 * Memory does not grow with the file or its row groups: a 3 GB file, written as one row
 * group or as many, peaked at ~400 MB RSS (bench/parquet.ts).
 *
 * The footer's framing is checked first (parquet-meta.ts), through the byte source, so a
 * broken file is reported with the byte offset where it breaks and what was expected.
 * DuckDB then reads the file through the adapter in duckdb.ts ({@link DuckFile}), never by
 * the path the user wrote.
 */
import * as arrow from 'apache-arrow';
import type * as Duck from '@duckdb/node-bindings';
import { SourceError, type ByteSource } from '../../sources/types.js';
import { selectArrowColumns, toVectorBatch, type ArrowSelection } from '../arrow/reader.js';
import { bigints, readEnvelope, readMetadata } from './meta.js';
import {
  ChunkColumns,
  Scratch,
  vectorArrowType,
  type ElementKind,
  type IdColumnPlan,
  type VectorColumnPlan,
} from './chunk.js';
import { DuckConnection, DuckFile, quoteIdentifier } from './duckdb.js';
import type { OpenOptions, VectorBatch, VectorFileInfo, VectorSource } from '../types.js';
import { MAX_DIMS, VectorFileError } from '../types.js';

/** Rows in a DuckDB result chunk: the reader's natural batch. */
const CHUNK_ROWS = 2048;

/**
 * Reads a Parquet file from `source`, which it owns from then on (closed on failure and by
 * the returned source's close); it must be a local file, since DuckDB reads it.
 * `opts.vectorColumn` / `opts.idColumn` pick the columns (else the only list column, and
 * `id` when present); `opts.batchRows` caps the rows per batch (at most 2,048, DuckDB's
 * chunk). `info.rows` comes from the footer.
 */
export async function openParquet(
  source: ByteSource,
  opts: OpenOptions = {},
): Promise<VectorSource> {
  const path = source.display;
  let file: DuckFile | undefined;
  let connection: DuckConnection | undefined;
  try {
    const envelope = await readEnvelope(source);
    file = await DuckFile.of(source).catch((e: unknown) => {
      throw e instanceof SourceError ? new VectorFileError(path, e.detail) : e;
    });
    connection = await DuckConnection.open();
    const meta = await readMetadata(connection, file, envelope);
    const sel = selectArrowColumns(meta.schema, opts, path);
    const plan = planColumns(meta.schema, sel);
    const dims =
      plan.vector.listSize ?? (await firstRowDims(connection, file, plan.vector.name, meta.rows));
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

function positive(n: number | undefined): number | undefined {
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`batchRows must be a positive integer, got ${n}`);
  return n;
}

interface ColumnPlan {
  readonly vector: VectorColumnPlan;
  readonly id?: IdColumnPlan;
  /** The selected columns only, in the order queried: vectors, then ids. */
  readonly schema: arrow.Schema;
  readonly selection: ArrowSelection;
}

function planColumns(schema: arrow.Schema, sel: ArrowSelection): ColumnPlan {
  const vectorField = schema.fields[sel.vectorIndex]!;
  const listType = vectorField.type as arrow.FixedSizeList | arrow.List;
  const element = listType.children[0]!.type as arrow.DataType;
  const float16 = arrow.DataType.isFloat(element) && element.precision === arrow.Precision.HALF;
  const source: ElementKind = float16
    ? 'float32'
    : sel.dtype === 'float16'
      ? 'float32'
      : (sel.dtype as ElementKind);
  const vector: VectorColumnPlan = {
    name: vectorField.name,
    layout: sel.vectorLayout === 'fixed-size-list' ? 'fixed-size-list' : 'list',
    ...(sel.listSize !== undefined && { listSize: sel.listSize }),
    source,
    float16,
  };
  const fields: arrow.Field[] = [new arrow.Field(vectorField.name, vectorArrowType(vector), true)];
  let id: IdColumnPlan | undefined;
  if (sel.idIndex !== undefined) {
    const idField = schema.fields[sel.idIndex]!;
    const idType = idField.type as arrow.DataType;
    id = arrow.DataType.isInt(idType)
      ? { kind: 'int', type: idType, itemSize: (idType.bitWidth / 8) as 1 | 2 | 4 | 8 }
      : { kind: 'string' };
    fields.push(
      new arrow.Field(idField.name, id.kind === 'int' ? id.type : new arrow.Utf8(), true),
    );
  }
  const selection: ArrowSelection = {
    ...sel,
    vectorIndex: 0,
    ...(sel.idIndex !== undefined && { idIndex: 1 }),
  };
  return { vector, ...(id && { id }), schema: new arrow.Schema(fields), selection };
}

/** A variable list column's vector length, from its first row. */
async function firstRowDims(
  connection: DuckConnection,
  file: DuckFile,
  column: string,
  rows: number,
): Promise<number> {
  const path = file.display;
  if (rows === 0)
    throw new VectorFileError(
      path,
      `no rows: cannot learn the vector length of List column "${column}" from an empty file`,
    );
  let length: bigint | undefined;
  try {
    const { chunk } = await connection.first(
      `SELECT len(${quoteIdentifier(column)})::BIGINT FROM read_parquet($1) LIMIT 1`,
      file,
    );
    const vector = chunk && connection.duck.data_chunk_get_vector(chunk, 0);
    const valid = vector && connection.duck.vector_get_validity(vector, 8);
    length =
      chunk && !(valid && (valid[0]! & 1) === 0)
        ? bigints(connection.duck, chunk, 0)[0]
        : undefined;
  } catch (e) {
    throw dataError(file, e, 0);
  }
  if (length === undefined)
    throw new VectorFileError(path, `null vector in column "${column}"`, { row: 0 });
  if (length < 1n)
    throw new VectorFileError(
      path,
      `vector in column "${column}" is empty; expected at least 1 value`,
      { row: 0 },
    );
  if (length > BigInt(MAX_DIMS))
    throw new VectorFileError(
      path,
      `vector in column "${column}" has ${length} values; expected at most ${MAX_DIMS}`,
      { row: 0 },
    );
  return Number(length);
}

function dataError(file: DuckFile, e: unknown, row: number): VectorFileError {
  if (e instanceof VectorFileError) return e;
  return new VectorFileError(
    file.display,
    `cannot decode the Parquet data from this row on (DuckDB: ${file.message(e)})`,
    { row },
  );
}

/**
 * Each scan has its own DuckDB connection, so two scans of one source never disturb each
 * other. The byte source and DuckDB's link to it stay open until close().
 */
class ParquetSource implements VectorSource {
  private closed = false;

  constructor(
    readonly info: VectorFileInfo,
    private readonly sel: ArrowSelection,
    private readonly plan: ColumnPlan,
    private readonly batchRows: number,
    private readonly source: ByteSource,
    private readonly file: DuckFile,
  ) {}

  async *batches(): AsyncIterable<VectorBatch> {
    if (this.closed) throw new Error(`${this.info.path}: batches() after close()`);
    const connection = await DuckConnection.open();
    try {
      yield* this.scan(connection);
    } finally {
      connection.close();
    }
  }

  private async *scan(connection: DuckConnection): AsyncGenerator<VectorBatch> {
    const { plan, info, batchRows, file } = this;
    const { duck } = connection;
    const path = info.path;
    const columns = [plan.vector.name, ...(plan.id ? [this.sel.idColumn!] : [])]
      .map(quoteIdentifier)
      .join(', ');
    const scratch = { values: new Scratch(), nulls: new Scratch() };
    const struct = new arrow.Struct(plan.schema.fields);
    let rowOffset = 0;
    let result: Duck.Result;
    try {
      result = await connection.stream(`SELECT ${columns} FROM read_parquet($1)`, file);
    } catch (e) {
      throw dataError(file, e, 0);
    }
    // One fetch always in flight: DuckDB decodes the next chunk (on a libuv thread) while
    // this thread copies the current one into Arrow.
    const fetch = (): Promise<{ chunk: Duck.DataChunk | null } | { error: unknown }> =>
      duck.fetch_chunk(result).then(
        (chunk) => ({ chunk }),
        (error: unknown) => ({ error }),
      );
    let next = fetch();
    try {
      for (;;) {
        const fetched = await next;
        if ('error' in fetched) throw dataError(file, fetched.error, rowOffset);
        const chunk = fetched.chunk;
        const rows = chunk ? duck.data_chunk_get_size(chunk) : 0;
        if (!chunk || rows === 0) break;
        next = fetch();
        const columns = new ChunkColumns(duck, chunk, plan.vector, plan.id);
        for (let start = 0; start < rows; start += batchRows) {
          const end = Math.min(rows, start + batchRows);
          const children: arrow.Data[] = [columns.vectorRows(start, end, scratch, rowOffset, path)];
          if (plan.id) children.push(columns.idRows(start, end));
          const batch = new arrow.RecordBatch(
            plan.schema,
            arrow.makeData({ type: struct, length: end - start, children }),
          );
          yield toVectorBatch(batch, plan.selection, rowOffset, path, info.dims);
          rowOffset += end - start;
        }
      }
    } finally {
      // A consumer that stops early leaves a fetch running: let it settle before disconnecting.
      await next;
    }
    if (rowOffset !== info.rows) {
      throw new VectorFileError(
        path,
        `the footer promises ${info.rows} rows, the data holds ${rowOffset}`,
        { row: rowOffset },
      );
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.file.close();
    await this.source.close();
  }
}
