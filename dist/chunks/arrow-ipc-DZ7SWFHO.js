#!/usr/bin/env node
import { createRequire as __egCreateRequire } from 'node:module';
import { basename as __egBasename, dirname as __egDirname } from 'node:path';
import { fileURLToPath as __egFileURLToPath } from 'node:url';
const require = __egCreateRequire(import.meta.url);
const __egHere = __egDirname(__egFileURLToPath(import.meta.url));
const __embeddingGateDir = __egBasename(__egHere) === 'chunks' ? __egDirname(__egHere) : __egHere;
import {
  CompressionType,
  DataType,
  Footer_,
  Message,
  RecordBatchReader,
  compressionRegistry,
  intIdBytes,
  selectArrowColumns,
  toVectorBatch,
  utf8IdBytes,
  withIdBytes
} from "./chunk-FZZBYBOE.js";
import {
  VectorFileError,
  alignedBytes,
  batchRowsFor,
  describeBytes,
  prefetch,
  readExactly,
  typedView
} from "./chunk-PY3O3UKF.js";
import "./chunk-M6NBXKVS.js";

// src/vectors/arrow-ipc.ts
import { open as open2 } from "node:fs/promises";

// src/vectors/arrow-ipc-generic.ts
import { open } from "node:fs/promises";
async function listDimsGeneric(path, sel) {
  for await (const batch of genericRecordBatches(path)) {
    if (batch.numRows === 0) continue;
    const offsets = batch.data.children[sel.vectorIndex].valueOffsets;
    const dims = Number(offsets[1]) - Number(offsets[0]);
    if (dims < 1)
      throw new VectorFileError(
        path,
        `vector in column "${sel.vectorColumn}" is empty; expected at least 1 value`
      );
    return dims;
  }
  throw new VectorFileError(
    path,
    `no rows: cannot learn the vector length of List column "${sel.vectorColumn}" from an empty file`
  );
}
async function* genericRecordBatches(path) {
  const handle = await open(path, "r");
  try {
    const reader = await RecordBatchReader.from(handle);
    for await (const batch of reader) yield batch;
  } catch (e) {
    if (e instanceof VectorFileError) throw e;
    throw new VectorFileError(path, `unreadable Arrow IPC data: ${e.message}`);
  } finally {
    await handle.close().catch(() => void 0);
  }
}
function genericSource(path, sel, info, opts) {
  const batchRows = batchRowsFor(info.dims * sel.itemSize, opts.batchRows);
  return {
    info,
    async *batches() {
      let rowOffset = 0;
      for await (const batch of genericRecordBatches(path)) {
        for (let start = 0; start < batch.numRows; start += batchRows) {
          const slice = start === 0 && batch.numRows <= batchRows ? batch : batch.slice(start, start + batchRows);
          yield toVectorBatch(slice, sel, rowOffset + start, path, info.dims);
        }
        rowOffset += batch.numRows;
      }
    },
    async close() {
    }
  };
}

