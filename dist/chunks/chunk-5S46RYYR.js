#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
import { basename as __egBasename, dirname as __egDirname } from 'node:path';
import { fileURLToPath as __egFileURLToPath } from 'node:url';
const require = __egCreateRequire(import.meta.url);
const __egHere = __egDirname(__egFileURLToPath(import.meta.url));
const __embeddingGateDir = __egBasename(__egHere) === 'chunks' ? __egDirname(__egHere) : __egHere;
import {
  SourceError
} from "./chunk-T4TVEEN4.js";

// src/sources/local.ts
import { constants, readSync } from "node:fs";
import { open, readlink, realpath, stat } from "node:fs/promises";
var NOT_REGULAR = "ENOTREG";
var localFiles = /* @__PURE__ */ new WeakMap();
function localFileOf(source) {
  return localFiles.get(source);
}
var OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
var openLocalSource = async (request) => {
  const display = request.display ?? request.path;
  let handle;
  try {
    handle = await open(request.path, OPEN_FLAGS);
  } catch (e) {
    throw fromNodeError(display, e);
  }
  try {
    const info = await handle.stat({ bigint: true });
    if (!info.isFile())
      throw new SourceError(display, `${kindOf(info)}, expected a regular file`, NOT_REGULAR);
    const file = await identify(handle, info, display, request.path);
    const source = new LocalSource(handle, file.realPath, display, Number(info.size));
    localFiles.set(source, file);
    return source;
  } catch (e) {
    await handle.close().catch(() => void 0);
    throw e instanceof SourceError ? e : fromNodeError(display, e);
  }
};
var LocalSource = class {
  constructor(handle, id, display, size) {
    this.handle = handle;
    this.id = id;
    this.display = display;
    this.size = size;
  }
  handle;
  id;
  display;
  size;
  closing;
  async read(target, targetOffset, length, position) {
    return (await this.handle.read(target, targetOffset, length, position)).bytesRead;
  }
  readSync(target, targetOffset, length, position) {
    return readSync(this.handle.fd, target, targetOffset, length, position);
  }
  close() {
    this.closing ??= this.handle.close().catch(() => void 0);
    return this.closing;
  }
};
async function identify(handle, opened, display, path) {
  const byDescriptor = `/proc/self/fd/${handle.fd}`;
  const fromDescriptor = await readlink(byDescriptor).catch(() => void 0);
  const realPath = fromDescriptor ?? await realpath(path);
  const named = await stat(realPath, { bigint: true }).catch(() => void 0);
  if (!named || named.dev !== opened.dev || named.ino !== opened.ino) {
    throw new SourceError(
      display,
      `was moved or replaced while being opened (${realPath} is no longer the file opened)`
    );
  }
  return { realPath, openedPath: fromDescriptor !== void 0 ? byDescriptor : realPath };
}
function kindOf(info) {
  if (info.isDirectory()) return "is a directory";
  if (info.isFIFO()) return "is a FIFO (named pipe)";
  if (info.isSocket()) return "is a socket";
  if (info.isCharacterDevice()) return "is a character device";
  if (info.isBlockDevice()) return "is a block device";
  return "is not a regular file";
}
function fromNodeError(display, e) {
  const err = e;
  if (err.code === "ENOENT") return new SourceError(display, "no such file", "ENOENT");
  return new SourceError(display, err.message ?? String(e), err.code);
}

// src/vectors/float16.ts
var table;
function float16Table() {
  if (!table) {
    const t = new Float32Array(65536);
    for (let bits = 0; bits < 65536; bits++) t[bits] = decodeFloat16(bits);
    table = t;
  }
  return table;
}
function decodeFloat16(bits) {
  const sign = bits & 32768 ? -1 : 1;
  const exponent = bits >> 10 & 31;
  const fraction = bits & 1023;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction === 0 ? sign * Infinity : Number.NaN;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}
var f32 = new Float32Array(1);
var u32 = new Uint32Array(f32.buffer);
function float32ToFloat16Bits(value) {
  f32[0] = value;
  const x = u32[0];
  const sign = x >>> 16 & 32768;
  const exponent = x >>> 23 & 255;
  const mantissa = x & 8388607;
  if (exponent === 255) return sign | 31744 | (mantissa ? mantissa >>> 13 || 512 : 0);
  const e = exponent - 127 + 15;
  if (e >= 31) return sign | 31744;
  if (e < -10) return sign;
  const significand = e > 0 ? mantissa : mantissa | 8388608;
  const shift = e > 0 ? 13 : 14 - e;
  const kept = significand >>> shift;
  const rest = significand & (1 << shift) - 1;
  const half = 1 << shift - 1;
  let up;
  if (rest !== half) up = rest > half;
  else if (value !== f32[0]) up = Math.abs(value) > Math.abs(f32[0]);
  else up = (kept & 1) === 1;
  return sign | (e > 0 ? e << 10 | kept : kept) + (up ? 1 : 0);
}

export {
  NOT_REGULAR,
  localFileOf,
  openLocalSource,
  float16Table,
  decodeFloat16,
  float32ToFloat16Bits
};
