/**
 * The metadata of an Arrow IPC file or stream, read without touching record batch bodies:
 * the schema, and for every record batch its row count, where its body lies, and its
 * field nodes and buffer regions. apache-arrow decodes every flatbuffer (footer, schema,
 * message headers); this module only finds them, checks that what they promise lies inside
 * the file, and names the byte where it does not.
 */
import * as arrow from 'apache-arrow';
import { Footer } from 'apache-arrow/ipc/metadata/file';
import './flatbuffer-bounds.js';
import { describeBytes, readExactly } from '../buffers.js';
import type { ByteSource } from '../../sources/types.js';
import { VectorFileError } from '../types.js';

export interface IpcFieldNode {
  readonly length: number;
  readonly nullCount: number;
}

export interface IpcBufferRegion {
  readonly offset: number;
  readonly length: number;
}

/** One record batch message. */
export interface IpcRecordBatch {
  /** 0-based position among the record batches. */
  readonly index: number;
  readonly rows: number;
  /** Absolute byte offset of the body; buffer offsets are relative to it. */
  readonly bodyStart: number;
  readonly bodyLength: number;
  readonly nodes: readonly IpcFieldNode[];
  readonly buffers: readonly IpcBufferRegion[];
  /** Body compression codec, when the writer compressed the buffers. */
  readonly compression?: arrow.CompressionType;
}

export interface IpcMetadata {
  readonly schema: arrow.Schema;
  readonly batches: readonly IpcRecordBatch[];
}

const FILE_MAGIC = 'ARROW1';
/** Record batch messages read at once when a file's footer lists them. */
const CONCURRENT_READS = 32;
const CONTINUATION = -1;

