/**
 * Arrow IPC reader (file format `.arrow`/`.feather` v2, and stream format `.arrows`).
 *
 * Two paths, same batches:
 * - direct (the default): apache-arrow decodes the footer, schema and each record batch's
 *   message header; this module then reads only the vector column's value buffer (and the
 *   id column) at the offsets that metadata gives, in slices of `batchRows`, into two
 *   reused page-aligned buffers, prefetching the next slice while the current one is
 *   scanned. Memory is bounded by the slice size even when a single record batch holds
 *   gigabytes, and nothing is allocated per batch but the ids. Compressed bodies
 *   (LZ4_FRAME, ZSTD) are decompressed by arrow-ipc-body.ts, the vector values streaming.
 * - generic: apache-arrow's own RecordBatchReader, one whole record batch in memory at a
 *   time (its async reader allocates a fresh buffer per batch body; compressed bodies are
 *   decompressed through the codecs this reader registers with it). Used for what the
 *   direct path does not handle: dictionary-encoded or view-typed id columns, and columns
 *   of unions/views before the selected ones.
 */
import * as arrow from 'apache-arrow';
import type { ByteSource } from '../../sources/types.js';
import { type ArrowSelection, selectArrowColumns } from './reader.js';
import { intIdBytes, type IntIdArray, utf8IdBytes, withIdBytes } from './ids.js';
import { type BodyCodec, bodyCodec } from './codecs.js';
import { BodyReader } from './ipc-body.js';
import { genericSource, listDimsGeneric } from './ipc-generic.js';
import {
  type IpcBufferRegion,
  type IpcMetadata,
  readIpcFileMetadata,
  readIpcStreamMetadata,
} from './ipc-meta.js';
import { type BatchPlan, columnSlots, firstNullBit, offsetsView, planBatches } from './ipc-plan.js';
import { alignedBytes, batchRowsFor, prefetch, typedView } from '../buffers.js';
import type { IdBytes, OpenOptions, VectorBatch, VectorSource } from '../types.js';
import { MAX_DIMS, VectorFileError } from '../types.js';

/**
 * Read buffers of the direct path: the consumer's slice and two read ahead of it, so the
 * reads keep a core busy while the scan waits on its worker (two measured ≈10 % slower).
 */
const SLOTS = 3;

/** Which path to use; tests force each to check they agree. */
export type ArrowReaderPath = 'auto' | 'direct' | 'generic';

/**
 * Reads an Arrow IPC file (`format: 'arrow'`) or stream (`'arrow-stream'`) from `source`,
 * which it owns from then on (closed on failure and by the returned source's close).
 */
export async function openArrow(
  source: ByteSource,
  format: 'arrow' | 'arrow-stream',
  opts: OpenOptions = {},
  readerPath: ArrowReaderPath = 'auto',
): Promise<VectorSource> {
  const path = source.display;
  try {
    const meta =
      format === 'arrow' ? await readIpcFileMetadata(source) : await readIpcStreamMetadata(source);
    const sel = selectArrowColumns(meta.schema, opts, path);
    const codecs = new Map<arrow.CompressionType, BodyCodec>();
    for (const batch of meta.batches) {
      const type = batch.compression;
      if (type === undefined || codecs.has(type)) continue;
      const codec = await bodyCodec(type);
      if (!codec) {
        throw new VectorFileError(
          path,
          `record batch ${batch.index} is compressed with codec ${type}, which this reader does not know ` +
            `(Arrow IPC defines LZ4_FRAME and ZSTD)`,
          { byte: batch.bodyStart },
        );
      }
      codecs.set(type, codec);
    }
    checkRowCounts(meta.batches, sel, codecs, path);
    const directOk =
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
      const body = new BodyReader(source, codecs);
      const dims = sel.listSize ?? (await listDimsDirect(body, plans, sel, path));
      return directSource(source, body, plans, sel, { ...info, dims }, opts);
    }
    const dims = sel.listSize ?? (await listDimsGeneric(source, sel));
    return genericSource(source, sel, { ...info, dims }, opts);
  } catch (e) {
    await source.close().catch(() => undefined);
    throw e;
  }
}

/**
 * Every record batch's row count must fit its body: the vector column alone takes
 * `rows × dims` values (FixedSizeList) or `rows + 1` offsets (List), at most the codec's
 * expansion of a compressed body. Both paths loop over the rows a batch declares, so a
 * damaged count of 10^15 would otherwise keep them busy for ever.
 */
function checkRowCounts(
  batches: IpcMetadata['batches'],
  sel: ArrowSelection,
  codecs: ReadonlyMap<arrow.CompressionType, BodyCodec>,
  path: string,
): void {
  for (const batch of batches) {
    if (batch.rows === 0) continue;
    const needed =
      sel.listSize !== undefined
        ? batch.rows * sel.listSize * sel.itemSize
        : (batch.rows + 1) * (sel.vectorLayout === 'large-list' ? 8 : 4);
    const expansion =
      batch.compression === undefined ? 1 : (codecs.get(batch.compression)?.maxExpansion ?? 1);
    if (needed > batch.bodyLength * expansion)
      throw new VectorFileError(
        path,
        `damaged Arrow IPC data: record batch ${batch.index} declares ${batch.rows} rows, more than its ` +
          `${batch.bodyLength}-byte body can hold for column "${sel.vectorColumn}"`,
        { byte: batch.bodyStart },
      );
  }
}

