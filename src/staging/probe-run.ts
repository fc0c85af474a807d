/**
 * The run step of a reproducibility probe (src/staging/probe.ts): one pass over the stored
 * vectors collects the vector of every probe id, then the probe rows that have one are
 * re-embedded, batch by batch, and each output is compared with its stored vector.
 */
import type { OrtModule, OrtTensor } from '../onnx/session.js';
import { float16Table } from '../vectors/float16.js';
import { VectorFileError, type VectorSource } from '../vectors/types.js';
import { copyRow, rowId } from './decode.js';
import type { LoadedModel } from './files.js';
import type { ProbeJob } from './probe-job.js';
import type { Compared } from './probe-judge.js';
import type { ProbePlan } from './probe-plan.js';
import type { ProbeSet } from './probe-set.js';
import type { ProbeDeviation } from './types.js';

/** How one probe row is fed: its shape per model input, or why it does not fit. */
export type RowFeed =
  | {
      readonly shapes: readonly (readonly number[])[];
      /** Rows with the same key have the same shapes, so they can share a model run. */
      readonly key: string;
    }
  | { readonly misfit: string };

/** What the plan step hands to the run step. */
export interface ProbeRunPlan {
  readonly feed: ProbePlan;
  readonly set: ProbeSet;
  /** The probe row of each id. */
  readonly index: ReadonlyMap<string, number>;
  /** Per probe row. */
  readonly rows: readonly RowFeed[];
  /** The stored vectors' dims, which the model's output must have. */
  readonly dims: number;
  /** Probe rows per model run. */
  readonly batch: number;
  /** The model's batch dimension when it is fixed (then `batch` equals it). */
  readonly fixedBatch?: number;
}

/** Rows that share a model run's shapes, in probe-set order. */
interface Group {
  readonly rows: number[];
  readonly shapes: readonly (readonly number[])[];
}

/** The stored vector of every found probe id, as float64 rows. */
interface Stored {
  readonly values: Float64Array;
  readonly found: Uint8Array;
  readonly rowOf: Map<string, number>;
}

/**
 * Run: collects the stored vectors, then re-embeds and compares the probe rows that have
 * one. Undefined after an error finding (unreadable stored vectors, a row the model cannot
 * take, a failed model run, a misshapen or non-finite output).
 */
export async function run(
  job: ProbeJob,
  model: LoadedModel,
  source: VectorSource,
  planned: ProbeRunPlan,
): Promise<Compared | undefined> {
  const stored = await collectStored(job, source, planned);
  if (!stored) return undefined;
  const groups = groupRows(job, planned, stored.found);
  if (!groups) return undefined;
  const deviations = await reembed(job, model, planned, stored.values, groups);
  return deviations && { deviations, found: stored.found, rowOf: stored.rowOf };
}

/** The stored vector of every probe id (first occurrence); undefined after a finding. */
async function collectStored(
  job: ProbeJob,
  source: VectorSource,
  { set, index, dims }: ProbeRunPlan,
): Promise<Stored | undefined> {
  const values = new Float64Array(set.ids.length * dims);
  const found = new Uint8Array(set.ids.length);
  const rowOf = new Map<string, number>();
  try {
    for await (const batch of source.batches()) {
      const ids = batch.ids;
      for (let r = 0; r < batch.rows; r++) {
        const id = ids ? ids[r]! : rowId(batch, r);
        const p = index.get(id);
        if (p === undefined || found[p]) continue;
        found[p] = 1;
        rowOf.set(id, batch.rowOffset + r);
        copyRow(batch, r, values, p * dims);
      }
    }
  } catch (err) {
    if (!(err instanceof VectorFileError)) throw err;
    job.emit('probe.vectors', `cannot read the stored vectors: ${err.message}`, {
      file: err.file,
    });
    return undefined;
  }
  return { values, found, rowOf };
}

/**
 * The found rows, grouped by shape: rows batch together only when every input has the
 * same row shape (text of one length). Undefined after a finding for the first found row
 * that does not fit.
 */
function groupRows(
  job: ProbeJob,
  planned: ProbeRunPlan,
  found: Uint8Array,
): Map<string, Group> | undefined {
  const groups = new Map<string, Group>();
  for (let r = 0; r < planned.rows.length; r++) {
    if (!found[r]) continue;
    const feed = planned.rows[r]!;
    if ('misfit' in feed) {
      job.emit('probe.inputs', feed.misfit, job.at('set'));
      return undefined;
    }
    const group = groups.get(feed.key) ?? { rows: [], shapes: feed.shapes };
    group.rows.push(r);
    groups.set(feed.key, group);
  }
  return groups;
}

