#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);
import {
  batchRowsFor
} from "./chunk-SGSTHD3E.js";
import {
  MAX_DIMS,
  VectorFileError
} from "./chunk-L2CUIFHJ.js";
import "./chunk-GE2CBHQP.js";

// src/vectors/jsonl/reader.ts
var CHUNK = 1 << 20;
var MAX_LINE = 16 << 20;
async function openJsonl(source, opts = {}) {
  const path = source.display;
  try {
    const vectorKey = opts.vectorColumn ?? "embedding";
    const idKey = opts.idColumn ?? "id";
    let first;
    for await (const l of readLines(source)) {
      first = { record: parseRecord(path, l), line: l.line };
      break;
    }
    if (!first) {
      throw new VectorFileError(
        path,
        source.size === 0 ? "empty file (0 bytes): expected JSON Lines records" : "no records: every line is blank"
      );
    }
    const vector = first.record[vectorKey];
    if (!Array.isArray(vector) || vector.length === 0) {
      throw new VectorFileError(
        path,
        `expected "${vectorKey}" to be a non-empty array of numbers; keys found: ${Object.keys(first.record).join(", ") || "none"}`,
        { line: first.line }
      );
    }
    if (vector.length > MAX_DIMS)
      throw new VectorFileError(
        path,
        `"${vectorKey}" has ${vector.length} values; expected at most ${MAX_DIMS} per vector`,
        { line: first.line }
      );
    const layout = { vectorKey, idKey, dims: vector.length, hasIds: idKey in first.record };
    const batchRows = batchRowsFor(layout.dims * 8, opts.batchRows);
    let closed = false;
    return {
      info: { path, format: "jsonl", dtype: "float64", dims: layout.dims, hasIds: layout.hasIds },
      batches: () => streamJsonl(source, layout, batchRows),
      async close() {
        if (closed) return;
        closed = true;
        await source.close();
      }
    };
  } catch (e) {
    await source.close();
    throw e;
  }
}
async function* streamJsonl(source, layout, batchRows) {
  const path = source.display;
  const { dims, vectorKey, idKey, hasIds } = layout;
  let values = new Float64Array(batchRows * dims);
  let ids = [];
  let rows = 0;
  let rowOffset = 0;
  let firstLine = 0;
  for await (const l of readLines(source)) {
    const record = parseRecord(path, l);
    if (rows === 0 && rowOffset === 0) firstLine = l.line;
    const vector = record[vectorKey];
    if (!Array.isArray(vector)) {
      throw new VectorFileError(path, `expected "${vectorKey}" to be an array of numbers`, {
        line: l.line
      });
    }
    if (vector.length !== dims) {
      throw new VectorFileError(
        path,
        `"${vectorKey}" has ${vector.length} values, expected ${dims} like line ${firstLine}`,
        { line: l.line }
      );
    }
    const base = rows * dims;
    for (let d = 0; d < dims; d++) {
      const v = toNumber(vector[d]);
      if (v === void 0) {
        throw new VectorFileError(
          path,
          `"${vectorKey}"[${d}] is ${JSON.stringify(vector[d])}, expected a number`,
          { line: l.line }
        );
      }
      values[base + d] = v;
    }
    const hasId = idKey in record;
    if (hasId !== hasIds) {
      throw new VectorFileError(
        path,
        hasIds ? `missing "${idKey}" (line ${firstLine} has one, so every record needs one)` : `has "${idKey}" but line ${firstLine} has none; ids must be on every record or none`,
        { line: l.line }
      );
    }
    if (hasIds) ids.push(toId(path, record[idKey], idKey, l.line));
    if (++rows === batchRows) {
      yield batchOf(values, rows, rowOffset, dims, hasIds ? ids : void 0);
      rowOffset += rows;
      rows = 0;
      values = new Float64Array(batchRows * dims);
      ids = [];
    }
  }
  if (rows > 0)
    yield batchOf(values.subarray(0, rows * dims), rows, rowOffset, dims, hasIds ? ids : void 0);
}
function batchOf(values, rows, rowOffset, dims, ids) {
  return { rowOffset, rows, dims, dtype: "float64", values, ...ids && { ids } };
}
var NAN = "\0NaN";
var POS_INF = "\0Infinity";
var NEG_INF = "\0-Infinity";
function toNumber(v) {
  if (typeof v === "number") return v;
  if (v === NAN) return Number.NaN;
  if (v === POS_INF) return Infinity;
  if (v === NEG_INF) return -Infinity;
  return void 0;
}
function toId(path, v, key, line) {
  if (typeof v === "string" && v !== "") return v;
  if (typeof v === "number" && Number.isSafeInteger(v)) return String(v);
  throw new VectorFileError(
    path,
    `"${key}" is ${JSON.stringify(v)}, expected a non-empty string or an integer`,
    { line }
  );
}
function parseRecord(path, l) {
  let parsed;
  try {
    parsed = JSON.parse(l.text);
  } catch (e) {
    const retried = /NaN|Infinity/.test(l.text) ? parseWithNonFinite(l.text) : void 0;
    if (retried === void 0) {
      throw new VectorFileError(path, `invalid JSON: ${e.message}`, { line: l.line });
    }
    parsed = retried;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new VectorFileError(
      path,
      `expected a JSON object per line, found ${Array.isArray(parsed) ? "an array" : JSON.stringify(parsed)}`,
      {
        line: l.line
      }
    );
  }
  return parsed;
}
function parseWithNonFinite(text) {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      out += ch;
      if (ch === "\\") out += text[++i] ?? "";
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
    } else if (text.startsWith("NaN", i)) {
      out += JSON.stringify(NAN);
      i += 2;
    } else if (text.startsWith("-Infinity", i)) {
      out += JSON.stringify(NEG_INF);
      i += 8;
    } else if (text.startsWith("Infinity", i)) {
      out += JSON.stringify(POS_INF);
      i += 7;
    } else {
      out += ch;
    }
  }
  try {
    return JSON.parse(out);
  } catch {
    return void 0;
  }
}
async function* readLines(source) {
  const buf = new Uint8Array(CHUNK);
  const decoder = new TextDecoder("utf-8");
  let carry = "";
  let line = 0;
  let bom = true;
  for (let position = 0; ; ) {
    const bytesRead = await source.read(buf, 0, CHUNK, position);
    position += bytesRead;
    const text = carry + decoder.decode(buf.subarray(0, bytesRead), { stream: bytesRead > 0 });
    const parts = text.split("\n");
    carry = bytesRead > 0 ? parts.pop() : "";
    if (carry.length > MAX_LINE)
      throw new VectorFileError(
        source.display,
        `line longer than ${MAX_LINE} characters; expected one JSON record per line`,
        { line: line + parts.length + 1 }
      );
    for (let part of parts) {
      line++;
      if (bom) {
        bom = false;
        if (part.charCodeAt(0) === 65279) part = part.slice(1);
      }
      if (part.trim() === "") continue;
      yield { text: part, line };
    }
    if (bytesRead === 0) return;
  }
}
export {
  openJsonl
};
