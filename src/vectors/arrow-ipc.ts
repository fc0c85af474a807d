/**
 * Arrow IPC reader (file format `.arrow`/`.feather` v2, and stream format `.arrows`).
 *
 * Two paths, same batches:
 * - direct (the default): apache-arrow decodes the footer, schema and each record batch's
 *   message header; this module then reads only the vector column's value buffer (and the
 *   id column) at the offsets that metadata gives, in slices of `batchRows`, into two
 *   reused page-aligned buffers, prefetching the next slice while the current one is
 *   scanned. Memory is bounded by the slice size even when a single record batch holds
 *   gigabytes, and nothing is allocated per batch but the ids.
 * - generic: apache-arrow's own RecordBatchReader, one whole record batch in memory at a
 *   time (its async reader allocates a fresh buffer per batch body). Used for what the
 *   direct path does not handle: compressed bodies (when a codec is registered with
 *   apache-arrow), dictionary-encoded or view-typed id columns, and columns of
 *   unions/views before the selected ones.
 */
import * as arrow from 'apache-arrow';
import { open, type FileHandle } from 'node:fs/promises';
import { type ArrowSelection, selectArrowColumns } from './arrow.js';
import { intIdBytes, type IntIdArray, utf8IdBytes, withIdBytes } from './arrow-ids.js';
import { genericSource, listDimsGeneric } from './arrow-ipc-generic.js';
import {
  type IpcBufferRegion,
  readIpcFileMetadata,
  readIpcStreamMetadata,
} from './arrow-ipc-meta.js';
import {
  type BatchPlan,
  columnSlots,
  firstNullBit,
  offsetsView,
  planBatches,
  readRegion,
} from './arrow-ipc-plan.js';
import { alignedBytes, batchRowsFor, prefetch, readExactly, typedView } from './io.js';
import type { IdBytes, OpenOptions, VectorBatch, VectorSource } from './types.js';
import { VectorFileError } from './types.js';

/** Which path to use; tests force each to check they agree. */
export type ArrowReaderPath = 'auto' | 'direct' | 'generic';

/** Opens an Arrow IPC file (`format: 'arrow'`) or stream (`'arrow-stream'`). */
export async function openArrow(
  path: string,
  format: 'arrow' | 'arrow-stream',
  opts: OpenOptions = {},
  readerPath: ArrowReaderPath = 'auto',
): Promise<VectorSource> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const meta =
      format === 'arrow'
        ? await readIpcFileMetadata(handle, size, path)
        : await readIpcStreamMetadata(handle, size, path);
    const sel = selectArrowColumns(meta.schema, opts, path);
    const compressed = meta.batches.find((b) => b.compression !== undefined);
    if (compressed && !arrow.compressionRegistry.get(compressed.compression!)) {
      throw new VectorFileError(
        path,
        `record batch ${compressed.index} is compressed with ${arrow.CompressionType[compressed.compression!]}, ` +
          `which this reader cannot decompress; write the file uncompressed (pyarrow: compression=None)`,
        { byte: compressed.bodyStart },
      );
    }
    const directOk =
      !compressed &&
      sel.idKind !== 'other' &&
      columnSlots(meta.schema, Math.max(sel.vectorIndex, sel.idIndex ?? 0)) !== undefined;
    if (readerPath === 'direct' && !directOk)
      throw new Error(`${path}: the direct Arrow path cannot read this file`);
    const direct = readerPath === 'generic' ? false : directOk;
    const rows = meta.batches.reduce((n, b) => n + b.rows, 0);
    const info = {
      path,
      format,
      dtype: sel.dtype,
      rows,
      vectorColumn: sel.vectorColumn,
      ...(sel.idColumn !== undefined && { idColumn: sel.idColumn }),
      hasIds: sel.idIndex !== undefined,
    };
    if (direct) {
      const plans = planBatches(meta, sel, path);
      const dims = sel.listSize ?? (await listDimsDirect(handle, plans, sel, path));
      return directSource(handle, plans, sel, { ...info, dims }, opts);
    }
    await handle.close();
    const dims = sel.listSize ?? (await listDimsGeneric(path, sel));
    return genericSource(path, sel, { ...info, dims }, opts);
  } catch (e) {
    await handle.close().catch(() => undefined);
    throw e;
  }
}

function noRows(path: string, sel: ArrowSelection): VectorFileError {
  return new VectorFileError(
    path,
    `no rows: cannot learn the vector length of List column "${sel.vectorColumn}" from an empty file`,
  );
}

async function listDimsDirect(
  handle: FileHandle,
  plans: BatchPlan[],
  sel: ArrowSelection,
  path: string,
): Promise<number> {
  const plan = plans.find((p) => p.batch.rows > 0);
  if (!plan) throw noRows(path, sel);
  const width = sel.vectorLayout === 'large-list' ? 8 : 4;
  const offsets = offsetsView(
    await readRegion(handle, plan, plan.vectorOffsets!, 0, 2 * width, path, 'the vector offsets'),
    width,
  );
  const dims = Number(offsets[1]) - Number(offsets[0]);
  if (dims < 1)
    throw new VectorFileError(
      path,
      `vector in column "${sel.vectorColumn}" is empty; expected at least 1 value`,
      { row: plan.firstRow },
    );
  return dims;
}