/** Reads the schema and record batch index of an Arrow IPC file (`ARROW1` … footer … `ARROW1`). */
export async function readIpcFileMetadata(source: ByteSource): Promise<IpcMetadata> {
  const { size, display: path } = source;
  // Leading magic + padding (8), footer length (4), trailing magic (6).
  if (size < 18)
    throw new VectorFileError(
      path,
      `truncated Arrow IPC file: ${size} bytes is too short for magic and footer`,
      { byte: size },
    );
  const tail = new Uint8Array(10);
  await readExactly(source, tail, 0, 10, size - 10, 'the Arrow footer length and magic');
  const trailing = new TextDecoder('latin1').decode(tail.subarray(4));
  if (trailing !== FILE_MAGIC) {
    throw new VectorFileError(
      path,
      `truncated or damaged Arrow IPC file: expected magic ARROW1 at its end (byte ${size - 6}), found ${describeBytes(tail.subarray(4))}`,
      { byte: size - 6 },
    );
  }
  const footerLength = new DataView(tail.buffer).getInt32(0, true);
  const footerStart = size - 10 - footerLength;
  if (footerLength <= 0 || footerStart < 8) {
    throw new VectorFileError(
      path,
      `damaged Arrow IPC file: footer length ${footerLength} does not fit in ${size} bytes`,
      {
        byte: size - 10,
      },
    );
  }
  const head = new Uint8Array(6);
  await readExactly(source, head, 0, 6, 0, 'the Arrow magic');
  // apache-arrow reads a file without it as a stream, from byte 0 (and may never finish).
  if (new TextDecoder('latin1').decode(head) !== FILE_MAGIC)
    throw new VectorFileError(
      path,
      `damaged Arrow IPC file: expected magic ARROW1 at byte 0, found ${describeBytes(head)}`,
      { byte: 0 },
    );
  const footerBytes = new Uint8Array(footerLength);
  await readExactly(source, footerBytes, 0, footerLength, footerStart, 'the Arrow footer');
  const damagedFooter = (e: unknown): VectorFileError =>
    e instanceof VectorFileError
      ? e
      : new VectorFileError(
          path,
          `damaged Arrow IPC file: unreadable footer (${(e as Error).message})`,
          { byte: footerStart },
        );
  let footer: Footer;
  try {
    footer = Footer.decode(footerBytes);
  } catch (e) {
    throw damagedFooter(e);
  }
  // Every block's message is read at once, a few dozen at a time: one after another, each
  // read waited for a thread of the pool to wake (≈0.35 ms here, 45 ms for 123 batches).
  const blocks: { i: number; offset: number; metaDataLength: number; bodyLength: number }[] = [];
  try {
    // apache-arrow reads dictionary batches from the footer's blocks too: they are checked
    // the same way, so it never reads or allocates what a damaged footer declares.
    for (let i = 0; i < footer.numDictionaries; i++) {
      const block = footer.getDictionaryBatch(i);
      if (block) checkBlock(path, `dictionary batch ${i}`, block, footerStart);
    }
    const count = footer.numRecordBatches;
    // Each block takes 24 bytes of the footer: a count beyond that is damage.
    if (count > footerLength / 24)
      throw new VectorFileError(
        path,
        `damaged Arrow IPC file: the footer lists ${count} record batches in ${footerLength} bytes`,
        { byte: footerStart },
      );
    for (let i = 0; i < count; i++) {
      const block = footer.getRecordBatch(i);
      if (!block) continue;
      checkBlock(path, `record batch ${i}`, block, footerStart);
      blocks.push({
        i,
        offset: block.offset,
        metaDataLength: block.metaDataLength,
        bodyLength: Number(block.bodyLength),
      });
    }
  } catch (e) {
    throw damagedFooter(e);
  }
  const batches: IpcRecordBatch[] = new Array(blocks.length);
  const readBlock = async (k: number): Promise<void> => {
    const { i, offset, metaDataLength, bodyLength } = blocks[k]!;
    const meta = new Uint8Array(metaDataLength);
    await readExactly(source, meta, 0, meta.length, offset, `record batch ${i}'s metadata`);
    const { flatbuffer } = splitPrefix(meta, offset, path);
    const message = decodeMessage(flatbuffer, offset, path);
    if (!message.isRecordBatch()) {
      throw new VectorFileError(
        path,
        `damaged Arrow IPC file: block ${i} is not a record batch message`,
        { byte: offset },
      );
    }
    batches[k] = recordBatchOf(message, i, offset + metaDataLength, bodyLength, path, offset);
  };
  for (let k = 0; k < blocks.length; k += CONCURRENT_READS) {
    const reads: Promise<void>[] = [];
    for (let j = k; j < Math.min(blocks.length, k + CONCURRENT_READS); j++)
      reads.push(readBlock(j));
    // Settle them all before reporting, so no read outlives the source; the first block's
    // error is the one reported.
    const settled = await Promise.allSettled(reads);
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
  return { schema: checkSchema(footer.schema, path, footerStart), batches };
}

/**
 * Walks an Arrow IPC stream's messages from byte 0, skipping bodies, up to the
 * end-of-stream marker or the end of the file.
 */
export async function readIpcStreamMetadata(source: ByteSource): Promise<IpcMetadata> {
  const { size, display: path } = source;
  let schema: arrow.Schema | undefined;
  const batches: IpcRecordBatch[] = [];
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
    if (metaLength === 0) break; // end-of-stream marker
    const metaStart = position + prefixLength;
    if (metaLength < 0 || metaStart + metaLength > size) {
      throw new VectorFileError(
        path,
        `truncated Arrow IPC stream: message ${n} declares ${metaLength} bytes of metadata from byte ${metaStart}, but the file ends at byte ${size}`,
        { byte: position },
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
        `truncated Arrow IPC stream: message ${n}'s body should span bytes ${bodyStart}–${bodyEnd}, but the file ends at byte ${size}`,
        { byte: size },
      );
    }
    if (message.isSchema()) {
      if (schema)
        throw new VectorFileError(path, `damaged Arrow IPC stream: a second schema message`, {
          byte: position,
        });
      schema = message.header();
    } else if (message.isRecordBatch()) {
      if (!schema)
        throw new VectorFileError(
          path,
          `damaged Arrow IPC stream: a record batch before the schema`,
          { byte: position },
        );
      batches.push(
        recordBatchOf(message, batches.length, bodyStart, message.bodyLength, path, position),
      );
    }
    position = bodyEnd;
  }
  if (!schema)
    throw new VectorFileError(path, 'not an Arrow IPC stream: no schema message found', {
      byte: 0,
    });
  return { schema: checkSchema(schema, path, 0), batches };
}

/** Nesting deeper than this is taken for damage (a vector column nests two levels). */
const MAX_TYPE_DEPTH = 64;

/**
 * The schema, once every field's type is whole: apache-arrow builds a List without its
 * child from a damaged schema, and fails later, untyped, wherever the child is used.
 */
