/**
 * Arrow column selection and Arrow record batch → {@link VectorBatch} conversion, shared by
 * the Arrow IPC reader (arrow-ipc.ts) and the Parquet reader (parquet.ts reads Parquet as
 * Arrow record batches).
 *
 * Vectors live in one list-typed column — FixedSizeList, List or LargeList of float16,
 * float32, float64, int8 or uint8 — and ids, when present, in a string or integer column.
 */
import * as arrow from 'apache-arrow';
import { intIdBytes, type IntIdArray, utf8IdBytes, withIdBytes } from './ids.js';
import type { IdBytes, OpenOptions, VectorBatch, VectorDType, VectorValues } from '../types.js';
import { MAX_DIMS, VectorFileError } from '../types.js';

/** Which columns hold the vectors and ids, and how. Made by {@link selectArrowColumns}. */
export interface ArrowSelection {
  readonly vectorIndex: number;
  readonly vectorColumn: string;
  readonly vectorLayout: 'fixed-size-list' | 'list' | 'large-list';
  readonly dtype: VectorDType;
  /** Bytes per element. */
  readonly itemSize: number;
  /** Dims fixed by the type (FixedSizeList); variable lists learn dims from their first row. */
  readonly listSize?: number;
  readonly idIndex?: number;
  readonly idColumn?: string;
  readonly idKind?: 'utf8' | 'large-utf8' | 'int' | 'other';
  /** Integer ids: bytes per value and signedness. */
  readonly idIntWidth?: 1 | 2 | 4 | 8;
  readonly idSigned?: boolean;
}

/** `name (type)` for every column, for error messages. */
export function describeColumns(schema: arrow.Schema): string {
  return schema.fields.map((f) => `${f.name} (${String(f.type)})`).join(', ') || 'none';
}

/**
 * Picks the vector column (the only list-typed column, or `opts.vectorColumn`) and the id
 * column (`opts.idColumn`, else a column named `id` when there is one) and checks their types.
 */
export function selectArrowColumns(
  schema: arrow.Schema,
  opts: OpenOptions,
  file: string,
): ArrowSelection {
  const fields = schema.fields;
  const columns = describeColumns(schema);
  const isList = (t: arrow.DataType): boolean =>
    arrow.DataType.isFixedSizeList(t) || arrow.DataType.isList(t) || arrow.DataType.isLargeList(t);

  let vectorIndex: number;
  if (opts.vectorColumn !== undefined) {
    vectorIndex = fields.findIndex((f) => f.name === opts.vectorColumn);
    if (vectorIndex < 0)
      throw new VectorFileError(
        file,
        `no column "${opts.vectorColumn}" for the vectors; columns: ${columns}`,
      );
  } else {
    const lists = fields.flatMap((f, i) => (isList(f.type) ? [i] : []));
    if (lists.length === 0) {
      throw new VectorFileError(
        file,
        `no list-typed column to take vectors from; columns: ${columns}`,
      );
    }
    if (lists.length > 1) {
      const names = lists.map((i) => `"${fields[i]!.name}"`).join(', ');
      throw new VectorFileError(
        file,
        `several list-typed columns (${names}); name the vector column with vectorColumn`,
      );
    }
    vectorIndex = lists[0]!;
  }
  const vectorField = fields[vectorIndex]!;
  const type = vectorField.type as arrow.DataType;
  if (!isList(type)) {
    throw new VectorFileError(
      file,
      `column "${vectorField.name}" is ${String(type)}; expected a list (FixedSizeList, List or LargeList) of numbers`,
    );
  }
  const child = (type.children[0] as arrow.Field).type as arrow.DataType;
  const element = elementType(child);
  if (!element) {
    throw new VectorFileError(
      file,
      `column "${vectorField.name}" holds ${String(child)} values; expected float32, float16, float64, int8 or uint8`,
    );
  }
  const vectorLayout = arrow.DataType.isFixedSizeList(type)
    ? 'fixed-size-list'
    : arrow.DataType.isLargeList(type)
      ? 'large-list'
      : 'list';
  if (vectorLayout === 'fixed-size-list' && (type as arrow.FixedSizeList).listSize < 1) {
    throw new VectorFileError(
      file,
      `column "${vectorField.name}" is a FixedSizeList of size 0; expected at least 1 value per vector`,
    );
  }
  if (vectorLayout === 'fixed-size-list' && (type as arrow.FixedSizeList).listSize > MAX_DIMS) {
    throw new VectorFileError(
      file,
      `column "${vectorField.name}" is a FixedSizeList of size ${(type as arrow.FixedSizeList).listSize}; ` +
        `expected at most ${MAX_DIMS} values per vector`,
    );
  }

  let idIndex: number | undefined;
  if (opts.idColumn !== undefined) {
    idIndex = fields.findIndex((f) => f.name === opts.idColumn);
    if (idIndex < 0)
      throw new VectorFileError(
        file,
        `no column "${opts.idColumn}" for the ids; columns: ${columns}`,
      );
  } else {
    const i = fields.findIndex((f) => f.name === 'id');
    idIndex = i >= 0 ? i : undefined;
  }
  if (idIndex === vectorIndex)
    throw new VectorFileError(
      file,
      `column "${vectorField.name}" cannot hold both vectors and ids`,
    );
  let idKind: ArrowSelection['idKind'];
  if (idIndex !== undefined) {
    const idType = fields[idIndex]!.type as arrow.DataType;
    idKind = arrow.DataType.isUtf8(idType)
      ? 'utf8'
      : arrow.DataType.isLargeUtf8(idType)
        ? 'large-utf8'
        : arrow.DataType.isInt(idType) && [8, 16, 32, 64].includes(idType.bitWidth)
          ? 'int'
          : (arrow.DataType.isDictionary(idType) &&
                (arrow.DataType.isUtf8(idType.dictionary) ||
                  arrow.DataType.isInt(idType.dictionary))) ||
              arrow.DataType.isUtf8View(idType)
            ? 'other'
            : undefined;
    if (!idKind) {
      throw new VectorFileError(
        file,
        `id column "${fields[idIndex]!.name}" is ${String(idType)}; expected strings or integers`,
      );
    }
  }
  return {
    vectorIndex,
    vectorColumn: vectorField.name,
    vectorLayout,
    dtype: element.dtype,
    itemSize: element.itemSize,
    ...(vectorLayout === 'fixed-size-list' && { listSize: (type as arrow.FixedSizeList).listSize }),
    ...(idIndex !== undefined && { idIndex, idColumn: fields[idIndex]!.name, idKind }),
    ...(idKind === 'int' && intLayout(fields[idIndex!]!.type as arrow.Int)),
  };
}

