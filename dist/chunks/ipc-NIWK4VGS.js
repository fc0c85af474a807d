#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
const require = __egCreateRequire(import.meta.url);
import {
  intIdBytes,
  selectArrowColumns,
  toVectorBatch,
  utf8IdBytes,
  withIdBytes
} from "./chunk-V6TOZDQI.js";
import {
  CodecError,
  DataType,
  Field,
  Footer_,
  InputWindow,
  Message,
  RecordBatchReader,
  WHOLE_CEILING,
  bodyCodec,
  require_flatbuffers
} from "./chunk-EZRWVS5J.js";
import {
  alignedBytes,
  batchRowsFor,
  describeBytes,
  prefetch,
  readExactly,
  typedView
} from "./chunk-SGSTHD3E.js";
import {
  ConfigError
} from "./chunk-O57DMMLW.js";
import {
  MAX_DIMS,
  VectorFileError
} from "./chunk-L2CUIFHJ.js";
import {
  __toESM
} from "./chunk-GE2CBHQP.js";

// src/vectors/arrow/ipc-plan.ts
function columnSlots(schema, column) {
  let node = 0;
  let buffer = 0;
  for (let i = 0; i < column; i++) {
    const layout = layoutOf(schema.fields[i].type);
    if (!layout) return void 0;
    node += layout.nodes;
    buffer += layout.buffers;
  }
  return { node, buffer };
}
function layoutOf(type) {
  const T = DataType;
  if (T.isNull(type)) return { nodes: 1, buffers: 0 };
  if (T.isDictionary(type)) return { nodes: 1, buffers: 2 };
  if (T.isBool(type) || T.isInt(type) || T.isFloat(type) || T.isDecimal(type) || T.isDate(type) || T.isTime(type) || T.isTimestamp(type) || T.isInterval(type) || T.isDuration(type) || T.isFixedSizeBinary(type)) {
    return { nodes: 1, buffers: 2 };
  }
  if (T.isUtf8(type) || T.isLargeUtf8(type) || T.isBinary(type) || T.isLargeBinary(type))
    return { nodes: 1, buffers: 3 };
  const own = T.isList(type) || T.isLargeList(type) || T.isMap(type) ? 2 : T.isFixedSizeList(type) || T.isStruct(type) ? 1 : void 0;
  if (own === void 0) return void 0;
  let nodes = 1;
  let buffers = own;
  for (const child of type.children) {
    const inner = layoutOf(child.type);
    if (!inner) return void 0;
    nodes += inner.nodes;
    buffers += inner.buffers;
  }
  return { nodes, buffers };
}
function planBatches(meta, sel, path) {
  const vectorSlots = columnSlots(meta.schema, sel.vectorIndex);
  const idSlots = sel.idIndex === void 0 ? void 0 : columnSlots(meta.schema, sel.idIndex);
  const idType = sel.idIndex === void 0 ? void 0 : meta.schema.fields[sel.idIndex].type;
  let firstRow = 0;
  return meta.batches.map((batch) => {
    const damaged = (what, region) => new VectorFileError(path, `damaged Arrow IPC data: record batch ${batch.index}: ${what}`, {
      byte: batch.bodyStart + (region?.offset ?? 0)
    });
    const node = (i) => {
      const n = batch.nodes[i];
      if (!n) throw damaged(`has ${batch.nodes.length} field nodes, expected at least ${i + 1}`);
      return n;
    };
    const compressed = batch.compression !== void 0;
    const buffer = (i, what, minLength = 0) => {
      const b = batch.buffers[i];
      if (!b) throw damaged(`has ${batch.buffers.length} buffers, expected at least ${i + 1}`);
      if (b.offset < 0 || b.offset + b.length > batch.bodyLength) {
        throw damaged(
          `${what} spans body bytes ${b.offset}\u2013${b.offset + b.length}, beyond the body's ${batch.bodyLength}`,
          b
        );
      }
      if (!compressed && b.length < minLength)
        throw damaged(`${what} holds ${b.length} bytes, expected at least ${minLength}`, b);
      return b;
    };
    const rows = batch.rows;
    const v = vectorSlots;
    const list = sel.vectorLayout !== "fixed-size-list";
    const offsetWidth = sel.vectorLayout === "large-list" ? 8 : 4;
    const vectorNode = node(v.node);
    const childNode = node(v.node + 1);
    const childAt = v.buffer + (list ? 2 : 1);
    if (vectorNode.length !== rows)
      throw damaged(`column "${sel.vectorColumn}" has ${vectorNode.length} rows, expected ${rows}`);
    const needValues = list ? 0 : rows * sel.listSize * sel.itemSize;
    const plan = {
      batch,
      firstRow,
      vectorNulls: vectorNode.nullCount,
      vectorValidity: buffer(
        v.buffer,
        "the vector validity bitmap",
        vectorNode.nullCount > 0 ? Math.ceil(rows / 8) : 0
      ),
      ...list && {
        vectorOffsets: buffer(
          v.buffer + 1,
          "the vector offsets",
          rows > 0 ? (rows + 1) * offsetWidth : 0
        )
      },
      childNulls: childNode.nullCount,
      childValidity: buffer(
        childAt,
        "the element validity bitmap",
        childNode.nullCount > 0 ? Math.ceil(childNode.length / 8) : 0
      ),
      childValues: buffer(childAt + 1, `the values of column "${sel.vectorColumn}"`, needValues),
      idNulls: 0
    };
    firstRow += rows;
    if (!idSlots || !idType) return plan;
    const idNode = node(idSlots.node);
    if (idNode.length !== rows)
      throw damaged(`column "${sel.idColumn}" has ${idNode.length} rows, expected ${rows}`);
    const utf8 = sel.idKind !== "int";
    const width = utf8 ? sel.idKind === "large-utf8" ? 8 : 4 : idType.bitWidth / 8;
    return {
      ...plan,
      idNulls: idNode.nullCount,
      idValidity: buffer(
        idSlots.buffer,
        "the id validity bitmap",
        idNode.nullCount > 0 ? Math.ceil(rows / 8) : 0
      ),
      ...utf8 ? {
        idOffsets: buffer(
          idSlots.buffer + 1,
          "the id offsets",
          rows > 0 ? (rows + 1) * width : 0
        ),
        idValues: buffer(idSlots.buffer + 2, "the id bytes")
      } : { idValues: buffer(idSlots.buffer + 1, "the id values", rows * width) }
    };
  });
}
async function readRegion(source, plan, region, offset, length, what) {
  if (offset < 0 || length < 0 || offset + length > region.length) {
    throw new VectorFileError(
      source.display,
      `damaged Arrow IPC data: record batch ${plan.batch.index}: ${what} needs bytes ${offset}\u2013${offset + length} of a ${region.length}-byte buffer`,
      { byte: plan.batch.bodyStart + region.offset }
    );
  }
  const out = new Uint8Array(length);
  await readExactly(source, out, 0, length, plan.batch.bodyStart + region.offset + offset, what);
  return out;
}
function offsetsView(bytes, width) {
  return width === 8 ? new BigInt64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8) : new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}
