#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);
import {
  SidecarIds,
  streamRowBlock,
  swapInPlace
} from "./chunk-RQ773KO7.js";
import "./chunk-VTONPRI7.js";
import {
  alignedBytes,
  batchRowsFor,
  prefetch,
  readExactly,
  readExactlySync,
  typedView,
  wrongMagic
} from "./chunk-SGSTHD3E.js";
import "./chunk-O57DMMLW.js";
import {
  MAX_DIMS,
  VectorFileError
} from "./chunk-L2CUIFHJ.js";
import "./chunk-GE2CBHQP.js";

// src/vectors/npy/header.ts
var MAX_HEADER = 1 << 16;
var MAGIC = [147, 78, 85, 77, 80, 89];
var DESCRS = {
  f4: { dtype: "float32", itemSize: 4 },
  f2: { dtype: "float16", itemSize: 2 },
  f8: { dtype: "float64", itemSize: 8 },
  i1: { dtype: "int8", itemSize: 1 },
  u1: { dtype: "uint8", itemSize: 1 }
};
async function readNpyHeader(source) {
  const { size, display: path } = source;
  const prefix = new Uint8Array(12);
  const got = Math.min(12, size);
  await readExactly(source, prefix, 0, got, 0, "the npy preamble");
  if (MAGIC.some((b, i) => prefix[i] !== b)) {
    throw wrongMagic(path, "a NumPy file", "\\x93NUMPY", prefix.subarray(0, Math.min(got, 6)));
  }
  if (size < 10)
    throw new VectorFileError(path, `file ends inside the npy preamble (${size} bytes)`, {
      byte: size
    });
  const major = prefix[6];
  if (major !== 1 && major !== 2 && major !== 3) {
    throw new VectorFileError(
      path,
      `unsupported npy format version ${major}.${prefix[7]} (expected 1.0, 2.0 or 3.0)`,
      {
        byte: 6
      }
    );
  }
  const lengthBytes = major === 1 ? 2 : 4;
  if (size < 8 + lengthBytes)
    throw new VectorFileError(path, `file ends inside the npy preamble (${size} bytes)`, {
      byte: size
    });
  const dv = new DataView(prefix.buffer);
  const headerLength = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true);
  const headerStart = 8 + lengthBytes;
  if (headerLength > MAX_HEADER) {
    throw new VectorFileError(
      path,
      `npy header claims ${headerLength} bytes; expected at most ${MAX_HEADER}`,
      { byte: 8 }
    );
  }
  if (headerStart + headerLength > size) {
    throw new VectorFileError(
      path,
      `npy header claims ${headerLength} bytes but the file ends after ${size - headerStart}`,
      { byte: size }
    );
  }
  const raw = new Uint8Array(headerLength);
  await readExactly(source, raw, 0, headerLength, headerStart, "the npy header");
  const text = new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(raw);
  const fail = (detail) => {
    throw new VectorFileError(path, `bad npy header ${JSON.stringify(text.trim())}: ${detail}`, {
      byte: headerStart
    });
  };
  let dict;
  try {
    dict = parsePyDict(text);
  } catch (e) {
    return fail(e.message);
  }
  const descr = dict.get("descr");
  const fortran = dict.get("fortran_order");
  const shape = dict.get("shape");
  if (typeof descr !== "string") return fail(`expected 'descr' to be a dtype string such as '<f4'`);
  if (typeof fortran !== "boolean") return fail(`expected 'fortran_order' to be True or False`);
  if (!Array.isArray(shape) || !shape.every((d) => typeof d === "number"))
    return fail(`expected 'shape' to be a tuple of integers`);
  if (shape.length !== 2) {
    return fail(
      `expected a 2-D array (rows, dims), found shape (${shape.join(", ")}${shape.length === 1 ? "," : ""})`
    );
  }
  const [rows, dims] = shape;
  if (dims < 1)
    return fail(`expected at least 1 dimension per row, found shape (${rows}, ${dims})`);
  if (dims > MAX_DIMS)
    return fail(`expected at most ${MAX_DIMS} dimensions per row, found shape (${rows}, ${dims})`);
  if (!Number.isSafeInteger(rows) || !Number.isSafeInteger(rows * dims * 8))
    return fail(`shape (${rows}, ${dims}) is too large for any file`);
  return {
    version: major,
    descr,
    dtype: parseDescr(descr, fail),
    fortranOrder: fortran,
    rows,
    dims,
    dataOffset: headerStart + headerLength
  };
}
function parseDescr(descr, fail) {
  const m = /^([<>|=]?)([fiu][1248])$/.exec(descr);
  const known = m ? DESCRS[m[2]] : void 0;
  if (!m || !known) {
    return fail(`unsupported dtype '${descr}' (supported: <f4 <f2 <f8 |i1 |u1 and their > forms)`);
  }
  const order = m[1];
  if (order === "=") return { ...known, bigEndian: false };
  if (known.itemSize === 1) return { ...known, bigEndian: false };
  if (order !== "<" && order !== ">")
    return fail(`dtype '${descr}' needs a byte order ('<' or '>')`);
  return { ...known, bigEndian: order === ">" };
}
var WORD = /True|False|None|\d+L?/y;
function parsePyDict(text) {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const expect = (ch) => {
    ws();
    if (text[i] !== ch)
      throw new Error(
        `expected '${ch}' at character ${i}, found ${text[i] === void 0 ? "the end" : `'${text[i]}'`}`
      );
    i++;
  };
  const value = () => {
    ws();
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) throw new Error(`unterminated string at character ${i}`);
      const s = text.slice(i + 1, end);
      i = end + 1;
      return s;
    }
    if (ch === "(" || ch === "[") {
      const close = ch === "(" ? ")" : "]";
      i++;
      const items = [];
      for (; ; ) {
        ws();
        if (text[i] === close) {
          i++;
          return items;
        }
        items.push(value());
        ws();
        if (text[i] === ",") i++;
        else if (text[i] !== close) throw new Error(`expected ',' or '${close}' at character ${i}`);
      }
    }
    WORD.lastIndex = i;
    const word = WORD.exec(text);
    if (!word)
      throw new Error(`unexpected ${ch === void 0 ? "end" : `'${ch}'`} at character ${i}`);
    i += word[0].length;
    if (word[0] === "True") return true;
    if (word[0] === "False") return false;
    if (word[0] === "None") return null;
    return Number.parseInt(word[0], 10);
  };
  const dict = /* @__PURE__ */ new Map();
  expect("{");
  for (; ; ) {
    ws();
    if (text[i] === "}") {
      i++;
      break;
    }
    const key = value();
    if (typeof key !== "string") throw new Error(`expected a string key at character ${i}`);
    expect(":");
    dict.set(key, value());
    ws();
    if (text[i] === ",") i++;
    else if (text[i] !== "}") throw new Error(`expected ',' or '}' at character ${i}`);
  }
  ws();
  if (i !== text.length) throw new Error(`unexpected text after the dict at character ${i}`);
  return dict;
}