function intLayout(t: arrow.Int): { idIntWidth: 1 | 2 | 4 | 8; idSigned: boolean } {
  return { idIntWidth: (t.bitWidth / 8) as 1 | 2 | 4 | 8, idSigned: t.isSigned };
}

function elementType(t: arrow.DataType): { dtype: VectorDType; itemSize: number } | undefined {
  if (arrow.DataType.isFloat(t)) {
    if (t.precision === arrow.Precision.HALF) return { dtype: 'float16', itemSize: 2 };
    if (t.precision === arrow.Precision.SINGLE) return { dtype: 'float32', itemSize: 4 };
    return { dtype: 'float64', itemSize: 8 };
  }
  if (arrow.DataType.isInt(t) && t.bitWidth === 8)
    return t.isSigned ? { dtype: 'int8', itemSize: 1 } : { dtype: 'uint8', itemSize: 1 };
  return undefined;
}

/**
 * Converts one Arrow record batch (possibly a slice) into a VectorBatch. The values are a
 * zero-copy view of the batch's buffer. `dims` is the FixedSizeList size, or for variable
 * lists `expectedDims` when given (every row must match it) else the first row's length.
 * Throws a {@link VectorFileError} naming the row for null vectors, null elements, null ids
 * and rows of the wrong length.
 */
export function toVectorBatch(
  batch: arrow.RecordBatch,
  sel: ArrowSelection,
  rowOffset: number,
  file: string,
  expectedDims?: number,
): VectorBatch {
  const rows = batch.numRows;
  const data = batch.data.children[sel.vectorIndex] as arrow.Data;
  const column = `column "${sel.vectorColumn}"`;
  const nullRow = firstNull(data, 0, rows);
  if (nullRow >= 0)
    throw new VectorFileError(file, `null vector in ${column}`, { row: rowOffset + nullRow });
  const child = data.children[0] as arrow.Data;

  let dims: number;
  let start: number;
  if (sel.vectorLayout === 'fixed-size-list') {
    dims = sel.listSize!;
    start = 0;
  } else {
    const offsets = data.valueOffsets as Int32Array | BigInt64Array;
    start = Number(offsets[0]);
    dims = expectedDims ?? (rows > 0 ? Number(offsets[1]) - start : 0);
    for (let r = 0; r < rows; r++) {
      const length = Number(offsets[r + 1]) - Number(offsets[r]);
      if (length !== dims) {
        throw new VectorFileError(
          file,
          `vector in ${column} has ${length} values, expected ${dims} like the first row`,
          {
            row: rowOffset + r,
          },
        );
      }
    }
  }
  const nullElement = firstNull(child, start, rows * dims);
  if (nullElement >= 0) {
    const r = Math.floor((nullElement - start) / dims);
    throw new VectorFileError(
      file,
      `null value at position ${(nullElement - start) % dims} of the vector in ${column}`,
      {
        row: rowOffset + r,
      },
    );
  }
  const values = (child.values as VectorValues).subarray(
    start,
    start + rows * dims,
  ) as VectorValues;
  const out = { rowOffset, rows, dims, dtype: sel.dtype, values };
  if (sel.idIndex === undefined) return out;
  const ids = arrowIds(batch.data.children[sel.idIndex] as arrow.Data, rows, rowOffset, sel, file);
  return 'idBytes' in ids ? withIdBytes(out, ids.idBytes) : { ...out, ids: ids.ids };
}

/** Index (≥ from) of the first null among `count` entries of `data`, or -1. */
function firstNull(data: arrow.Data, from: number, count: number): number {
  if (data.nullCount === 0) return -1;
  for (let i = from; i < from + count; i++) if (!data.getValid(i)) return i;
  return -1;
}

/** The batch's ids, as bytes when the column is strings or integers (see arrow-ids.ts). */
function arrowIds(
  data: arrow.Data,
  rows: number,
  rowOffset: number,
  sel: ArrowSelection,
  file: string,
): { idBytes: IdBytes } | { ids: string[] } {
  const nullRow = firstNull(data, 0, rows);
  if (nullRow >= 0)
    throw new VectorFileError(file, `null id in column "${sel.idColumn}"`, {
      row: rowOffset + nullRow,
    });
  if (sel.idKind === 'utf8' || sel.idKind === 'large-utf8') {
    return {
      idBytes: utf8IdBytes(
        data.valueOffsets as Int32Array | BigInt64Array,
        data.values as Uint8Array,
        rows,
        0,
      ),
    };
  }
  if (sel.idKind === 'int') return { idBytes: intIdBytes(data.values as IntIdArray, rows) };
  const vector = arrow.makeVector(data);
  const ids = new Array<string>(rows);
  for (let r = 0; r < rows; r++) ids[r] = String(vector.get(r));
  return { ids };
}