async function firstNullBit(read, from, count) {
  if (count === 0) return -1;
  const firstByte = from >> 3;
  const bytes = await read(firstByte, (from + count - 1 >> 3) - firstByte + 1);
  for (let i = 0; i < count; i++) {
    const bit = from + i - firstByte * 8;
    if ((bytes[bit >> 3] >> (bit & 7) & 1) === 0) return i;
  }
  return -1;
}

// src/vectors/arrow/ipc-body.ts
var WHOLE = 16 << 20;
var BodyReader = class {
  constructor(source, codecs) {
    this.source = source;
    this.codecs = codecs;
    this.path = source.display;
  }
  source;
  codecs;
  stored = /* @__PURE__ */ new Map();
  wholes = /* @__PURE__ */ new Map();
  stream;
  window = new InputWindow(() => Promise.resolve(0), 0);
  queue = Promise.resolve();
  discard;
  path;
  /** Bytes in the buffer (after decompression). */
  async length(plan, region, what) {
    if (plan.batch.compression === void 0) return region.length;
    return (await this.storedAs(plan, region, what)).length;
  }
  /**
   * `length` bytes from `offset` of the buffer's contents. Buffers up to {@link WHOLE} bytes
   * are read (and decompressed) whole on first use and kept for the batch: a batch's slices
   * then cost one read each for their values, not three (offsets and bytes of the ids).
   */
  async slice(plan, region, offset, length, what) {
    if (plan.batch.compression === void 0) {
      if (region.length > WHOLE) return readRegion(this.source, plan, region, offset, length, what);
      this.check(plan, region, region.length, offset, length, what);
      return (await this.whole(plan, region, what)).subarray(offset, offset + length);
    }
    const stored = await this.storedAs(plan, region, what);
    this.check(plan, region, stored.length, offset, length, what);
    if (!stored.compressed) return readRegion(this.source, plan, region, 8 + offset, length, what);
    return (await this.whole(plan, region, what, stored.length)).subarray(offset, offset + length);
  }
  /** The buffer's contents, read once per batch (`length`: decompressed, when compressed). */
  whole(plan, region, what, length) {
    const key = keyOf(plan, region);
    let whole = this.wholes.get(key);
    if (!whole) {
      whole = length === void 0 ? readRegion(this.source, plan, region, 0, region.length, what) : this.decompressWhole(plan, region, length, what);
      this.wholes.set(key, whole);
    }
    return whole;
  }
  /**
   * Fills `target` with the buffer's contents from `offset`, which may still be in the
   * making. Within a compressed batch, calls are served in the order they are made, and
   * offsets should only grow from call to call (a smaller one restarts the decoder).
   */
  fill(plan, region, offset, target, what) {
    if (plan.batch.compression === void 0) {
      return offset.then((at) => {
        this.check(plan, region, region.length, at, target.length, what);
        const position = plan.batch.bodyStart + region.offset + at;
        return readExactly(this.source, target, 0, target.length, position, what);
      });
    }
    const run = this.queue.then(async () => {
      const at = await offset;
      const stored = await this.storedAs(plan, region, what);
      this.check(plan, region, stored.length, at, target.length, what);
      if (!stored.compressed) {
        const position = plan.batch.bodyStart + region.offset + 8 + at;
        return readExactly(this.source, target, 0, target.length, position, what);
      }
      const key = keyOf(plan, region);
      if (!this.stream || this.stream.key !== key || this.stream.position > at) {
        await this.stream?.decoder.finish();
        this.stream = await this.openStream(plan, region, key);
      }
      const stream = this.stream;
      try {
        while (stream.position < at) {
          this.discard ??= new Uint8Array(1 << 20);
          const n = Math.min(this.discard.length, at - stream.position);
          await stream.decoder.read(this.discard.subarray(0, n));
          stream.position += n;
        }
        await stream.decoder.read(target);
        stream.position += target.length;
      } catch (e) {
        this.stream = void 0;
        throw this.codecError(e, plan, region, what);
      }
    });
    this.queue = run.catch(() => void 0);
    return run;
  }
  /** Lets the last stream's decoder free what it holds (zstddec's, in WebAssembly memory). */
  async close() {
    await this.queue;
    const stream = this.stream;
    this.stream = void 0;
    await stream?.decoder.finish();
    this.stored.clear();
    this.wholes.clear();
  }
  /** Drops what was kept for record batches before `index`. */
  forget(index) {
    for (const map of [this.stored, this.wholes])
      for (const key of map.keys()) if (Number(key.split(":")[0]) < index) map.delete(key);
  }
  storedAs(plan, region, what) {
    const key = keyOf(plan, region);
    let stored = this.stored.get(key);
    if (!stored) {
      stored = this.readPrefix(plan, region, what);
      this.stored.set(key, stored);
    }
    return stored;
  }
  async readPrefix(plan, region, what) {
    if (region.length === 0) return { length: 0, compressed: false };
    const prefix = await readRegion(
      this.source,
      plan,
      region,
      0,
      8,
      `the uncompressed length of ${what}`
    );
    const dv = new DataView(prefix.buffer, prefix.byteOffset, 8);
    const low = dv.getUint32(0, true);
    const high = dv.getInt32(4, true);
    if (high === -1 && low === 4294967295) return { length: region.length - 8, compressed: false };
    const length = high * 2 ** 32 + low;
    const codec = this.codec(plan);
    if (high < 0 || high >= 2097152 || length > (region.length - 8) * codec.maxExpansion)
      throw this.damaged(
        plan,
        region,
        `${what} states an uncompressed length of ${dv.getBigInt64(0, true)}, more than its ${region.length - 8} compressed bytes can hold (${codec.name} expands at most ${codec.maxExpansion}\xD7)`
      );
    return { length, compressed: true };
  }
  async decompressWhole(plan, region, length, what) {
    if (length > WHOLE_CEILING)
      throw this.damaged(
        plan,
        region,
        `${what} states an uncompressed length of ${length}, over this reader's ceiling of ${WHOLE_CEILING} bytes for a buffer decompressed whole`
      );
    const src = await readRegion(this.source, plan, region, 8, region.length - 8, what);
    try {
      return this.codec(plan).decompress(src, length);
    } catch (e) {
      throw this.codecError(e, plan, region, what);
    }
  }
  async openStream(plan, region, key) {
    let position = plan.batch.bodyStart + region.offset + 8;
    await this.window.reset(async (target, offset, length) => {
      const bytesRead = await this.source.read(target, offset, length, position);
      position += bytesRead;
      return bytesRead;
    }, region.length - 8);
    return { key, decoder: this.codec(plan).stream(this.window), position: 0 };
  }
  codec(plan) {
    const codec = this.codecs.get(plan.batch.compression);
    if (!codec) throw new Error(`no codec prepared for compression ${plan.batch.compression}`);
    return codec;
  }
  /** The error readRegion gives for an out-of-range read, against the decompressed length. */
  check(plan, region, length, offset, count, what) {
    if (offset < 0 || offset + count > length)
      throw this.damaged(
        plan,
        region,
        `${what} needs bytes ${offset}\u2013${offset + count} of a ${length}-byte buffer`
      );
  }
  codecError(e, plan, region, what) {
    if (e instanceof VectorFileError || e instanceof ConfigError) return e;
    const at = e instanceof CodecError ? e.at : 0;
    return new VectorFileError(
      this.path,
      `damaged Arrow IPC data: record batch ${plan.batch.index}: ${what} (${this.codec(plan).name}): ${e.message}`,
      { byte: plan.batch.bodyStart + region.offset + 8 + at }
    );
  }
  damaged(plan, region, detail) {
    return new VectorFileError(
      this.path,
      `damaged Arrow IPC data: record batch ${plan.batch.index}: ${detail}`,
      { byte: plan.batch.bodyStart + region.offset }
    );
  }
};
function keyOf(plan, region) {
  return `${plan.batch.index}:${region.offset}:${region.length}`;
}

