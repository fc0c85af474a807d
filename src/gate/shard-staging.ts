/**
 * Staging and reproducibility probes, split by vector rows over the shards of `check`. What a
 * consumer's model and a probe need from a release is one pass over its rows: the first row
 * of every labeled id (consumers) or probe id (probes). Each shard makes that pass over its
 * rows and records those rows — id, file row and the row's values as the file stores them;
 * the merge keeps, per id, the earliest row any shard found and hands the staging step a
 * source of exactly those rows in file order, in place of the file. The single run's code
 * then runs unchanged on it: the same rows in the same order make the same model batches,
 * so every output, deviation, metric, bootstrap and sign-flip draw is the single run's, bit
 * for bit. (Running the models in the shards would not be: an ONNX model's output for a row
 * may depend on which rows share its batch, and a shard cannot know the single run's
 * batches — the measured text encoder's deviations moved by 1e-15.)
 *
 * A shard's pass is best effort: when it fails (an unreadable file), when a shard has no
 * entry for it, or when its entries do not fit (another labels file), the merge reads that
 * version whole, the single run's way — so its error, if any, is the single run's.
 */
import type { ConsumerRun, ProbeRun } from '../staging/context.js';
import { runWhole } from '../staging/consumer-run.js';
import { base64Of } from './shard-sample.js';
import type { ModelOutputs } from '../staging/run-model.js';
import {
  rowSlice,
  sliceSource,
  type RowSlice,
  type ShardSpec,
  type SlicedSource,
} from '../vectors/row-slice.js';
import type {
  OpenOptions,
  VectorBatch,
  VectorDType,
  VectorFileInfo,
  VectorSource,
  VectorValues,
} from '../vectors/types.js';

/** Opens a vectors reference, as the engine's `openVectors` does. */
type Open = (path: string, opts: OpenOptions) => Promise<VectorSource>;

/** The first row of each wanted id in a shard's rows: as the file stores it. */
export interface RowsRecord {
  readonly slice?: RowSlice;
  readonly dtype?: VectorDType;
  readonly dims?: number;
  /** The typed array the reader gives the values in. */
  readonly array?: ArrayName;
  /** The ids, in file order (row numbers when the file has no ids). */
  readonly ids?: readonly string[];
  /** Each id's row in the whole file (float64, base64). */
  readonly rows?: string;
  /** The rows' values, as the reader gives them (raw bytes, base64: every bit kept). */
  readonly values?: string;
  /** Why this shard has no rows for it (the merge then reads the file whole). */
  readonly failed?: string;
}

/** What a shard recorded for one consumer's model and one version. */
export interface StagingRunPartial extends RowsRecord {
  readonly consumer: string;
  readonly side: 'candidate' | 'baseline';
}

/** What a shard recorded for one reproducibility probe's stored vectors. */
export interface ProbeRunPartial extends RowsRecord {
  /** The probe's modality (`model` for the manifest's own probe). */
  readonly modality: string;
}

const ARRAYS = {
  Float32Array,
  Float64Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
} as const;
type ArrayName = keyof typeof ARRAYS;

/** Rows collected from a slice, or merged from slices: in file order, one per id. */
export interface CollectedRows {
  readonly dtype: VectorDType;
  readonly dims: number;
  readonly array: ArrayName;
  readonly ids: readonly string[];
  readonly rows: Float64Array;
  /** ids.length × (elements per row) values. */
  readonly values: VectorValues;
}

/** Elements per row in a batch's values. */
function rowWidth(dtype: VectorDType, dims: number): number {
  return dtype === 'binary' ? (dims + 7) >> 3 : dims;
}

function arrayOf(name: ArrayName, text: string): VectorValues | Float64Array | undefined {
  const Ctor = ARRAYS[name];
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % Ctor.BYTES_PER_ELEMENT !== 0) return undefined;
  const out = new Ctor(bytes.length / Ctor.BYTES_PER_ELEMENT);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/**
 * The row bytes one partial carries at most, over all its consumers', versions' and probes'
 * records: 128 MiB, 171 MB as base64 — a partial is one JSON string, and V8 refuses strings
 * over 512 MiB (the 1M release's 1M labeled rows, 2 × 3 GB, were 2 GB per version in a
 * shard of 2). Beyond it the shard carries no rows for that record and the merge reads the
 * file, the single run's way: about the same bytes, without base64 and JSON around them.
 */
export const MAX_CARRIED_ROW_BYTES = 128 * 2 ** 20;

/** What is left of a partial's {@link MAX_CARRIED_ROW_BYTES}, shared by its records. */
export interface RowBudget {
  bytes: number;
}

/** A shard's rows for one record would pass its partial's budget. */
export class OverBudget extends Error {
  override readonly name = 'OverBudget';
}

/**
 * The first row of each id `wanted` accepts in `source` (a shard's slice: rows numbered as
 * in the whole file), in file order. Throws {@link OverBudget} as soon as the rows' values
 * would pass `budget` (which is then left as it was); takes their bytes from it otherwise.
 */