// src/vectors/arrow-ipc-meta.ts
var FILE_MAGIC = "ARROW1";
var CONTINUATION = -1;
async function readIpcFileMetadata(handle, size, path) {
  if (size < 18)
    throw new VectorFileError(
      path,
      `truncated Arrow IPC file: ${size} bytes is too short for magic and footer`,
      { byte: size }
    );
  const tail = new Uint8Array(10);
  await readExactly(handle, tail, 0, 10, size - 10, path, "the Arrow footer length and magic");
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
  const footerBytes = new Uint8Array(footerLength);
  await readExactly(handle, footerBytes, 0, footerLength, footerStart, path, "the Arrow footer");
  let footer;
  try {
    footer = Footer_.decode(footerBytes);
  } catch (e) {
    throw new VectorFileError(
      path,
      `damaged Arrow IPC file: unreadable footer (${e.message})`,
      { byte: footerStart }
    );
  }
  const batches = [];
  for (let i = 0; i < footer.numRecordBatches; i++) {
    const block = footer.getRecordBatch(i);
    if (!block) continue;
    const end = block.offset + block.metaDataLength + block.bodyLength;
    if (block.offset < 8 || end > footerStart) {
      throw new VectorFileError(
        path,
        `damaged Arrow IPC file: the footer places record batch ${i} at bytes ${block.offset}\u2013${end}, outside the data (8\u2013${footerStart})`,
        { byte: block.offset }
      );
    }
    const meta = new Uint8Array(block.metaDataLength);
    await readExactly(
      handle,
      meta,
      0,
      meta.length,
      block.offset,
      path,
      `record batch ${i}'s metadata`
    );
    const { flatbuffer } = splitPrefix(meta, block.offset, path);
    const message = decodeMessage(flatbuffer, block.offset, path);
    if (!message.isRecordBatch()) {
      throw new VectorFileError(
        path,
        `damaged Arrow IPC file: block ${i} is not a record batch message`,
        { byte: block.offset }
      );
    }
    batches.push(recordBatchOf(message, i, block.offset + block.metaDataLength, block.bodyLength));
  }
  return { schema: footer.schema, batches };
}
async function readIpcStreamMetadata(handle, size, path) {
  let schema;
  const batches = [];
  const prefix = new Uint8Array(8);
  const dv = new DataView(prefix.buffer);
  for (let position = 0, n = 0; position < size; n++) {
    const available = Math.min(8, size - position);
    await readExactly(handle, prefix, 0, available, position, path, `message ${n}'s length prefix`);
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
    await readExactly(handle, meta, 0, metaLength, metaStart, path, `message ${n}'s metadata`);
    const message = decodeMessage(meta, position, path);
    const bodyStart = metaStart + metaLength;
    const bodyEnd = bodyStart + message.bodyLength;
    if (bodyEnd > size) {
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
      batches.push(recordBatchOf(message, batches.length, bodyStart, message.bodyLength));
    }
    position = bodyEnd;
  }
  if (!schema)
    throw new VectorFileError(path, "not an Arrow IPC stream: no schema message found", {
      byte: 0
    });
  return { schema, batches };
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
function recordBatchOf(message, index, bodyStart, bodyLength) {
  const header = message.header();
  const compression = header.compression?.type;
  return {
    index,
    rows: header.length,
    bodyStart,
    bodyLength,
    nodes: header.nodes.map((n) => ({ length: n.length, nullCount: n.nullCount })),
    buffers: header.buffers.map((b) => ({ offset: b.offset, length: b.length })),
    ...compression !== void 0 && compression !== null && { compression }
  };
}
function truncatedAt(path, position, what) {
  return new VectorFileError(path, `truncated Arrow IPC data: the file ends inside ${what}`, {
    byte: position
  });
}

// src/vectors/arrow-ipc-plan.ts
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
    const buffer = (i, what, minLength = 0) => {
      const b = batch.buffers[i];
      if (!b) throw damaged(`has ${batch.buffers.length} buffers, expected at least ${i + 1}`);
      if (b.offset < 0 || b.offset + b.length > batch.bodyLength) {
        throw damaged(
          `${what} spans body bytes ${b.offset}\u2013${b.offset + b.length}, beyond the body's ${batch.bodyLength}`,
          b
        );
      }
      if (b.length < minLength)
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
async function readRegion(handle, plan, region, offset, length, path, what) {
  if (offset < 0 || offset + length > region.length) {
    throw new VectorFileError(
      path,
      `damaged Arrow IPC data: record batch ${plan.batch.index}: ${what} needs bytes ${offset}\u2013${offset + length} of a ${region.length}-byte buffer`,
      { byte: plan.batch.bodyStart + region.offset }
    );
  }
  const out = new Uint8Array(length);
  await readExactly(
    handle,
    out,
    0,
    length,
    plan.batch.bodyStart + region.offset + offset,
    path,
    what
  );
  return out;
}
function offsetsView(bytes, width) {
  return width === 8 ? new BigInt64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8) : new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}
async function firstNullBit(handle, plan, region, from, count, path, what) {
  if (count === 0) return -1;
  const firstByte = from >> 3;
  const bytes = await readRegion(
    handle,
    plan,
    region,
    firstByte,
    (from + count - 1 >> 3) - firstByte + 1,
    path,
    what
  );
  for (let i = 0; i < count; i++) {
    const bit = from + i - firstByte * 8;
    if ((bytes[bit >> 3] >> (bit & 7) & 1) === 0) return i;
  }
  return -1;
}

// src/vectors/arrow-ipc.ts
async function openArrow(path, format, opts = {}, readerPath = "auto") {
  const handle = await open2(path, "r");
  try {
    const size = (await handle.stat()).size;
    const meta = format === "arrow" ? await readIpcFileMetadata(handle, size, path) : await readIpcStreamMetadata(handle, size, path);
    const sel = selectArrowColumns(meta.schema, opts, path);
    const compressed = meta.batches.find((b) => b.compression !== void 0);
    if (compressed && !compressionRegistry.get(compressed.compression)) {
      throw new VectorFileError(
        path,
        `record batch ${compressed.index} is compressed with ${CompressionType[compressed.compression]}, which this reader cannot decompress; write the file uncompressed (pyarrow: compression=None)`,
        { byte: compressed.bodyStart }
      );
    }
    const directOk = !compressed && sel.idKind !== "other" && columnSlots(meta.schema, Math.max(sel.vectorIndex, sel.idIndex ?? 0)) !== void 0;
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
      const dims2 = sel.listSize ?? await listDimsDirect(handle, plans, sel, path);
      return directSource(handle, plans, sel, { ...info, dims: dims2 }, opts);
    }
    await handle.close();
    const dims = sel.listSize ?? await listDimsGeneric(path, sel);
    return genericSource(path, sel, { ...info, dims }, opts);
  } catch (e) {
    await handle.close().catch(() => void 0);
    throw e;
  }
}
function noRows(path, sel) {
  return new VectorFileError(
    path,
    `no rows: cannot learn the vector length of List column "${sel.vectorColumn}" from an empty file`
  );
}
async function listDimsDirect(handle, plans, sel, path) {
  const plan = plans.find((p) => p.batch.rows > 0);
  if (!plan) throw noRows(path, sel);
  const width = sel.vectorLayout === "large-list" ? 8 : 4;
  const offsets = offsetsView(
    await readRegion(handle, plan, plan.vectorOffsets, 0, 2 * width, path, "the vector offsets"),
    width
  );
  const dims = Number(offsets[1]) - Number(offsets[0]);
  if (dims < 1)
    throw new VectorFileError(
      path,
      `vector in column "${sel.vectorColumn}" is empty; expected at least 1 value`,
      { row: plan.firstRow }
    );
  return dims;
}
function directSource(handle, plans, sel, info, opts) {
  const { path, dims } = info;
  const rowBytes = dims * sel.itemSize;
  const batchRows = batchRowsFor(rowBytes, opts.batchRows);
  const column = `column "${sel.vectorColumn}"`;
  const offsetWidth = sel.vectorLayout === "large-list" ? 8 : 4;
  const idType = intArrayType(sel);
  let closed = false;
  const region = (plan, r, offset, length, what) => readRegion(handle, plan, r, offset, length, path, what);
  const nullBit = (plan, r, from, count, what) => firstNullBit(handle, plan, r, from, count, path, what);
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
    const readValues = (elementStart2) => region(
      plan,
      plan.childValues,
      elementStart2 * sel.itemSize,
      0,
      `the values of ${column}`
    ).then(
      () => readExactly(
        handle,
        bytes,
        0,
        bytes.length,
        plan.batch.bodyStart + plan.childValues.offset + elementStart2 * sel.itemSize,
        path,
        `the values of ${column}`
      )
    );
    const vectorNull = plan.vectorNulls > 0 ? nullBit(plan, plan.vectorValidity, start, count, "the vector validity bitmap") : Promise.resolve(-1);
    const offsets = plan.vectorOffsets ? region(
      plan,
      plan.vectorOffsets,
      start * offsetWidth,
      (count + 1) * offsetWidth,
      "the vector offsets"
    ).then((b) => offsetsView(b, offsetWidth)) : void 0;
    let values = offsets ? void 0 : readValues(start * dims);
    const idNull = plan.idNulls > 0 ? nullBit(plan, plan.idValidity, start, count, "the id validity bitmap") : Promise.resolve(-1);
    const ids = readIds(plan, start, count);
    for (const p of [vectorNull, offsets, values, idNull, ids]) p?.catch(() => void 0);
    const nullVector = await vectorNull;
    if (nullVector >= 0)
      throw new VectorFileError(path, `null vector in ${column}`, { row: row0 + nullVector });
    let elementStart = start * dims;
    if (offsets) {
      const o = await offsets;
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
      elementStart = Number(o[0]);
      values = readValues(elementStart);
    }
    if ((elementStart + count * dims) * sel.itemSize > plan.childValues.length) {
      throw new VectorFileError(
        path,
        `damaged Arrow IPC data: record batch ${plan.batch.index}: the values of ${column} hold ${plan.childValues.length} bytes, expected at least ${(elementStart + count * dims) * sel.itemSize}`,
        { byte: plan.batch.bodyStart + plan.childValues.offset }
      );
    }
    await values;
    if (plan.childNulls > 0) {
      const i = await nullBit(
        plan,
        plan.childValidity,
        elementStart,
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
  return {
    info,
    batches() {
      const maxRows = Math.max(0, ...plans.map((p) => Math.min(p.batch.rows, batchRows)));
      const slots = [alignedBytes(maxRows * rowBytes), alignedBytes(maxRows * rowBytes)];
      function* jobs() {
        for (const plan of plans) {
          for (let start = 0; start < plan.batch.rows; start += batchRows) {
            yield { plan, start, count: Math.min(batchRows, plan.batch.rows - start) };
          }
        }
      }
      return prefetch(jobs(), (job, slot) => load(job, slots[slot]));
    },
    async close() {
      if (closed) return;
      closed = true;
      await handle.close();
    }
  };
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