// src/vectors/arrow/ipc-generic.ts
var MAX_EMPTY_READS = 8;
async function listDimsGeneric(source, sel) {
  const path = source.display;
  for await (const batch of genericRecordBatches(source)) {
    if (batch.numRows === 0) continue;
    const offsets = batch.data.children[sel.vectorIndex]?.valueOffsets;
    const dims = Number(offsets?.[1]) - Number(offsets?.[0]);
    if (!(dims >= 1))
      throw new VectorFileError(
        path,
        `vector in column "${sel.vectorColumn}" is empty; expected at least 1 value`
      );
    if (dims > MAX_DIMS)
      throw new VectorFileError(
        path,
        `vector in column "${sel.vectorColumn}" has ${dims} values; expected at most ${MAX_DIMS}`
      );
    return dims;
  }
  throw new VectorFileError(
    path,
    `no rows: cannot learn the vector length of List column "${sel.vectorColumn}" from an empty file`
  );
}
function convert(f, index, path) {
  try {
    return f();
  } catch (e) {
    if (e instanceof VectorFileError || e instanceof ConfigError) throw e;
    throw new VectorFileError(
      path,
      `damaged Arrow IPC data: record batch ${index}: unreadable buffers (${e.message})`
    );
  }
}
async function* genericRecordBatches(source) {
  try {
    const reader = await RecordBatchReader.from(asFileHandle(source));
    for await (const batch of reader) yield batch;
  } catch (e) {
    if (e instanceof VectorFileError || e instanceof ConfigError) throw e;
    throw new VectorFileError(source.display, `unreadable Arrow IPC data: ${e.message}`);
  }
}
function asFileHandle(source) {
  let emptyReads = 0;
  const handle = {
    fd: -1,
    stat: async () => ({ size: source.size }),
    read: async (buffer, offset, length, position) => {
      const bytesRead = await source.read(buffer, offset, length, position);
      emptyReads = bytesRead === 0 && length > 0 ? emptyReads + 1 : 0;
      if (emptyReads > MAX_EMPTY_READS)
        throw new VectorFileError(
          source.display,
          `damaged Arrow IPC data: a message's length points outside the ${source.size}-byte file (a read of ${length} bytes at ${position})`,
          position >= 0 && position <= source.size ? { byte: position } : void 0
        );
      return { bytesRead, buffer };
    },
    close: async () => void 0
  };
  return handle;
}
function genericSource(source, sel, info, opts) {
  const path = source.display;
  const batchRows = batchRowsFor(info.dims * sel.itemSize, opts.batchRows);
  return {
    info,
    async *batches() {
      let rowOffset = 0;
      let index = 0;
      for await (const batch of genericRecordBatches(source)) {
        for (let start = 0; start < batch.numRows; start += batchRows) {
          yield convert(
            () => {
              const slice = start === 0 && batch.numRows <= batchRows ? batch : batch.slice(start, start + batchRows);
              return toVectorBatch(slice, sel, rowOffset + start, path, info.dims);
            },
            index,
            path
          );
        }
        rowOffset += batch.numRows;
        index++;
      }
    },
    async close() {
      await source.close();
    }
  };
}

