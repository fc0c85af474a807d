/**
 * Consumers' staging models, split by vector rows over the shards of `check`. Each shard runs
 * every consumer's model over its rows of both versions and records each labeled example's
 * output row with the file row it was read at; the merge takes, per example, the output of the
 * earliest row any shard found it at — the row one streaming run takes — and hands the staging
 * step those outputs in place of running the model: labels, predictions, the metric, the
 * bootstrap and the sign-flip test then run once, on the single run's numbers.
 *
 * A shard's run is best effort: when it fails (the model refuses a batch, the file is
 * unreadable), when a shard has no entry for it, or when the shards' output widths disagree,
 * the merge runs that model over the whole file, the single run's way — so its error, if any,
 * is the single run's error, with the single run's message.
 */
import type { ConsumerRun } from '../staging/context.js';
import { nonFiniteOf, type ModelOutputs } from '../staging/run-model.js';
import { runWhole } from '../staging/consumer-run.js';
import { rowSlice, sliceSource, type RowSlice, type ShardSpec } from '../vectors/row-slice.js';
import type { OpenOptions, VectorSource } from '../vectors/types.js';

/** Opens a vectors reference, as the engine's `openVectors` does. */
type Open = (path: string, opts: OpenOptions) => Promise<VectorSource>;

/** What a shard recorded of one consumer's run over one version. */
export interface StagingRunPartial {
  readonly consumer: string;
  readonly side: 'candidate' | 'baseline';
  readonly slice?: RowSlice;
  /** Labeled examples in the labels file (the merge checks its own labels agree). */
  readonly examples?: number;
  /** Output elements per example (0 when the slice held no labeled id). */
  readonly width?: number;
  /** The found examples, ascending (int32, base64). */
  readonly found?: string;
  /** The file row each found example was read at (float64, base64). */
  readonly rows?: string;
  /** The found examples' output rows, `width` each (float64, base64: every bit kept). */
  readonly values?: string;
  /** Why this shard has no outputs for the run (the merge then runs it whole). */
  readonly failed?: string;
}

/** One shard's outputs of a run, decoded. */
export interface SliceOutputs {
  readonly width: number;
  /** Found examples, ascending. */
  readonly found: Int32Array;
  /** File row of each found example. */
  readonly rows: Float64Array;
  /** found.length × width values. */
  readonly values: Float64Array;
}

