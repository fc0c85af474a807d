#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);
import {
  Binary,
  Bool,
  CodecError,
  CompressionType,
  DataType,
  Field,
  FixedSizeBinary,
  FixedSizeList,
  Float16,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  List,
  Null,
  RecordBatchReader,
  Schema,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  bodyCodec,
  decodeBlock
} from "./chunk-EZRWVS5J.js";
import {
  alignedBytes,
  copyInto,
  describeBytes,
  readExactly,
  wrongMagic
} from "./chunk-SGSTHD3E.js";
import {
  ConfigError
} from "./chunk-O57DMMLW.js";
import {
  VectorFileError
} from "./chunk-L2CUIFHJ.js";

// src/vectors/parquet/thrift.ts
var ThriftError = class extends Error {
  constructor(detail, byte, short = false) {
    super(`${detail} (byte ${byte})`);
    this.detail = detail;
    this.byte = byte;
    this.short = short;
  }
  detail;
  byte;
  short;
  name = "ThriftError";
};
var MAX_DEPTH = 32;
function readStruct(bytes, start, end, base) {
  const r = new Reader(bytes, start, end, base);
  const value = r.struct(0);
  return { value, end: r.pos };
}
var Reader = class {
  constructor(b, pos, end, base) {
    this.b = b;
    this.pos = pos;
    this.end = end;
    this.base = base;
  }
  b;
  pos;
  end;
  base;
  fail(what, short = false) {
    throw new ThriftError(what, this.base + this.pos, short);
  }
  byte() {
    if (this.pos >= this.end) this.fail("Thrift data ends early", true);
    return this.b[this.pos++];
  }
  /** An unsigned varint, up to 64 bits, as a number; refuses values beyond 2^53. */
  varint() {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const byte = this.byte();
      result += (byte & 127) * scale;
      if ((byte & 128) === 0) {
        if (result > Number.MAX_SAFE_INTEGER) this.fail("Thrift integer beyond 2^53");
        return result;
      }
      scale *= 128;
    }
    return this.fail("Thrift varint longer than 10 bytes");
  }
  zigzag() {
    const v = this.varint();
    return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
  }
  struct(depth) {
    if (depth > MAX_DEPTH) this.fail(`Thrift structs nested deeper than ${MAX_DEPTH}`);
    const out = {};
    let last = 0;
    for (; ; ) {
      const header = this.byte();
      const type = header & 15;
      if (type === 0) return out;
      const delta = header >>> 4;
      const id = delta === 0 ? this.zigzag() : last + delta;
      last = id;
      out[id] = type === 1 ? true : type === 2 ? false : this.value(type, depth);
    }
  }
  value(type, depth) {
    switch (type) {
      case 1:
      case 2:
        return this.byte() === 1;
      case 3: {
        const v = this.byte();
        return v > 127 ? v - 256 : v;
      }
      case 4:
      case 5:
      case 6:
        return this.zigzag();
      case 7: {
        if (this.pos + 8 > this.end) this.fail("Thrift data ends early", true);
        const v = new DataView(this.b.buffer, this.b.byteOffset + this.pos, 8).getFloat64(0, true);
        this.pos += 8;
        return v;
      }
      case 8: {
        const length = this.varint();
        if (length > this.end - this.pos) this.fail("Thrift data ends early", true);
        const v = this.b.subarray(this.pos, this.pos + length);
        this.pos += length;
        return v;
      }
      case 9:
      case 10: {
        const header = this.byte();
        const size = header >>> 4 === 15 ? this.varint() : header >>> 4;
        const elem = header & 15;
        if (size > this.end - this.pos) this.fail(`Thrift list of ${size} elements`, true);
        const list2 = new Array(size);
        for (let i = 0; i < size; i++) list2[i] = this.value(elem, depth + 1);
        return list2;
      }
      case 11: {
        const size = this.varint();
        if (size === 0) return [];
        const kinds = this.byte();
        if (2 * size > this.end - this.pos) this.fail(`Thrift map of ${size} entries`, true);
        const list2 = [];
        for (let i = 0; i < size; i++) {
          list2.push(this.value(kinds >>> 4, depth + 1), this.value(kinds & 15, depth + 1));
        }
        return list2;
      }
      case 12:
        return this.struct(depth + 1);
      default:
        return this.fail(`unknown Thrift type ${type}`);
    }
  }
};
function num(s, id, fallback) {
  const v = s[id];
  if (v === void 0 && fallback !== void 0) return fallback;
  if (typeof v !== "number") throw new TypeError(`field ${id}: expected an integer`);
  return v;
}
function optNum(s, id) {
  const v = s[id];
  return typeof v === "number" ? v : void 0;
}
function optStruct(s, id) {
  const v = s[id];
  return v !== void 0 && typeof v === "object" && !(v instanceof Uint8Array) && !Array.isArray(v) ? v : void 0;
}
function list(s, id) {
  const v = s[id];
  return Array.isArray(v) ? v : [];
}
function text(s, id) {
  const v = s[id];
  return v instanceof Uint8Array ? Buffer.from(v).toString("utf8") : void 0;
}