function checkSchema(schema: arrow.Schema, path: string, byte: number): arrow.Schema {
  const T = arrow.DataType;
  const damaged = (what: string): VectorFileError =>
    new VectorFileError(path, `damaged Arrow IPC schema: ${what}`, { byte });
  const visit = (field: arrow.Field | undefined, depth: number): void => {
    const type = field?.type as arrow.DataType | undefined;
    if (!field || !type) throw damaged('a field without a type');
    if (depth > MAX_TYPE_DEPTH) throw damaged(`types nested over ${MAX_TYPE_DEPTH} levels deep`);
    const children = (type.children ?? []) as (arrow.Field | undefined)[];
    const oneChild =
      T.isList(type) || T.isLargeList(type) || T.isFixedSizeList(type) || T.isMap(type);
    if (oneChild && children.length !== 1)
      throw damaged(`field "${field.name}" is a list type with ${children.length} child fields`);
    for (const child of children) visit(child, depth + 1);
    if (T.isDictionary(type)) {
      if (!type.dictionary || !type.indices)
        throw damaged(`field "${field.name}" is a dictionary without its types`);
      visit(new arrow.Field('dictionary', type.dictionary), depth + 1);
    }
    try {
      String(type);
    } catch (e) {
      throw damaged(`field "${field.name}" has an unreadable type (${(e as Error).message})`);
    }
  };
  for (const field of schema.fields) visit(field, 0);
  return schema;
}

/** Throws unless the footer's block lies inside the data and its lengths make sense. */
function checkBlock(
  path: string,
  what: string,
  block: { offset: number; metaDataLength: number; bodyLength: number | bigint },
  footerStart: number,
): void {
  const body = Number(block.bodyLength);
  const end = block.offset + block.metaDataLength + body;
  if (
    !(block.offset >= 8) ||
    !(block.metaDataLength >= 8) ||
    !(body >= 0) ||
    !Number.isSafeInteger(end) ||
    end > footerStart
  ) {
    throw new VectorFileError(
      path,
      `damaged Arrow IPC file: the footer places ${what} at bytes ${block.offset}–${end} ` +
        `(metadata ${block.metaDataLength} bytes, body ${body}), outside the data (8–${footerStart})`,
      { byte: block.offset },
    );
  }
}

function splitPrefix(meta: Uint8Array, position: number, path: string): { flatbuffer: Uint8Array } {
  if (meta.length < 8) throw truncatedAt(path, position, 'a message length prefix');
  const dv = new DataView(meta.buffer, meta.byteOffset, meta.byteLength);
  const first = dv.getInt32(0, true);
  const prefixLength = first === CONTINUATION ? 8 : 4;
  const length = first === CONTINUATION ? dv.getInt32(4, true) : first;
  if (length < 0 || prefixLength + length > meta.length) {
    throw new VectorFileError(
      path,
      `damaged Arrow IPC file: message metadata length ${length} exceeds its block`,
      { byte: position },
    );
  }
  return { flatbuffer: meta.subarray(prefixLength, prefixLength + length) };
}

function decodeMessage(flatbuffer: Uint8Array, position: number, path: string): arrow.Message {
  try {
    const message = arrow.Message.decode(flatbuffer);
    // Decoding is lazy; build the header now so a damaged one fails here, with a position.
    message.header();
    return message;
  } catch (e) {
    if (e instanceof VectorFileError) throw e;
    throw new VectorFileError(
      path,
      `damaged Arrow IPC data: unreadable message metadata (${(e as Error).message})`,
      {
        byte: position,
      },
    );
  }
}

/**
 * The record batch a message describes, its counts and buffer regions checked to be
 * non-negative integers (the body reader checks them against the body): apache-arrow
 * decodes int64 fields into numbers without complaint about sign.
 */
function recordBatchOf(
  message: arrow.Message<arrow.MessageHeader.RecordBatch>,
  index: number,
  bodyStart: number,
  bodyLength: number,
  path: string,
  position: number,
): IpcRecordBatch {
  const header = message.header();
  const compression = header.compression?.type;
  const bad = (what: string, value: number): VectorFileError =>
    new VectorFileError(
      path,
      `damaged Arrow IPC data: record batch ${index} declares ${what} ${value}`,
      { byte: position },
    );
  const count = (what: string, value: number): number => {
    if (!Number.isSafeInteger(value) || value < 0) throw bad(what, value);
    return value;
  };
  const rows = count('a row count of', header.length);
  return {
    index,
    rows,
    bodyStart,
    bodyLength,
    nodes: header.nodes.map((n) => ({
      length: count('a field node length of', n.length),
      nullCount: count('a null count of', n.nullCount),
    })),
    buffers: header.buffers.map((b) => ({
      offset: count('a buffer offset of', b.offset),
      length: count('a buffer length of', b.length),
    })),
    ...(compression !== undefined && compression !== null && { compression }),
  };
}

function truncatedAt(path: string, position: number, what: string): VectorFileError {
  return new VectorFileError(path, `truncated Arrow IPC data: the file ends inside ${what}`, {
    byte: position,
  });
}