/** Re-embeds each group in batches; each row's deviation, or undefined after a finding. */
async function reembed(
  job: ProbeJob,
  model: LoadedModel,
  planned: ProbeRunPlan,
  stored: Float64Array,
  groups: Map<string, Group>,
): Promise<ProbeDeviation[] | undefined> {
  const { dims, set } = planned;
  const half = planned.feed.outputType === 'float16' ? float16Table() : undefined;
  const out: ProbeDeviation[] = [];
  const nonFinite: string[] = [];
  for (const { rows, shapes } of groups.values()) {
    for (let start = 0; start < rows.length; start += planned.batch) {
      const chunk = rows.slice(start, start + planned.batch);
      const output = await runChunk(job, model, planned, chunk, shapes);
      if (!output) return undefined;
      chunk.forEach((r, i) => {
        const id = set.ids[r]!;
        const deviation = deviationOf(output, i, stored, r, dims, half);
        if (deviation === undefined) nonFinite.push(id);
        else out.push({ id, deviation });
      });
    }
  }
  if (nonFinite.length) {
    job.emit(
      'probe.non-finite',
      `the embedding model produced NaN or ±Inf for ${nonFinite.length} probe rows (first ids: ${nonFinite
        .slice(0, 5)
        .map((i) => JSON.stringify(i))
        .join(', ')})`,
      job.at('model'),
    );
    return undefined;
  }
  return out;
}

/**
 * One model run over the probe rows `chunk`: the output's values (float16 as raw bits),
 * `dims` per row, or undefined after a finding.
 */
async function runChunk(
  job: ProbeJob,
  model: LoadedModel,
  planned: ProbeRunPlan,
  chunk: readonly number[],
  shapes: readonly (readonly number[])[],
): Promise<ArrayLike<number> | undefined> {
  const { ort } = job.ctx;
  const { feed: plan, dims } = planned;
  // A fixed batch dimension is filled by repeating the chunk's first row; those outputs are ignored.
  const fed = planned.fixedBatch ?? chunk.length;
  const feeds = feedsFor(ort, planned, chunk, shapes, fed);
  let output;
  try {
    output = (await model.session.run(feeds, [plan.output]))[plan.output] as
      { dims: readonly number[]; data: ArrayLike<number> } | undefined;
  } catch (err) {
    const cause = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    job.emit(
      'probe.model',
      `the embedding model failed on probe rows ${chunk[0]}…: ${cause}`,
      job.at('model'),
    );
    return undefined;
  } finally {
    for (const t of Object.values(feeds)) t.dispose();
  }
  if (!output || output.dims[0] !== fed || output.dims[1] !== dims) {
    job.emit(
      'probe.model',
      `model output "${plan.output}" has shape [${output?.dims.join(', ') ?? ''}] for ${fed} rows; expected [${fed}, ${dims}] like the stored vectors`,
      job.at('model'),
    );
    return undefined;
  }
  return output.data;
}

/**
 * The input tensors of one model run: `fed` rows per input, the chunk's rows first, then
 * its first row again up to a fixed batch dimension.
 */
function feedsFor(
  ort: OrtModule,
  { feed, set }: ProbeRunPlan,
  chunk: readonly number[],
  shapes: readonly (readonly number[])[],
  fed: number,
): Record<string, OrtTensor> {
  const feeds: Record<string, OrtTensor> = {};
  feed.inputs.forEach((input, k) => {
    const column = set.columns.get(input.input)!;
    const rowLength = shapes[k]!.reduce((a, b) => a * b, 1);
    const data = new (column.values.constructor as new (n: number) => typeof column.values)(
      fed * rowLength,
    );
    for (let i = 0; i < fed; i++) {
      const from = column.offsets[i < chunk.length ? chunk[i]! : chunk[0]!]!;
      (data as { set(a: ArrayLike<number | bigint>, o: number): void }).set(
        column.values.subarray(from, from + rowLength) as ArrayLike<number>,
        i * rowLength,
      );
    }
    feeds[input.input] = new ort.Tensor(input.type, data as Float32Array, [fed, ...shapes[k]!]);
  });
  return feeds;
}

/**
 * 1 − cos between row `i` of a model output (float16 as raw bits, decoded by `half`) and
 * stored row `r`, at least 0; 0 when both are zero vectors, 1 when one is. Undefined when
 * the output row holds NaN or ±Inf.
 */
function deviationOf(
  output: ArrayLike<number>,
  i: number,
  stored: Float64Array,
  r: number,
  dims: number,
  half: Float32Array | undefined,
): number | undefined {
  let dot = 0;
  let nn = 0;
  let ss = 0;
  let finite = true;
  for (let j = 0; j < dims; j++) {
    const raw = output[i * dims + j]!;
    const a = half ? half[raw]! : raw;
    if (!Number.isFinite(a)) finite = false;
    const b = stored[r * dims + j]!;
    dot += a * b;
    nn += a * a;
    ss += b * b;
  }
  if (!finite) return undefined;
  const deviation = nn === 0 || ss === 0 ? (nn === ss ? 0 : 1) : 1 - dot / Math.sqrt(nn * ss);
  return Math.max(0, deviation);
}
