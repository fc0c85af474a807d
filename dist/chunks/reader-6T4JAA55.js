#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);
import {
  SidecarIds,
  streamRowBlock
} from "./chunk-RQ773KO7.js";
import "./chunk-VTONPRI7.js";
import {
  batchRowsFor
} from "./chunk-SGSTHD3E.js";
import "./chunk-O57DMMLW.js";
import {
  MAX_DIMS,
  VectorFileError
} from "./chunk-L2CUIFHJ.js";
import "./chunk-GE2CBHQP.js";

// src/vectors/binary/reader.ts
async function openBinary(source, opts, openSource) {
  const { display: path, size } = source;
  let sidecar;
  try {
    const dims = opts.dims;
    if (dims === void 0 || !Number.isInteger(dims) || dims < 1) {
      throw new VectorFileError(
        path,
        `packed binary vectors need dims (bits per vector) as a positive integer; got ${dims === void 0 ? "none" : dims}`
      );
    }
    if (dims > MAX_DIMS)
      throw new VectorFileError(
        path,
        `packed binary vectors of ${dims} bits each: expected at most ${MAX_DIMS} bits per vector`
      );
    const rowBytes = Math.ceil(dims / 8);
    if (size === 0)
      throw new VectorFileError(path, "empty file (0 bytes): expected packed binary vectors");
    if (size % rowBytes !== 0) {
      const rows2 = Math.floor(size / rowBytes);
      const left = size - rows2 * rowBytes;
      throw new VectorFileError(
        path,
        `size ${size} is not a multiple of ${rowBytes} bytes per row (dims ${dims} bits); ${left} byte${left === 1 ? "" : "s"} left over after ${rows2} rows`,
        { byte: rows2 * rowBytes }
      );
    }
    const rows = size / rowBytes;
    if (opts.idsPath !== void 0)
      sidecar = await SidecarIds.open(openSource, opts.idsPath, rows, path);
    let closed = false;
    const ids = sidecar;
    const stream = (fromRow) => streamRowBlock(
      {
        source,
        dataOffset: 0,
        rows,
        dims,
        dtype: "binary",
        rowBytes,
        batchRows: batchRowsFor(rowBytes, opts.batchRows),
        view: (bytes, elements) => bytes.subarray(0, elements)
      },
      ids?.reader(),
      fromRow
    );
    return {
      info: { path, format: "binary", dtype: "binary", dims, rows, hasIds: ids !== void 0 },
      batches: () => stream(0),
      batchesFrom: (fromRow) => stream(fromRow),
      async close() {
        if (closed) return;
        closed = true;
        await ids?.close();
        await source.close();
      }
    };
  } catch (e) {
    await sidecar?.close();
    await source.close();
    throw e;
  }
}
export {
  openBinary
};
