/**
 * The reproducibility probe: re-embed a probe set's inputs with the declared ONNX model
 * and compare each result with the stored vector of the same id. A deviation 1 − cos above
 * the tolerance means the stored vectors came from another checkpoint or preprocessing.
 */
import { relative } from 'node:path';
import type { Finding, Location } from '../config/findings.js';
import type { LoadedManifest, ProbeDeclaration } from '../config/manifest.js';
import { float16Table } from '../vectors/float16.js';
import { VectorFileError, type OpenOptions, type VectorSource } from '../vectors/types.js';
import type { StagingContext } from './context.js';
import { copyRow, rowId } from './decode.js';
import { resolveInWorkspace } from '../config/paths.js';
import { sci } from '../config/numbers.js';
import { loadModel, StagingFileError, type LoadedModel } from './files.js';
import { planProbe, rowShapeFor, type ProbePlan } from './probe-plan.js';
import { ProbeSetError, readProbeSet, type ProbeSet } from './probe-set.js';
import { DEFAULT_PROBE_TOLERANCE, type ProbeDeviation, type ProbeResult } from './types.js';

/** Probe rows per model run when the manifest does not say. */
export const DEFAULT_PROBE_BATCH = 64;
/** Worst ids kept in the report. */
const WORST = 10;

/** A problem that ends one probe: its finding id, message and field. */
class ProbeProblem extends Error {
  constructor(
    readonly id: string,
    message: string,
    readonly location: Location,
  ) {
    super(message);
  }
}

/**
 * Runs the probe declared at `field` of the candidate manifest (`['probe']` or
 * `['encoders', modality, 'probe']`). Never throws for problems of the files it names.
 */
