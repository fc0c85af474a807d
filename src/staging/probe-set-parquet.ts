/**
 * Parquet probe sets, read through the same DuckDB engine as the vectors reader, and like
 * it through the byte-source adapter (vectors/parquet/duckdb.ts), never by the path as
 * written: each input column is cast in SQL to the model input's element type (nested
 * lists flattened), and the result's list vectors are copied out directly.
 */
import type * as Duck from '@duckdb/node-bindings';
import type { SourceOpener } from '../sources/types.js';
import { SourceError } from '../sources/types.js';
import {
  chunkStrings,
  DuckConnection,
  DuckFile,
  quoteIdentifier,
} from '../vectors/parquet/duckdb.js';
import { openCapped } from './files.js';
import {
  ColumnBuilder,
  describeColumns,
  INTEGER_TARGETS,
  ProbeSetError,
  type ProbeColumnRequest,
  type ProbeElement,
  type ProbeSet,
} from './probe-columns.js';

/** DuckDB's type for each target, and the bytes per element it delivers. */
const DUCK_TYPE: Readonly<Record<ProbeElement, { sql: string; size: number }>> = {
  float32: { sql: 'FLOAT', size: 4 },
  float16: { sql: 'FLOAT', size: 4 },
  float64: { sql: 'DOUBLE', size: 8 },
  int64: { sql: 'BIGINT', size: 8 },
  int32: { sql: 'INTEGER', size: 4 },
  int8: { sql: 'TINYINT', size: 1 },
  uint8: { sql: 'UTINYINT', size: 1 },
  bool: { sql: 'BOOLEAN', size: 1 },
};

const DUCK_INTEGERS =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|BOOLEAN)$/;
const DUCK_FLOATS = /^(FLOAT|DOUBLE|DECIMAL(\(\d+,\s*\d+\))?)$/;

/** Reads a Parquet probe set (see probe-set.ts for the layout). */
export async function readParquetProbeSet(
  path: string,
  display: string,
  options: {
    idColumn: string;
    columns: readonly ProbeColumnRequest[];
    maxBytes: number;
    /** How the file is opened: a local file unless a test says otherwise. */
    openSource?: SourceOpener;
  },
): Promise<ProbeSet> {
  const source = await openCapped(path, display, options.maxBytes, 'probe set', options.openSource);
  let file: DuckFile;
  try {
    file = await DuckFile.of(source);
  } catch (err) {
    await source.close();
    if (err instanceof SourceError) throw new ProbeSetError(`probe set ${err.message}`);
    throw err;
  }
  try {
    return await readThroughDuckDB(file, display, options);
  } finally {
    await file.close();
    await source.close();
  }
}