export async function collectRows(
  source: SlicedSource,
  wanted: (id: string) => boolean,
  budget: RowBudget = { bytes: Infinity },
): Promise<CollectedRows> {
  const { dtype, dims } = source.info;
  const width = rowWidth(dtype, dims);
  let bytes = 0;
  const seen = new Set<string>();
  const ids: string[] = [];
  const rows: number[] = [];
  const chunks: VectorValues[] = [];
  let array: ArrayName = 'Float32Array';
  for await (const batch of source.batches()) {
    array = batch.values.constructor.name as ArrayName;
    for (let r = 0; r < batch.rows; r++) {
      const id = batch.ids ? batch.ids[r]! : String(source.globalRow(batch.rowOffset + r));
      if (!wanted(id) || seen.has(id)) continue;
      bytes += width * batch.values.BYTES_PER_ELEMENT;
      if (bytes > budget.bytes)
        throw new OverBudget(
          `${source.info.path || 'the vectors'}: this shard's rows pass the ${MAX_CARRIED_ROW_BYTES / 2 ** 20} MiB a partial carries`,
        );
      seen.add(id);
      ids.push(id);
      rows.push(source.globalRow(batch.rowOffset + r));
      chunks.push(batch.values.slice(r * width, (r + 1) * width));
    }
  }
  budget.bytes -= bytes;
  const Ctor = ARRAYS[array];
  const values = new Ctor(ids.length * width);
  chunks.forEach((c, i) => values.set(c as never, i * width));
  return { dtype, dims, array, ids, rows: Float64Array.from(rows), values };
}

/**
 * The rows one pass over the whole file keeps, from its slices' (any order, any grouping):
 * each id's earliest row. Undefined when the slices do not describe one file alike.
 */
export function mergeRows(parts: readonly CollectedRows[]): CollectedRows | undefined {
  const first = parts[0];
  if (!first) return undefined;
  const { dtype, dims, array } = first;
  if (parts.some((p) => p.dtype !== dtype || p.dims !== dims || p.array !== array))
    return undefined;
  const width = rowWidth(dtype, dims);
  const best = new Map<string, { row: number; part: number; at: number }>();
  parts.forEach((p, part) =>
    p.ids.forEach((id, at) => {
      const row = p.rows[at]!;
      const was = best.get(id);
      if (!was || row < was.row) best.set(id, { row, part, at });
    }),
  );
  const order = [...best.entries()].sort((a, b) => a[1].row - b[1].row);
  const values = new ARRAYS[array](order.length * width);
  order.forEach(([, { part, at }], i) =>
    values.set(parts[part]!.values.subarray(at * width, (at + 1) * width) as never, i * width),
  );
  return {
    dtype,
    dims,
    array,
    ids: order.map(([id]) => id),
    rows: Float64Array.from(order, ([, b]) => b.row),
    values,
  };
}

/**
 * A source of the collected rows, each at its row of the whole file, with its id: the
 * single run's code reads it as it reads the file, and keeps the same rows.
 */
export function rowsSource(rows: CollectedRows, info: Partial<VectorFileInfo> = {}): VectorSource {
  const width = rowWidth(rows.dtype, rows.dims);
  return {
    info: {
      path: '',
      format: 'npy',
      ...info,
      dtype: rows.dtype,
      dims: rows.dims,
      rows: rows.ids.length,
      hasIds: true,
    } as VectorFileInfo,
    async *batches(): AsyncGenerator<VectorBatch> {
      for (let i = 0; i < rows.ids.length; i++)
        yield {
          rowOffset: rows.rows[i]!,
          rows: 1,
          dims: rows.dims,
          dtype: rows.dtype,
          values: rows.values.subarray(i * width, (i + 1) * width),
          ids: [rows.ids[i]!],
        };
    },
    close: async () => {},
  };
}

function encodeRows(c: CollectedRows, slice: RowSlice): RowsRecord {
  return {
    slice,
    dtype: c.dtype,
    dims: c.dims,
    array: c.array,
    ids: c.ids,
    rows: base64Of(c.rows),
    values: base64Of(c.values),
  };
}

/** A shard's record decoded, or undefined when it has no usable rows. */
function decodeRows(e: RowsRecord | undefined): CollectedRows | undefined {
  if (!e || e.failed !== undefined) return undefined;
  const { dtype, dims, array, ids } = e;
  if (typeof dtype !== 'string' || typeof dims !== 'number' || !Number.isInteger(dims) || dims < 1)
    return undefined;
  if (!array || !Object.hasOwn(ARRAYS, array) || !Array.isArray(ids)) return undefined;
  if (ids.some((id) => typeof id !== 'string')) return undefined;
  if (typeof e.rows !== 'string' || typeof e.values !== 'string') return undefined;
  const rows = arrayOf('Float64Array', e.rows) as Float64Array | undefined;
  const values = arrayOf(array, e.values) as VectorValues | undefined;
  if (!rows || !values || rows.length !== ids.length) return undefined;
  if (!rows.every((r) => Number.isSafeInteger(r) && r >= 0)) return undefined;
  if (values.length !== ids.length * rowWidth(dtype, dims)) return undefined;
  return { dtype, dims, array, ids, rows, values };
}

