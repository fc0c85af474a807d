#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);
import {
  SourceError
} from "./chunk-VTONPRI7.js";
import {
  alignedBytes,
  prefetch,
  readExactly
} from "./chunk-SGSTHD3E.js";
import {
  ConfigError
} from "./chunk-O57DMMLW.js";
import {
  VectorFileError
} from "./chunk-L2CUIFHJ.js";

// src/vectors/ids.ts
var CHUNK = 1 << 20;
var MAX_ID = 1 << 20;
var SidecarIds = class _SidecarIds {
  constructor(path, source, count) {
    this.path = path;
    this.source = source;
    this.count = count;
  }
  path;
  source;
  count;
  /**
   * Opens `path` through `openSource` and checks it holds exactly `rows` ids, counting
   * lines in one streamed pass so a mismatch is reported before any vector is read.
   */
  static async open(openSource, path, rows, vectorsFile) {
    let source;
    try {
      source = await openSource({ path });
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      const why = e instanceof SourceError ? e.detail : e.message;
      throw new VectorFileError(path, `cannot open the ids file for ${vectorsFile}: ${why}`);
    }
    try {
      const count = await countLines(source);
      if (count !== rows) {
        throw new VectorFileError(
          path,
          `holds ${count} ids (lines) but ${vectorsFile} has ${rows} rows; expected one id per row`
        );
      }
      return new _SidecarIds(path, source, count);
    } catch (e) {
      await source.close();
      throw e;
    }
  }
  /** A reader that hands out the ids in order, from the first line. */
  reader() {
    return new IdLineReader(this.path, this.source);
  }
  async close() {
    await this.source.close().catch(() => void 0);
  }
};
var SKIP_CHUNK = 65536;
var IdLineReader = class {
  constructor(path, source) {
    this.path = path;
    this.source = source;
  }
  path;
  source;
  position = 0;
  line = 0;
  pending = [];
  carry = "";
  decoder = new TextDecoder("utf-8", { fatal: false });
  chunk = new Uint8Array(CHUNK);
  queue = Promise.resolve();
  /** Passes over the next `n` ids (checked as {@link take} checks them), in bounded chunks. */
  async skip(n) {
    for (let left = n; left > 0; left -= SKIP_CHUNK) await this.take(Math.min(left, SKIP_CHUNK));
  }
  /** The next `n` ids. Concurrent calls (from a prefetching reader) are queued, not raced. */
  take(n) {
    const result = this.queue.then(() => this.takeNow(n));
    this.queue = result.catch(() => void 0);
    return result;
  }
  async takeNow(n) {
    while (this.pending.length < n) {
      const bytesRead = await this.source.read(this.chunk, 0, CHUNK, this.position);
      this.position += bytesRead;
      const text = this.carry + this.decoder.decode(this.chunk.subarray(0, bytesRead), { stream: bytesRead > 0 });
      const lines = text.split("\n");
      this.carry = bytesRead > 0 ? lines.pop() : "";
      if (this.carry.length > MAX_ID)
        throw new VectorFileError(
          this.path,
          `line longer than ${MAX_ID} characters; expected one id per line`,
          { line: this.line + lines.length + 1 }
        );
      for (const raw of lines) {
        if (bytesRead === 0 && raw === "") continue;
        this.line++;
        const id = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
        if (id === "")
          throw new VectorFileError(this.path, "empty id: expected one non-empty id per line", {
            line: this.line
          });
        this.pending.push(id);
      }
      if (bytesRead === 0) break;
    }
    if (this.pending.length < n) {
      throw new VectorFileError(this.path, `ran out of ids after ${this.line} lines`, {
        line: this.line
      });
    }
    return this.pending.splice(0, n);
  }
};
async function countLines(source) {
  const buf = new Uint8Array(CHUNK);
  let lines = 0;
  let last = 10;
  for (let position = 0; ; ) {
    const bytesRead = await source.read(buf, 0, CHUNK, position);
    if (bytesRead === 0) break;
    position += bytesRead;
    for (let i = 0; i < bytesRead; i++) if (buf[i] === 10) lines++;
    last = buf[bytesRead - 1];
  }
  return last === 10 ? lines : lines + 1;
}

// src/vectors/rows.ts
async function* streamRowBlock(block, ids, fromRow = 0) {
  const { rows, batchRows, rowBytes } = block;
  if (rows === 0) return;
  const slotBytes = Math.min(rows, batchRows) * rowBytes;
  const slots = [alignedBytes(slotBytes), alignedBytes(slotBytes)];
  const first = Math.min(rows, Math.max(0, fromRow - fromRow % batchRows));
  if (ids && first > 0) await ids.skip(first);
  function* jobs() {
    for (let start = first; start < rows; start += batchRows)
      yield { start, count: Math.min(batchRows, rows - start) };
  }
  yield* prefetch(jobs(), async ({ start, count }, slot) => {
    const bytes = slots[slot].subarray(0, count * rowBytes);
    const idsPromise = ids?.take(count);
    idsPromise?.catch(() => void 0);
    await readExactly(
      block.source,
      bytes,
      0,
      bytes.length,
      block.dataOffset + start * rowBytes,
      `rows ${start}\u2013${start + count - 1}`
    );
    if (block.swapBytes) swapInPlace(bytes, block.swapBytes);
    const batch = {
      rowOffset: start,
      rows: count,
      dims: block.dims,
      dtype: block.dtype,
      values: block.view(bytes, count * (block.dtype === "binary" ? rowBytes : block.dims))
    };
    return idsPromise ? { ...batch, ids: await idsPromise } : batch;
  });
}
function swapInPlace(bytes, width) {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (width === 2) b.swap16();
  else if (width === 4) b.swap32();
  else b.swap64();
}

export {
  SidecarIds,
  streamRowBlock,
  swapInPlace
};