// src/vectors/parquet/meta.ts
var MAGIC = "PAR1";
async function readEnvelope(source) {
  const { size, display: path } = source;
  const head = new Uint8Array(Math.min(4, size));
  await readExactly(source, head, 0, head.length, 0, "the Parquet magic");
  if (!isMagic(head)) throw wrongMagic(path, "a Parquet file", MAGIC, head);
  if (size < 12) {
    throw new VectorFileError(
      path,
      `file ends early: expected at least 12 bytes (magic, footer length, magic), found ${size}`,
      {
        byte: size
      }
    );
  }
  const tail = new Uint8Array(8);
  await readExactly(source, tail, 0, 8, size - 8, "the Parquet footer length and magic");
  if (!isMagic(tail.subarray(4))) {
    throw new VectorFileError(
      path,
      `expected magic ${MAGIC} at the end of the file, found ${describeBytes(tail.subarray(4))}: the file is truncated or not Parquet`,
      { byte: size - 4 }
    );
  }
  const footerLength = new DataView(tail.buffer).getUint32(0, true);
  const footerStart = size - 8 - footerLength;
  if (footerLength === 0 || footerStart < 4) {
    throw new VectorFileError(
      path,
      `footer length ${footerLength} points outside the file: the footer would start at byte ${footerStart}, expected a length from 1 to ${size - 12}`,
      { byte: size - 8 }
    );
  }
  return { size, footerStart, footerLength };
}
function isMagic(bytes) {
  return bytes.length === 4 && bytes[0] === 80 && bytes[1] === 65 && bytes[2] === 82 && bytes[3] === 49;
}
async function readMetadata(source, envelope) {
  const path = source.display;
  const { footerStart, footerLength } = envelope;
  const bytes = new Uint8Array(footerLength);
  await readExactly(source, bytes, 0, footerLength, footerStart, "the Parquet footer");
  const corrupt = (detail, byte) => new VectorFileError(
    path,
    `corrupt footer: expected ${footerLength} bytes of Thrift FileMetaData from byte ${footerStart} (${detail} at byte ${byte})`,
    { byte: footerStart }
  );
  let fmd;
  try {
    fmd = readStruct(bytes, 0, footerLength, footerStart).value;
  } catch (e) {
    if (e instanceof ThriftError) throw corrupt(e.detail, e.byte);
    throw e;
  }
  try {
    return interpret(fmd, footerStart);
  } catch (e) {
    if (e instanceof FooterError || e instanceof TypeError) throw corrupt(e.message, footerStart);
    throw e;
  }
}
var FooterError = class extends Error {
};
function interpret(fmd, footerStart) {
  const elements = list(fmd, 2);
  if (elements.length === 0) throw new FooterError("no schema");
  let next = 1;
  const leaves = [];
  const build = (e, parentDef, parentRep, depth) => {
    if (depth > 64) throw new FooterError("schema nested deeper than 64");
    const repetition = optNum(e, 3) ?? 0;
    const maxDef = parentDef + (repetition === 0 ? 0 : 1);
    const maxRep = parentRep + (repetition === 2 ? 1 : 0);
    const count = optNum(e, 5);
    const children = [];
    const node = {
      name: text(e, 4) ?? "",
      repetition,
      children,
      maxDef,
      maxRep,
      ...optNum(e, 6) !== void 0 && { convertedType: optNum(e, 6) },
      ...optStruct(e, 10) && { logical: optStruct(e, 10) }
    };
    if (count === void 0 || count === 0 && optNum(e, 1) !== void 0) {
      node.physical = num(e, 1);
      const typeLength = optNum(e, 2);
      if (typeLength !== void 0) node.typeLength = typeLength;
      node.column = leaves.length;
      leaves.push(node);
      return node;
    }
    if (count < 0 || count > elements.length - next)
      throw new FooterError(`schema element "${node.name}" claims ${count} children`);
    for (let i = 0; i < count; i++) {
      const child = elements[next++];
      children.push(build(child, maxDef, maxRep, depth + 1));
    }
    return node;
  };
  const root = elements[0];
  const rootCount = optNum(root, 5) ?? 0;
  const top = [];
  if (rootCount < 0 || rootCount > elements.length - 1)
    throw new FooterError(`the schema root claims ${rootCount} children`);
  for (let i = 0; i < rootCount; i++) top.push(build(elements[next++], 0, 0, 1));
  const rowGroups = list(fmd, 4).map((rg, g) => {
    const columns = list(rg, 1).map((cc, c) => {
      const md = optStruct(cc, 3);
      if (!md) throw new FooterError(`row group ${g} column ${c} has no metadata`);
      const data = num(md, 9);
      const dict = optNum(md, 11);
      const start = dict !== void 0 && dict > 0 && dict < data ? dict : data;
      const length = num(md, 7);
      if (start < 4 || length < 0 || start + length > footerStart)
        throw new FooterError(
          `row group ${g} column ${c} lies at bytes ${start}\u2013${start + length}, outside the data (bytes 4\u2013${footerStart})`
        );
      return { codec: num(md, 4), numValues: num(md, 5), start, length };
    });
    if (columns.length !== leaves.length)
      throw new FooterError(
        `row group ${g} has ${columns.length} columns, the schema ${leaves.length}`
      );
    const rows2 = num(rg, 3);
    if (rows2 < 0) throw new FooterError(`row group ${g} has ${rows2} rows`);
    return { rows: rows2, columns };
  });
  const rows = num(fmd, 3);
  const counted = rowGroups.reduce((n, g) => n + g.rows, 0);
  if (rows !== counted)
    throw new FooterError(`the file has ${rows} rows, its row groups ${counted}`);
  const written = writtenArrowSchema(fmd);
  const fields = top.map(
    (node) => refine(
      new Field(node.name, arrowTypeOf(node), true),
      written?.fields.find((w) => w.name === node.name)
    )
  );
  return { rows, schema: new Schema(fields), nodes: top, rowGroups };
}
function listChild(node) {
  if (node.physical !== void 0) return node.repetition === 2 ? node : void 0;
  const annotated = node.convertedType === 3 || optStruct(node.logical ?? {}, 3) !== void 0;
  if (!annotated || node.children.length !== 1) return void 0;
  const repeated = node.children[0];
  if (repeated.repetition !== 2) return void 0;
  if (repeated.physical !== void 0) return repeated;
  return repeated.children.length === 1 ? repeated.children[0] : void 0;
}
function listElement(node) {
  const child = listChild(node);
  return child?.physical !== void 0 ? child : void 0;
}
function arrowTypeOf(node, top = true) {
  if (node.physical !== void 0) {
    const leaf = leafType(node);
    return top && node.repetition === 2 ? new List(new Field("item", leaf, true)) : leaf;
  }
  const child = listChild(node);
  if (!child) return new Null();
  const element = child === node ? leafType(node) : arrowTypeOf(child, false);
  return new List(new Field("item", element, true));
}
function leafType(node) {
  const logical = node.logical ?? {};
  const ct = node.convertedType;
  switch (node.physical) {
    case 0 /* BOOLEAN */:
      return new Bool();
    case 1 /* INT32 */: {
      const int = optStruct(logical, 10);
      const bits = int ? optNum(int, 1) : void 0;
      const signed = int ? int[2] !== false : true;
      if (bits === 8 || ct === 15 || ct === 11)
        return signed && ct !== 11 ? new Int8() : new Uint8();
      if (bits === 16 || ct === 16 || ct === 12)
        return signed && ct !== 12 ? new Int16() : new Uint16();
      if (int && !signed || ct === 13) return new Uint32();
      return new Int32();
    }
    case 2 /* INT64 */: {
      const int = optStruct(logical, 10);
      return int && int[2] === false || ct === 14 ? new Uint64() : new Int64();
    }
    case 4 /* FLOAT */:
      return new Float32();
    case 5 /* DOUBLE */:
      return new Float64();
    case 6 /* BYTE_ARRAY */:
      return ct === 0 || optStruct(logical, 1) || optStruct(logical, 4) || optStruct(logical, 12) ? new Utf8() : new Binary();
    case 7 /* FIXED_LEN_BYTE_ARRAY */:
      return optStruct(logical, 15) && node.typeLength === 2 ? new Float16() : new FixedSizeBinary(node.typeLength ?? 0);
    default:
      return new Null();
  }
}
function writtenArrowSchema(fmd) {
  for (const kv of list(fmd, 5)) {
    if (text(kv, 1) !== "ARROW:schema") continue;
    const encoded = text(kv, 2);
    if (encoded === void 0) return void 0;
    try {
      const reader = RecordBatchReader.from(new Uint8Array(Buffer.from(encoded, "base64")));
      reader.open();
      return reader.schema;
    } catch {
      return void 0;
    }
  }
  return void 0;
}
function refine(field, written) {
  const type = field.type;
  if (!written || !DataType.isList(type)) return field;
  const wtype = written.type;
  if (!DataType.isFixedSizeList(wtype)) return field;
  const child = type.children[0];
  const wchild = wtype.children[0].type;
  if (wchild.typeId !== child.type.typeId) return field;
  return new Field(field.name, new FixedSizeList(wtype.listSize, child), true);
}