export async function runProbe(
  ctx: StagingContext,
  loaded: LoadedManifest,
  decl: ProbeDeclaration,
  modality: string,
  field: readonly (string | number)[],
): Promise<{ result: ProbeResult; findings: Finding[] }> {
  const doc = loaded.doc;
  const at = (...sub: string[]): Location => doc.locate([...field, ...sub]);
  const display = (p: string) => relative(ctx.cwd, p) || p;
  const modelPath = resolveInWorkspace(doc, [...field, 'model'], decl.model, ctx.workspace);
  const setPath = resolveInWorkspace(doc, [...field, 'set'], decl.set, ctx.workspace);
  const stored = decl.vectors
    ? {
        path: resolveInWorkspace(
          doc,
          [...field, 'vectors', 'path'],
          decl.vectors.path,
          ctx.workspace,
        ),
        open: {
          format: decl.vectors.format,
          idColumn: decl.vectors.id_column,
          vectorColumn: decl.vectors.vector_column,
          idsPath:
            decl.vectors.ids &&
            resolveInWorkspace(doc, [...field, 'vectors', 'ids'], decl.vectors.ids, ctx.workspace),
        } satisfies OpenOptions,
      }
    : { path: ctx.candidate.vectors.path, open: ctx.candidate.vectors.open };
  const storedDisplay = display(stored.path);
  let result: ProbeResult = {
    modality,
    model: display(modelPath),
    set: display(setPath),
    vectors: storedDisplay,
    outcome: 'error',
    tolerance: decl.tolerance ?? 0,
  };
  const findings: Finding[] = [];
  const prefix = modality === 'model' ? '' : `${modality} encoder: `;

  let source: VectorSource | undefined;
  let model: LoadedModel | undefined;
  try {
    try {
      source = await ctx.openVectors(stored.path, stored.open);
    } catch (err) {
      if (!(err instanceof VectorFileError)) throw err;
      throw new ProbeProblem(
        'probe.vectors',
        `cannot read the stored vectors: ${err.message}`,
        decl.vectors ? at('vectors', 'path') : { file: storedDisplay },
      );
    }
    const { dims, dtype } = source.info;
    if (dtype === 'binary')
      throw new ProbeProblem(
        'probe.unsupported',
        `the stored vectors ${storedDisplay} are packed bits; a cosine probe needs numeric vectors`,
        at(),
      );
    const tolerance = decl.tolerance ?? DEFAULT_PROBE_TOLERANCE[dtype];
    result = { ...result, tolerance };
    try {
      model = await loadModel(modelPath, display(modelPath), {
        maxBytes: ctx.limits.maxModelBytes,
        ort: ctx.ort,
        threads: ctx.limits.threads,
        sha256: decl.sha256,
        what: 'embedding model',
        openSource: ctx.openSource,
      });
    } catch (err) {
      if (!(err instanceof StagingFileError)) throw err;
      throw new ProbeProblem('probe.model', err.message, at('model'));
    }
    const { plan, problems } = planProbe(model, decl, dims);
    if (!plan) {
      const first = problems[0]!;
      for (const p of problems.slice(1))
        findings.push({
          id: 'probe.model',
          severity: 'error',
          message: `${prefix}${p.message}`,
          location: at(p.field === 'model' ? 'model' : p.field),
        });
      throw new ProbeProblem(
        'probe.model',
        first.message,
        at(first.field === 'model' ? 'model' : first.field),
      );
    }
    let set: ProbeSet;
    try {
      set = await readProbeSet(setPath, display(setPath), {
        format: decl.format,
        idColumn: decl.id_column ?? 'id',
        columns: plan.inputs,
        maxBytes: ctx.limits.maxDataBytes,
        openSource: ctx.openSource,
      });
    } catch (err) {
      if (!(err instanceof ProbeSetError || err instanceof StagingFileError)) throw err;
      throw new ProbeProblem('probe.inputs', err.message, at('set'));
    }
    const storedRows = await collectStored(source, set, dims, at);
    const deviations = await reembed(
      ctx,
      model,
      plan,
      set,
      storedRows,
      dims,
      decl.batch_size ?? DEFAULT_PROBE_BATCH,
      display(setPath),
      at,
    );
    const compared = deviations.filter((d) => !Number.isNaN(d.deviation));
    const missing = set.ids.filter((_, r) => !storedRows.found[r]);
    const exceeding = compared.filter((d) => d.deviation > tolerance);
    const worst = [...compared]
      .sort((a, b) => b.deviation - a.deviation || (a.id < b.id ? -1 : 1))
      .slice(0, WORST);
    const maxDeviation = worst[0]?.deviation ?? 0;
    result = {
      ...result,
      outcome: exceeding.length || compared.length === 0 ? 'fail' : 'pass',
      rows: set.ids.length,
      compared: compared.length,
      missing: missing.length,
      exceeding: exceeding.length,
      maxDeviation,
      meanDeviation: compared.reduce((s, d) => s + d.deviation, 0) / Math.max(1, compared.length),
      worst,
    };
    if (missing.length) {
      findings.push({
        id: 'probe.coverage',
        severity: compared.length ? 'warning' : 'error',
        message:
          `${prefix}${missing.length} of ${set.ids.length} probe ids are not in the stored vectors ${storedDisplay} ` +
          `(first: ${missing
            .slice(0, 5)
            .map((m) => JSON.stringify(m))
            .join(', ')})${compared.length ? '' : '; nothing was compared'}`,
        location: at('set'),
        expected: set.ids.length,
        found: compared.length,
      });
    }
    if (exceeding.length) {
      const top = exceeding.sort((a, b) => b.deviation - a.deviation).slice(0, 5);
      const row = storedRows.rowOf.get(top[0]!.id);
      findings.push({
        id: 'probe.deviation',
        severity: 'error',
        message:
          `${prefix}${exceeding.length} of ${compared.length} stored vectors differ from what ${display(modelPath)} produces for the probe inputs ` +
          `by more than ${tolerance} (1 − cos, ${dtype}); worst: ${top.map((d) => `${JSON.stringify(d.id)} ${sci(d.deviation)}`).join(', ')}. ` +
          `The stored vectors were not produced by this model with this preprocessing`,
        location: { file: storedDisplay, id: top[0]!.id, ...(row !== undefined && { row }) },
        expected: { tolerance },
        found: { exceeding: exceeding.length, maxDeviation, worst: top },
      });
    }
  } catch (err) {
    if (!(err instanceof ProbeProblem)) throw err;
    findings.push({
      id: err.id,
      severity: err.id === 'probe.unsupported' ? 'warning' : 'error',
      message: `${prefix}${err.message}`,
      location: err.location,
    });
  } finally {
    await source?.close();
    await model?.session.release();
  }
  return { result, findings };
}

/** The stored vector of every probe id (first occurrence), as float64 rows. */
async function collectStored(
  source: VectorSource,
  set: ProbeSet,
  dims: number,
  at: (...sub: string[]) => Location,
): Promise<{ values: Float64Array; found: Uint8Array; rowOf: Map<string, number> }> {
  const index = new Map<string, number>();
  set.ids.forEach((id, r) => {
    if (index.has(id))
      throw new ProbeProblem(
        'probe.inputs',
        `probe id ${JSON.stringify(id)} appears twice in the probe set; expected unique ids`,
        at('set'),
      );
    index.set(id, r);
  });
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
    throw new ProbeProblem('probe.vectors', `cannot read the stored vectors: ${err.message}`, {
      file: err.file,
    });
  }
  return { values, found, rowOf };
}