// src/vectors/arrow/flatbuffer-bounds.ts
var import_flatbuffers = __toESM(require_flatbuffers(), 1);
var SIZEOF_INT = 4;
var FlatBufferBoundsError = class extends Error {
};
var proto = import_flatbuffers.ByteBuffer.prototype;
if (!proto.__bounded) {
  proto.__bounded = true;
  proto.__vector_len = function(offset) {
    const at = offset + this.readInt32(offset);
    const length = this.readInt32(at);
    if (length < 0 || at + SIZEOF_INT + length > this.capacity())
      throw new FlatBufferBoundsError(
        `a FlatBuffers vector at byte ${at} claims ${length} elements, past the end of its ${this.capacity()}-byte buffer`
      );
    return length;
  };
}

// src/vectors/arrow/ipc-meta.ts
var FILE_MAGIC = "ARROW1";
var CONCURRENT_READS = 32;
var CONTINUATION = -1;
async function readIpcFileMetadata(source) {
  const { size, display: path } = source;
  if (size < 18)
    throw new VectorFileError(
      path,
      `truncated Arrow IPC file: ${size} bytes is too short for magic and footer`,
      { byte: size }
    );
  const tail = new Uint8Array(10);
  await readExactly(source, tail, 0, 10, size - 10, "the Arrow footer length and magic");
  const trailing = new TextDecoder("latin1").decode(tail.subarray(4));
  if (trailing !== FILE_MAGIC) {
    throw new VectorFileError(
      path,
      `truncated or damaged Arrow IPC file: expected magic ARROW1 at its end (byte ${size - 6}), found ${describeBytes(tail.subarray(4))}`,
      { byte: size - 6 }
    );
  }
  const footerLength = new DataView(tail.buffer).getInt32(0, true);
  const footerStart = size - 10 - footerLength;
  if (footerLength <= 0 || footerStart < 8) {
    throw new VectorFileError(
      path,
      `damaged Arrow IPC file: footer length ${footerLength} does not fit in ${size} bytes`,
      {
        byte: size - 10
      }
    );
  }
  const head = new Uint8Array(6);
  await readExactly(source, head, 0, 6, 0, "the Arrow magic");
  if (new TextDecoder("latin1").decode(head) !== FILE_MAGIC)
    throw new VectorFileError(
      path,
      `damaged Arrow IPC file: expected magic ARROW1 at byte 0, found ${describeBytes(head)}`,
      { byte: 0 }
    );
  const footerBytes = new Uint8Array(footerLength);
  await readExactly(source, footerBytes, 0, footerLength, footerStart, "the Arrow footer");
  const damagedFooter = (e) => e instanceof VectorFileError ? e : new VectorFileError(
    path,
    `damaged Arrow IPC file: unreadable footer (${e.message})`,
    { byte: footerStart }
  );
  let footer;
  try {
    footer = Footer_.decode(footerBytes);
  } catch (e) {
    throw damagedFooter(e);
  }
  const blocks = [];
  try {
    for (let i = 0; i < footer.numDictionaries; i++) {
      const block = footer.getDictionaryBatch(i);
      if (block) checkBlock(path, `dictionary batch ${i}`, block, footerStart);
    }
    const count = footer.numRecordBatches;
    if (count > footerLength / 24)
      throw new VectorFileError(
        path,
        `damaged Arrow IPC file: the footer lists ${count} record batches in ${footerLength} bytes`,
        { byte: footerStart }
      );
    for (let i = 0; i < count; i++) {
      const block = footer.getRecordBatch(i);
      if (!block) continue;
      checkBlock(path, `record batch ${i}`, block, footerStart);
      blocks.push({
        i,
        offset: block.offset,
        metaDataLength: block.metaDataLength,
        bodyLength: Number(block.bodyLength)
      });
    }
  } catch (e) {
    throw damagedFooter(e);
  }
  const batches = new Array(blocks.length);
  const readBlock = async (k) => {
    const { i, offset, metaDataLength, bodyLength } = blocks[k];
    const meta = new Uint8Array(metaDataLength);
    await readExactly(source, meta, 0, meta.length, offset, `record batch ${i}'s metadata`);
    const { flatbuffer } = splitPrefix(meta, offset, path);
    const message = decodeMessage(flatbuffer, offset, path);
    if (!message.isRecordBatch()) {
      throw new VectorFileError(
        path,
        `damaged Arrow IPC file: block ${i} is not a record batch message`,
        { byte: offset }
      );
    }
    batches[k] = recordBatchOf(message, i, offset + metaDataLength, bodyLength, path, offset);
  };
  for (let k = 0; k < blocks.length; k += CONCURRENT_READS) {
    const reads = [];
    for (let j = k; j < Math.min(blocks.length, k + CONCURRENT_READS); j++)
      reads.push(readBlock(j));
    const settled = await Promise.allSettled(reads);
    const failed = settled.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
  }
  return { schema: checkSchema(footer.schema, path, footerStart), batches };
}
async function readIpcStreamMetadata(source) {
  const { size, display: path } = source;
  let schema;
  const batches = [];
  const prefix = new Uint8Array(8);
  const dv = new DataView(prefix.buffer);
  for (let position = 0, n = 0; position < size; n++) {
    const available = Math.min(8, size - position);
    await readExactly(source, prefix, 0, available, position, `message ${n}'s length prefix`);
    if (available < 4) throw truncatedAt(path, position, `the length prefix of message ${n}`);
    let metaLength = dv.getInt32(0, true);
    let prefixLength = 4;
    if (metaLength === CONTINUATION) {
      if (available < 8) throw truncatedAt(path, position, `the length prefix of message ${n}`);
      metaLength = dv.getInt32(4, true);
      prefixLength = 8;
    }
    if (metaLength === 0) break;
    const metaStart = position + prefixLength;
    if (metaLength < 0 || metaStart + metaLength > size) {
      throw new VectorFileError(
        path,
        `truncated Arrow IPC stream: message ${n} declares ${metaLength} bytes of metadata from byte ${metaStart}, but the file ends at byte ${size}`,
        { byte: position }
      );
    }
    const meta = new Uint8Array(metaLength);
    await readExactly(source, meta, 0, metaLength, metaStart, `message ${n}'s metadata`);
    const message = decodeMessage(meta, position, path);
    const bodyStart = metaStart + metaLength;
    const bodyEnd = bodyStart + message.bodyLength;
    if (!(message.bodyLength >= 0) || !(bodyEnd <= size)) {
      throw new VectorFileError(
        path,
        `truncated Arrow IPC stream: message ${n}'s body should span bytes ${bodyStart}\u2013${bodyEnd}, but the file ends at byte ${size}`,
        { byte: size }
      );
    }
    if (message.isSchema()) {
      if (schema)
        throw new VectorFileError(path, `damaged Arrow IPC stream: a second schema message`, {
          byte: position
        });
      schema = message.header();
    } else if (message.isRecordBatch()) {
      if (!schema)
        throw new VectorFileError(
          path,
          `damaged Arrow IPC stream: a record batch before the schema`,
          { byte: position }
        );
      batches.push(
        recordBatchOf(message, batches.length, bodyStart, message.bodyLength, path, position)
      );
    }
    position = bodyEnd;
  }
  if (!schema)
    throw new VectorFileError(path, "not an Arrow IPC stream: no schema message found", {
      byte: 0
    });
  return { schema: checkSchema(schema, path, 0), batches };
}
var MAX_TYPE_DEPTH = 64;
function checkSchema(schema, path, byte) {
  const T = DataType;
  const damaged = (what) => new VectorFileError(path, `damaged Arrow IPC schema: ${what}`, { byte });
  const visit = (field, depth) => {
    const type = field?.type;
    if (!field || !type) throw damaged("a field without a type");
    if (depth > MAX_TYPE_DEPTH) throw damaged(`types nested over ${MAX_TYPE_DEPTH} levels deep`);
    const children = type.children ?? [];
    const oneChild = T.isList(type) || T.isLargeList(type) || T.isFixedSizeList(type) || T.isMap(type);
    if (oneChild && children.length !== 1)
      throw damaged(`field "${field.name}" is a list type with ${children.length} child fields`);
    for (const child of children) visit(child, depth + 1);
    if (T.isDictionary(type)) {
      if (!type.dictionary || !type.indices)
        throw damaged(`field "${field.name}" is a dictionary without its types`);
      visit(new Field("dictionary", type.dictionary), depth + 1);
    }
    try {
      String(type);
    } catch (e) {
      throw damaged(`field "${field.name}" has an unreadable type (${e.message})`);
    }
  };
  for (const field of schema.fields) visit(field, 0);
  return schema;
}
function checkBlock(path, what, block, footerStart) {
  const body = Number(block.bodyLength);
  const end = block.offset + block.metaDataLength + body;
  if (!(block.offset >= 8) || !(block.metaDataLength >= 8) || !(body >= 0) || !Number.isSafeInteger(end) || end > footerStart) {
    throw new VectorFileError(
      path,
      `damaged Arrow IPC file: the footer places ${what} at bytes ${block.offset}\u2013${end} (metadata ${block.metaDataLength} bytes, body ${body}), outside the data (8\u2013${footerStart})`,
      { byte: block.offset }
    );
  }
}
function splitPrefix(meta, position, path) {
  if (meta.length < 8) throw truncatedAt(path, position, "a message length prefix");
  const dv = new DataView(meta.buffer, meta.byteOffset, meta.byteLength);
  const first = dv.getInt32(0, true);
  const prefixLength = first === CONTINUATION ? 8 : 4;
  const length = first === CONTINUATION ? dv.getInt32(4, true) : first;
  if (length < 0 || prefixLength + length > meta.length) {
    throw new VectorFileError(
      path,
      `damaged Arrow IPC file: message metadata length ${length} exceeds its block`,
      { byte: position }
    );
  }
  return { flatbuffer: meta.subarray(prefixLength, prefixLength + length) };
}
function decodeMessage(flatbuffer, position, path) {
  try {
    const message = Message.decode(flatbuffer);
    message.header();
    return message;
  } catch (e) {
    if (e instanceof VectorFileError) throw e;
    throw new VectorFileError(
      path,
      `damaged Arrow IPC data: unreadable message metadata (${e.message})`,
      {
        byte: position
      }
    );
  }
}
function recordBatchOf(message, index, bodyStart, bodyLength, path, position) {
  const header = message.header();
  const compression = header.compression?.type;
  const bad = (what, value) => new VectorFileError(
    path,
    `damaged Arrow IPC data: record batch ${index} declares ${what} ${value}`,
    { byte: position }
  );
  const count = (what, value) => {
    if (!Number.isSafeInteger(value) || value < 0) throw bad(what, value);
    return value;
  };
  const rows = count("a row count of", header.length);
  return {
    index,
    rows,
    bodyStart,
    bodyLength,
    nodes: header.nodes.map((n) => ({
      length: count("a field node length of", n.length),
      nullCount: count("a null count of", n.nullCount)
    })),
    buffers: header.buffers.map((b) => ({
      offset: count("a buffer offset of", b.offset),
      length: count("a buffer length of", b.length)
    })),
    ...compression !== void 0 && compression !== null && { compression }
  };
}
function truncatedAt(path, position, what) {
  return new VectorFileError(path, `truncated Arrow IPC data: the file ends inside ${what}`, {
    byte: position
  });
}