function encode(a: Int32Array | Float64Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function decode<T extends Int32Array | Float64Array>(
  text: unknown,
  make: (n: number) => T,
  bytesPer: number,
): T | undefined {
  if (typeof text !== 'string') return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % bytesPer !== 0) return undefined;
  const out = make(bytes.length / bytesPer);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** A run's outputs as a slice's: the found examples, their rows (mapped by `globalRow`), their values. */
export function sliceOutputsOf(
  outputs: ModelOutputs,
  globalRow: (row: number) => number,
): SliceOutputs {
  const found: number[] = [];
  for (let e = 0; e < outputs.found.length; e++) if (outputs.found[e]) found.push(e);
  const width = outputs.width;
  const rows = new Float64Array(found.length);
  const values = new Float64Array(found.length * width);
  found.forEach((e, i) => {
    rows[i] = globalRow(outputs.rows![e]!);
    values.set(outputs.values.subarray(e * width, (e + 1) * width), i * width);
  });
  return { width, found: Int32Array.from(found), rows, values };
}

/**
 * The outputs one run over the whole file gives, from its slices' (any order, any grouping):
 * each example's output from the earliest row it was found at. Undefined when the slices'
 * widths disagree (the single run's model then failed between runs: the merge reruns it).
 */
export function mergeSliceOutputs(
  parts: readonly SliceOutputs[],
  examples: number,
): SliceOutputs | undefined {
  const widths = new Set(parts.filter((p) => p.found.length > 0).map((p) => p.width));
  if (widths.size > 1) return undefined;
  const width = widths.size === 1 ? [...widths][0]! : 0;
  const bestRow = new Float64Array(examples).fill(Infinity);
  const from = new Int32Array(examples).fill(-1);
  const at = new Int32Array(examples);
  parts.forEach((p, s) => {
    p.found.forEach((e, i) => {
      if (e < 0 || e >= examples) throw new RangeError(`example ${e} out of range`);
      if (p.rows[i]! < bestRow[e]!) {
        bestRow[e] = p.rows[i]!;
        from[e] = s;
        at[e] = i;
      }
    });
  });
  const found: number[] = [];
  for (let e = 0; e < examples; e++) if (from[e]! >= 0) found.push(e);
  const rows = new Float64Array(found.length);
  const values = new Float64Array(found.length * width);
  found.forEach((e, i) => {
    const p = parts[from[e]!]!;
    rows[i] = bestRow[e]!;
    values.set(p.values.subarray(at[e]! * width, (at[e]! + 1) * width), i * width);
  });
  return { width, found: Int32Array.from(found), rows, values };
}

/** The staging step's view of merged slice outputs: every example's row, NaN where not found. */
export function modelOutputsOf(
  merged: SliceOutputs,
  index: ReadonlyMap<string, number>,
): ModelOutputs {
  const examples = index.size;
  const { width } = merged;
  const values = new Float64Array(examples * width).fill(NaN);
  const found = new Uint8Array(examples);
  const rows = new Float64Array(examples).fill(-1);
  merged.found.forEach((e, i) => {
    found[e] = 1;
    rows[e] = merged.rows[i]!;
    values.set(merged.values.subarray(i * width, (i + 1) * width), e * width);
  });
  const ids: string[] = new Array<string>(examples);
  for (const [id, e] of index) ids[e] = id;
  return {
    values,
    width,
    found,
    foundCount: merged.found.length,
    nonFinite: nonFiniteOf(values, width, found, (e) => ids[e]!),
    rows,
  };
}

/**
 * A shard's consumer runs: each over this shard's rows of the version (ids kept, rows
 * numbered as in the whole file), recorded in `record` once per consumer and version. Errors
 * are recorded and thrown on, as the single run would see them.
 */
export function recordingConsumerRun(
  open: Open,
  shard: ShardSpec,
  record: StagingRunPartial[],
): ConsumerRun {
  return async ({ consumer, side, vectors, index, run }) => {
    const first = !record.some((r) => r.consumer === consumer && r.side === side);
    try {
      const whole = await open(vectors.path, vectors.open);
      try {
        const slice = rowSlice(shard, whole.info.rows);
        const sliced = sliceSource(whole, slice, false, { rowNumberIds: true });
        const outputs = await run(sliced);
        if (first) {
          const s = sliceOutputsOf(outputs, (r) => sliced.globalRow(r));
          record.push({
            consumer,
            side,
            slice,
            examples: index.size,
            width: s.width,
            found: encode(s.found),
            rows: encode(s.rows),
            values: encode(s.values),
          });
        }
        return outputs;
      } finally {
        await whole.close();
      }
    } catch (err) {
      if (first)
        record.push({ consumer, side, failed: err instanceof Error ? err.message : String(err) });
      throw err;
    }
  };
}

/** A shard's entry decoded, or undefined when it has no usable outputs. */
function decodeEntry(e: StagingRunPartial | undefined, examples: number): SliceOutputs | undefined {
  if (!e || e.failed !== undefined || e.examples !== examples) return undefined;
  const width = e.width;
  if (typeof width !== 'number' || !Number.isInteger(width) || width < 0) return undefined;
  const found = decode(e.found, (n) => new Int32Array(n), 4);
  const rows = decode(e.rows, (n) => new Float64Array(n), 8);
  const values = decode(e.values, (n) => new Float64Array(n), 8);
  if (!found || !rows || !values) return undefined;
  if (rows.length !== found.length || values.length !== found.length * width) return undefined;
  return { width, found, rows, values };
}

/**
 * The merge's consumer runs: each from the shards' outputs (`shards`, each the `staging`
 * entries of one partial), merged exactly; a run any shard lacks runs whole over the file.
 * `used` counts what was answered how (for the log).
 */
export function mergedConsumerRun(
  shards: readonly (readonly StagingRunPartial[] | undefined)[],
  open: Open,
  used: { merged: number; whole: number } = { merged: 0, whole: 0 },
): ConsumerRun {
  const whole = runWhole({ openVectors: open });
  return async (request) => {
    const { consumer, side, index } = request;
    const parts: SliceOutputs[] = [];
    for (const entries of shards) {
      const e = (entries ?? []).find((x) => x.consumer === consumer && x.side === side);
      const decoded = decodeEntry(e, index.size);
      if (!decoded) break;
      parts.push(decoded);
    }
    let merged: SliceOutputs | undefined;
    try {
      merged = parts.length === shards.length ? mergeSliceOutputs(parts, index.size) : undefined;
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
    }
    if (merged) {
      used.merged++;
      return modelOutputsOf(merged, index);
    }
    used.whole++;
    return whole(request);
  };
}
