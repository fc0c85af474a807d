#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);
import {
  VectorFileError
} from "./chunk-L2CUIFHJ.js";

// src/vectors/buffers.ts
var DEFAULT_BATCH_BYTES = 8 << 20;
function batchRowsFor(rowBytes, hint) {
  if (hint !== void 0) {
    if (!Number.isInteger(hint) || hint < 1)
      throw new RangeError(`batchRows must be a positive integer, got ${hint}`);
    return hint;
  }
  return Math.max(1, Math.floor(DEFAULT_BATCH_BYTES / Math.max(1, rowBytes)));
}
var WASM_PAGE = 65536;
var memories = /* @__PURE__ */ new WeakMap();
function wasmMemoryOf(buffer) {
  return memories.get(buffer);
}
function alignedBytes(byteLength, shared = true) {
  const Memory = globalThis.WebAssembly?.Memory;
  const pages = Math.max(1, Math.ceil(byteLength / WASM_PAGE));
  if (Memory && pages <= 32768) {
    try {
      const memory = new Memory({ initial: pages, maximum: pages, shared });
      memories.set(memory.buffer, memory);
      return new Uint8Array(memory.buffer, 0, byteLength);
    } catch {
    }
  }
  return new Uint8Array(shared ? new SharedArrayBuffer(byteLength) : new ArrayBuffer(byteLength));
}
var bufferFill = Buffer.prototype.fill;
function copyInto(target, at, source) {
  if (source.length >= 256) bufferFill.call(target, source, at, at + source.length);
  else target.set(source, at);
}
async function readExactly(source, target, offset, length, position, what) {
  let done = 0;
  while (done < length) {
    const n = await source.read(target, offset + done, length - done, position + done);
    if (n === 0) throw endsEarly(source, length, position, done, what);
    done += n;
  }
}
function readExactlySync(source, target, offset, length, position, what) {
  let done = 0;
  while (done < length) {
    const n = source.readSync(target, offset + done, length - done, position + done);
    if (n === 0) throw endsEarly(source, length, position, done, what);
    done += n;
  }
}
function endsEarly(source, length, position, done, what) {
  return new VectorFileError(
    source.display,
    `file ends early: expected ${length} bytes of ${what} from byte ${position}, found ${done}`,
    { byte: position + done }
  );
}
async function* prefetch(jobs, load, depth = 2) {
  const it = jobs[Symbol.iterator]();
  const pending = new Array(depth).fill(void 0);
  const start = (slot) => {
    const next = it.next();
    if (next.done) return;
    const p = load(next.value, slot);
    p.catch(() => void 0);
    pending[slot] = p;
  };
  try {
    for (let slot = 0; slot < depth; slot++) start(slot);
    for (let slot = 0; ; slot = (slot + 1) % depth) {
      const current = pending[slot];
      if (!current) return;
      pending[slot] = void 0;
      yield await current;
      start(slot);
    }
  } finally {
    await Promise.allSettled(pending.filter((p) => p !== void 0));
  }
}
function describeBytes(bytes) {
  let s = "";
  for (const b of bytes) {
    if (b >= 32 && b < 127 && b !== 34 && b !== 92) s += String.fromCharCode(b);
    else s += `\\x${b.toString(16).padStart(2, "0")}`;
  }
  return `"${s}"`;
}
function wrongMagic(file, what, magic, head, note) {
  const found = head.length === 0 ? "an empty file" : describeBytes(head);
  return new VectorFileError(
    file,
    `not ${what} (expected magic ${magic} at byte 0, found ${found}${note ? `, ${note}` : ""})`
  );
}
function typedView(dtype, buffer, byteOffset, elements) {
  switch (dtype) {
    case "float32":
      return new Float32Array(buffer, byteOffset, elements);
    case "float64":
      return new Float64Array(buffer, byteOffset, elements);
    case "float16":
      return new Uint16Array(buffer, byteOffset, elements);
    case "int8":
      return new Int8Array(buffer, byteOffset, elements);
    case "uint8":
    case "binary":
      return new Uint8Array(buffer, byteOffset, elements);
  }
}

export {
  batchRowsFor,
  wasmMemoryOf,
  alignedBytes,
  copyInto,
  readExactly,
  readExactlySync,
  prefetch,
  describeBytes,
  wrongMagic,
  typedView
};