// src/vectors/parquet/codecs.ts
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";

// src/vectors/parquet/snappy.ts
function snappyLength(src) {
  let length = 0;
  let scale = 1;
  for (let i = 0; i < 5 && i < src.length; i++) {
    const b = src[i];
    length += (b & 127) * scale;
    if ((b & 128) === 0) return { length, header: i + 1 };
    scale *= 128;
  }
  throw new CodecError("damaged snappy data: bad length header", 0);
}
function snappyDecode(src, dst) {
  const { length, header } = snappyLength(src);
  if (length !== dst.length)
    throw new CodecError(`damaged snappy data: states ${length} bytes, expected ${dst.length}`, 0);
  let s = header;
  let d = 0;
  const end = src.length;
  while (s < end) {
    const tag = src[s++];
    const kind = tag & 3;
    if (kind === 0) {
      let n2 = tag >>> 2;
      if (n2 >= 60) {
        const bytes = n2 - 59;
        if (s + bytes > end) throw bad("ends inside a literal length", s);
        n2 = src[s];
        if (bytes > 1) n2 |= src[s + 1] << 8;
        if (bytes > 2) n2 |= src[s + 2] << 16;
        if (bytes > 3) n2 = n2 + src[s + 3] * 2 ** 24;
        s += bytes;
      }
      n2 += 1;
      if (s + n2 > end) throw bad("a literal runs past the data", s);
      if (d + n2 > length) throw bad("output exceeds the stated length", s);
      if (n2 > 32) copyInto(dst, d, src.subarray(s, s + n2));
      else for (let i = 0; i < n2; i++) dst[d + i] = src[s + i];
      s += n2;
      d += n2;
      continue;
    }
    let n;
    let offset;
    if (kind === 1) {
      if (s >= end) throw bad("ends inside a copy", s);
      n = 4 + (tag >>> 2 & 7);
      offset = tag >>> 5 << 8 | src[s++];
    } else if (kind === 2) {
      if (s + 2 > end) throw bad("ends inside a copy", s);
      n = (tag >>> 2) + 1;
      offset = src[s] | src[s + 1] << 8;
      s += 2;
    } else {
      if (s + 4 > end) throw bad("ends inside a copy", s);
      n = (tag >>> 2) + 1;
      offset = (src[s] | src[s + 1] << 8 | src[s + 2] << 16) + src[s + 3] * 2 ** 24;
      s += 4;
    }
    if (offset === 0 || offset > d) throw bad(`copy offset ${offset} reaches before the start`, s);
    if (d + n > length) throw bad("output exceeds the stated length", s);
    let m = d - offset;
    if (offset >= n && n > 32) {
      dst.copyWithin(d, m, m + n);
      d += n;
    } else {
      for (const stop = d + n; d < stop; ) dst[d++] = dst[m++];
    }
  }
  if (d !== length) throw bad(`decodes to ${d} bytes, stated ${length}`, s);
}
function bad(what, at) {
  return new CodecError(`damaged snappy data: ${what}`, at);
}

