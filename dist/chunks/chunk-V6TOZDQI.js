#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);
import {
  DataType,
  Precision,
  makeVector
} from "./chunk-EZRWVS5J.js";
import {
  MAX_DIMS,
  VectorFileError
} from "./chunk-L2CUIFHJ.js";

// src/vectors/arrow/ids.ts
function withIdBytes(batch, idBytes) {
  let ids;
  return Object.defineProperties(
    { ...batch, idBytes },
    { ids: { enumerable: true, get: () => ids ??= idStrings(idBytes, batch.rows) } }
  );
}
function utf8IdBytes(offsets, data, rows, dataBase) {
  const first = Number(offsets[0]);
  const last = Number(offsets[rows]);
  let local;
  if (offsets instanceof Int32Array) {
    local = offsets.subarray(0, rows + 1);
  } else {
    local = new Int32Array(rows + 1);
    for (let r = 0; r <= rows; r++) local[r] = Number(offsets[r]) - first;
  }
  return { offsets: local, data: data.subarray(first - dataBase, last - dataBase) };
}
function intIdBytes(values, rows) {
  const offsets = new Int32Array(rows + 1);
  const data = new Uint8Array(rows * 20 + 1);
  const digits = new Uint8Array(20);
  let p = 0;
  for (let r = 0; r < rows; r++) {
    const raw = values[r];
    let v = typeof raw === "bigint" ? raw >= -0x1fffffffffffffn && raw <= 0x1fffffffffffffn ? Number(raw) : void 0 : raw;
    if (v === void 0) {
      for (const ch of raw.toString()) data[p++] = ch.charCodeAt(0);
    } else {
      if (v < 0) {
        data[p++] = 45;
        v = -v;
      }
      let n = 0;
      do {
        digits[n++] = 48 + v % 10;
        v = Math.floor(v / 10);
      } while (v > 0);
      while (n > 0) data[p++] = digits[--n];
    }
    offsets[r + 1] = p;
  }
  return { offsets, data: data.subarray(0, p) };
}
function idStrings(idBytes, rows) {
  const { offsets, data } = idBytes;
  const base = offsets[0];
  const out = new Array(rows);
  let ascii = true;
  for (let i = 0; i < data.length; i++) {
    if (data[i] >= 128) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("latin1");
    for (let r = 0; r < rows; r++) out[r] = text.slice(offsets[r] - base, offsets[r + 1] - base);
    return out;
  }
  const decoder = new TextDecoder("utf-8");
  for (let r = 0; r < rows; r++)
    out[r] = decoder.decode(data.subarray(offsets[r] - base, offsets[r + 1] - base));
  return out;
}

