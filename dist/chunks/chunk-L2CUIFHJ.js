#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);

// src/config/vocabulary.ts
var VECTOR_DTYPES = [
  "float32",
  "float16",
  "float64",
  "int8",
  "uint8",
  "binary"
];
var VECTOR_FORMATS = [
  "arrow",
  "arrow-stream",
  "parquet",
  "npy",
  "jsonl",
  "binary"
];

// src/vectors/types.ts
var MAX_DIMS = 1 << 20;
var VectorFileError = class extends Error {
  constructor(file, detail, where) {
    super(`${file}${formatWhere(where)}: ${detail}`);
    this.file = file;
    this.detail = detail;
    this.where = where;
  }
  file;
  detail;
  where;
  name = "VectorFileError";
};
function formatWhere(where) {
  if (!where) return "";
  if (where.line !== void 0) return `:${where.line}`;
  if (where.byte !== void 0) return ` (byte ${where.byte})`;
  if (where.row !== void 0) return ` (row ${where.row})`;
  return "";
}

export {
  VECTOR_DTYPES,
  VECTOR_FORMATS,
  MAX_DIMS,
  VectorFileError
};
