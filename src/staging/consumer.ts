/**
 * Staging validation of one consumer, in four steps with typed results between them:
 * load (the declaration's consistency, the ONNX model), plan (that the model takes the
 * candidate's vectors — before running anything — and the labeled ids), run (both
 * versions' labeled vectors through the model) and judge (the metric against the
 * contract's floor and allowed drop). Findings carry their natural severity and the
 * consumer; whether a pending consumer's finding blocks is decided in judgeFindings.
 */
import type { LoadedContract, StagingDeclaration } from '../config/contract.js';
import type { Finding } from '../config/findings.js';
import { deriveSeed } from '../retrieval/stats.js';
import type { StagingContext } from './context.js';
import { emitIo, newJob, type Job } from './consumer-job.js';
import { run, type Ran, type RunPlan } from './consumer-run.js';
import { planFeed } from './feed.js';
import { loadModel, readCapped, StagingFileError, type LoadedModel } from './files.js';
import { LabelsError, parseLabels } from './labels.js';
import { metricFunction, perExampleScores, isPerExample, type StagingMetric } from './metrics.js';
import { predictionsOf, truthOf, usableExamples, type DecodedLabels } from './predict.js';
import type { ModelOutputs } from './run-model.js';
import type { StagingConsumerResult, TensorSignature } from './types.js';
import {
  floorVerdict,
  pairedVerdict,
  type SideMetric,
  type StagingRule,
  type StagingVerdict,
} from './verdict.js';

/** Metrics each task may be judged by. */
const TASK_METRICS: Readonly<Record<StagingDeclaration['task'], readonly StagingMetric[]>> = {
  classification: ['accuracy', 'macro_f1', 'roc_auc'],
  regression: ['mse'],
  ranking: ['roc_auc'],
};

/** The plan step's result: what the model declares, and what to run when it can run. */
interface Planned {
  readonly input?: TensorSignature;
  readonly output?: TensorSignature;
  readonly run?: RunPlan;
}

/** The judge step's contribution to the result; undefined when nothing could be judged. */
type Judged = Pick<
  StagingConsumerResult,
  'outcome' | 'paired' | 'candidate' | 'baseline' | 'delta' | 'ci' | 'p' | 'iterations'
>;

/** Runs one contract's staging model; never throws for problems of the model or its files. */
export async function stageConsumer(
  ctx: StagingContext,
  loaded: LoadedContract,
): Promise<{ result: StagingConsumerResult; findings: Finding[] }> {
  const findings: Finding[] = [];
  const job = newJob(ctx, loaded, findings);
  const { staging } = job;
  let result: StagingConsumerResult = {
    consumer: job.consumer,
    contract: loaded.doc.file,
    status: loaded.contract!.status ?? 'active',
    model: job.display(job.modelPath),
    task: staging.task,
    metric: staging.metric,
    outcome: 'error',
    ...(staging.min !== undefined && { min: staging.min }),
    ...(staging.max !== undefined && { max: staging.max }),
    ...(staging.max_drop !== undefined && { maxDrop: staging.max_drop }),
  };
  const done = () => ({ result, findings });

  const model = await load(job);
  if (!model) return done();
  try {
    const { run: toRun, ...signatures } = await plan(job, model);
    result = { ...result, ...signatures };
    if (!toRun) return done();
    const ran = await run(job, model, toRun);
    if (ran.examples !== undefined) result = { ...result, examples: ran.examples };
    if (!ran.outputs) return done();
    const judged = judge(job, ran.outputs);
    if (judged) result = { ...result, ...judged };
    return done();
  } finally {
    await model.session.release();
  }
}

/** Load: a declaration whose parts fit together, then the model; undefined after a finding. */
async function load(job: Job): Promise<LoadedModel | undefined> {
  const { ctx, staging, emit, at } = job;
  const configProblem = checkConfig(staging);
  if (configProblem) {
    emit('staging.config', configProblem.message, at(configProblem.field));
    return undefined;
  }
  try {
    return await loadModel(job.modelPath, job.display(job.modelPath), {
      maxBytes: ctx.limits.maxModelBytes,
      ort: ctx.ort,
      threads: ctx.limits.threads,
      sha256: staging.sha256,
      what: 'consumer model',
      openSource: ctx.openSource,
    });
  } catch (err) {
    if (!(err instanceof StagingFileError)) throw err;
    emit('staging.model', err.message, at('model'));
    return undefined;
  }
}

/** Plan: does the model take the candidate's vectors, and which ids are labeled. */
async function plan(job: Job, model: LoadedModel): Promise<Planned> {
  const { ctx, staging, emit, at } = job;
  const feed = planFeed(model, staging, ctx.candidate.vectors.info, 'candidate');
  const signatures = {
    ...(feed.input && { input: feed.input }),
    ...(feed.output && { output: feed.output }),
  };
  if (!feed.plan) {
    for (const p of feed.problems) emitIo(job, p);
    return signatures;
  }
  const labelsFile = job.display(job.labelsPath);
  try {
    const bytes = await readCapped(
      job.labelsPath,
      labelsFile,
      ctx.limits.maxDataBytes,
      'labels file',
      ctx.openSource,
    );
    const table = parseLabels(new TextDecoder().decode(bytes), labelsFile);
    return { ...signatures, run: { feed: feed.plan, table, labelsFile } };
  } catch (err) {
    if (err instanceof LabelsError)
      emit('staging.labels', err.message, { file: err.file, ...(err.line && { line: err.line }) });
    else if (err instanceof StagingFileError) emit('staging.labels', err.message, at('labels'));
    else throw err;
    return signatures;
  }
}