// src/vectors/npy/reader.ts
var FORTRAN_BATCH_BYTES = 16 << 20;
async function openNpy(source, opts, openSource) {
  const { display: path, size } = source;
  let sidecar;
  try {
    const header = await readNpyHeader(source);
    const dataBytes = header.rows * header.dims * header.dtype.itemSize;
    const expected = header.dataOffset + dataBytes;
    const shape = `(${header.rows}, ${header.dims}) ${header.descr}`;
    if (size < expected) {
      throw new VectorFileError(
        path,
        `header promises shape ${shape}: ${dataBytes} data bytes from byte ${header.dataOffset}, but the file holds only ${size - header.dataOffset} (truncated?)`,
        { byte: size }
      );
    }
    if (size > expected) {
      throw new VectorFileError(
        path,
        `header promises shape ${shape} (${expected} bytes in all), but the file has ${size - expected} more bytes`,
        { byte: expected }
      );
    }
    if (opts.idsPath !== void 0)
      sidecar = await SidecarIds.open(openSource, opts.idsPath, header.rows, path);
    return npySource(source, header, opts, sidecar);
  } catch (e) {
    await sidecar?.close();
    await source.close();
    throw e;
  }
}
function npySource(source, header, opts, sidecar) {
  const { dtype, itemSize, bigEndian } = header.dtype;
  const view = (bytes, elements) => typedView(dtype, bytes.buffer, bytes.byteOffset, elements);
  const swapBytes = bigEndian && itemSize > 1 ? itemSize : void 0;
  let closed = false;
  return {
    info: {
      path: source.display,
      format: "npy",
      dtype,
      dims: header.dims,
      rows: header.rows,
      hasIds: sidecar !== void 0
    },
    batches: () => stream(0),
    batchesFrom: (fromRow) => stream(fromRow),
    async close() {
      if (closed) return;
      closed = true;
      await sidecar?.close();
      await source.close();
    }
  };
  function stream(fromRow) {
    {
      const ids = sidecar?.reader();
      if (header.fortranOrder)
        return streamFortran(source, header, opts, view, swapBytes, ids, fromRow);
      return streamRowBlock(
        {
          source,
          dataOffset: header.dataOffset,
          rows: header.rows,
          dims: header.dims,
          dtype,
          rowBytes: header.dims * itemSize,
          batchRows: batchRowsFor(header.dims * itemSize, opts.batchRows),
          ...swapBytes && { swapBytes },
          view
        },
        ids,
        fromRow
      );
    }
  }
}
async function* streamFortran(source, header, opts, view, swapBytes, ids, fromRow = 0) {
  const { rows, dims, dataOffset } = header;
  const itemSize = header.dtype.itemSize;
  if (rows === 0) return;
  const rowBytes = dims * itemSize;
  const batchRows = opts.batchRows ?? Math.max(1, Math.floor(FORTRAN_BATCH_BYTES / rowBytes));
  const batchRowsUsed = batchRowsFor(rowBytes, batchRows);
  const slotBytes = Math.min(rows, batchRowsUsed) * rowBytes;
  const columns = [alignedBytes(slotBytes), alignedBytes(slotBytes)];
  const out = [alignedBytes(slotBytes), alignedBytes(slotBytes)];
  const first = Math.min(rows, Math.max(0, fromRow - fromRow % batchRowsUsed));
  if (ids && first > 0) await ids.skip(first);
  function* jobs() {
    for (let start = first; start < rows; start += batchRowsUsed) {
      yield { start, count: Math.min(batchRowsUsed, rows - start) };
    }
  }
  yield* prefetch(jobs(), async ({ start, count }, slot) => {
    const idsPromise = ids?.take(count);
    idsPromise?.catch(() => void 0);
    const colBytes = count * itemSize;
    const staging = columns[slot];
    const position = (c) => dataOffset + (c * rows + start) * itemSize;
    const what = (c) => `column ${c}, rows ${start}\u2013${start + count - 1}`;
    if (source.readSync) {
      const sync = source;
      for (let c = 0; c < dims; c++)
        readExactlySync(sync, staging, c * colBytes, colBytes, position(c), what(c));
    } else {
      const reads = [];
      for (let c = 0; c < dims; c++)
        reads.push(readExactly(source, staging, c * colBytes, colBytes, position(c), what(c)));
      const failed = (await Promise.allSettled(reads)).find((r) => r.status === "rejected");
      if (failed) throw failed.reason;
    }
    const target = out[slot].subarray(0, count * rowBytes);
    transpose(staging, target, count, dims, itemSize);
    if (swapBytes) swapInPlace(target, swapBytes);
    const batch = {
      rowOffset: start,
      rows: count,
      dims,
      dtype: header.dtype.dtype,
      values: view(target, count * dims)
    };
    return idsPromise ? { ...batch, ids: await idsPromise } : batch;
  });
}
function transpose(src, dst, count, dims, itemSize) {
  const words = itemSize === 8 ? 2 : 1;
  const width = itemSize === 8 ? 4 : itemSize;
  const n = count * dims * words;
  const s = integerView(src, width, n);
  const d = integerView(dst, width, n);
  const T = 16;
  for (let r0 = 0; r0 < count; r0 += T) {
    const r1 = Math.min(count, r0 + T);
    for (let c0 = 0; c0 < dims; c0 += T) {
      const c1 = Math.min(dims, c0 + T);
      for (let r = r0; r < r1; r++) {
        let to = (r * dims + c0) * words;
        let from = (c0 * count + r) * words;
        for (let c = c0; c < c1; c++, to += words, from += count * words) {
          d[to] = s[from];
          if (words === 2) d[to + 1] = s[from + 1];
        }
      }
    }
  }
}
function integerView(bytes, width, length) {
  if (width === 1) return bytes.subarray(0, length);
  if (width === 2) return new Uint16Array(bytes.buffer, bytes.byteOffset, length);
  return new Uint32Array(bytes.buffer, bytes.byteOffset, length);
}
export {
  openNpy
};
