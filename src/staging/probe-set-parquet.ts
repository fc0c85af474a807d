/**
 * Parquet probe sets, read through the byte source by the same TypeScript decoder as the
 * vectors reader (vectors/parquet/table.ts): the id column as text, and each input column's
 * leaf values, nested lists flattened row-major, converted to the model input's element
 * type by {@link ColumnBuilder}.
 */
import * as arrow from 'apache-arrow';
import type { SourceOpener } from '../sources/types.js';
import { openParquetTable, type FlatColumn } from '../vectors/parquet/table.js';
import { VectorFileError } from '../vectors/types.js';
import { openCapped } from './files.js';
import {
  ColumnBuilder,
  describeColumns,
  INTEGER_TARGETS,
  ProbeSetError,
  type ProbeColumnRequest,
  type ProbeSet,
} from './probe-columns.js';

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
  try {
    return await read(source, display, options);
  } catch (err) {
    if (err instanceof VectorFileError) {
      const at = err.where?.byte !== undefined ? ` (byte ${err.where.byte})` : '';
      throw new ProbeSetError(
        `probe set ${display}${at} is not a readable Parquet file: ${err.detail}`,
      );
    }
    throw err;
  } finally {
    await source.close();
  }
}

async function read(
  source: Parameters<typeof openParquetTable>[0],
  display: string,
  options: { idColumn: string; columns: readonly ProbeColumnRequest[] },
): Promise<ProbeSet> {
  const table = await openParquetTable(source);
  const names = table.schema.fields.map((f) => f.name);
  const need = (name: string, what: string): arrow.DataType => {
    const field = table.schema.fields.find((f) => f.name === name);
    if (!field)
      throw new ProbeSetError(
        `probe set ${display} has no column "${name}" (${what}); its columns: ${describeColumns(names)}`,
      );
    return field.type as arrow.DataType;
  };
  need(options.idColumn, 'the ids');
  for (const request of options.columns) {
    checkLeafType(leafType(need(request.column, `model input ${request.input}`)), request, display);
  }
  const idColumn = await table.column(options.idColumn);
  if (idColumn.nullRow >= 0)
    throw new ProbeSetError(`probe set ${display}: null id in row ${idColumn.nullRow}`);
  const ids = Array.from({ length: table.rows }, (_, r) =>
    String(idColumn.values[idColumn.offsets[r]!]),
  );
  const builders: ColumnBuilder[] = [];
  for (const request of options.columns) {
    const column = await table.column(request.column);
    if (column.nullRow >= 0)
      throw new ProbeSetError(
        `probe set ${display}: null in column "${request.column}", row ${column.nullRow} (id ${JSON.stringify(ids[column.nullRow])})`,
      );
    const builder = new ColumnBuilder(request);
    for (let r = 0; r < table.rows; r++) builder.push(rowOf(column, r));
    builders.push(builder);
  }
  return { ids, columns: new Map(builders.map((b) => [b.request.input, b.build()])) };
}

function rowOf(column: FlatColumn, r: number): ArrayLike<number> | ArrayLike<bigint> {
  const values = column.values as ArrayLike<number> & {
    subarray?: (a: number, b: number) => ArrayLike<number>;
  };
  const from = column.offsets[r]!;
  const to = column.offsets[r + 1]!;
  return values.subarray ? values.subarray(from, to) : Array.prototype.slice.call(values, from, to);
}

function leafType(type: arrow.DataType): arrow.DataType {
  let t = type;
  while (arrow.DataType.isList(t) || arrow.DataType.isFixedSizeList(t)) t = t.children[0]!.type;
  return t;
}

function checkLeafType(leaf: arrow.DataType, request: ProbeColumnRequest, display: string): void {
  const isInt = arrow.DataType.isInt(leaf) || arrow.DataType.isBool(leaf);
  const isFloat = arrow.DataType.isFloat(leaf);
  if (!isInt && !isFloat)
    throw new ProbeSetError(
      `probe set ${display}: column "${request.column}" holds ${String(leaf)}; expected numbers for model input ${request.input} (${request.type})`,
    );
  if (isFloat && INTEGER_TARGETS.has(request.type))
    throw new ProbeSetError(
      `probe set ${display}: column "${request.column}" holds ${String(leaf)}, model input ${request.input} takes ${request.type}; ` +
        `expected integers (floats are not truncated silently)`,
    );
}
