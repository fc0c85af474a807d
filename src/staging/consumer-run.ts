/**
 * The run step of a consumer's staging (src/staging/consumer.ts): the candidate's labeled
 * vectors through the model, its outputs checked, the labels decoded, then the baseline's.
 */
import { VectorFileError, type VectorSource } from '../vectors/types.js';
import type { ConsumerRun, ConsumerRunRequest, StagingContext, StagingSide } from './context.js';
import { emitIo, type Job } from './consumer-job.js';
import { outputWidthProblem, planFeed } from './feed.js';
import type { LoadedModel } from './files.js';
import { LabelsError, type LabelTable } from './labels.js';
import { decodeLabels, type DecodedLabels } from './predict.js';
import { ModelRunError, runOverVectors, type FeedPlan, type ModelOutputs } from './run-model.js';

/** What the plan step hands to the run step. */
export interface RunPlan {
  readonly feed: FeedPlan;
  readonly table: LabelTable;
  /** The labels file as the report shows it. */
  readonly labelsFile: string;
}

/** The run step's result: each version's outputs and the decoded labels, when all went well. */
export interface Ran {
  /** Labeled ids found in the candidate's vectors, once its outputs are known usable. */
  readonly examples?: number;
  readonly outputs?: {
    readonly candidate: ModelOutputs;
    readonly baseline?: ModelOutputs;
    readonly labels: DecodedLabels;
  };
}

/** Runs the model over one version's labeled vectors; undefined after a `staging.run` finding. */
async function runSide(
  job: Job,
  model: LoadedModel,
  table: LabelTable,
  side: StagingSide,
  feed: FeedPlan,
): Promise<ModelOutputs | undefined> {
  const { ctx } = job;
  const over = (source: VectorSource) =>
    runOverVectors(
      model.session,
      ctx.ort,
      source,
      table.index,
      feed,
      side.vectors.displayPath,
      table.ids,
    );
  const request: ConsumerRunRequest = {
    consumer: job.consumer,
    side: side === ctx.candidate ? 'candidate' : 'baseline',
    vectors: side.vectors,
    index: table.index,
    run: over,
  };
  try {
    return await (ctx.consumerRun ?? runWhole(ctx))(request);
  } catch (err) {
    if (!(err instanceof ModelRunError || err instanceof VectorFileError)) throw err;
    job.emit(
      'staging.run',
      `running ${job.display(job.modelPath)} on ${side.vectors.displayPath}: ${err.message}`,
      job.at('model'),
    );
    return undefined;
  }
}

/** The single run's way: the model over the whole file. */
export function runWhole(ctx: Pick<StagingContext, 'openVectors'>): ConsumerRun {
  return async ({ vectors, run }) => {
    const source = await ctx.openVectors(vectors.path, vectors.open);
    try {
      return await run(source);
    } finally {
      await source.close();
    }
  };
}

/**
 * Run: the candidate first (its outputs must fit the task, cover the labels and be
 * finite), then the labels decoded for the output's width, then the baseline when there is
 * one the model takes.
 */
export async function run(job: Job, model: LoadedModel, planned: RunPlan): Promise<Ran> {
  const { feed, table, labelsFile } = planned;
  const { staging, emit } = job;
  const candidate = await runSide(job, model, table, job.ctx.candidate, feed);
  if (job.ctx.recordOnly) {
    // A shard: the baseline's rows are read whatever the candidate's rows of this shard
    // show (the merge decides on all of them); nothing is judged here.
    if (candidate) await runBaseline(job, model, table);
    return {};
  }
  if (!candidate) return {};
  const widthProblem = outputWidthProblem(staging, candidate.width, feed.output);
  if (widthProblem) {
    emitIo(job, widthProblem);
    return {};
  }
  const examples = candidate.foundCount;
  if (!candidateUsable(job, candidate, table, feed)) return { examples };
  let labels: DecodedLabels;
  try {
    labels = decodeLabels(staging, table, labelsFile, candidate.width);
  } catch (err) {
    if (!(err instanceof LabelsError)) throw err;
    emit('staging.labels', err.message, { file: err.file, ...(err.line && { line: err.line }) });
    return { examples };
  }
  const baseline = await runBaseline(job, model, table);
  return { examples, outputs: { candidate, labels, ...(baseline && { baseline }) } };
}

/** The candidate's outputs cover some labeled ids and are finite; false after an error finding. */
function candidateUsable(job: Job, cand: ModelOutputs, table: LabelTable, feed: FeedPlan): boolean {
  const { emit, at } = job;
  const candidateFile = job.ctx.candidate.vectors.displayPath;
  if (cand.foundCount === 0) {
    emit(
      'staging.labels',
      `none of the ${table.ids.length} labeled ids (e.g. ${JSON.stringify(table.ids[0])}) is in the candidate's vectors ${candidateFile}; nothing to judge`,
      at('labels'),
    );
    return false;
  }
  if (cand.foundCount < table.ids.length) {
    const missing = table.ids.filter((_, e) => !cand.found[e]);
    emit(
      'staging.coverage',
      `${missing.length} of ${table.ids.length} labeled ids are not in the candidate's vectors ${candidateFile} (first: ${missing
        .slice(0, 5)
        .map((m) => JSON.stringify(m))
        .join(', ')}); judged on the other ${cand.foundCount}`,
      at('labels'),
      { severity: 'warning', expected: table.ids.length, found: cand.foundCount },
    );
  }
  if (cand.nonFinite.rows > 0) {
    emit(
      'staging.non-finite',
      `the model's output "${feed.output}" holds NaN or ±Inf for ${cand.nonFinite.rows} of ${cand.foundCount} candidate vectors (first ids: ${cand.nonFinite.firstIds.map((i) => JSON.stringify(i)).join(', ')}); expected finite outputs`,
      { file: candidateFile, id: cand.nonFinite.firstIds[0]! },
      { expected: 0, found: cand.nonFinite.rows },
    );
    return false;
  }
  return true;
}

/** The baseline's outputs, or undefined (with a warning when a max_drop goes unverified). */
async function runBaseline(
  job: Job,
  model: LoadedModel,
  table: LabelTable,
): Promise<ModelOutputs | undefined> {
  const { staging, emit, at } = job;
  const baseline = job.ctx.baseline;
  if (!baseline) {
    if (staging.max_drop !== undefined)
      emit(
        'staging.no-baseline',
        `allows a ${staging.metric === 'mse' ? 'rise' : 'drop'} of at most ${staging.max_drop} in ${staging.metric}; that needs --baseline, so it was not verified`,
        at('max_drop'),
        { severity: 'warning' },
      );
    return undefined;
  }
  const feed = planFeed(model, staging, baseline.vectors.info, 'baseline');
  if (!feed.plan) {
    emit(
      'staging.no-baseline',
      `the model does not take the baseline's vectors (${feed.problems.map((p) => p.message).join('; ')}); only the candidate's floor is judged`,
      at('model'),
      { severity: 'warning' },
    );
    return undefined;
  }
  const base = await runSide(job, model, table, baseline, feed.plan);
  if (base && base.nonFinite.rows > 0) {
    emit(
      'staging.no-baseline',
      `the model's output holds NaN or ±Inf for ${base.nonFinite.rows} baseline vectors (first ids: ${base.nonFinite.firstIds.map((i) => JSON.stringify(i)).join(', ')}); those examples are left out of the comparison`,
      { file: baseline.vectors.displayPath, id: base.nonFinite.firstIds[0]! },
      { severity: 'warning' },
    );
  }
  return base;
}