function noRows(path: string, sel: ArrowSelection): VectorFileError {
  return new VectorFileError(
    path,
    `no rows: cannot learn the vector length of List column "${sel.vectorColumn}" from an empty file`,
  );
}

async function listDimsDirect(
  body: BodyReader,
  plans: BatchPlan[],
  sel: ArrowSelection,
  path: string,
): Promise<number> {
  const plan = plans.find((p) => p.batch.rows > 0);
  if (!plan) throw noRows(path, sel);
  const width = sel.vectorLayout === 'large-list' ? 8 : 4;
  const offsets = offsetsView(
    await body.slice(plan, plan.vectorOffsets!, 0, 2 * width, 'the vector offsets'),
    width,
  );
  const dims = Number(offsets[1]) - Number(offsets[0]);
  if (dims < 1)
    throw new VectorFileError(
      path,
      `vector in column "${sel.vectorColumn}" is empty; expected at least 1 value`,
      { row: plan.firstRow },
    );
  // Buffers are sized by dims: more than the values hold, or than any reader takes, is damage.
  const values = await body.length(
    plan,
    plan.childValues,
    `the values of column "${sel.vectorColumn}"`,
  );
  if (dims > MAX_DIMS || dims * sel.itemSize > values)
    throw new VectorFileError(
      path,
      `damaged Arrow IPC data: record batch ${plan.batch.index}: the first vector in column "${sel.vectorColumn}" ` +
        `has ${dims} values, but its values buffer holds ${values} bytes (and at most ${MAX_DIMS} values are read per vector)`,
      { row: plan.firstRow },
    );
  return dims;
}

function directSource(
  source: ByteSource,
  body: BodyReader,
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
  ): Promise<Uint8Array> => body.slice(plan, r, offset, length, what);
  const nullBit = (
    plan: BatchPlan,
    r: IpcBufferRegion,
    from: number,
    count: number,
    what: string,
  ): Promise<number> =>
    firstNullBit((offset, length) => body.slice(plan, r, offset, length, what), from, count);

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
    const valuesWhat = `the values of ${column}`;
    body.forget(plan.batch.index - 1);
    // Independent reads start together; their results are checked in a fixed order so the
    // error reported for a file with several faults does not depend on timing. The values
    // are requested at once, even before a List's offsets say where they start, so that a
    // compressed batch's values stream is read in the order of the slices.
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
    const elementStart = offsets
      ? offsets.then((o) => Number(o[0]))
      : Promise.resolve(start * dims);
    const valuesLength = body.length(plan, plan.childValues, valuesWhat);
    // Read only once the offsets are known to be sound and the buffer long enough.
    const valuesAt = Promise.all([elementStart, valuesLength, offsets]).then(([e, length, o]) => {
      if (o) checkLengths(o, count, row0);
      checkValues(plan, e, count, length);
      return e * sel.itemSize;
    });
    const values = body.fill(plan, plan.childValues, valuesAt, bytes, valuesWhat);
    const idNull =
      plan.idNulls > 0
        ? nullBit(plan, plan.idValidity!, start, count, 'the id validity bitmap')
        : Promise.resolve(-1);
    const ids = readIds(plan, start, count);
    for (const p of [vectorNull, offsets, valuesAt, values, idNull, ids]) p?.catch(() => undefined);

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

  function checkLengths(o: Int32Array | BigInt64Array, count: number, row0: number): void {
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
  }

  function checkValues(plan: BatchPlan, elementStart: number, count: number, length: number): void {
    const needed = (elementStart + count * dims) * sel.itemSize;
    if (elementStart < 0 || needed > length) {
      throw new VectorFileError(
        path,
        `damaged Arrow IPC data: record batch ${plan.batch.index}: the values of ${column} hold ${length} bytes, ` +
          `expected at least ${needed}`,
        { byte: plan.batch.bodyStart + plan.childValues.offset },
      );
    }
  }

  return {
    info,
    batches: () => stream(0),
    batchesFrom: (fromRow: number) => stream(fromRow),
    async close() {
      if (closed) return;
      closed = true;
      await body.close();
      await source.close();
    },
  };

  function stream(fromRow: number): AsyncIterable<VectorBatch> {
    {
      const maxRows = Math.max(0, ...plans.map((p) => Math.min(p.batch.rows, batchRows)));
      const slots = Array.from({ length: SLOTS }, () => alignedBytes(maxRows * rowBytes));
      // A record batch is cut into equal slices (8,192 rows at 2,730 a slice: 3 × 2,731,
      // not 3 × 2,730 + 2), since every slice costs a few reads and a hand-over whatever
      // its size.
      function* jobs(): Generator<Job> {
        for (const plan of plans) {
          const rows = plan.batch.rows;
          // Record batches wholly before `fromRow` are skipped: the footer's blocks locate
          // each one, so their bodies are neither read nor decompressed.
          if (plan.firstRow + rows <= fromRow) continue;
          const size = Math.ceil(rows / Math.ceil(rows / batchRows));
          for (let start = 0; start < rows; start += size)
            yield { plan, start, count: Math.min(size, rows - start) };
        }
      }
      return prefetch<Job, VectorBatch, number>(
        jobs(),
        (job, slot) => load(job, slots[slot]!),
        SLOTS,
      );
    }
  }
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