// src/vectors/arrow/reader.ts
function describeColumns(schema) {
  return schema.fields.map((f) => `${f.name} (${String(f.type)})`).join(", ") || "none";
}
function selectArrowColumns(schema, opts, file) {
  const fields = schema.fields;
  const columns = describeColumns(schema);
  const isList = (t) => DataType.isFixedSizeList(t) || DataType.isList(t) || DataType.isLargeList(t);
  let vectorIndex;
  if (opts.vectorColumn !== void 0) {
    vectorIndex = fields.findIndex((f) => f.name === opts.vectorColumn);
    if (vectorIndex < 0)
      throw new VectorFileError(
        file,
        `no column "${opts.vectorColumn}" for the vectors; columns: ${columns}`
      );
  } else {
    const lists = fields.flatMap((f, i) => isList(f.type) ? [i] : []);
    if (lists.length === 0) {
      throw new VectorFileError(
        file,
        `no list-typed column to take vectors from; columns: ${columns}`
      );
    }
    if (lists.length > 1) {
      const names = lists.map((i) => `"${fields[i].name}"`).join(", ");
      throw new VectorFileError(
        file,
        `several list-typed columns (${names}); name the vector column with vectorColumn`
      );
    }
    vectorIndex = lists[0];
  }
  const vectorField = fields[vectorIndex];
  const type = vectorField.type;
  if (!isList(type)) {
    throw new VectorFileError(
      file,
      `column "${vectorField.name}" is ${String(type)}; expected a list (FixedSizeList, List or LargeList) of numbers`
    );
  }
  const child = type.children[0].type;
  const element = elementType(child);
  if (!element) {
    throw new VectorFileError(
      file,
      `column "${vectorField.name}" holds ${String(child)} values; expected float32, float16, float64, int8 or uint8`
    );
  }
  const vectorLayout = DataType.isFixedSizeList(type) ? "fixed-size-list" : DataType.isLargeList(type) ? "large-list" : "list";
  if (vectorLayout === "fixed-size-list" && type.listSize < 1) {
    throw new VectorFileError(
      file,
      `column "${vectorField.name}" is a FixedSizeList of size 0; expected at least 1 value per vector`
    );
  }
  if (vectorLayout === "fixed-size-list" && type.listSize > MAX_DIMS) {
    throw new VectorFileError(
      file,
      `column "${vectorField.name}" is a FixedSizeList of size ${type.listSize}; expected at most ${MAX_DIMS} values per vector`
    );
  }
  let idIndex;
  if (opts.idColumn !== void 0) {
    idIndex = fields.findIndex((f) => f.name === opts.idColumn);
    if (idIndex < 0)
      throw new VectorFileError(
        file,
        `no column "${opts.idColumn}" for the ids; columns: ${columns}`
      );
  } else {
    const i = fields.findIndex((f) => f.name === "id");
    idIndex = i >= 0 ? i : void 0;
  }
  if (idIndex === vectorIndex)
    throw new VectorFileError(
      file,
      `column "${vectorField.name}" cannot hold both vectors and ids`
    );
  let idKind;
  if (idIndex !== void 0) {
    const idType = fields[idIndex].type;
    idKind = DataType.isUtf8(idType) ? "utf8" : DataType.isLargeUtf8(idType) ? "large-utf8" : DataType.isInt(idType) && [8, 16, 32, 64].includes(idType.bitWidth) ? "int" : DataType.isDictionary(idType) && (DataType.isUtf8(idType.dictionary) || DataType.isInt(idType.dictionary)) || DataType.isUtf8View(idType) ? "other" : void 0;
    if (!idKind) {
      throw new VectorFileError(
        file,
        `id column "${fields[idIndex].name}" is ${String(idType)}; expected strings or integers`
      );
    }
  }
  return {
    vectorIndex,
    vectorColumn: vectorField.name,
    vectorLayout,
    dtype: element.dtype,
    itemSize: element.itemSize,
    ...vectorLayout === "fixed-size-list" && { listSize: type.listSize },
    ...idIndex !== void 0 && { idIndex, idColumn: fields[idIndex].name, idKind },
    ...idKind === "int" && intLayout(fields[idIndex].type)
  };
}
function intLayout(t) {
  return { idIntWidth: t.bitWidth / 8, idSigned: t.isSigned };
}
function elementType(t) {
  if (DataType.isFloat(t)) {
    if (t.precision === Precision.HALF) return { dtype: "float16", itemSize: 2 };
    if (t.precision === Precision.SINGLE) return { dtype: "float32", itemSize: 4 };
    return { dtype: "float64", itemSize: 8 };
  }
  if (DataType.isInt(t) && t.bitWidth === 8)
    return t.isSigned ? { dtype: "int8", itemSize: 1 } : { dtype: "uint8", itemSize: 1 };
  return void 0;
}
function toVectorBatch(batch, sel, rowOffset, file, expectedDims) {
  const rows = batch.numRows;
  const data = batch.data.children[sel.vectorIndex];
  const column = `column "${sel.vectorColumn}"`;
  const nullRow = firstNull(data, 0, rows);
  if (nullRow >= 0)
    throw new VectorFileError(file, `null vector in ${column}`, { row: rowOffset + nullRow });
  const child = data.children[0];
  let dims;
  let start;
  if (sel.vectorLayout === "fixed-size-list") {
    dims = sel.listSize;
    start = 0;
  } else {
    const offsets = data.valueOffsets;
    start = Number(offsets[0]);
    dims = expectedDims ?? (rows > 0 ? Number(offsets[1]) - start : 0);
    for (let r = 0; r < rows; r++) {
      const length = Number(offsets[r + 1]) - Number(offsets[r]);
      if (length !== dims) {
        throw new VectorFileError(
          file,
          `vector in ${column} has ${length} values, expected ${dims} like the first row`,
          {
            row: rowOffset + r
          }
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
        row: rowOffset + r
      }
    );
  }
  const values = child.values.subarray(
    start,
    start + rows * dims
  );
  const out = { rowOffset, rows, dims, dtype: sel.dtype, values };
  if (sel.idIndex === void 0) return out;
  const ids = arrowIds(batch.data.children[sel.idIndex], rows, rowOffset, sel, file);
  return "idBytes" in ids ? withIdBytes(out, ids.idBytes) : { ...out, ids: ids.ids };
}
function firstNull(data, from, count) {
  if (data.nullCount === 0) return -1;
  for (let i = from; i < from + count; i++) if (!data.getValid(i)) return i;
  return -1;
}
function arrowIds(data, rows, rowOffset, sel, file) {
  const nullRow = firstNull(data, 0, rows);
  if (nullRow >= 0)
    throw new VectorFileError(file, `null id in column "${sel.idColumn}"`, {
      row: rowOffset + nullRow
    });
  if (sel.idKind === "utf8" || sel.idKind === "large-utf8") {
    return {
      idBytes: utf8IdBytes(
        data.valueOffsets,
        data.values,
        rows,
        0
      )
    };
  }
  if (sel.idKind === "int") return { idBytes: intIdBytes(data.values, rows) };
  const vector = makeVector(data);
  const ids = new Array(rows);
  for (let r = 0; r < rows; r++) ids[r] = String(vector.get(r));
  return { ids };
}

export {
  withIdBytes,
  utf8IdBytes,
  intIdBytes,
  selectArrowColumns,
  toVectorBatch
};
