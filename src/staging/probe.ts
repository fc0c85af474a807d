/**
 * The reproducibility probe: re-embed a probe set's inputs with the declared ONNX model
 * and compare each result with the stored vector of the same id. A deviation 1 − cos above
 * the tolerance means the stored vectors came from another checkpoint or preprocessing.
 *
 * In four steps with typed results between them: load (the stored vectors, numeric, and
 * the model), plan (how the model is fed — before running anything — then the probe set's
 * columns it needs and each row's shapes), run (the stored vectors collected, the rows
 * re-embedded and compared; probe-run.ts) and judge (deviations against the tolerance,
 * coverage; probe-judge.ts). A step that cannot go on adds its finding and returns
 * undefined; the probe's result then keeps `outcome: 'error'`.
 */
import type { Finding } from '../config/findings.js';
import type { LoadedManifest, ProbeDeclaration } from '../config/manifest.js';
import { VectorFileError, type VectorDType, type VectorSource } from '../vectors/types.js';
import type { StagingContext } from './context.js';
import { loadModel, StagingFileError, type LoadedModel } from './files.js';
import { newProbeJob, type ProbeJob } from './probe-job.js';
import { judgeProbe } from './probe-judge.js';
import { planProbe, rowShapeFor, type ProbePlan } from './probe-plan.js';
import { run, type ProbeRunPlan, type RowFeed } from './probe-run.js';
import { ProbeSetError, readProbeSet, type ProbeSet } from './probe-set.js';
import { DEFAULT_PROBE_TOLERANCE, type ProbeResult } from './types.js';

/** Probe rows per model run when the manifest does not say. */
export const DEFAULT_PROBE_BATCH = 64;

/** The load step's stored vectors: open, numeric, with the tolerance their dtype implies. */
interface Stored {
  readonly source: VectorSource;
  readonly dims: number;
  readonly dtype: Exclude<VectorDType, 'binary'>;
  readonly tolerance: number;
}

/**
 * Runs the probe declared at `field` of the candidate manifest (`['probe']` or
 * `['encoders', modality, 'probe']`). Never throws for problems of the files it names;
 * closes the stored vectors and releases the model's session on every path.
 */
export async function runProbe(
  ctx: StagingContext,
  loaded: LoadedManifest,
  decl: ProbeDeclaration,
  modality: string,
  field: readonly (string | number)[],
): Promise<{ result: ProbeResult; findings: Finding[] }> {
  const findings: Finding[] = [];
  const job = newProbeJob(ctx, loaded.doc, decl, modality, field, findings);
  let result: ProbeResult = {
    modality,
    model: job.modelFile,
    set: job.setFile,
    vectors: job.storedFile,
    outcome: 'error',
    tolerance: decl.tolerance ?? 0,
  };
  const done = () => ({ result, findings });

  const stored = await openStored(job);
  if (!stored) return done();
  result = { ...result, tolerance: stored.tolerance };
  let model: LoadedModel | undefined;
  try {
    model = await loadEmbeddingModel(job);
    if (!model) return done();
    const planned = await plan(job, model, stored.dims);
    if (!planned) return done();
    const loadedModel = model;
    const compared = await (ctx.probeRun ?? ((r) => r.run(r.source)))({
      modality,
      source: stored.source,
      ids: planned.set.ids,
      feeds: planned.rows,
      run: (source) => run(job, loadedModel, source, planned),
    });
    if (!compared) return done();
    const judged = judgeProbe({
      ...compared,
      ids: planned.set.ids,
      tolerance: stored.tolerance,
      dtype: stored.dtype,
      modelFile: job.modelFile,
      storedFile: job.storedFile,
      setLocation: job.at('set'),
    });
    result = { ...result, ...judged.judged };
    judged.findings.forEach(job.add);
    return done();
  } finally {
    try {
      await stored.source.close();
    } finally {
      await model?.session.release();
    }
  }
}