// src/vectors/parquet/codecs.ts
var CODEC_NAMES = [
  "UNCOMPRESSED",
  "SNAPPY",
  "GZIP",
  "LZO",
  "BROTLI",
  "LZ4",
  "ZSTD",
  "LZ4_RAW"
];
var PAGE_CEILING = 256 << 20;
var MAX_EXPANSION = {
  0: 1,
  1: 32,
  2: 1032,
  4: Infinity,
  6: 32768,
  7: 255
};
function output(length, into) {
  return into && into.length >= length ? into.subarray(0, length) : new Uint8Array(length);
}
async function decompressorFor(codec) {
  switch (codec) {
    case 0:
      return (src, length) => {
        if (src.length !== length)
          throw new CodecError(`uncompressed page of ${src.length} bytes states ${length}`, 0);
        return src;
      };
    case 1:
      return (src, length, into) => {
        const out = output(length, into);
        snappyDecode(src, out);
        return out;
      };
    case 2:
      return (src, length) => exactly(zlibDecode(src, length), length, "GZIP");
    case 4:
      return (src, length) => exactly(
        zlibCall(() => brotliDecompressSync(src, { maxOutputLength: length + 1 })),
        length,
        "BROTLI"
      );
    case 6: {
      const zstd = await bodyCodec(CompressionType.ZSTD);
      return (src, length) => zstd.decompress(src, length);
    }
    case 7:
      return (src, length, into) => {
        const out = output(length, into);
        const end = decodeBlock(src, 0, src.length, out, 0, length, 0, out, 0, -4);
        if (end !== length)
          throw new CodecError(`damaged LZ4 block: decodes to ${end} bytes, expected ${length}`, 0);
        return out;
      };
    default:
      return `compression ${CODEC_NAMES[codec] ?? codec} is not supported (supported: none, snappy, gzip, brotli, zstd, lz4_raw)`;
  }
}
function checkPageSize(codec, compressed, length) {
  if (length > PAGE_CEILING)
    return `a page states ${length} bytes uncompressed, more than this reader's ceiling of ${PAGE_CEILING}`;
  const most = compressed * (MAX_EXPANSION[codec] ?? 1) + 64;
  if (length > most)
    return `a page states ${length} bytes uncompressed, more than ${compressed} ${CODEC_NAMES[codec]} bytes can hold`;
  return void 0;
}
function zlibDecode(src, length) {
  const gzip = src[0] === 31 && src[1] === 139;
  return zlibCall(
    () => gzip ? gunzipSync(src, { maxOutputLength: length + 1 }) : inflateSync(src, { maxOutputLength: length + 1 })
  );
}
function zlibCall(run) {
  try {
    return run();
  } catch (e) {
    throw new CodecError(`damaged compressed data (${e.message})`, 0);
  }
}
function exactly(out, length, name) {
  if (out.length !== length)
    throw new CodecError(
      `damaged ${name} data: it decompresses to ${out.length} bytes, expected ${length}`,
      0
    );
  return out;
}