/**
 * Judge: the metric on the examples usable in every run, paired with the baseline when
 * there is one, decided by the one rule (src/retrieval/decision.ts); a finding unless it
 * passes. Undefined when the metric cannot be computed (after an error finding).
 */
function judge(job: Job, outputs: NonNullable<Ran['outputs']>): Judged | undefined {
  const { staging, emit, at } = job;
  const { candidate: cand, baseline: base, labels } = outputs;
  const rule: StagingRule = {
    metric: staging.metric,
    ...(staging.min !== undefined && { min: staging.min }),
    ...(staging.max !== undefined && { max: staging.max }),
    ...(staging.max_drop !== undefined && { maxDrop: staging.max_drop }),
  };
  const examples = usableExamples(base ? [cand, base] : [cand]);
  if (examples.length === 0) {
    emit(
      'staging.labels',
      `no labeled id is in both versions' vectors; nothing to compare`,
      at('labels'),
    );
    return undefined;
  }
  const side = (run: ModelOutputs) => sideMetric(staging, labels, run, examples);
  const seed = deriveSeed(job.ctx.seed, `staging:${job.consumer}`);
  const verdict = base
    ? pairedVerdict(rule, side(base), side(cand), examples.length, seed)
    : floorVerdict(rule, side(cand));
  if (
    Number.isNaN(verdict.candidate) ||
    (verdict.baseline !== undefined && Number.isNaN(verdict.baseline))
  ) {
    emit(
      'staging.labels',
      `${staging.metric} is undefined on the ${examples.length} labeled examples: they hold one class only; roc_auc needs positives and negatives`,
      at('labels'),
    );
    return undefined;
  }
  if (verdict.status !== 'pass') emitVerdict(job, rule, verdict);
  return {
    outcome: verdict.status,
    ...(base && { paired: examples.length }),
    candidate: verdict.candidate,
    ...(verdict.baseline !== undefined && { baseline: verdict.baseline }),
    ...(verdict.delta !== undefined && { delta: verdict.delta }),
    ...(verdict.ci && { ci: verdict.ci }),
    ...(verdict.p !== undefined && { p: verdict.p }),
    ...(verdict.iterations !== undefined && { iterations: verdict.iterations }),
  };
}

/** One version's metric over `examples`, with per-example scores when it is a mean. */
function sideMetric(
  staging: StagingDeclaration,
  labels: DecodedLabels,
  run: ModelOutputs,
  examples: Int32Array,
): SideMetric {
  const predictions = predictionsOf(staging, run, examples);
  const truth = truthOf(labels, examples);
  return {
    value: metricFunction(staging.metric, predictions, truth),
    ...(isPerExample(staging.metric) && {
      perExample: perExampleScores(staging.metric as 'accuracy' | 'mse', predictions, truth),
    }),
  };
}

/** A fail or inconclusive verdict as a finding, at the contract field that decided it. */
function emitVerdict(job: Job, rule: StagingRule, verdict: StagingVerdict): void {
  job.emit(
    verdict.status === 'fail' ? 'staging.metric' : 'staging.inconclusive',
    `${job.display(job.modelPath)} on the candidate's vectors: ${verdict.message}`,
    job.at(verdict.decidedBy ?? 'max_drop'),
    {
      ...(verdict.status === 'inconclusive' && { severity: 'warning' as const }),
      expected: { min: rule.min, max: rule.max, max_drop: rule.maxDrop },
      found: {
        candidate: verdict.candidate,
        baseline: verdict.baseline,
        delta: verdict.delta,
        ci: verdict.ci && [verdict.ci.low, verdict.ci.high],
        p: verdict.p,
      },
    },
  );
}

/** Task, metric and thresholds that do not fit together (the schema cannot say so clearly). */
function checkConfig(s: StagingDeclaration): { field: string; message: string } | undefined {
  const allowed = TASK_METRICS[s.task];
  if (!allowed.includes(s.metric))
    return {
      field: 'metric',
      message: `metric ${s.metric} does not judge a ${s.task} model; expected ${allowed.join(' or ')}`,
    };
  if (s.metric === 'mse' && s.min !== undefined)
    return { field: 'min', message: 'mse is a loss: give its ceiling as max, not min' };
  if (s.metric !== 'mse' && s.max !== undefined)
    return { field: 'max', message: `${s.metric} is a score: give its floor as min, not max` };
  if (s.metric !== 'mse' && s.max_drop !== undefined && s.max_drop > 1)
    return {
      field: 'max_drop',
      message: `${s.metric} lies in [0, 1]; a max_drop of ${s.max_drop} allows anything`,
    };
  if (s.threshold !== undefined && s.task !== 'classification')
    return { field: 'threshold', message: `threshold applies to classification, not ${s.task}` };
  return undefined;
}