/** Load: the stored vectors, when they open and are numeric; undefined after a finding. */
async function openStored(job: ProbeJob): Promise<Stored | undefined> {
  const { ctx, decl, stored } = job;
  let source: VectorSource;
  try {
    source = await ctx.openVectors(stored.path, stored.open);
  } catch (err) {
    if (!(err instanceof VectorFileError)) throw err;
    job.emit(
      'probe.vectors',
      `cannot read the stored vectors: ${err.message}`,
      decl.vectors ? job.at('vectors', 'path') : { file: job.storedFile },
    );
    return undefined;
  }
  const { dims, dtype } = source.info;
  if (dtype === 'binary') {
    job.emit(
      'probe.unsupported',
      `the stored vectors ${job.storedFile} are packed bits; a cosine probe needs numeric vectors`,
      job.at(),
      'warning',
    );
    await source.close();
    return undefined;
  }
  return { source, dims, dtype, tolerance: decl.tolerance ?? DEFAULT_PROBE_TOLERANCE[dtype] };
}

/** Load: the embedding model; undefined after a `probe.model` finding. */
async function loadEmbeddingModel(job: ProbeJob): Promise<LoadedModel | undefined> {
  const { ctx } = job;
  try {
    return await loadModel(job.modelPath, job.modelFile, {
      maxBytes: ctx.limits.maxModelBytes,
      ort: ctx.ort,
      threads: ctx.limits.threads,
      sha256: job.decl.sha256,
      what: 'embedding model',
      openSource: ctx.openSource,
    });
  } catch (err) {
    if (!(err instanceof StagingFileError)) throw err;
    job.emit('probe.model', err.message, job.at('model'));
    return undefined;
  }
}

/**
 * Plan: how the model is fed from the probe set and which output is the embedding, then
 * the set's columns it needs (which is why the set is read here, not in load), its ids
 * (unique) and how each row is fed. Undefined after a finding.
 */
async function plan(
  job: ProbeJob,
  model: LoadedModel,
  dims: number,
): Promise<ProbeRunPlan | undefined> {
  const { ctx, decl, at } = job;
  const { plan: feed, problems } = planProbe(model, decl, dims);
  if (!feed) {
    // The first problem goes last: reports have always listed it after the others.
    for (const p of [...problems.slice(1), problems[0]!])
      job.emit('probe.model', p.message, at(p.field));
    return undefined;
  }
  let set: ProbeSet;
  try {
    set = await readProbeSet(job.setPath, job.setFile, {
      format: decl.format,
      idColumn: decl.id_column ?? 'id',
      columns: feed.inputs,
      maxBytes: ctx.limits.maxDataBytes,
      openSource: ctx.openSource,
    });
  } catch (err) {
    if (!(err instanceof ProbeSetError || err instanceof StagingFileError)) throw err;
    job.emit('probe.inputs', err.message, at('set'));
    return undefined;
  }
  const index = new Map<string, number>();
  for (const [r, id] of set.ids.entries()) {
    if (index.has(id)) {
      job.emit(
        'probe.inputs',
        `probe id ${JSON.stringify(id)} appears twice in the probe set; expected unique ids`,
        at('set'),
      );
      return undefined;
    }
    index.set(id, r);
  }
  const fixedBatch = feed.inputs.find((i) => i.fixedBatch !== undefined)?.fixedBatch;
  return {
    feed,
    set,
    index,
    rows: rowFeeds(feed, set, job.setFile),
    dims,
    batch: fixedBatch ?? decl.batch_size ?? DEFAULT_PROBE_BATCH,
    ...(fixedBatch !== undefined && { fixedBatch }),
  };
}

/**
 * How each probe row is fed: its shape per input (the open dimension inferred from its
 * length), or the message for the first input it does not fit. A misfit is reported only
 * if the row is compared, that is, if its id is in the stored vectors.
 */
function rowFeeds(feed: ProbePlan, set: ProbeSet, setFile: string): RowFeed[] {
  return set.ids.map((id, r) => {
    const shapes: number[][] = [];
    for (const input of feed.inputs) {
      const column = set.columns.get(input.input)!;
      const length = column.offsets[r + 1]! - column.offsets[r]!;
      const shape = rowShapeFor(input, length);
      if (!shape)
        return {
          misfit:
            `probe set ${setFile}: row ${r} (id ${JSON.stringify(id)}) has ${length} values in column "${input.column}", ` +
            `which does not fit model input "${input.input}" (one row: [${input.rowShape.map((d) => (d === -1 ? '?' : d)).join(', ')}])`,
        };
      shapes.push(shape);
    }
    return { shapes, key: shapes.map((s) => s.join('x')).join('|') };
  });
}
