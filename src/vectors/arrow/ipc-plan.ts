/**
 * Where the selected vector and id columns' buffers lie in each record batch of an Arrow
 * IPC file, checked against the batch bodies, and small positioned reads of slices of
 * them (offsets, validity bitmaps, id bytes) for the direct reader in arrow-ipc.ts.
 */
import type { ByteSource } from '../../sources/types.js';
import * as arrow from 'apache-arrow';
import type { ArrowSelection } from './reader.js';
import type { IpcBufferRegion, IpcMetadata, IpcRecordBatch } from './ipc-meta.js';
import { readExactly } from '../buffers.js';
import { VectorFileError } from '../types.js';

/**
 * Where a column's field nodes and buffers start in a record batch: counted over the
 * columns before it (depth-first, as the IPC format lays them out). Undefined when an
 * earlier column has a layout this reader does not count (views, unions, run-end encoded).
 */
export function columnSlots(
  schema: arrow.Schema,
  column: number,
): { node: number; buffer: number } | undefined {
  let node = 0;
  let buffer = 0;
  for (let i = 0; i < column; i++) {
    const layout = layoutOf(schema.fields[i]!.type as arrow.DataType);
    if (!layout) return undefined;
    node += layout.nodes;
    buffer += layout.buffers;
  }
  return { node, buffer };
}

/** Field nodes and buffers one column of this type occupies in a record batch. */
export function layoutOf(type: arrow.DataType): { nodes: number; buffers: number } | undefined {
  const T = arrow.DataType;
  if (T.isNull(type)) return { nodes: 1, buffers: 0 };
  if (T.isDictionary(type)) return { nodes: 1, buffers: 2 };
  if (
    T.isBool(type) ||
    T.isInt(type) ||
    T.isFloat(type) ||
    T.isDecimal(type) ||
    T.isDate(type) ||
    T.isTime(type) ||
    T.isTimestamp(type) ||
    T.isInterval(type) ||
    T.isDuration(type) ||
    T.isFixedSizeBinary(type)
  ) {
    return { nodes: 1, buffers: 2 };
  }
  if (T.isUtf8(type) || T.isLargeUtf8(type) || T.isBinary(type) || T.isLargeBinary(type))
    return { nodes: 1, buffers: 3 };
  const own =
    T.isList(type) || T.isLargeList(type) || T.isMap(type)
      ? 2
      : T.isFixedSizeList(type) || T.isStruct(type)
        ? 1
        : undefined;
  if (own === undefined) return undefined;
  let nodes = 1;
  let buffers = own;
  for (const child of type.children as arrow.Field[]) {
    const inner = layoutOf(child.type as arrow.DataType);
    if (!inner) return undefined;
    nodes += inner.nodes;
    buffers += inner.buffers;
  }
  return { nodes, buffers };
}

/** Buffers of the selected columns within each record batch (see {@link planBatches}). */
export interface BatchPlan {
  readonly batch: IpcRecordBatch;
  /** Row number of the batch's first row within the file. */
  readonly firstRow: number;
  readonly vectorNulls: number;
  readonly vectorValidity: IpcBufferRegion;
  readonly vectorOffsets?: IpcBufferRegion;
  readonly childNulls: number;
  readonly childValidity: IpcBufferRegion;
  readonly childValues: IpcBufferRegion;
  readonly idNulls: number;
  readonly idValidity?: IpcBufferRegion;
  readonly idOffsets?: IpcBufferRegion;
  /** utf8 data, or integer values. */
  readonly idValues?: IpcBufferRegion;
}

/**
 * Locates the selected columns' buffers in every record batch and checks that each lies
 * inside its batch's body and is long enough for the rows the batch declares.
 */