function directSource(
  handle: FileHandle,
  plans: BatchPlan[],
  sel: ArrowSelection,
  info: VectorSource['info'],
  opts: OpenOptions,
): VectorSource {
  const { path, dims } = info;
  const rowBytes = dims * sel.itemSize;
  const batchRows = batchRowsFor(rowBytes, opts.batchRows);
  const column = `column "${sel.vectorColumn}"`;
  const offsetWidth = sel.vectorLayout === 'large-list' ? 8 : 4;
  const idType = intArrayType(sel);
  let closed = false;

  const region = (
    plan: BatchPlan,
    r: IpcBufferRegion,
    offset: number,
    length: number,
    what: string,
  ): Promise<Uint8Array> => readRegion(handle, plan, r, offset, length, path, what);
  const nullBit = (
    plan: BatchPlan,
    r: IpcBufferRegion,
    from: number,
    count: number,
    what: string,
  ): Promise<number> => firstNullBit(handle, plan, r, from, count, path, what);

  async function readIds(
    plan: BatchPlan,
    start: number,
    count: number,
  ): Promise<IdBytes | undefined> {
    if (!plan.idValues) return undefined;
    if (plan.idOffsets) {
      const width = sel.idKind === 'large-utf8' ? 8 : 4;
      const offsets = offsetsView(
        await region(plan, plan.idOffsets, start * width, (count + 1) * width, 'the id offsets'),
        width,
      );
      const from = Number(offsets[0]);
      const data = await region(
        plan,
        plan.idValues,
        from,
        Number(offsets[count]) - from,
        'the id bytes',
      );
      return utf8IdBytes(offsets, data, count, from);
    }
    const size = idType.BYTES_PER_ELEMENT;
    const bytes = await region(plan, plan.idValues, start * size, count * size, 'the id values');
    return intIdBytes(new idType(bytes.buffer, bytes.byteOffset, count), count);
  }

  async function load(job: Job, slot: Uint8Array): Promise<VectorBatch> {
    const { plan, start, count } = job;
    const row0 = plan.firstRow + start;
    const bytes = slot.subarray(0, count * rowBytes);
    const readValues = (elementStart: number): Promise<void> =>
      region(
        plan,
        plan.childValues,
        elementStart * sel.itemSize,
        0,
        `the values of ${column}`,
      ).then(() =>
        readExactly(
          handle,
          bytes,
          0,
          bytes.length,
          plan.batch.bodyStart + plan.childValues.offset + elementStart * sel.itemSize,
          path,
          `the values of ${column}`,
        ),
      );
    // Independent reads start together; their results are checked in a fixed order so the
    // error reported for a file with several faults does not depend on timing.
    const vectorNull =
      plan.vectorNulls > 0
        ? nullBit(plan, plan.vectorValidity, start, count, 'the vector validity bitmap')
        : Promise.resolve(-1);
    const offsets = plan.vectorOffsets
      ? region(
          plan,
          plan.vectorOffsets,
          start * offsetWidth,
          (count + 1) * offsetWidth,
          'the vector offsets',
        ).then((b) => offsetsView(b, offsetWidth))
      : undefined;
    let values = offsets ? undefined : readValues(start * dims);
    const idNull =
      plan.idNulls > 0
        ? nullBit(plan, plan.idValidity!, start, count, 'the id validity bitmap')
        : Promise.resolve(-1);
    const ids = readIds(plan, start, count);
    for (const p of [vectorNull, offsets, values, idNull, ids]) p?.catch(() => undefined);

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
            { row: row0 + r },
          );
        }
      }
      elementStart = Number(o[0]);
      values = readValues(elementStart);
    }
    if ((elementStart + count * dims) * sel.itemSize > plan.childValues.length) {
      throw new VectorFileError(
        path,
        `damaged Arrow IPC data: record batch ${plan.batch.index}: the values of ${column} hold ${plan.childValues.length} bytes, ` +
          `expected at least ${(elementStart + count * dims) * sel.itemSize}`,
        { byte: plan.batch.bodyStart + plan.childValues.offset },
      );
    }
    await values;
    if (plan.childNulls > 0) {
      const i = await nullBit(
        plan,
        plan.childValidity,
        elementStart,
        count * dims,
        'the element validity bitmap',
      );
      if (i >= 0)
        throw new VectorFileError(
          path,
          `null value at position ${i % dims} of the vector in ${column}`,
          { row: row0 + Math.floor(i / dims) },
        );
    }
    const nullId = await idNull;
    if (nullId >= 0)
      throw new VectorFileError(path, `null id in column "${sel.idColumn}"`, {
        row: row0 + nullId,
      });
    const idBytes = await ids;
    const batch = {
      rowOffset: row0,
      rows: count,
      dims,
      dtype: sel.dtype,
      values: typedView(sel.dtype, bytes.buffer, bytes.byteOffset, count * dims),
    };
    return idBytes ? withIdBytes(batch, idBytes) : batch;
  }

  return {
    info,
    batches() {
      const maxRows = Math.max(0, ...plans.map((p) => Math.min(p.batch.rows, batchRows)));
      const slots = [alignedBytes(maxRows * rowBytes), alignedBytes(maxRows * rowBytes)] as const;
      function* jobs(): Generator<Job> {
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
    },
  };
}

interface Job {
  readonly plan: BatchPlan;
  readonly start: number;
  readonly count: number;
}

type IntArrayCtor = {
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): IntIdArray;
  readonly BYTES_PER_ELEMENT: number;
};

function intArrayType(sel: ArrowSelection): IntArrayCtor {
  const signed = sel.idSigned ?? true;
  const ctors: Record<number, [IntArrayCtor, IntArrayCtor]> = {
    1: [Int8Array, Uint8Array],
    2: [Int16Array, Uint16Array],
    4: [Int32Array, Uint32Array],
    8: [BigInt64Array, BigUint64Array],
  } as unknown as Record<number, [IntArrayCtor, IntArrayCtor]>;
  const pair = ctors[sel.idIntWidth ?? 4]!;
  return signed ? pair[0] : pair[1];
}
