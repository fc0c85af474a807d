/**
 * Probe sets: an Arrow IPC (file or stream) or Parquet file with an id column and one
 * column per model input. A column holds, per row, a list of numbers (nested lists are
 * flattened row-major, so an image may be stored as [3][h][w] or as 3·h·w values) or one
 * number. Values are converted to the model input's element type; a float column feeding
 * an integer input is refused rather than truncated.
 *
 * Probe sets are small (hundreds to thousands of rows) and size-capped, so they are read
 * whole: Arrow through apache-arrow (here), Parquet through the same TypeScript decoder as the
 * vectors reader (probe-set-parquet.ts).
 */
import * as arrow from 'apache-arrow';
import type { SourceOpener } from '../sources/types.js';
import { decodeFloat16 } from '../vectors/float16.js';
import { readCapped } from './files.js';
import {
  ColumnBuilder,
  describeColumns,
  INTEGER_TARGETS,
  ProbeSetError,
  type ProbeColumnRequest,
  type ProbeSet,
} from './probe-columns.js';
import { readParquetProbeSet } from './probe-set-parquet.js';

export {
  ProbeSetError,
  type ProbeColumn,
  type ProbeColumnRequest,
  type ProbeElement,
  type ProbeSet,
  type ProbeValues,
} from './probe-columns.js';

/**
 * Reads the id column and the requested columns. `format` is the declared one, else taken
 * from the extension (`.parquet` is Parquet, anything else Arrow IPC).
 */
export async function readProbeSet(
  path: string,
  display: string,
  options: {
    readonly format?: 'arrow' | 'arrow-stream' | 'parquet';
    readonly idColumn: string;
    readonly columns: readonly ProbeColumnRequest[];
    readonly maxBytes: number;
    /** Where the set's bytes come from; local files when absent. */
    readonly openSource?: SourceOpener;
  },
): Promise<ProbeSet> {
  const parquet = options.format ? options.format === 'parquet' : /\.parquet$/i.test(path);
  return parquet ? readParquetProbeSet(path, display, options) : readArrow(path, display, options);
}

async function readArrow(
  path: string,
  display: string,
  options: {
    idColumn: string;
    columns: readonly ProbeColumnRequest[];
    maxBytes: number;
    openSource?: SourceOpener;
  },
): Promise<ProbeSet> {
  const bytes = await readCapped(path, display, options.maxBytes, 'probe set', options.openSource);
  let table: arrow.Table;
  try {
    table = arrow.tableFromIPC(bytes);
  } catch (err) {
    throw new ProbeSetError(
      `probe set ${display} is not a readable Arrow IPC file: ${(err as Error).message}`,
    );
  }
  const names = table.schema.fields.map((f) => f.name);
  const child = (name: string, what: string) => {
    const vector = table.getChild(name);
    if (!vector)
      throw new ProbeSetError(
        `probe set ${display} has no column "${name}" (${what}); its columns: ${describeColumns(names)}`,
      );
    return vector;
  };
  const idVector = child(options.idColumn, 'the ids');
  const builders = options.columns.map((request) => {
    const vector = child(request.column, `model input ${request.input}`);
    checkLeafType(leafType(vector.type), request, display, (t) => t.toString());
    return { vector, builder: new ColumnBuilder(request) };
  });
  const ids: string[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const id = idVector.get(r);
    if (id === null || id === undefined)
      throw new ProbeSetError(`probe set ${display}: null id in row ${r}`);
    ids.push(String(id));
    for (const { vector, builder } of builders) {
      const out: (number | bigint)[] = [];
      flatten(
        vector.get(r),
        out,
        () =>
          `probe set ${display}: null in column "${builder.request.column}", row ${r} (id ${JSON.stringify(ids[r])})`,
      );
      builder.push(out as ArrayLike<number>);
    }
  }
  return {
    ids,
    columns: new Map(builders.map(({ builder }) => [builder.request.input, builder.build()])),
  };
}

function leafType(type: arrow.DataType): arrow.DataType {
  let t = type;
  while (arrow.DataType.isList(t) || arrow.DataType.isFixedSizeList(t)) t = t.children[0]!.type;
  return t;
}

function checkLeafType(
  leaf: arrow.DataType,
  request: ProbeColumnRequest,
  display: string,
  show: (t: arrow.DataType) => string,
): void {
  const isInt = arrow.DataType.isInt(leaf) || arrow.DataType.isBool(leaf);
  const isFloat = arrow.DataType.isFloat(leaf);
  if (!isInt && !isFloat) {
    throw new ProbeSetError(
      `probe set ${display}: column "${request.column}" holds ${show(leaf)}; expected numbers for model input ${request.input} (${request.type})`,
    );
  }
  if (isFloat && INTEGER_TARGETS.has(request.type)) {
    throw new ProbeSetError(
      `probe set ${display}: column "${request.column}" holds ${show(leaf)}, model input ${request.input} takes ${request.type}; ` +
        `expected integers (floats are not truncated silently)`,
    );
  }
}

/** Appends a cell's numbers to `out`, depth-first; throws on a null anywhere. */
function flatten(value: unknown, out: (number | bigint)[], nullMessage: () => string): void {
  if (value === null || value === undefined) throw new ProbeSetError(nullMessage());
  if (typeof value === 'number' || typeof value === 'bigint') {
    out.push(value);
    return;
  }
  if (typeof value === 'boolean') {
    out.push(value ? 1 : 0);
    return;
  }
  const vector = value as arrow.Vector;
  if (arrow.DataType.isList(vector.type) || arrow.DataType.isFixedSizeList(vector.type)) {
    for (let i = 0; i < vector.length; i++) flatten(vector.get(i), out, nullMessage);
    return;
  }
  if (vector.nullCount > 0) throw new ProbeSetError(nullMessage());
  const half =
    arrow.DataType.isFloat(vector.type) && vector.type.precision === arrow.Precision.HALF;
  if (arrow.DataType.isBool(vector.type)) {
    for (let i = 0; i < vector.length; i++) out.push(vector.get(i) ? 1 : 0);
    return;
  }
  const array = vector.toArray() as ArrayLike<number | bigint>;
  for (let i = 0; i < array.length; i++)
    out.push(half ? decodeFloat16(array[i] as number) : array[i]!);
}