/** The merged rows of one key, or undefined when a shard lacks them. */
function mergedOf(entries: readonly (RowsRecord | undefined)[]): CollectedRows | undefined {
  const parts: CollectedRows[] = [];
  for (const e of entries) {
    const d = decodeRows(e);
    if (!d) return undefined;
    parts.push(d);
  }
  return mergeRows(parts);
}

/** What a consumer's run gives in a shard: nothing judged there (the merge runs the model). */
function noOutputs(examples: number): ModelOutputs {
  return {
    values: new Float64Array(0),
    width: 0,
    found: new Uint8Array(examples),
    foundCount: 0,
    nonFinite: { rows: 0, firstIds: [] },
  };
}

/**
 * A shard's consumer runs: each collects the labeled ids' first rows among this shard's rows
 * of the version into `record` (once per consumer and version), and runs no model. A read
 * error is recorded and thrown on, as the single run would see it; rows over `budget` are
 * recorded as not carried (the merge reads that version whole).
 */
export function recordingConsumerRun(
  open: Open,
  shard: ShardSpec,
  record: StagingRunPartial[],
  budget: RowBudget,
): ConsumerRun {
  return async ({ consumer, side, vectors, index }) => {
    if (record.some((r) => r.consumer === consumer && r.side === side))
      return noOutputs(index.size);
    try {
      const whole = await open(vectors.path, vectors.open);
      try {
        const slice = rowSlice(shard, whole.info.rows);
        const sliced = sliceSource(whole, slice, false, { rowNumberIds: true });
        const rows = await collectRows(sliced, (id) => index.has(id), budget);
        record.push({ consumer, side, ...encodeRows(rows, slice) });
        return noOutputs(index.size);
      } finally {
        await whole.close();
      }
    } catch (err) {
      if (err instanceof OverBudget) {
        record.push({ consumer, side, failed: err.message });
        return noOutputs(index.size);
      }
      record.push({ consumer, side, failed: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  };
}

/**
 * The merge's consumer runs: each version's labeled rows from the shards (`shards`, each the
 * `staging` entries of one partial), the model run over them as over the file; a version
 * any shard lacks is read whole. `used` counts what was answered how (for the log).
 */
export function mergedConsumerRun(
  shards: readonly (readonly StagingRunPartial[] | undefined)[],
  open: Open,
  used: { merged: number; whole: number } = { merged: 0, whole: 0 },
): ConsumerRun {
  const whole = runWhole({ openVectors: open });
  return async (request) => {
    const { consumer, side, run } = request;
    const merged = mergedOf(
      shards.map((entries) => entries?.find((x) => x.consumer === consumer && x.side === side)),
    );
    if (merged && merged.ids.every((id) => request.index.has(id))) {
      used.merged++;
      return run(rowsSource(merged));
    }
    used.whole++;
    return whole(request);
  };
}

/**
 * A shard's probes: each collects the probe ids' first rows among this shard's rows of the
 * stored vectors into `record`, and compares nothing (undefined: the merge judges).
 */
export function recordingProbeRun(
  shard: ShardSpec,
  record: ProbeRunPartial[],
  budget: RowBudget,
): ProbeRun {
  return async ({ modality, source, ids }) => {
    const wanted = new Set(ids);
    try {
      const slice = rowSlice(shard, source.info.rows);
      // Not closed here: the probe closes the stored vectors it opened.
      const sliced = sliceSource(source, slice, false, { rowNumberIds: true });
      const rows = await collectRows(sliced, (id) => wanted.has(id), budget);
      record.push({ modality, ...encodeRows(rows, slice) });
    } catch (err) {
      record.push({ modality, failed: err instanceof Error ? err.message : String(err) });
    }
    return undefined;
  };
}

/**
 * The merge's probes: the stored rows of the probe ids from the shards (`shards`, each the
 * `probes` entries of one partial), re-embedded and compared as the single run does over
 * the file; a probe any shard lacks reads the file whole. `used` counts what was answered how.
 */
export function mergedProbeRun(
  shards: readonly (readonly ProbeRunPartial[] | undefined)[],
  used: { merged: number; whole: number } = { merged: 0, whole: 0 },
): ProbeRun {
  return async (request) => {
    const { modality, source, ids, run } = request;
    const merged = mergedOf(shards.map((entries) => entries?.find((x) => x.modality === modality)));
    const known = new Set(ids);
    if (
      merged &&
      merged.dtype === source.info.dtype &&
      merged.dims === source.info.dims &&
      merged.ids.every((id) => known.has(id))
    ) {
      used.merged++;
      return run(rowsSource(merged, source.info));
    }
    used.whole++;
    return run(source);
  };
}