// src/vectors/parquet/encodings.ts
var EncodingError = class extends Error {
  constructor(message, at) {
    super(message);
    this.at = at;
  }
  at;
};
function varint(b, pos, end) {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 5; i++) {
    if (pos.p >= end) throw new EncodingError("ends inside a varint", pos.p);
    const byte = b[pos.p++];
    result += (byte & 127) * scale;
    if ((byte & 128) === 0) return result;
    scale *= 128;
  }
  throw new EncodingError("varint longer than 5 bytes", pos.p);
}
function walkHybrid(b, start, end, width, count, visit) {
  const pos = { p: start };
  const valueBytes = width + 7 >> 3;
  let done = 0;
  while (done < count) {
    const header = varint(b, pos, end);
    if ((header & 1) === 0) {
      const n = Math.min(header / 2, count - done);
      if (header === 0) throw new EncodingError("empty RLE run", pos.p);
      if (pos.p + valueBytes > end) throw new EncodingError("ends inside an RLE run", pos.p);
      let value = 0;
      for (let i = 0; i < valueBytes; i++) value += b[pos.p + i] * 2 ** (8 * i);
      pos.p += valueBytes;
      visit.rle(value, done, n);
      done += n;
    } else {
      const groups = (header - 1) / 2;
      const bytes = groups * width;
      if (groups === 0) throw new EncodingError("empty bit-packed run", pos.p);
      if (pos.p + bytes > end) {
        const n2 = Math.min(groups * 8, count - done);
        if (pos.p + Math.ceil(n2 * width / 8) > end)
          throw new EncodingError("ends inside a bit-packed run", pos.p);
      }
      const n = Math.min(groups * 8, count - done);
      visit.packed(b, pos.p, done, n);
      pos.p += bytes;
      done += n;
    }
  }
}
function unpack(b, at, width, out, from, count) {
  if (width === 0) {
    out.fill(0, from, from + count);
    return;
  }
  if (width > 24) {
    unpackObvious(b, at, width, out, from, count);
    return;
  }
  const mask = (1 << width) - 1;
  let buffer = 0;
  let bits = 0;
  let p = at;
  for (let i = from, end = from + count; i < end; i++) {
    while (bits < width) {
      buffer |= (b[p++] | 0) << bits;
      bits += 8;
    }
    out[i] = buffer & mask;
    buffer >>>= width;
    bits -= width;
  }
}
function unpackObvious(b, at, width, out, from, count) {
  let bitPos = at * 8;
  for (let i = 0; i < count; i++) {
    let value = 0;
    for (let k = 0; k < width; k++, bitPos++) {
      if ((b[bitPos >>> 3] ?? 0) >>> (bitPos & 7) & 1) value += 2 ** k;
    }
    out[from + i] = value;
  }
}
function decodeHybrid(b, start, end, width, count, out) {
  walkHybrid(b, start, end, width, count, {
    rle: (value, from, n) => out.fill(value, from, from + n),
    packed: (bytes, at, from, n) => unpack(bytes, at, width, out, from, n)
  });
}
var scratch8 = new Uint8Array(8 * 1024);
function hybridAll(b, start, end, width, count, value) {
  let all = true;
  walkHybrid(b, start, end, width, count, {
    rle: (v) => {
      if (v !== value) all = false;
    },
    packed: (bytes, at, _from, n) => {
      for (let i = 0; i < n && all; i += scratch8.length) {
        const k = Math.min(scratch8.length, n - i);
        unpack(bytes, at + i * width / 8, width, scratch8, 0, k);
        for (let j = 0; j < k; j++) if (scratch8[j] !== value) all = false;
      }
    }
  });
  return all;
}
function hybridZeros(b, start, end, width, count) {
  let out = new Int32Array(64);
  let n = 0;
  const push = (i) => {
    if (n === out.length) {
      const grown = new Int32Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    out[n++] = i;
  };
  walkHybrid(b, start, end, width, count, {
    rle: (v, from, k) => {
      if (v === 0) for (let i = 0; i < k; i++) push(from + i);
    },
    packed: (bytes, at, from, k) => {
      if (width === 1) {
        for (let i = 0; i < k; i += 8) {
          const zeros = ~bytes[at + (i >> 3)] & 255 & (k - i >= 8 ? 255 : (1 << k - i) - 1);
          if (zeros === 0) continue;
          for (let j = 0; j < 8; j++) if (zeros & 1 << j) push(from + i + j);
        }
        return;
      }
      for (let i = 0; i < k; i += scratch8.length) {
        const m = Math.min(scratch8.length, k - i);
        unpack(bytes, at + i * width / 8, width, scratch8, 0, m);
        for (let j = 0; j < m; j++) if (scratch8[j] === 0) push(from + i + j);
      }
    }
  });
  return out.subarray(0, n);
}
function plainByteArrays(b, start, end, count) {
  if (count > end - start)
    throw new EncodingError(`${count} byte arrays cannot fit in ${end - start} bytes`, start);
  const offsets = new Int32Array(count + 1);
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let p = start;
  let total = 0;
  const starts = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    if (p + 4 > end) throw new EncodingError("ends inside a byte array length", p);
    const length = view.getUint32(p, true);
    p += 4;
    if (length > end - p)
      throw new EncodingError(`byte array of ${length} bytes runs past the page`, p);
    starts[i] = p;
    p += length;
    total += length;
    offsets[i + 1] = total;
  }
  const data = new Uint8Array(total);
  for (let i = 0; i < count; i++)
    data.set(b.subarray(starts[i], starts[i] + offsets[i + 1] - offsets[i]), offsets[i]);
  return { offsets, data };
}
function deltaBinaryPacked(b, start, end, count) {
  const pos = { p: start };
  const blockSize = varint(b, pos, end);
  const miniblocks = varint(b, pos, end);
  const total = varint(b, pos, end);
  const first = zigzag64(b, pos, end);
  if (blockSize === 0 || blockSize % 128 !== 0 || miniblocks === 0 || blockSize % miniblocks !== 0)
    throw new EncodingError(
      `DELTA_BINARY_PACKED block of ${blockSize} in ${miniblocks} miniblocks`,
      start
    );
  const perMini = blockSize / miniblocks;
  if (perMini % 32 !== 0) throw new EncodingError(`miniblocks of ${perMini} values`, start);
  const wanted = count ?? total;
  if (wanted > total)
    throw new EncodingError(`stream holds ${total} values, ${wanted} expected`, start);
  if (total > (end - start) * blockSize + 1)
    throw new EncodingError(`stream states ${total} values in ${end - start} bytes`, start);
  const values = new BigInt64Array(wanted);
  if (wanted > 0) values[0] = first;
  let done = 1;
  let last = first;
  const widths = new Uint8Array(miniblocks);
  while (done < total) {
    const minDelta = zigzag64(b, pos, end);
    if (pos.p + miniblocks > end) throw new EncodingError("ends inside the bit widths", pos.p);
    widths.set(b.subarray(pos.p, pos.p + miniblocks));
    pos.p += miniblocks;
    for (let m = 0; m < miniblocks && done < total; m++) {
      const width = widths[m];
      if (width > 64) throw new EncodingError(`bit width ${width}`, pos.p);
      const bytes = perMini * width / 8;
      if (pos.p + bytes > end) throw new EncodingError("ends inside a miniblock", pos.p);
      let bit = 0;
      for (let i = 0; i < perMini && done < total; i++) {
        let v = 0n;
        for (let k = 0; k < width; k++, bit++) {
          if (b[pos.p + (bit >>> 3)] >>> (bit & 7) & 1) v |= 1n << BigInt(k);
        }
        last = BigInt.asIntN(64, last + minDelta + v);
        if (done < wanted) values[done] = last;
        done++;
      }
      pos.p += bytes;
    }
  }
  return { values, end: pos.p };
}
function zigzag64(b, pos, end) {
  let result = 0n;
  for (let i = 0; i < 10; i++) {
    if (pos.p >= end) throw new EncodingError("ends inside a varint", pos.p);
    const byte = b[pos.p++];
    result |= BigInt(byte & 127) << BigInt(7 * i);
    if ((byte & 128) === 0) return result >> 1n ^ -(result & 1n);
  }
  throw new EncodingError("varint longer than 10 bytes", pos.p);
}
function lengthsOf(values, at) {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < 0n || v > 0x7fffffffn) throw new EncodingError(`byte array length ${v}`, at);
    out[i] = Number(v);
  }
  return out;
}
function deltaLengthByteArrays(b, start, end, count) {
  const lengths = deltaBinaryPacked(b, start, end, count);
  const lens = lengthsOf(lengths.values, start);
  const offsets = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i] + lens[i];
  const total = offsets[count];
  if (lengths.end + total > end)
    throw new EncodingError("byte arrays run past the page", lengths.end);
  return {
    arrays: { offsets, data: b.slice(lengths.end, lengths.end + total) },
    end: lengths.end + total
  };
}
function deltaByteArrays(b, start, end, count) {
  const prefixes = deltaBinaryPacked(b, start, end, count);
  const pre = lengthsOf(prefixes.values, start);
  const suffixes = deltaLengthByteArrays(b, prefixes.end, end, count).arrays;
  const offsets = new Int32Array(count + 1);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const previous = i === 0 ? 0 : offsets[i] - offsets[i - 1];
    if (pre[i] > previous)
      throw new EncodingError(`prefix of ${pre[i]} bytes, previous value ${previous}`, start);
    total += pre[i] + suffixes.offsets[i + 1] - suffixes.offsets[i];
    offsets[i + 1] = total;
  }
  const data = new Uint8Array(total);
  for (let i = 0; i < count; i++) {
    const at = offsets[i];
    if (pre[i] > 0) data.copyWithin(at, offsets[i - 1], offsets[i - 1] + pre[i]);
    data.set(suffixes.data.subarray(suffixes.offsets[i], suffixes.offsets[i + 1]), at + pre[i]);
  }
  return { offsets, data };
}
function byteStreamSplit(b, start, end, width, count) {
  if (start + width * count > end)
    throw new EncodingError("BYTE_STREAM_SPLIT data runs past the page", start);
  const out = new Uint8Array(width * count);
  for (let k = 0; k < width; k++) {
    const from = start + k * count;
    for (let i = 0; i < count; i++) out[i * width + k] = b[from + i];
  }
  return out;
}