async function readThroughDuckDB(
  file: DuckFile,
  display: string,
  options: { idColumn: string; columns: readonly ProbeColumnRequest[] },
): Promise<ProbeSet> {
  const connection = await DuckConnection.open();
  const fail = (err: unknown): never => {
    if (err instanceof ProbeSetError) throw err;
    throw new ProbeSetError(
      `probe set ${display} is not a readable Parquet file (DuckDB: ${file.message(err)})`,
    );
  };
  try {
    const types = new Map<string, string>();
    try {
      const described = await connection.first('DESCRIBE SELECT * FROM read_parquet($1)', file);
      if (described.chunk) {
        const names = chunkStrings(connection.duck, described.chunk, 0);
        const kinds = chunkStrings(connection.duck, described.chunk, 1);
        const text = new TextDecoder();
        names.forEach((n, i) => types.set(text.decode(n), text.decode(kinds[i]!)));
      }
    } catch (err) {
      fail(err);
    }
    const need = (name: string, what: string): string => {
      const type = types.get(name);
      if (type === undefined)
        throw new ProbeSetError(
          `probe set ${display} has no column "${name}" (${what}); its columns: ${describeColumns([...types.keys()])}`,
        );
      return type;
    };
    need(options.idColumn, 'the ids');
    const selects = [`CAST(${quoteIdentifier(options.idColumn)} AS VARCHAR)`];
    for (const request of options.columns) {
      const type = need(request.column, `model input ${request.input}`);
      const depth = (type.match(/\[\d*\]/g) ?? []).length;
      const leaf = type.replace(/(\[\d*\])+$/, '');
      const isInt = DUCK_INTEGERS.test(leaf);
      if (!isInt && !DUCK_FLOATS.test(leaf))
        throw new ProbeSetError(
          `probe set ${display}: column "${request.column}" holds ${type}; expected numbers for model input ${request.input} (${request.type})`,
        );
      if (!isInt && INTEGER_TARGETS.has(request.type))
        throw new ProbeSetError(
          `probe set ${display}: column "${request.column}" holds ${type}, model input ${request.input} takes ${request.type}; expected integers (floats are not truncated silently)`,
        );
      const target = DUCK_TYPE[request.type].sql;
      let expr = `CAST(${quoteIdentifier(request.column)} AS ${target}${'[]'.repeat(Math.max(depth, 1))})`;
      if (depth === 0) expr = `[CAST(${quoteIdentifier(request.column)} AS ${target})]`;
      for (let d = 1; d < depth; d++) expr = `flatten(${expr})`;
      selects.push(expr);
    }
    const builders = options.columns.map((r) => new ColumnBuilder(r));
    const ids: string[] = [];
    let result: Duck.Result | undefined;
    try {
      result = await connection.stream(`SELECT ${selects.join(', ')} FROM read_parquet($1)`, file);
    } catch (err) {
      fail(err);
    }
    const { duck } = connection;
    const text = new TextDecoder();
    for (;;) {
      let chunk: Duck.DataChunk | null;
      try {
        chunk = await duck.fetch_chunk(result!);
      } catch (err) {
        return fail(err);
      }
      const rows = chunk ? duck.data_chunk_get_size(chunk) : 0;
      if (!chunk || rows === 0) break;
      const first = ids.length;
      const idVector = duck.data_chunk_get_vector(chunk, 0);
      const idValid = duck.vector_get_validity(
        idVector,
        Math.ceil(rows / 64) * 8,
      ) as Uint8Array | null;
      chunkStrings(duck, chunk, 0).forEach((bytes, r) => {
        if (idValid && !bit(idValid, r))
          throw new ProbeSetError(`probe set ${display}: null id in row ${first + r}`);
        ids.push(text.decode(bytes));
      });
      builders.forEach((builder, c) =>
        readListColumn(
          duck,
          chunk!,
          c + 1,
          rows,
          builder,
          (r) =>
            `probe set ${display}: null in column "${builder.request.column}", row ${first + r} (id ${JSON.stringify(ids[first + r])})`,
        ),
      );
    }
    return { ids, columns: new Map(builders.map((b) => [b.request.input, b.build()])) };
  } finally {
    connection.close();
  }
}

function bit(bits: Uint8Array, i: number): boolean {
  return (bits[i >> 3]! & (1 << (i & 7))) !== 0;
}

/** Reads a LIST column of fixed-width elements from a result chunk into `builder`. */
function readListColumn(
  duck: typeof Duck,
  chunk: Duck.DataChunk,
  column: number,
  rows: number,
  builder: ColumnBuilder,
  nullMessage: (row: number) => string,
): void {
  const vector = duck.data_chunk_get_vector(chunk, column);
  const entries = duck.vector_get_data(vector, rows * 16).slice();
  const entry = new BigUint64Array(entries.buffer, 0, rows * 2);
  const rowValid = duck.vector_get_validity(vector, Math.ceil(rows / 64) * 8) as Uint8Array | null;
  const child = duck.list_vector_get_child(vector);
  const count = duck.list_vector_get_size(vector);
  const { size } = DUCK_TYPE[builder.request.type];
  const data = duck.vector_get_data(child, count * size).slice();
  const childValid = count
    ? (duck.vector_get_validity(child, Math.ceil(count / 64) * 8) as Uint8Array | null)
    : null;
  const view = typedView(builder.request.type, data.buffer, count);
  for (let r = 0; r < rows; r++) {
    if (rowValid && !bit(rowValid, r)) throw new ProbeSetError(nullMessage(r));
    const offset = Number(entry[2 * r]!);
    const length = Number(entry[2 * r + 1]!);
    if (childValid)
      for (let j = offset; j < offset + length; j++)
        if (!bit(childValid, j)) throw new ProbeSetError(nullMessage(r));
    builder.push(view.subarray(offset, offset + length) as ArrayLike<number>);
  }
}

function typedView(type: ProbeElement, buffer: ArrayBufferLike, n: number) {
  switch (DUCK_TYPE[type].sql) {
    case 'FLOAT':
      return new Float32Array(buffer, 0, n);
    case 'DOUBLE':
      return new Float64Array(buffer, 0, n);
    case 'BIGINT':
      return new BigInt64Array(buffer, 0, n);
    case 'INTEGER':
      return new Int32Array(buffer, 0, n);
    case 'TINYINT':
      return new Int8Array(buffer, 0, n);
    default:
      return new Uint8Array(buffer, 0, n);
  }
}