// src/vectors/arrow/ipc.ts
var SLOTS = 3;
async function openArrow(source, format, opts = {}, readerPath = "auto") {
  const path = source.display;
  try {
    const meta = format === "arrow" ? await readIpcFileMetadata(source) : await readIpcStreamMetadata(source);
    const sel = selectArrowColumns(meta.schema, opts, path);
    const codecs = /* @__PURE__ */ new Map();
    for (const batch of meta.batches) {
      const type = batch.compression;
      if (type === void 0 || codecs.has(type)) continue;
      const codec = await bodyCodec(type);
      if (!codec) {
        throw new VectorFileError(
          path,
          `record batch ${batch.index} is compressed with codec ${type}, which this reader does not know (Arrow IPC defines LZ4_FRAME and ZSTD)`,
          { byte: batch.bodyStart }
        );
      }
      codecs.set(type, codec);
    }
    checkRowCounts(meta.batches, sel, codecs, path);
    const directOk = sel.idKind !== "other" && columnSlots(meta.schema, Math.max(sel.vectorIndex, sel.idIndex ?? 0)) !== void 0;
    if (readerPath === "direct" && !directOk)
      throw new Error(`${path}: the direct Arrow path cannot read this file`);
    const direct = readerPath === "generic" ? false : directOk;
    const rows = meta.batches.reduce((n, b) => n + b.rows, 0);
    const info = {
      path,
      format,
      dtype: sel.dtype,
      rows,
      vectorColumn: sel.vectorColumn,
      ...sel.idColumn !== void 0 && { idColumn: sel.idColumn },
      hasIds: sel.idIndex !== void 0
    };
    if (direct) {
      const plans = planBatches(meta, sel, path);
      const body = new BodyReader(source, codecs);
      const dims2 = sel.listSize ?? await listDimsDirect(body, plans, sel, path);
      return directSource(source, body, plans, sel, { ...info, dims: dims2 }, opts);
    }
    const dims = sel.listSize ?? await listDimsGeneric(source, sel);
    return genericSource(source, sel, { ...info, dims }, opts);
  } catch (e) {
    await source.close().catch(() => void 0);
    throw e;
  }
}
function checkRowCounts(batches, sel, codecs, path) {
  for (const batch of batches) {
    if (batch.rows === 0) continue;
    const needed = sel.listSize !== void 0 ? batch.rows * sel.listSize * sel.itemSize : (batch.rows + 1) * (sel.vectorLayout === "large-list" ? 8 : 4);
    const expansion = batch.compression === void 0 ? 1 : codecs.get(batch.compression)?.maxExpansion ?? 1;
    if (needed > batch.bodyLength * expansion)
      throw new VectorFileError(
        path,
        `damaged Arrow IPC data: record batch ${batch.index} declares ${batch.rows} rows, more than its ${batch.bodyLength}-byte body can hold for column "${sel.vectorColumn}"`,
        { byte: batch.bodyStart }
      );
  }
}
function noRows(path, sel) {
  return new VectorFileError(
    path,
    `no rows: cannot learn the vector length of List column "${sel.vectorColumn}" from an empty file`
  );
}
async function listDimsDirect(body, plans, sel, path) {
  const plan = plans.find((p) => p.batch.rows > 0);
  if (!plan) throw noRows(path, sel);
  const width = sel.vectorLayout === "large-list" ? 8 : 4;
  const offsets = offsetsView(
    await body.slice(plan, plan.vectorOffsets, 0, 2 * width, "the vector offsets"),
    width
  );
  const dims = Number(offsets[1]) - Number(offsets[0]);
  if (dims < 1)
    throw new VectorFileError(
      path,
      `vector in column "${sel.vectorColumn}" is empty; expected at least 1 value`,
      { row: plan.firstRow }
    );
  const values = await body.length(
    plan,
    plan.childValues,
    `the values of column "${sel.vectorColumn}"`
  );
  if (dims > MAX_DIMS || dims * sel.itemSize > values)
    throw new VectorFileError(
      path,
      `damaged Arrow IPC data: record batch ${plan.batch.index}: the first vector in column "${sel.vectorColumn}" has ${dims} values, but its values buffer holds ${values} bytes (and at most ${MAX_DIMS} values are read per vector)`,
      { row: plan.firstRow }
    );
  return dims;
}
function directSource(source, body, plans, sel, info, opts) {
  const { path, dims } = info;
  const rowBytes = dims * sel.itemSize;
  const batchRows = batchRowsFor(rowBytes, opts.batchRows);
  const column = `column "${sel.vectorColumn}"`;
  const offsetWidth = sel.vectorLayout === "large-list" ? 8 : 4;
  const idType = intArrayType(sel);
  let closed = false;
  const region = (plan, r, offset, length, what) => body.slice(plan, r, offset, length, what);
  const nullBit = (plan, r, from, count, what) => firstNullBit((offset, length) => body.slice(plan, r, offset, length, what), from, count);
  async function readIds(plan, start, count) {
    if (!plan.idValues) return void 0;
    if (plan.idOffsets) {
      const width = sel.idKind === "large-utf8" ? 8 : 4;
      const offsets = offsetsView(
        await region(plan, plan.idOffsets, start * width, (count + 1) * width, "the id offsets"),
        width
      );
      const from = Number(offsets[0]);
      const data = await region(
        plan,
        plan.idValues,
        from,
        Number(offsets[count]) - from,
        "the id bytes"
      );
      return utf8IdBytes(offsets, data, count, from);
    }
    const size = idType.BYTES_PER_ELEMENT;
    const bytes = await region(plan, plan.idValues, start * size, count * size, "the id values");
    return intIdBytes(new idType(bytes.buffer, bytes.byteOffset, count), count);
  }
  async function load(job, slot) {
    const { plan, start, count } = job;
    const row0 = plan.firstRow + start;
    const bytes = slot.subarray(0, count * rowBytes);
    const valuesWhat = `the values of ${column}`;
    body.forget(plan.batch.index - 1);
    const vectorNull = plan.vectorNulls > 0 ? nullBit(plan, plan.vectorValidity, start, count, "the vector validity bitmap") : Promise.resolve(-1);
    const offsets = plan.vectorOffsets ? region(
      plan,
      plan.vectorOffsets,
      start * offsetWidth,
      (count + 1) * offsetWidth,
      "the vector offsets"
    ).then((b) => offsetsView(b, offsetWidth)) : void 0;
    const elementStart = offsets ? offsets.then((o) => Number(o[0])) : Promise.resolve(start * dims);
    const valuesLength = body.length(plan, plan.childValues, valuesWhat);
    const valuesAt = Promise.all([elementStart, valuesLength, offsets]).then(([e, length, o]) => {
      if (o) checkLengths(o, count, row0);
      checkValues(plan, e, count, length);
      return e * sel.itemSize;
    });
    const values = body.fill(plan, plan.childValues, valuesAt, bytes, valuesWhat);
    const idNull = plan.idNulls > 0 ? nullBit(plan, plan.idValidity, start, count, "the id validity bitmap") : Promise.resolve(-1);
    const ids = readIds(plan, start, count);
    for (const p of [vectorNull, offsets, valuesAt, values, idNull, ids]) p?.catch(() => void 0);
    const nullVector = await vectorNull;
    if (nullVector >= 0)
      throw new VectorFileError(path, `null vector in ${column}`, { row: row0 + nullVector });
    await valuesAt;
    await values;
    const first = await elementStart;
    if (plan.childNulls > 0) {
      const i = await nullBit(
        plan,
        plan.childValidity,
        first,
        count * dims,
        "the element validity bitmap"
      );
      if (i >= 0)
        throw new VectorFileError(
          path,
          `null value at position ${i % dims} of the vector in ${column}`,
          { row: row0 + Math.floor(i / dims) }
        );
    }
    const nullId = await idNull;
    if (nullId >= 0)
      throw new VectorFileError(path, `null id in column "${sel.idColumn}"`, {
        row: row0 + nullId
      });
    const idBytes = await ids;
    const batch = {
      rowOffset: row0,
      rows: count,
      dims,
      dtype: sel.dtype,
      values: typedView(sel.dtype, bytes.buffer, bytes.byteOffset, count * dims)
    };
    return idBytes ? withIdBytes(batch, idBytes) : batch;
  }
  function checkLengths(o, count, row0) {
    for (let r = 0; r < count; r++) {
      const length = Number(o[r + 1]) - Number(o[r]);
      if (length !== dims) {
        throw new VectorFileError(
          path,
          `vector in ${column} has ${length} values, expected ${dims} like the first row`,
          { row: row0 + r }
        );
      }
    }
  }
  function checkValues(plan, elementStart, count, length) {
    const needed = (elementStart + count * dims) * sel.itemSize;
    if (elementStart < 0 || needed > length) {
      throw new VectorFileError(
        path,
        `damaged Arrow IPC data: record batch ${plan.batch.index}: the values of ${column} hold ${length} bytes, expected at least ${needed}`,
        { byte: plan.batch.bodyStart + plan.childValues.offset }
      );
    }
  }
  return {
    info,
    batches: () => stream(0),
    batchesFrom: (fromRow) => stream(fromRow),
    async close() {
      if (closed) return;
      closed = true;
      await body.close();
      await source.close();
    }
  };
  function stream(fromRow) {
    {
      const maxRows = Math.max(0, ...plans.map((p) => Math.min(p.batch.rows, batchRows)));
      const slots = Array.from({ length: SLOTS }, () => alignedBytes(maxRows * rowBytes));
      function* jobs() {
        for (const plan of plans) {
          const rows = plan.batch.rows;
          if (plan.firstRow + rows <= fromRow) continue;
          const size = Math.ceil(rows / Math.ceil(rows / batchRows));
          for (let start = 0; start < rows; start += size)
            yield { plan, start, count: Math.min(size, rows - start) };
        }
      }
      return prefetch(
        jobs(),
        (job, slot) => load(job, slots[slot]),
        SLOTS
      );
    }
  }
}
function intArrayType(sel) {
  const signed = sel.idSigned ?? true;
  const ctors = {
    1: [Int8Array, Uint8Array],
    2: [Int16Array, Uint16Array],
    4: [Int32Array, Uint32Array],
    8: [BigInt64Array, BigUint64Array]
  };
  const pair = ctors[sel.idIntWidth ?? 4];
  return signed ? pair[0] : pair[1];
}
export {
  openArrow
};