// src/vectors/parquet/window.ts
var WINDOW = 8 << 20;
var HEADROOM = 2 << 20;
var WindowReader = class {
  constructor(source, end, what) {
    this.source = source;
    this.end = end;
    this.what = what;
  }
  source;
  end;
  what;
  /** The current window: file bytes [windowStart, windowEnd) from index 0. */
  window = new Uint8Array(0);
  windowStart = 0;
  windowEnd = 0;
  /** The buffer the next window is read into, and the read under way. */
  spare = new Uint8Array(0);
  ahead;
  /**
   * Makes file bytes [at, at + length) available in the window; returns their index there.
   * While the pages of one window are decoded, the next window is read (into the other
   * buffer, behind {@link HEADROOM} bytes where the unread tail of this one is copied), so
   * the disk or page cache and the decoding overlap.
   */
  async bytes(at, length) {
    if (at >= this.windowStart && at + length <= this.windowEnd) return at - this.windowStart;
    const ahead = this.ahead;
    this.ahead = void 0;
    if (ahead) {
      const filled = await ahead.reading;
      const tail = ahead.start - at;
      if (tail >= 0 && tail <= HEADROOM && at >= this.windowStart && at + length <= ahead.start + filled) {
        ahead.buffer.set(
          this.window.subarray(at - this.windowStart, ahead.start - this.windowStart),
          HEADROOM - tail
        );
        const spare = this.window;
        this.window = ahead.buffer.subarray(HEADROOM - tail);
        this.spare = spare;
        this.windowStart = at;
        this.windowEnd = ahead.start + filled;
        this.readAhead();
        return 0;
      }
    }
    if (ahead) this.spare = ahead.buffer;
    const want = Math.min(Math.max(length, WINDOW), this.end - at);
    if (this.spare.length < want + HEADROOM) this.spare = alignedBytes(want + HEADROOM, false);
    const buffer = this.spare;
    await readExactly(this.source, buffer, HEADROOM, want, at, this.what);
    this.spare = this.window.length > 0 ? new Uint8Array(this.window.buffer) : new Uint8Array(0);
    this.window = buffer.subarray(HEADROOM, HEADROOM + want);
    this.windowStart = at;
    this.windowEnd = at + want;
    this.readAhead();
    return 0;
  }
  /** Starts reading the window after this one into the spare buffer. */
  readAhead() {
    const start = this.windowEnd;
    if (start >= this.end) return;
    let buffer = new Uint8Array(this.spare.buffer);
    if (buffer.length < WINDOW + HEADROOM) buffer = alignedBytes(WINDOW + HEADROOM, false);
    this.spare = new Uint8Array(0);
    const want = Math.min(WINDOW, this.end - start, buffer.length - HEADROOM);
    const reading = readExactly(this.source, buffer, HEADROOM, want, start, this.what).then(
      () => want
    );
    reading.catch(() => void 0);
    this.ahead = { start, buffer, reading };
  }
};