/** Re-embeds the probe rows that have a stored vector and returns each one's deviation. */
async function reembed(
  ctx: StagingContext,
  model: LoadedModel,
  plan: ProbePlan,
  set: ProbeSet,
  stored: { values: Float64Array; found: Uint8Array },
  dims: number,
  batchSize: number,
  setDisplay: string,
  at: (...sub: string[]) => Location,
): Promise<ProbeDeviation[]> {
  // Rows batch together only when every input has the same row shape (text of one length).
  const groups = new Map<string, { rows: number[]; shapes: number[][] }>();
  for (let r = 0; r < set.ids.length; r++) {
    if (!stored.found[r]) continue;
    const shapes = plan.inputs.map((input) => {
      const column = set.columns.get(input.input)!;
      const length = column.offsets[r + 1]! - column.offsets[r]!;
      const shape = rowShapeFor(input, length);
      if (!shape) {
        throw new ProbeProblem(
          'probe.inputs',
          `probe set ${setDisplay}: row ${r} (id ${JSON.stringify(set.ids[r])}) has ${length} values in column "${input.column}", ` +
            `which does not fit model input "${input.input}" (one row: [${input.rowShape.map((d) => (d === -1 ? '?' : d)).join(', ')}])`,
          at('set'),
        );
      }
      return shape;
    });
    const key = shapes.map((s) => s.join('x')).join('|');
    const group = groups.get(key) ?? { rows: [], shapes };
    group.rows.push(r);
    groups.set(key, group);
  }
  const fixed = plan.inputs.find((i) => i.fixedBatch !== undefined)?.fixedBatch;
  const step = fixed ?? batchSize;
  const out: ProbeDeviation[] = [];
  const half = plan.outputType === 'float16' ? float16Table() : undefined;
  const nonFinite: string[] = [];
  for (const { rows, shapes } of groups.values()) {
    for (let start = 0; start < rows.length; start += step) {
      const chunk = rows.slice(start, start + step);
      // A fixed batch dimension is filled by repeating the chunk's first row; those outputs are ignored.
      const fed = fixed ?? chunk.length;
      const feeds: Record<string, InstanceType<typeof ctx.ort.Tensor>> = {};
      plan.inputs.forEach((input, k) => {
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
        feeds[input.input] = new ctx.ort.Tensor(input.type, data as Float32Array, [
          fed,
          ...shapes[k]!,
        ]);
      });
      let output;
      try {
        output = (await model.session.run(feeds, [plan.output]))[plan.output] as
          { dims: readonly number[]; data: ArrayLike<number> } | undefined;
      } catch (err) {
        const cause = (err instanceof Error ? err.message : String(err)).split('\n')[0];
        throw new ProbeProblem(
          'probe.model',
          `the embedding model failed on probe rows ${chunk[0]}…: ${cause}`,
          at('model'),
        );
      } finally {
        for (const t of Object.values(feeds)) t.dispose();
      }
      if (!output || output.dims[0] !== fed || output.dims[1] !== dims) {
        throw new ProbeProblem(
          'probe.model',
          `model output "${plan.output}" has shape [${output?.dims.join(', ') ?? ''}] for ${fed} rows; expected [${fed}, ${dims}] like the stored vectors`,
          at('model'),
        );
      }
      chunk.forEach((r, i) => {
        let dot = 0;
        let nn = 0;
        let ss = 0;
        let finite = true;
        for (let j = 0; j < dims; j++) {
          const raw = output.data[i * dims + j]!;
          const a = half ? half[raw]! : raw;
          if (!Number.isFinite(a)) finite = false;
          const b = stored.values[r * dims + j]!;
          dot += a * b;
          nn += a * a;
          ss += b * b;
        }
        const id = set.ids[r]!;
        if (!finite) {
          nonFinite.push(id);
          return;
        }
        const deviation = nn === 0 || ss === 0 ? (nn === ss ? 0 : 1) : 1 - dot / Math.sqrt(nn * ss);
        out.push({ id, deviation: Math.max(0, deviation) });
      });
    }
  }
  if (nonFinite.length) {
    throw new ProbeProblem(
      'probe.non-finite',
      `the embedding model produced NaN or ±Inf for ${nonFinite.length} probe rows (first ids: ${nonFinite
        .slice(0, 5)
        .map((i) => JSON.stringify(i))
        .join(', ')})`,
      at('model'),
    );
  }
  return out;
}