export function planBatches(meta: IpcMetadata, sel: ArrowSelection, path: string): BatchPlan[] {
  const vectorSlots = columnSlots(meta.schema, sel.vectorIndex)!;
  const idSlots = sel.idIndex === undefined ? undefined : columnSlots(meta.schema, sel.idIndex)!;
  const idType =
    sel.idIndex === undefined
      ? undefined
      : (meta.schema.fields[sel.idIndex]!.type as arrow.DataType);
  let firstRow = 0;
  return meta.batches.map((batch) => {
    const damaged = (what: string, region?: IpcBufferRegion): VectorFileError =>
      new VectorFileError(path, `damaged Arrow IPC data: record batch ${batch.index}: ${what}`, {
        byte: batch.bodyStart + (region?.offset ?? 0),
      });
    const node = (i: number): { length: number; nullCount: number } => {
      const n = batch.nodes[i];
      if (!n) throw damaged(`has ${batch.nodes.length} field nodes, expected at least ${i + 1}`);
      return n;
    };
    // A compressed buffer's length is known only from its prefix: the body reader checks it.
    const compressed = batch.compression !== undefined;
    const buffer = (i: number, what: string, minLength = 0): IpcBufferRegion => {
      const b = batch.buffers[i];
      if (!b) throw damaged(`has ${batch.buffers.length} buffers, expected at least ${i + 1}`);
      if (b.offset < 0 || b.offset + b.length > batch.bodyLength) {
        throw damaged(
          `${what} spans body bytes ${b.offset}–${b.offset + b.length}, beyond the body's ${batch.bodyLength}`,
          b,
        );
      }
      if (!compressed && b.length < minLength)
        throw damaged(`${what} holds ${b.length} bytes, expected at least ${minLength}`, b);
      return b;
    };
    const rows = batch.rows;
    const v = vectorSlots;
    const list = sel.vectorLayout !== 'fixed-size-list';
    const offsetWidth = sel.vectorLayout === 'large-list' ? 8 : 4;
    const vectorNode = node(v.node);
    const childNode = node(v.node + 1);
    const childAt = v.buffer + (list ? 2 : 1);
    if (vectorNode.length !== rows)
      throw damaged(`column "${sel.vectorColumn}" has ${vectorNode.length} rows, expected ${rows}`);
    const needValues = list ? 0 : rows * sel.listSize! * sel.itemSize;
    const plan: BatchPlan = {
      batch,
      firstRow,
      vectorNulls: vectorNode.nullCount,
      vectorValidity: buffer(
        v.buffer,
        'the vector validity bitmap',
        vectorNode.nullCount > 0 ? Math.ceil(rows / 8) : 0,
      ),
      ...(list && {
        vectorOffsets: buffer(
          v.buffer + 1,
          'the vector offsets',
          rows > 0 ? (rows + 1) * offsetWidth : 0,
        ),
      }),
      childNulls: childNode.nullCount,
      childValidity: buffer(
        childAt,
        'the element validity bitmap',
        childNode.nullCount > 0 ? Math.ceil(childNode.length / 8) : 0,
      ),
      childValues: buffer(childAt + 1, `the values of column "${sel.vectorColumn}"`, needValues),
      idNulls: 0,
    };
    firstRow += rows;
    if (!idSlots || !idType) return plan;
    const idNode = node(idSlots.node);
    if (idNode.length !== rows)
      throw damaged(`column "${sel.idColumn}" has ${idNode.length} rows, expected ${rows}`);
    const utf8 = sel.idKind !== 'int';
    const width = utf8 ? (sel.idKind === 'large-utf8' ? 8 : 4) : (idType as arrow.Int).bitWidth / 8;
    return {
      ...plan,
      idNulls: idNode.nullCount,
      idValidity: buffer(
        idSlots.buffer,
        'the id validity bitmap',
        idNode.nullCount > 0 ? Math.ceil(rows / 8) : 0,
      ),
      ...(utf8
        ? {
            idOffsets: buffer(
              idSlots.buffer + 1,
              'the id offsets',
              rows > 0 ? (rows + 1) * width : 0,
            ),
            idValues: buffer(idSlots.buffer + 2, 'the id bytes'),
          }
        : { idValues: buffer(idSlots.buffer + 1, 'the id values', rows * width) }),
    };
  });
}

/** Small positioned read of `length` bytes at `offset` within a region of a batch's body. */
export async function readRegion(
  source: ByteSource,
  plan: BatchPlan,
  region: IpcBufferRegion,
  offset: number,
  length: number,
  what: string,
): Promise<Uint8Array> {
  if (offset < 0 || length < 0 || offset + length > region.length) {
    throw new VectorFileError(
      source.display,
      `damaged Arrow IPC data: record batch ${plan.batch.index}: ${what} needs bytes ${offset}–${offset + length} of a ${region.length}-byte buffer`,
      { byte: plan.batch.bodyStart + region.offset },
    );
  }
  const out = new Uint8Array(length);
  await readExactly(source, out, 0, length, plan.batch.bodyStart + region.offset + offset, what);
  return out;
}

export function offsetsView(bytes: Uint8Array, width: number): Int32Array | BigInt64Array {
  return width === 8
    ? new BigInt64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8)
    : new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

/**
 * Offset of the first unset bit among bits [from, from + count) of a validity bitmap, or -1.
 * `read(offset, length)` gives bytes of the bitmap.
 */
export async function firstNullBit(
  read: (offset: number, length: number) => Promise<Uint8Array>,
  from: number,
  count: number,
): Promise<number> {
  if (count === 0) return -1;
  const firstByte = from >> 3;
  const bytes = await read(firstByte, ((from + count - 1) >> 3) - firstByte + 1);
  for (let i = 0; i < count; i++) {
    const bit = from + i - firstByte * 8;
    if (((bytes[bit >> 3]! >> (bit & 7)) & 1) === 0) return i;
  }
  return -1;
}