// src/vectors/parquet/pages.ts
function physicalWidth(node) {
  switch (node.physical) {
    case 1 /* INT32 */:
    case 4 /* FLOAT */:
      return 4;
    case 2 /* INT64 */:
    case 5 /* DOUBLE */:
      return 8;
    case 3 /* INT96 */:
      return 12;
    case 7 /* FIXED_LEN_BYTE_ARRAY */:
      return node.typeLength;
    default:
      return void 0;
  }
}
var bitWidth = (max) => max === 0 ? 0 : 32 - Math.clz32(max);
var ChunkPages = class {
  constructor(source, chunk, leaf, decompress, column) {
    this.source = source;
    this.chunk = chunk;
    this.leaf = leaf;
    this.decompress = decompress;
    this.column = column;
    this.pos = chunk.start;
    this.end = chunk.start + chunk.length;
    this.reader = new WindowReader(source, this.end, `the page data of column "${column}"`);
    this.width = physicalWidth(leaf);
  }
  source;
  chunk;
  leaf;
  decompress;
  column;
  reader;
  /** Decompressed pages (snappy, lz4_raw) are written here, reused from page to page. */
  scratch = new Uint8Array(0);
  pos;
  end;
  dictionary;
  valuesSeen = 0;
  width;
  error(detail, byte) {
    return new VectorFileError(this.source.display, `column "${this.column}": ${detail}`, { byte });
  }
  /** The next data page, or undefined at the end of the chunk. */
  async next() {
    const at = this.pos;
    try {
      return await this.nextPage();
    } catch (e) {
      if (e instanceof VectorFileError || e instanceof ConfigError) throw e;
      throw this.error(`damaged page at or after byte ${at}: ${e.message}`, at);
    }
  }
  async nextPage() {
    while (this.pos < this.end && this.valuesSeen < this.chunk.numValues) {
      const at = this.pos;
      const header = await this.header(at);
      const type = num(header.value, 1);
      const uncompressed = num(header.value, 2);
      const compressed = num(header.value, 3);
      const bodyStart = at + header.length;
      if (compressed < 0 || uncompressed < 0 || bodyStart + compressed > this.end)
        throw this.error(
          `page at byte ${at} states ${compressed} bytes, past the end of its column chunk (byte ${this.end})`,
          at
        );
      this.pos = bodyStart + compressed;
      if (type === 2) {
        await this.readDictionary(header.value, bodyStart, compressed, uncompressed);
        continue;
      }
      if (type !== 0 && type !== 3) continue;
      const page = await this.readData(type, header.value, at, bodyStart, compressed, uncompressed);
      this.valuesSeen += page.count;
      return page;
    }
    if (this.valuesSeen < this.chunk.numValues)
      throw this.error(
        `the column chunk ends after ${this.valuesSeen} of its ${this.chunk.numValues} values`,
        this.end
      );
    return void 0;
  }
  async header(at) {
    let length = Math.min(256, this.end - at);
    for (; ; ) {
      const i = await this.reader.bytes(at, length);
      try {
        const { value, end } = readStruct(this.reader.window, i, i + length, at - i);
        return { value, length: end - i };
      } catch (e) {
        if (!(e instanceof ThriftError)) throw e;
        if (e.short && length < this.end - at) {
          length = Math.min(length * 4, this.end - at);
          continue;
        }
        throw this.error(`damaged page header at byte ${at}: ${e.detail}`, e.byte);
      }
    }
  }
  /**
   * The page body at `bodyStart`, decompressed. Unless `keep` (a dictionary, kept for the
   * chunk's later pages), it may live in this reader's reused buffer: valid until the next page.
   */
  async body(bodyStart, compressed, uncompressed, codec, keep = false) {
    const why = checkPageSize(codec, compressed, uncompressed);
    if (why) throw this.error(why, bodyStart);
    const i = await this.reader.bytes(bodyStart, compressed);
    const src = this.reader.window.subarray(i, i + compressed);
    if (codec === 0) {
      if (compressed !== uncompressed)
        throw this.error(
          `uncompressed page states ${uncompressed} bytes but holds ${compressed}`,
          bodyStart
        );
      return src.slice();
    }
    try {
      if (!keep && this.scratch.length < uncompressed)
        this.scratch = alignedBytes(Math.ceil(uncompressed * 1.25), false);
      const out = this.decompress(src, uncompressed, keep ? void 0 : this.scratch);
      return out === src ? src.slice() : out;
    } catch (e) {
      if (e instanceof CodecError) throw this.error(e.message, bodyStart + Math.max(0, e.at));
      throw e;
    }
  }
  async readDictionary(header, bodyStart, compressed, uncompressed) {
    const dph = optStruct(header, 7);
    if (!dph) throw this.error("dictionary page without its header", bodyStart);
    const count = num(dph, 1);
    const data = await this.body(bodyStart, compressed, uncompressed, this.chunk.codec, true);
    try {
      this.dictionary = this.plain(data, 0, data.length, count);
    } catch (e) {
      if (e instanceof EncodingError)
        throw this.error(`damaged dictionary page: ${e.message}`, bodyStart);
      throw e;
    }
  }
  plain(data, start, end, count) {
    const width = this.width;
    if (width === void 0) {
      if (this.leaf.physical === 6 /* BYTE_ARRAY */)
        return plainByteArrays(data, start, end, count);
      if (this.leaf.physical === 0 /* BOOLEAN */) {
        if (start + Math.ceil(count / 8) > end)
          throw new EncodingError("BOOLEAN values run past the page", start);
        const out = new Uint8Array(count);
        for (let i = 0; i < count; i++) out[i] = data[start + (i >> 3)] >> (i & 7) & 1;
        return out;
      }
      throw new EncodingError(`physical type ${this.leaf.physical} is not read`, start);
    }
    if (start + count * width > end)
      throw new EncodingError(
        `${count} values of ${width} bytes need ${count * width} bytes, the page holds ${end - start}`,
        start
      );
    return data.subarray(start, start + count * width);
  }
  async readData(type, header, at, bodyStart, compressed, uncompressed) {
    const { leaf } = this;
    const v2 = type === 3;
    const dh = optStruct(header, v2 ? 8 : 5);
    if (!dh) throw this.error(`data page at byte ${at} without its header`, at);
    const count = num(dh, 1);
    const encoding = num(dh, v2 ? 4 : 2);
    if (count < 0 || count > this.chunk.numValues - this.valuesSeen)
      throw this.error(
        `page at byte ${at} states ${count} values; its column chunk has ${this.chunk.numValues - this.valuesSeen} left`,
        at
      );
    const mostValues = 8 * Math.max(uncompressed, compressed) + (1 << 16);
    if (count > mostValues)
      throw this.error(
        `page at byte ${at} states ${count} values in ${uncompressed} bytes; expected at most ${mostValues}`,
        at
      );
    let data;
    let repStart = 0;
    let repEnd = 0;
    let defStart = 0;
    let defEnd = 0;
    let valuesStart;
    if (v2) {
      const repLength = num(dh, 6, 0);
      const defLength = num(dh, 5, 0);
      if (repLength < 0 || defLength < 0 || repLength + defLength > compressed || repLength + defLength > uncompressed)
        throw this.error(`page at byte ${at} states level lengths past the page`, at);
      const levels = repLength + defLength;
      const isCompressed = dh[7] !== false;
      const i = await this.reader.bytes(bodyStart, compressed);
      const levelBytes = this.reader.window.slice(i, i + levels);
      const values = isCompressed ? await this.body(
        bodyStart + levels,
        compressed - levels,
        uncompressed - levels,
        this.chunk.codec
      ) : await this.body(bodyStart + levels, compressed - levels, uncompressed - levels, 0);
      data = new Uint8Array(levels + values.length);
      data.set(levelBytes);
      data.set(values, levels);
      repEnd = repLength;
      defStart = repLength;
      defEnd = levels;
      valuesStart = levels;
    } else {
      data = await this.body(bodyStart, compressed, uncompressed, this.chunk.codec);
      let p = 0;
      const lengthAt = (what) => {
        if (p + 4 > data.length)
          throw this.error(`page at byte ${at} ends inside its ${what}`, bodyStart);
        const n = new DataView(data.buffer, data.byteOffset + p, 4).getUint32(0, true);
        if (p + 4 + n > data.length)
          throw this.error(
            `page at byte ${at}: ${what} of ${n} bytes run past the page`,
            bodyStart
          );
        return n;
      };
      if (leaf.maxRep > 0) {
        const n = lengthAt("repetition levels");
        repStart = p + 4;
        repEnd = repStart + n;
        p = repEnd;
      }
      if (leaf.maxDef > 0) {
        const n = lengthAt("definition levels");
        defStart = p + 4;
        defEnd = defStart + n;
        p = defEnd;
      }
      valuesStart = p;
    }
    try {
      let rowStarts;
      if (leaf.maxRep > 0)
        rowStarts = hybridZeros(data, repStart, repEnd, bitWidth(leaf.maxRep), count);
      let defs;
      let defined = count;
      if (leaf.maxDef > 0) {
        const w = bitWidth(leaf.maxDef);
        if (!hybridAll(data, defStart, defEnd, w, count, leaf.maxDef)) {
          defs = new Uint8Array(count);
          decodeHybrid(data, defStart, defEnd, w, count, defs);
          defined = 0;
          for (let i = 0; i < count; i++) if (defs[i] === leaf.maxDef) defined++;
        }
      }
      const values = this.values(encoding, data, valuesStart, defined);
      return { count, ...rowStarts && { rowStarts }, ...defs && { defs }, values, byte: at };
    } catch (e) {
      if (e instanceof EncodingError)
        throw this.error(`damaged data page at byte ${at}: ${e.message}`, bodyStart);
      throw e;
    }
  }
  values(encoding, data, start, count) {
    const end = data.length;
    const width = this.width;
    switch (encoding) {
      case 0:
        return this.plain(data, start, end, count);
      case 2:
      case 8: {
        const dict = this.dictionary;
        if (!dict)
          throw new EncodingError("dictionary-encoded page without a dictionary page", start);
        if (start >= end && count > 0)
          throw new EncodingError("ends before the dictionary indices", start);
        if (count > 0 && data[start] > 32)
          throw new EncodingError(`dictionary indices of ${data[start]} bits`, start);
        const indices = new Int32Array(count);
        if (count > 0) decodeHybrid(data, start + 1, end, data[start], count, indices);
        return gather(dict, indices, width);
      }
      case 5: {
        const ints = deltaBinaryPacked(data, start, end, count).values;
        if (width === 8) return new Uint8Array(ints.buffer);
        const out = new Int32Array(count);
        for (let i = 0; i < count; i++) out[i] = Number(BigInt.asIntN(32, ints[i]));
        return new Uint8Array(out.buffer);
      }
      case 6:
        return deltaLengthByteArrays(data, start, end, count).arrays;
      case 7:
        return deltaByteArrays(data, start, end, count);
      case 9:
        if (width === void 0)
          throw new EncodingError("BYTE_STREAM_SPLIT on a variable-width column", start);
        return byteStreamSplit(data, start, end, width, count);
      default:
        throw new EncodingError(`encoding ${encoding} is not supported`, start);
    }
  }
};
function gather(dict, indices, width) {
  if (dict instanceof Uint8Array) {
    const w = width;
    const size2 = dict.length / w;
    const out = new Uint8Array(indices.length * w);
    if (w === 4 && dict.byteOffset % 4 === 0) {
      const src = new Uint32Array(dict.buffer, dict.byteOffset, size2);
      const dst = new Uint32Array(out.buffer);
      for (let i = 0; i < indices.length; i++) {
        const k = indices[i];
        if (k < 0 || k >= size2) throw new EncodingError(`dictionary index ${k} of ${size2}`, 0);
        dst[i] = src[k];
      }
      return out;
    }
    for (let i = 0; i < indices.length; i++) {
      const k = indices[i];
      if (k < 0 || k >= size2) throw new EncodingError(`dictionary index ${k} of ${size2}`, 0);
      out.set(dict.subarray(k * w, k * w + w), i * w);
    }
    return out;
  }
  const size = dict.offsets.length - 1;
  const offsets = new Int32Array(indices.length + 1);
  let total = 0;
  for (let i = 0; i < indices.length; i++) {
    const k = indices[i];
    if (k < 0 || k >= size) throw new EncodingError(`dictionary index ${k} of ${size}`, 0);
    total += dict.offsets[k + 1] - dict.offsets[k];
    offsets[i + 1] = total;
  }
  const data = new Uint8Array(total);
  for (let i = 0; i < indices.length; i++) {
    const k = indices[i];
    data.set(dict.data.subarray(dict.offsets[k], dict.offsets[k + 1]), offsets[i]);
  }
  return { offsets, data };
}

export {
  readEnvelope,
  readMetadata,
  listElement,
  decompressorFor,
  ChunkPages
};
